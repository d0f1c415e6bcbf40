"""Visit statuses in the clinician's words (Qt translations), shared by the stage and Today."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

STATUS = {
    "upcoming": QT_TRANSLATE_NOOP("Followup", "upcoming"),
    "due": QT_TRANSLATE_NOOP("Followup", "due now"),
    "overdue": QT_TRANSLATE_NOOP("Followup", "OVERDUE"),
    "done": QT_TRANSLATE_NOOP("Followup", "done"),
    "missed": QT_TRANSLATE_NOOP("Followup", "missed"),
    "lost": QT_TRANSLATE_NOOP("Followup", "lost to follow-up"),
    "not_requested": QT_TRANSLATE_NOOP("Followup", "not requested (withdrawn)"),
}


def status_text(status: str) -> str:
    return QCoreApplication.translate("Followup", STATUS.get(status, status))
