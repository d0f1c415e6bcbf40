"""The adverse-event lists (terms, grades, seriousness, relatedness, outcomes, recipients…) in the
language the screens speak: the wording lives once, with the lists, in both languages; the screen picks
the one of the application's locale (Turkish when the clinic works in Turkish)."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from exoconsult.domain import adverse_events as ae


def screen_language() -> str:
    return "tr" if QLocale().name().startswith("tr") else "en"


def word(table: dict, key) -> str:
    return ae.label(table, key, screen_language())


def term_word(term: str, other: str = "") -> str:
    """An event's term as the screen names it: the clinician's own words for "other"."""
    return other if term == "other" and other else word(ae.TERMS, term)


def recipient_text(key: str) -> str:
    return word(ae.RECIPIENTS, key)
