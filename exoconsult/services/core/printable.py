"""Whether free text typed for an irreversible record (a review reason, a withdrawal note, a reason for
shortening the reflection period, a patient's question) can be printed in its sealed document: the
document font cannot draw emoji and some other characters, which would print as empty boxes. The
screens ask here while the user types, so the problem is fixed before anything is signed."""

from __future__ import annotations

from exoconsult.documents.fonts import register_fonts
from exoconsult.domain.text import free_text_problem


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
    """Why this text cannot go into a printed record as typed, or None (English; the screen translates)."""
    if (why := free_text_problem(text, max_len=max_len)):
        return f"The text {why}."
    missing = unprintable_characters(text)
    if missing:
        shown = " ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        return (f"These characters cannot be printed in the document and would appear as empty boxes: {shown}. "
                "Please remove them (emoji are not printed).")
    return None
