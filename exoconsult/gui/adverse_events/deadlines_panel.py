"""On Today: serious adverse events whose report is still owed (7 days for a fatal or life-threatening
event, 15 for any other serious one), soonest first, overdue ones in red. Hidden while none is owed.
Double-click opens the patient."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from exoconsult.gui.adverse_events.words import recipient_text, term_word
from exoconsult.gui.local_format import date_text
from exoconsult.gui.tones import ink, tone
from exoconsult.gui.widgets import plain_label
from exoconsult.services.adverse_events.ae_dto import DeadlineDTO


class DeadlinesPanel(QWidget):
    open_patient_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saeDeadlines")
        self.rows: list[DeadlineDTO] = []
        self.title = plain_label("", self)
        self.title.setStyleSheet(ink("error", "font-weight: bold;"))
        headers = [self.tr("Due"), self.tr("Patient"), self.tr("MRN"), self.tr("Event"), self.tr("Days"),
                   self.tr("Report still owed to")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("saeDeadlineTable")
        self.table.setAccessibleName(self.tr("Serious adverse events: reports due"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.table.doubleClicked.connect(self._on_double_click)
        self.show_deadlines([])

    def show_deadlines(self, rows) -> None:
        self.rows = list(rows)
        self.title.setText(self.tr("Serious adverse events: reports due (%1)").replace("%1", str(len(self.rows))))
        self.table.setRowCount(len(self.rows))
        for r, due in enumerate(self.rows):
            d = due.deadline
            days = (self.tr("%1 days overdue").replace("%1", str(-d.days_left)) if d.overdue else
                    self.tr("%1 days left").replace("%1", str(d.days_left)))
            rule = self.tr("%1-day rule").replace("%1", str(d.days))
            values = (date_text(d.due_on), due.patient_name, due.mrn, term_word(due.term, due.term_other), f"{days} ({rule})",
                      ", ".join(recipient_text(x) for x in d.outstanding))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if d.overdue:
                    item.setForeground(QBrush(tone("error")))
                self.table.setItem(r, c, item)
        self.setVisible(bool(self.rows))

    def _on_double_click(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.open_patient_requested.emit(self.rows[index.row()].patient_id)
