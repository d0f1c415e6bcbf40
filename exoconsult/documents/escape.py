"""The one gate between untrusted text and reportlab (SEC-3).

reportlab's ``Paragraph`` parses its input as mini-HTML (``<img src>``, ``<font>``, ``<a href>``,
entities). Every patient-, clinician- and content-supplied string therefore passes through
``escape_markup`` (or ``inline_markup``, which escapes first and only then adds the one formatting
we allow, ``**bold**``). Canvas strings (headers, footers) are not parsed as markup but still go
through ``clean_text`` so control characters never reach the PDF.

Cleaning rules, chosen so that what a person typed is what the paper shows:

* C0/C1 control characters are removed (tab becomes a space; newline is kept as a line break).
* Code points that are not allowed in XML (lone surrogates, U+FFFE/U+FFFF) become U+FFFD; the
  paragraph parser would otherwise reject the whole document.
* Characters the embedded font has no glyph for (emoji) become U+FFFD, so the reader sees that
  something was there instead of a silent gap; unmapped spaces become a space, and unmapped
  invisible format characters (e.g. U+2066 isolates) are dropped rather than drawn as ".notdef".
* Everything else - bidi overrides, zero-width characters, any script DejaVu covers - is kept and
  rendered literally.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

REPLACEMENT = "\ufffd"

GlyphCheck = Callable[[int], bool]

_BOLD_SPAN = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)


def _is_xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


class _CleanTable(dict[int, str]):
    """``str.translate`` table built lazily: each code point is classified once per glyph check.

    A consent cleans a few hundred strings of the same few hundred characters; translating through
    a remembered table is one C loop instead of a Python step per character.
    """

    def __init__(self, has_glyph: GlyphCheck | None) -> None:
        super().__init__()
        self._has_glyph = has_glyph

    def __missing__(self, code: int) -> str:
        self[code] = replacement = _clean_char(code, self._has_glyph)
        return replacement


def _clean_char(code: int, has_glyph: GlyphCheck | None) -> str:
    ch = chr(code)
    if ch == "\n":
        return ch
    if ch == "\t":
        return " "
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return ""
    if not _is_xml_char(code):
        return REPLACEMENT
    if has_glyph is not None and not has_glyph(code):
        category = unicodedata.category(ch)
        if category == "Cf":
            return ""  # an invisible format character the font cannot even map: nothing to show
        return " " if category.startswith("Z") else REPLACEMENT
    return ch


@lru_cache(maxsize=16)
def _table(has_glyph: GlyphCheck | None) -> _CleanTable:
    return _CleanTable(has_glyph)


def clean_text(text: str, has_glyph: GlyphCheck | None = None) -> str:
    """Plain text safe to draw: controls removed, unencodable or unprintable code points replaced."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_table(has_glyph))


def single_line(text: str, has_glyph: GlyphCheck | None = None) -> str:
    """``clean_text`` with line breaks folded to spaces, for one-line canvas strings."""
    return " ".join(clean_text(text, has_glyph).split("\n"))


def _escape_cleaned(text: str) -> str:
    # The order matters: "&" first, or the entities we add would be escaped again.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escape_markup(text: str, has_glyph: GlyphCheck | None = None) -> str:
    """Paragraph markup that shows ``text`` literally; newlines become ``<br/>``."""
    return _escape_cleaned(clean_text(text, has_glyph)).replace("\n", "<br/>")


def inline_markup(text: str, has_glyph: GlyphCheck | None = None) -> str:
    """Like ``escape_markup`` but ``**bold**`` spans become bold. Nothing else is interpreted.

    The bold conversion runs on already-escaped text and only emits ``<b>``/``</b>`` pairs around
    non-empty spans, so it can never produce unbalanced or foreign markup.
    """
    escaped = _escape_cleaned(clean_text(text, has_glyph))
    bolded = _BOLD_SPAN.sub(lambda m: f"<b>{m.group(1)}</b>", escaped)
    return bolded.replace("\n", "<br/>")
