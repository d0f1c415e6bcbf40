"""On Today: serious adverse events whose report is still owed (7 days for a fatal or life-threatening
event, 15 for any other serious one), soonest first, overdue ones in red. Hidden while none is owed.
Double-click opens the patient. Terms and recipients are worded by the clinic's catalogue in the screen
language, asked for once when the panel is built."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from exoconsult.domain import adverse_events as ae
from exoconsult.gui.adverse_events.words import screen_language
from exoconsult.gui.local_format import date_text
from exoconsult.gui.tones import ink, tone
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.adverse_events.ae_dto import DeadlineDTO, ListWords
from exoconsult.services.adverse_events.events import AdverseEventService
from exoconsult.services.core.permissions import Permission


class DeadlinesPanel(QWidget):
    open_patient_requested = Signal(int)

    def __init__(self, ctx, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saeDeadlines")
        self.rows: list[DeadlineDTO] = []
        self.words: ListWords | None = None  # rows arriving before their wording wait for it (_on_words)
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
        if session.can(Permission.ADVERSE_EVENT_VIEW):
            runner.submit(partial(AdverseEventService(ctx).list_words, session.actor, screen_language()),
                          self._on_words, self._on_error, label=self.tr("Loading adverse events…"))

    def _on_words(self, words: ListWords) -> None:
        self.words = words
        self.show_deadlines(self.rows)

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)

    def show_deadlines(self, rows) -> None:
        self.rows = list(rows)
        if self.words is None:
            self.setVisible(False)
            return
        self.title.setText(self.tr("Serious adverse events: reports due (%1)").replace("%1", str(len(self.rows))))
        self.table.setRowCount(len(self.rows))
        for r, due in enumerate(self.rows):
            d = due.deadline
            days = (self.tr("%1 days overdue").replace("%1", str(-d.days_left)) if d.overdue else
                    self.tr("%1 days left").replace("%1", str(d.days_left)))
            rule = self.tr("%1-day rule").replace("%1", str(d.days))
            values = (date_text(d.due_on), due.patient_name, due.mrn, self.words.term(due.term, due.term_other),
                      f"{days} ({rule})", ", ".join(self.words.word(ae.RECIPIENTS, x) for x in d.outstanding))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if d.overdue:
                    item.setForeground(QBrush(tone("error")))
                self.table.setItem(r, c, item)
        self.setVisible(bool(self.rows))

    def _on_double_click(self, index) -> None:
        if 0 <= index.row() < len(self.rows):
            self.open_patient_requested.emit(self.rows[index.row()].patient_id)
