"""Registers the Consent page as the workspace's "consent" stage (discovered by gui/stages.py)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from exoconsult.gui.stages import StageContext, register_stage


def make_consent_page(context: StageContext, parent: QWidget) -> QWidget:
    from exoconsult.gui.consent.consent_page import ConsentPage

    return ConsentPage(context.services, context.session, context.runner, context.patient, parent)


register_stage("consent", QT_TRANSLATE_NOOP("Stages", "Consent"), make_consent_page)
