"""The language the adverse-event screens word their lists in (terms, grades, seriousness, relatedness,
outcomes, recipients…). The wording itself lives once, in the document catalogues the printed reports use
(forms/i18n/documents.<lang>.yaml, section adverse_event), and comes from the clinic's own copy through
AdverseEventService.list_words: a screen asks for it once and words every list with the `ListWords` it gets."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from exoconsult.gui.ui_language import SOURCE_LANGUAGE, document_languages


def screen_language() -> str:
    """The application's locale when documents are printed in it, else English (the service falls back the same
    way on the clinic's own registry)."""
    code = QLocale().name().split("_")[0]
    return code if code in document_languages() else SOURCE_LANGUAGE
