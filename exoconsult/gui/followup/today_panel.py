"""On Today: follow-up due this week, overdue, and missed in the last month, one table, soonest first;
double-click opens the patient, "Reminder letter…" prints the letter for the selected patient's visit
in his language. Hidden while nothing is due."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.followup.words import status_text
from exoconsult.gui.history.texts import pick
from exoconsult.gui.local_format import date_text
from exoconsult.gui.procedure.discharge_dialog import PrintablePdfDialog
from exoconsult.gui.tones import tone
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.followup.followup import FollowupService
from exoconsult.services.followup.followup_dto import FollowupDueRow, FollowupToday


class FollowupPanel(QWidget):
    open_patient_requested = Signal(int)

    def __init__(self, ctx, session, runner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayFollowup")
        self.session, self.runner, self.lang = session, runner, lang
        self.service = FollowupService(ctx)
        self.rows: list[tuple[str, FollowupDueRow]] = []
        self.title = plain_label("", self, object_name="todayFollowupTitle")
        self.letter_button = QPushButton(self.tr("Reminder letter…"), self)
        self.letter_button.setObjectName("todayReminderLetter")
        headers = [self.tr("List"), self.tr("Due"), self.tr("Window"), self.tr("Patient"), self.tr("MRN"),
                   self.tr("Visit"), self.tr("Status")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("todayFollowupTable")
        self.table.setAccessibleName(self.tr("Follow-up: due this week, overdue, missed"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(170)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.letter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.letter_button.clicked.connect(self._on_letter)
        self.show_followup(FollowupToday())

    def show_followup(self, today: FollowupToday) -> None:
        self.rows = ([(self.tr("due this week"), r) for r in today.due_this_week]
                     + [(self.tr("overdue"), r) for r in today.overdue] + [(self.tr("missed"), r) for r in today.missed])
        self.title.setText(self.tr("Follow-up: %1 due this week, %2 overdue, %3 missed").replace(
            "%1", str(len(today.due_this_week))).replace("%2", str(len(today.overdue))).replace(
            "%3", str(len(today.missed))))
        self.table.setRowCount(len(self.rows))
        for r, (which, row) in enumerate(self.rows):
            values = (which, date_text(row.due), f"{date_text(row.first)} – {date_text(row.last)}",
                      row.patient_name, row.mrn, pick(row.visit_label, self.lang), status_text(row.status))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.status == "overdue":
                    item.setForeground(QBrush(tone("error")))
                self.table.setItem(r, c, item)
        self.setVisible(bool(self.rows))
        self._update_button()

    def selected(self) -> FollowupDueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()][1] if rows and rows[0].row() < len(self.rows) else None

    def _update_button(self) -> None:
        chosen = self.selected()
        self.letter_button.setEnabled(chosen is not None and chosen.status != "missed")

    def _on_double_click(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.open_patient_requested.emit(self.rows[index.row()][1].patient_id)

    def _on_letter(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.runner.submit(partial(self.service.reminder_letter, self.session.actor, chosen.record_id,
                                   chosen.visit_key), partial(self._open_letter, f"reminder-{chosen.mrn}.pdf"),
                           self._on_error, label=self.tr("Preparing the letter…"))

    def _open_letter(self, name: str, pdf: bytes) -> None:
        self.preview = PrintablePdfDialog(self.tr("Reminder letter"), pdf, name, self,
                                          object_name="reminderLetterDialog", print_name="printReminder")
        self.preview.open()

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
