"""Asks the date a visit took place (typed dd.mm.yyyy or picked), defaulting to today."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from exoconsult.gui.history.question_widgets import DateWidget
from exoconsult.gui.widgets import field_message_label, plain_label


class VisitDateDialog(QDialog):
    def __init__(self, visit_label: str, default: date, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitDateDialog")
        self.setWindowTitle(self.tr("Record the visit"))
        self.date = DateWidget(lang, self)
        self.date.setObjectName("visitDate")
        self.date.set_value(default.isoformat())
        self.message = field_message_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("%1 took place on:").replace("%1", visit_label), self))
        layout.addWidget(self.date)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def value(self) -> date | None:
        text = self.date.value()
        return date.fromisoformat(text) if text else None

    def _on_ok(self) -> None:
        if self.value() is None:
            self.message.setText(self.date.problem() or self.tr("Give the date of the visit."))
            self.message.show()
            return
        self.accept()
