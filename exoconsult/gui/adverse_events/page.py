"""The Adverse events stage of the workspace: the opened patient's adverse events after his procedure,
the course of the one chosen (every entry, reports, sendings, the reporting deadline), and the steps:
record a complication call, add a follow-up, issue the serious-adverse-event report (Turkish or English),
record its sending."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain import adverse_events as ae
from exoconsult.gui import widgets
from exoconsult.gui.adverse_events.dialogs import AdverseEventDialog, FollowUpDialog, SendingDialog
from exoconsult.gui.adverse_events.words import screen_language
from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.labels import language_label
from exoconsult.gui.local_format import date_text, in_clinic_zone
from exoconsult.gui.tones import ink
from exoconsult.gui.ui_language import language_choices
from exoconsult.gui.widgets import exec_dialog, plain_label, show_service_error
from exoconsult.services.adverse_events.ae_dto import AdverseEventDTO, ComplaintDTO, ListWords
from exoconsult.services.adverse_events.events import AdverseEventService
from exoconsult.services.adverse_events.sae_report import SaeReportService
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission


class AdverseEventsPage(QWidget):
    def __init__(self, services, session, runner, patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adverseEventsPage")
        self.session, self.runner, self.patient = session, runner, patient
        self.events_service, self.reports = AdverseEventService(services.ctx), SaeReportService(services.ctx)
        self.events: list[AdverseEventDTO] = []
        self.complaints: list[ComplaintDTO] = []
        self.words: ListWords | None = None  # the lists' wording, asked for once before the events
        self.complaint_label = plain_label("", self, object_name="unrecordedComplaint")
        self.complaint_label.setWordWrap(True)
        self.complaint_label.setStyleSheet(ink("error", "font-weight: bold;"))
        self.complaint_button = QPushButton(self.tr("Record it as an adverse event…"), self)
        self.complaint_button.setObjectName("recordComplaint")
        self.complaint_said = ""
        self.complaint_label.hide()
        self.complaint_button.hide()
        headers = [self.tr("Onset"), self.tr("Event"), self.tr("Grade"), self.tr("Serious"),
                   self.tr("Relatedness"), self.tr("Outcome"), self.tr("Report")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("adverseEventTable")
        self.table.setAccessibleName(self.tr("Adverse events"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.course = QPlainTextEdit(self)
        self.course.setObjectName("adverseEventCourse")
        self.course.setReadOnly(True)
        self.course.setAccessibleName(self.tr("Course of the selected event"))
        self.record_button = QPushButton(self.tr("Record an adverse event…"), self)
        self.record_button.setObjectName("recordAdverseEvent")
        self.follow_up_button = QPushButton(self.tr("Add a follow-up…"), self)
        self.follow_up_button.setObjectName("addFollowUp")
        self.report_button = QPushButton(self.tr("Issue the SAE report…"), self)
        self.report_button.setObjectName("issueSaeReport")
        self.view_button = QPushButton(self.tr("View the report"), self)
        self.view_button.setObjectName("viewSaeReport")
        self.sending_button = QPushButton(self.tr("Record a sending…"), self)
        self.sending_button.setObjectName("recordSending")
        actions = QHBoxLayout()
        for button in (self.record_button, self.follow_up_button, self.report_button, self.view_button,
                       self.sending_button):
            button.setMinimumHeight(40)
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Adverse events after the procedure (a telephone call counts). "
                                             "Entries are never changed: a follow-up is added."), self))
        complaint = QHBoxLayout()
        complaint.addWidget(self.complaint_label, 1)
        complaint.addWidget(self.complaint_button)
        layout.addLayout(complaint)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.course, 2)
        layout.addLayout(actions)
        self.table.itemSelectionChanged.connect(self._show_current)
        self.record_button.clicked.connect(self._on_record)
        self.complaint_button.clicked.connect(self._on_complaint)
        self.follow_up_button.clicked.connect(self._on_follow_up)
        self.report_button.clicked.connect(self._on_report)
        self.view_button.clicked.connect(self._on_view)
        self.sending_button.clicked.connect(self._on_sending)
        self._show_current()
        self.runner.submit(partial(self.events_service.list_words, self.session.actor, screen_language()),
                           self._on_words, self._on_error, label=self.tr("Loading adverse events…"))

    # -- loading ----------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Part.ADVERSE_EVENTS, Part.PROCEDURE, patient_id=self.patient.id):
            self.refresh()

    def _on_words(self, words: ListWords) -> None:
        self.words = words
        self.refresh()

    def refresh(self, *_args) -> None:
        if self.words is None:
            return  # the events are loaded once their lists can be worded (_on_words)
        self.runner.submit(partial(self.events_service.complaints, self.session.actor, self.patient.id),
                           self._on_complaints, self._on_error, label=self.tr("Loading adverse events…"))
        self.runner.submit(partial(self.events_service.for_patient, self.session.actor, self.patient.id),
                           self._on_loaded, self._on_error, label=self.tr("Loading adverse events…"))

    def _on_complaints(self, complaints: list[ComplaintDTO]) -> None:
        self.complaints = complaints
        first = complaints[0] if complaints else None
        if first is not None:
            lang = screen_language()
            said = "; ".join([q.get(lang, q["en"]) for q in first.questions] + [first.other_text] * bool(first.other_text))
            self.complaint_said = f"{first.visit_label.get(lang, '')} ({date_text(first.visit_date)}): {said}"
            self.complaint_label.setText(self.tr("%1 on %2 – the patient said yes to: %3. Not yet recorded as an "
                                                 "adverse event.").replace("%1", first.visit_label.get(lang, "")).replace(
                "%2", date_text(first.visit_date)).replace("%3", said))
        self.complaint_label.setVisible(first is not None)
        self.complaint_button.setVisible(first is not None and self.session.can(Permission.ADVERSE_EVENT_RECORD))

    def _on_loaded(self, events: list[AdverseEventDTO]) -> None:
        chosen = self.current()
        self.events = events
        self.table.blockSignals(True)
        self.table.setRowCount(len(events))
        for r, e in enumerate(events):
            c = e.current
            report = ""
            if e.deadline is not None:
                report = (self.tr("sent to all") if e.deadline.met else
                          self.tr("due %1").replace("%1", date_text(e.deadline.due_on)))
            values = (date_text(e.onset_date), self.words.term(e.term, e.term_other), str(c.grade),
                      self.tr("yes") if e.serious else self.tr("no"), self.words.word(ae.RELATEDNESS, c.relatedness),
                      self.words.word(ae.OUTCOMES, c.outcome), report)
            for col, value in enumerate(values):
                self.table.setItem(r, col, QTableWidgetItem(value))
        index = next((i for i, e in enumerate(events) if chosen and e.id == chosen.id), len(events) - 1)
        if events:
            self.table.selectRow(index)
        self.table.blockSignals(False)
        self._show_current()

    def current(self) -> AdverseEventDTO | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.events[row] if 0 <= row < len(self.events) else None

    def _course_text(self, e: AdverseEventDTO) -> str:
        word, recipient_text = self.words.word, partial(self.words.word, ae.RECIPIENTS)
        onset, learnt, procedure = self.tr("onset"), self.tr("learnt"), self.tr("procedure")
        lot, pseudonym = self.tr("lot"), self.tr("pseudonym")
        lines = [f"{self.words.term(e.term, e.term_other)} — {onset} {date_text(e.onset_date)}, "
                 f"{learnt} {date_text(e.learnt_on)} ({word(ae.SOURCES, e.source)}); "
                 f"{procedure} {date_text(e.procedure_date)}, {lot} {e.lot_label}; "
                 f"{pseudonym} {e.pseudonym or '—'}", e.description, ""]
        for x in e.entries:
            serious = "; ".join(word(ae.SERIOUS_CRITERIA, k) for k in x.serious_criteria) or self.tr("not serious")
            outcome = word(ae.OUTCOMES, x.outcome) + (f" {date_text(x.outcome_date)}" if x.outcome_date else "")
            lines.append(f"{date_text(x.known_on)}  {word(ae.GRADES, x.grade)} · {serious} · "
                         f"{word(ae.RELATEDNESS, x.relatedness)} · {outcome} · {x.recorded_by}")
            lines += [f"    {text}" for text in (x.action_taken, x.note) if text]
        for r in e.reports:
            lines.append(self.tr("Report %1 (%2) sealed %3 by %4").replace("%1", r.document_id[:8]).replace(
                "%2", language_label(r.language)).replace("%3", date_text(in_clinic_zone(r.created_at).date())).replace("%4", r.created_by))
        for s in e.sendings:
            lines.append(self.tr("Sent %1 to %2 (%3), %4; recorded by %5").replace("%1", date_text(s.sent_on)).replace(
                "%2", recipient_text(s.recipient)).replace("%3", s.addressee).replace(
                "%4", word(ae.CHANNELS, s.channel)).replace("%5", s.recorded_by))
        if e.deadline is not None and not e.deadline.met:
            lines.append(self.tr("Report due %1 (%2-day rule), still owed to: %3").replace(
                "%1", date_text(e.deadline.due_on)).replace("%2", str(e.deadline.days)).replace(
                "%3", ", ".join(recipient_text(x) for x in e.deadline.outstanding)))
        return "\n".join(lines)

    def _show_current(self, *_args) -> None:
        e, can, worded = self.current(), self.session.can, self.words is not None
        self.course.setPlainText(self._course_text(e) if e else self.tr("No adverse event is recorded."))
        self.record_button.setEnabled(worded and can(Permission.ADVERSE_EVENT_RECORD))
        self.follow_up_button.setEnabled(e is not None and can(Permission.ADVERSE_EVENT_RECORD))
        self.report_button.setEnabled(e is not None and e.serious and can(Permission.SAE_REPORT))
        self.view_button.setEnabled(e is not None and bool(e.reports))
        self.sending_button.setEnabled(e is not None and bool(e.reports) and can(Permission.ADVERSE_EVENT_RECORD))

    # -- steps ------------------------------------------------------------------------------------
    def _open(self, dialog) -> None:
        self.dialog = dialog
        answer = exec_dialog(dialog)
        if getattr(answer, "value", answer) == dialog.DialogCode.Accepted.value:
            self.refresh()

    def _on_record(self) -> None:
        name = f"{self.patient.data.given_name} {self.patient.data.family_name}"
        self._open(AdverseEventDialog(self.runner, partial(self.events_service.record, self.session.actor,
                                                           self.patient.id), name, self.words, self))

    def _on_complaint(self) -> None:
        if not self.complaints:
            return
        first = self.complaints[0]
        name = f"{self.patient.data.given_name} {self.patient.data.family_name}"
        dialog = AdverseEventDialog(self.runner, partial(self.events_service.record, self.session.actor,
                                                         self.patient.id), name, self.words, self)
        dialog.start_from_visit(first.visit_date, self.complaint_said)
        self._open(dialog)

    def _on_follow_up(self) -> None:
        e = self.current()
        if e is not None:
            self._open(FollowUpDialog(self.runner, partial(self.events_service.follow_up, self.session.actor, e.id),
                                      self.words.term(e.term, e.term_other), e.current, self.words, self))

    def _on_sending(self) -> None:
        e = self.current()
        if e is not None and e.reports:
            self._open(SendingDialog(self.runner, partial(self.reports.record_sending, self.session.actor,
                                                          e.reports[-1].document_id), self.words, self))

    def _on_report(self) -> None:
        e = self.current()
        if e is None:
            return
        language = self.ask_language()
        if language:
            self.runner.submit(partial(self.reports.issue, self.session.actor, e.id, language), self._on_issued,
                               self._on_error, label=self.tr("Sealing…"))

    def ask_language(self) -> str | None:
        """The report's language (the recipient's, not necessarily the patient's)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Serious adverse event report"))
        dialog.setLabelText(self.tr("Language of the report:"))
        choices = dict(language_choices())  # the printed languages (the language registry), named in the screen's
        dialog.setComboBoxItems(list(choices.values()))
        answer = widgets.exec_dialog(dialog)  # a question, answered like every message box
        if getattr(answer, "value", answer) != dialog.DialogCode.Accepted.value:
            return None
        return next(k for k, v in choices.items() if v == dialog.textValue())

    def _on_issued(self, report) -> None:
        self.refresh()
        self._show_pdf(report.document_id)

    def _on_view(self) -> None:
        e = self.current()
        if e is not None and e.reports:
            self._show_pdf(e.reports[-1].document_id)

    def _show_pdf(self, document_id: str) -> None:
        self.runner.submit(partial(self.reports.pdf, self.session.actor, document_id),
                           partial(self._open_preview, f"sae-{document_id}.pdf"), self._on_error,
                           label=self.tr("Opening…"))

    def _open_preview(self, name: str, pdf: bytes) -> None:
        self.preview = PdfPreviewDialog(self.tr("Serious adverse event report"), pdf, name, self)
        self.preview.open()

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
