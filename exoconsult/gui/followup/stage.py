"""Registers the Follow-up page as the workspace's "followup" stage (listed in gui/stages.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_followup_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.followup.followup_page import FollowupPage

    return FollowupPage(context.services, context.session, context.runner, context.patient, parent)


register_stage("followup", QT_TRANSLATE_NOOP("Stages", "Follow-up"), make_followup_page)
