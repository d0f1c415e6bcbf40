"""Registers the History page as the consultation workspace's "history" stage (found by
exoconsult.gui.stages.load_stage_plugins, which imports every gui/<package>/stage.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_history_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.history.history_page import HistoryPage
    from exoconsult.services.cases import CaseService
    from exoconsult.services.history import HistoryService

    services = context.services
    history = getattr(services, "history", None) or HistoryService(services.ctx)
    cases = getattr(services, "cases", None) or CaseService(services.ctx)
    # The workspace may carry a consultation language; otherwise the clinic's clinician language is used.
    lang = getattr(context, "language", None)
    return HistoryPage(history, context.session, context.runner, context.patient.id, lang,
                       case_service=cases, settings_service=getattr(services, "settings", None), parent=parent)


register_stage("history", QT_TRANSLATE_NOOP("Stages", "History"), make_history_page)
