"""Registers the clinician's console as the workspace's "explanation" stage (found by
exoconsult.gui.stages.load_stage_plugins, which imports every gui/<package>/stage.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_explanation_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.explanation.console_page import ExplanationConsole

    return ExplanationConsole(context.services, context.session, context.runner, context.patient, parent)


register_stage("explanation", QT_TRANSLATE_NOOP("Stages", "Explanation"), make_explanation_page)
