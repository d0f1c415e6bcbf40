"""The adverse-event lists (terms, grades, seriousness, relatedness, outcomes, recipients…) in the
language the screens speak: the wording lives once, in the document catalogues the printed reports use
(forms/i18n/documents.<lang>.yaml, section adverse_event); the screen picks the catalogue of the
application's locale, English when the screen language has no catalogue."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from exoconsult.domain import adverse_events as ae
from exoconsult.gui.ui_language import SOURCE_LANGUAGE, document_languages
from exoconsult.services.core.document_labels import DocumentWords, document_words


def screen_language() -> str:
    code = QLocale().name().split("_")[0]
    return code if code in document_languages() else SOURCE_LANGUAGE


def _words() -> DocumentWords:
    return document_words(screen_language())


def word(table: ae.Choices, key) -> str:
    return ae.label(_words(), table, key)


def term_word(term: str, other: str = "") -> str:
    """An event's term as the screen names it: the clinician's own words for "other"."""
    return other if term == "other" and other else word(ae.TERMS, term)


def recipient_text(key: str) -> str:
    return word(ae.RECIPIENTS, key)
