"""Registers the Assessment page as the workspace's "assessment" stage, and takes its missing-field links
to the History stage."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


class HistoryJump(QObject):
    """Opens the History stage at a field when the assessment page asks for it.

    The history page is asked through `jump_to_field(field_id)` when it offers that method; until it
    does, the History stage is opened at its start."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page

    def open_field(self, field_id: str) -> None:
        workspace = self._page.parent()
        while workspace is not None and not hasattr(workspace, "show_stage"):
            workspace = workspace.parent()
        if workspace is None:
            return
        history = workspace.show_stage("history")
        jump = getattr(history, "jump_to_field", None)
        if callable(jump):
            jump(field_id)


def make_assessment_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.assessment.view import AssessmentPage
    from exoconsult.services.assessment.assessments import AssessmentService

    service = getattr(context.services, "assessments", None) or AssessmentService(context.services.ctx)
    page = AssessmentPage(service, context.session, context.runner, context.patient.id, parent,
                          mrn=context.patient.data.mrn)
    page.history_jump = HistoryJump(page)
    page.jump_to_field.connect(page.history_jump.open_field)
    return page


register_stage("assessment", QT_TRANSLATE_NOOP("Stages", "Assessment"), make_assessment_page)
