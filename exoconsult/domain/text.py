"""Text rules shared by every layer: Turkish-aware search folding and what a name may contain.

Python's str.lower() is wrong for Turkish ("İ".lower() is "i" + U+0307; "I".lower() is "i", not "ı"),
and SQLite's NOCASE/LIKE fold ASCII only. So search keys are computed here, stored, and indexed.
"""

from __future__ import annotations

import unicodedata

from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message

# Turkish case map first, then everything folds to its base Latin letter so that a user typing
# without Turkish letters ("isik") still finds "IŞIK" and "Işık".
_TURKISH_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_FOLD_LETTERS = str.maketrans({"ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u", "â": "a", "î": "i", "û": "u"})

_BIDI_AND_ZERO_WIDTH = {
    *range(0x202A, 0x202F),  # LRE..RLO, PDF
    *range(0x2066, 0x206A),  # isolates
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF,
}


def fold(text: str) -> str:
    """Search key: Turkish-aware lower case, diacritics removed, whitespace collapsed."""
    lowered = unicodedata.normalize("NFC", text).translate(_TURKISH_LOWER).lower()
    lowered = lowered.translate(_FOLD_LETTERS)
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split())


def turkish_upper(text: str) -> str:
    """Upper case with Turkish dotted/dotless i (for printing family names)."""
    return text.replace("i", "İ").replace("ı", "I").upper()


def name_problem(value: str, *, max_len: int = 100) -> str | None:
    """Why a personal name is not acceptable, or None. Letters, marks, space, hyphen, apostrophe, period."""
    fault = _name_fault(value, max_len)
    return None if fault is None else fault[0].format(**fault[1]).removeprefix("Name ").removesuffix(".")


def name_reason(value: str, *, max_len: int = 100) -> Reason | None:
    """The same as a sentence a screen shows in its own language ("Name is required.")."""
    fault = _name_fault(value, max_len)
    return None if fault is None else service_message(fault[0], **fault[1])


def _name_fault(value: str, max_len: int) -> tuple[str, dict[str, object]] | None:
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        return QT_TRANSLATE_NOOP("ServiceMessages", "Name is required."), {}
    if len(text) > max_len:
        return QT_TRANSLATE_NOOP("ServiceMessages", "Name is longer than {max_len} characters."), {"max_len": max_len}
    for ch in text:
        cat = unicodedata.category(ch)
        if ord(ch) in _BIDI_AND_ZERO_WIDTH or cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return QT_TRANSLATE_NOOP("ServiceMessages", "Name contains an invisible or control character."), {}
        if cat.startswith("L") or cat.startswith("M") or ch in " -'’.":
            continue
        return (QT_TRANSLATE_NOOP("ServiceMessages", "Name contains a character not allowed in a name: {char}."),
                {"char": repr(ch)})
    return None


def clean_name(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def free_text_problem(value: str, *, max_len: int = 10_000) -> str | None:
    """Free text (notes, addresses): newlines and tabs allowed, other control characters refused."""
    fault = _free_text_fault(value, max_len)
    return None if fault is None else fault[0].format(label="", **fault[1]).strip()


def free_text_reason(value: str, label: str, *, max_len: int = 10_000, label_context: str = "") -> Reason | None:
    """The same as a sentence about the field `label` (marked QT_TRANSLATE_NOOP("ServiceMessages", ...), or in
    `label_context`)."""
    fault = _free_text_fault(value, max_len)
    return None if fault is None else service_message(fault[0], terms={"label": label}, terms_context=label_context,
                                                      **fault[1])


def _free_text_fault(value: str, max_len: int) -> tuple[str, dict[str, object]] | None:
    if len(value) > max_len:
        return QT_TRANSLATE_NOOP("ServiceMessages", "{label} is longer than {max_len} characters"), {"max_len": max_len}
    for ch in value:
        if ch in "\n\t":
            continue
        if ord(ch) in _BIDI_AND_ZERO_WIDTH or unicodedata.category(ch) in ("Cc", "Cs"):
            return QT_TRANSLATE_NOOP("ServiceMessages", "{label} contains an invisible or control character"), {}
    return None
