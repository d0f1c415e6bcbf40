"""Registers the Procedure page as the workspace's "procedure" stage (listed in gui/stages.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_procedure_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.procedure.procedure_page import ProcedurePage

    return ProcedurePage(context.services, context.session, context.runner, context.patient, parent)


register_stage("procedure", QT_TRANSLATE_NOOP("Stages", "Procedure"), make_procedure_page)
