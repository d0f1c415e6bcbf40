"""Registers the History page as the consultation workspace's "history" stage (found by
exoconsult.gui.stages.load_stage_plugins, which imports every gui/<package>/stage.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_history_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.history.history_page import HistoryPage
    from exoconsult.services.history.cases import CaseService
    from exoconsult.services.history.history import HistoryService

    services = context.services
    history = getattr(services, "history", None) or HistoryService(services.ctx)
    cases = getattr(services, "cases", None) or CaseService(services.ctx)
    page = HistoryPage(history, context.session, context.runner, context.patient.id, case_service=cases,
                       parent=parent)  # in the interface language
    # "Close patient" destroys the page without hiding it first: save what was typed in the last
    # second before that. Connected here, while the workspace is still being built, so this slot runs
    # before the one that removes the workspace.
    workspace = parent.parentWidget() if parent is not None else None
    closed = getattr(workspace, "closed", None)
    if closed is not None:
        closed.connect(page.about_to_close)
    return page


register_stage("history", QT_TRANSLATE_NOOP("Stages", "History"), make_history_page)
