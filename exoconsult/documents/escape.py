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


def clean_text(text: str, has_glyph: GlyphCheck | None = None) -> str:
    """Plain text safe to draw: controls removed, unencodable or unprintable code points replaced."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            continue
        elif not _is_xml_char(code):
            out.append(REPLACEMENT)
        elif has_glyph is not None and not has_glyph(code):
            category = unicodedata.category(ch)
            if category == "Cf":
                continue  # an invisible format character the font cannot even map: nothing to show
            out.append(" " if category.startswith("Z") else REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


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
