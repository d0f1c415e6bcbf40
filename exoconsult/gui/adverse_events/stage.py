"""Registers the Adverse events page as the workspace's "adverse_events" stage (listed in gui/stages.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_adverse_events_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.adverse_events.page import AdverseEventsPage

    return AdverseEventsPage(context.services, context.session, context.runner, context.patient, parent)


register_stage("adverse_events", QT_TRANSLATE_NOOP("Stages", "Adverse events"), make_adverse_events_page)
