"""The Follow-up stage of the workspace: the visits of the schedule for the opened patient's procedure
with their due dates, windows and statuses; record a visit (its date, then its record in generated
screens below the list), mark one missed, mark the patient lost to follow-up or back, print a reminder
letter in his language."""

from __future__ import annotations

from datetime import date
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.followup.visit_date_dialog import VisitDateDialog
from exoconsult.gui.followup.visit_editor import VisitEditor
from exoconsult.gui.followup.words import status_text
from exoconsult.gui.history.texts import pick
from exoconsult.gui.local_format import date_text
from exoconsult.gui.procedure.discharge_dialog import PrintablePdfDialog
from exoconsult.gui.widgets import ask_text, exec_dialog, plain_label, show_service_error
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission
from exoconsult.services.followup.followup import FollowupService
from exoconsult.services.followup.followup_dto import FollowupDTO, VisitDTO

OPEN = ("upcoming", "due", "overdue")


def _load(service: FollowupService, actor, patient_id: int):
    """Worker-thread job: the visit record's questionnaire and the patient's follow-up."""
    return service.visit_form(), service.for_patient(actor, patient_id)


class FollowupPage(QWidget):
    def __init__(self, services, session, runner, patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupPage")
        self.session, self.runner, self.patient = session, runner, patient
        self.ctx = services.ctx
        settings = services.clinic_settings()
        self.tz, self.lang = settings.time_zone, settings.clinician_language
        self.service = FollowupService(self.ctx)
        self.form = None
        self.followups: list[FollowupDTO] = []
        self.procedure = QComboBox(self)
        self.procedure.setObjectName("followupProcedure")
        self.banner = plain_label("", self, object_name="followupBanner")
        self.banner.setWordWrap(True)
        headers = [self.tr("Visit"), self.tr("Due"), self.tr("Window"), self.tr("Status"), self.tr("Recorded")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("followupVisits")
        self.table.setAccessibleName(self.tr("Follow-up visits"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.record_button = QPushButton(self.tr("Record the visit…"), self)
        self.record_button.setObjectName("recordVisit")
        self.missed_button = QPushButton(self.tr("Mark missed…"), self)
        self.missed_button.setObjectName("markMissed")
        self.lost_button = QPushButton(self.tr("Lost to follow-up…"), self)
        self.lost_button.setObjectName("markLost")
        self.back_button = QPushButton(self.tr("Back in follow-up…"), self)
        self.back_button.setObjectName("markResumed")
        self.letter_button = QPushButton(self.tr("Reminder letter…"), self)
        self.letter_button.setObjectName("reminderLetter")
        self.editor = VisitEditor(self.service, session, runner, self.lang, self)
        actions = QHBoxLayout()
        for button in (self.record_button, self.missed_button, self.lost_button, self.back_button,
                       self.letter_button):
            actions.addWidget(button)
        actions.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Procedure:"), self))
        top.addWidget(self.procedure, 1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(self.editor)
        splitter.setSizes([260, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.procedure.currentIndexChanged.connect(self._show_current)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.record_button.clicked.connect(self._on_record)
        self.missed_button.clicked.connect(self._on_missed)
        self.lost_button.clicked.connect(self._on_lost)
        self.back_button.clicked.connect(self._on_back)
        self.letter_button.clicked.connect(self._on_letter)
        self.editor.show_nothing("")
        self.refresh()

    # -- loading ----------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Part.FOLLOWUP, Part.PROCEDURE, Part.CONSENT, patient_id=self.patient.id):
            self.refresh()

    def refresh(self, *_args) -> None:
        self.runner.submit(partial(_load, self.service, self.session.actor, self.patient.id), self._on_loaded,
                           self._on_error, label=self.tr("Loading the follow-up…"))

    def _on_loaded(self, loaded) -> None:
        self.form, followups = loaded
        chosen = self.current()
        self.followups = followups
        self.procedure.blockSignals(True)
        self.procedure.clear()
        for fu in followups:
            self.procedure.addItem(self.tr("Injection on %1").replace("%1", date_text(fu.procedure_date)), fu.record_id)
        index = next((i for i, fu in enumerate(followups) if chosen and fu.record_id == chosen.record_id),
                     len(followups) - 1)
        self.procedure.setCurrentIndex(index)
        self.procedure.blockSignals(False)
        self._show_current()

    def current(self) -> FollowupDTO | None:
        index = self.procedure.currentIndex()
        return self.followups[index] if 0 <= index < len(self.followups) else None

    def selected_visit(self) -> VisitDTO | None:
        fu, rows = self.current(), self.table.selectionModel().selectedRows()
        return fu.visits[rows[0].row()] if fu and rows and rows[0].row() < len(fu.visits) else None

    def _show_current(self, *_args) -> None:
        fu = self.current()
        key = self.selected_visit().key if self.selected_visit() else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(fu.visits) if fu else 0)
        for r, v in enumerate(fu.visits if fu else ()):
            recorded = (date_text(v.visit_date) if v.visit_date else
                        self.tr("missed: %1").replace("%1", v.missed_reason) if v.status == "missed" else "")
            values = (pick(v.label, self.lang), date_text(v.due), f"{date_text(v.first)} – {date_text(v.last)}",
                      status_text(v.status), recorded)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.blockSignals(False)
        if fu is not None:
            keys = [v.key for v in fu.visits]
            self.table.selectRow(keys.index(key) if key in keys else self._first_open_row(fu))
        self.banner.setText(self._banner(fu))
        self._show_selected()

    @staticmethod
    def _first_open_row(fu: FollowupDTO) -> int:
        return next((i for i, v in enumerate(fu.visits) if v.status in OPEN), len(fu.visits) - 1)

    def _banner(self, fu: FollowupDTO | None) -> str:
        if fu is None:
            return self.tr("No procedure is recorded for this patient: follow-up starts with the procedure.")
        text = self.tr("Injection on %1; follow-up schedule %2.").replace("%1", date_text(fu.procedure_date)).replace(
            "%2", fu.schedule_version)
        if fu.stopped_since:
            text += " " + self.tr("He withdrew on %1 and asked for his data to be deleted from the registry: no "
                                  "further visits or reminders.").replace("%1", date_text(fu.stopped_since))
        elif fu.lost_since:
            text += " " + self.tr("Lost to follow-up since %1: %2").replace("%1", date_text(fu.lost_since)).replace(
                "%2", fu.lost_reason)
        return text

    def _show_selected(self) -> None:
        fu, visit = self.current(), self.selected_visit()
        can = self.session.can(Permission.FOLLOWUP_RECORD)
        requestable = fu is not None and fu.stopped_since is None
        if visit is not None and visit.status == "done" and self.form is not None:
            heading = self.tr("%1 on %2").replace("%1", pick(visit.label, self.lang)).replace(
                "%2", date_text(visit.visit_date))
            self.editor.show_visit(self.form, visit, heading)
        else:
            self.editor.show_nothing(self.tr("Record the visit to enter what was found.") if visit else "")
        self.record_button.setEnabled(can and requestable and visit is not None)
        self.missed_button.setEnabled(can and requestable and visit is not None and visit.status in ("due", "overdue",
                                                                                                     "lost", "missed"))
        self.lost_button.setEnabled(can and requestable and fu.lost_since is None)
        self.back_button.setEnabled(can and requestable and fu.lost_since is not None)
        self.letter_button.setEnabled(requestable and fu.lost_since is None and self.session.can(Permission.FOLLOWUP_VIEW))

    # -- actions ----------------------------------------------------------------------------------
    def _today(self) -> date:
        return self.ctx.clock.now().astimezone(ZoneInfo(self.tz)).date()

    def _submit(self, work, label: str) -> None:
        self.runner.submit(work, self._after_write, self._on_error, label=label)

    def _after_write(self, _result=None) -> None:
        self.refresh()

    def _on_record(self) -> None:
        fu, visit = self.current(), self.selected_visit()
        if fu is None or visit is None:
            return
        default = visit.visit_date or min(self._today(), max(visit.due, fu.procedure_date))
        dialog = VisitDateDialog(pick(visit.label, self.lang), default, self.lang, self)
        self.date_dialog = dialog
        answer = exec_dialog(dialog)
        if getattr(answer, "value", answer) != dialog.DialogCode.Accepted.value:
            return
        self._submit(partial(self.service.record_visit, self.session.actor, fu.record_id, visit.key, dialog.value()),
                     self.tr("Recording the visit…"))

    def _on_missed(self) -> None:
        fu, visit = self.current(), self.selected_visit()
        if fu is None or visit is None:
            return
        reason = ask_text(self, self.tr("Visit missed"), self.tr("Why was it missed? (%1)").replace(
            "%1", pick(visit.label, self.lang)))
        if reason is not None:
            self._submit(partial(self.service.mark_missed, self.session.actor, fu.record_id, visit.key, reason),
                         self.tr("Saving…"))

    def _on_lost(self) -> None:
        fu = self.current()
        if fu is None:
            return
        reason = ask_text(self, self.tr("Lost to follow-up"),
                          self.tr("How did the clinic try to reach him? (lost from today)"))
        if reason is not None:
            self._submit(partial(self.service.mark_lost, self.session.actor, fu.record_id, self._today(), reason),
                         self.tr("Saving…"))

    def _on_back(self) -> None:
        fu = self.current()
        if fu is None:
            return
        reason = ask_text(self, self.tr("Back in follow-up"), self.tr("How did he come back?"))
        if reason is not None:
            self._submit(partial(self.service.mark_resumed, self.session.actor, fu.record_id, reason),
                         self.tr("Saving…"))

    def _on_letter(self) -> None:
        fu, visit = self.current(), self.selected_visit()
        if fu is None:
            return
        key = visit.key if visit is not None and visit.status in OPEN else None
        self.runner.submit(partial(self.service.reminder_letter, self.session.actor, fu.record_id, key),
                           partial(self._open_letter, f"reminder-{fu.mrn}.pdf"), self._on_error,
                           label=self.tr("Preparing the letter…"))

    def _open_letter(self, name: str, pdf: bytes) -> None:
        self.preview = PrintablePdfDialog(self.tr("Reminder letter"), pdf, name, self,
                                          object_name="reminderLetterDialog", print_name="printReminder")
        self.preview.open()

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
