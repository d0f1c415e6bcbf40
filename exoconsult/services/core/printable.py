"""Whether free text typed for an irreversible record (a review reason, a withdrawal note, a reason for
shortening the reflection period, a patient's question) can be printed in its sealed document: the
document font cannot draw emoji and some other characters, which would print as empty boxes. The
screens ask here while the user types, so the problem is fixed before anything is signed."""

from __future__ import annotations

import math

from exoconsult.documents.fonts import register_fonts
from exoconsult.domain.text import free_text_problem, free_text_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message


def unprintable_characters(text: str) -> list[str]:
    """The distinct characters of `text` the document font cannot draw, in order of appearance."""
    fonts = register_fonts()
    seen: list[str] = []
    for ch in text:
        if ch not in "\n\t" and not fonts.has_glyph(ord(ch)) and ch not in seen:
            seen.append(ch)
    return seen


def print_problem(text: str, *, max_len: int = 10_000) -> str | None:
    """The same check as a phrase for "<Field> {why}." messages: services refuse what the screens warn about,
    so text from any caller (CLI, an older screen, a script) cannot reach a sealed record as empty boxes."""
    if (why := free_text_problem(text, max_len=max_len)):
        return why
    missing = unprintable_characters(text)
    if missing:
        return f"contains characters the document cannot print ({' '.join(missing[:8])}); emoji are not printed"
    return None


def printable_problem(text: str, *, max_len: int = 10_000) -> str | None:
    """Why this text cannot go into a printed record as typed, or None (English: logs, command line)."""
    why = printable_reason(text, max_len=max_len)
    return None if why is None else why.english()


def printable_reason(text: str, *, max_len: int = 10_000, label: str = "", label_context: str = "") -> Reason | None:
    """The same as words the screen shows in its own language while the user types. `label`: the field's
    name (marked QT_TRANSLATE_NOOP("ServiceMessages", ...)), "The text" when not given."""
    if (why := free_text_reason(text, label or QT_TRANSLATE_NOOP("ServiceMessages", "The text"), max_len=max_len,
                                label_context=label_context if label else "")):
        return why
    missing = unprintable_characters(text)
    if missing:
        shown = " ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        return service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "These characters cannot be printed in the document and would appear as empty boxes: "
            "{shown}. Please remove them (emoji are not printed)."), shown=shown)
    return None


def text_field_reason(text: str | None, label: str, *, max_len: int, required: bool = True,
                      one_line: bool = False, label_context: str = "") -> Reason | None:
    """Why a typed field (`label` marked QT_TRANSLATE_NOOP("ServiceMessages", ...), or in `label_context`)
    cannot be recorded as it is: missing when required, more than one line where one is asked for, or not
    printable; None when it can."""
    value = (text or "").strip()
    named = {"terms": {"label": label}, "terms_context": label_context}
    if required and not value:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{label} is required."), **named)
    if one_line and "\n" in value:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be one line."), **named)
    return printable_reason(value, max_len=max_len, label=label, label_context=label_context)


def number_reason(value: object, label: str, low: float, high: float, *, whole: bool = False) -> Reason | None:
    """Why `value` is not a number (a whole number when `whole`) from `low` to `high`, or None."""
    is_number = isinstance(value, int if whole else int | float) and not isinstance(value, bool)
    if is_number and math.isfinite(value) and low <= value <= high:  # type: ignore[arg-type, operator]
        return None
    template = (QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be a whole number from {low} to {high}.") if whole
                else QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be a number from {low} to {high}."))
    return service_message(template, terms={"label": label}, low=float(low), high=float(high))
