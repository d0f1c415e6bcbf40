"""The Procedure stage of the workspace: the opened patient's planned procedures, the chosen day's
checklist (nurse and urologist answer their items), and the urologist's steps: record the procedure,
seal the note, write an addendum. The discharge sheet prints from here and from Today."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from exoconsult.domain.procedure_day import ITEMS
from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.labels import procedure_stage_label
from exoconsult.gui.local_format import date_text
from exoconsult.gui.procedure.checklist_panel import TOUCH_HEIGHT, ChecklistPanel, checklist_text
from exoconsult.gui.procedure.decide_dialog import DecideDialog
from exoconsult.gui.procedure.discharge_dialog import DischargeSheetDialog
from exoconsult.gui.procedure.record_dialog import ProcedureRecordDialog
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import (
    ask_text,
    confirm,
    exec_dialog,
    plain_label,
    reason_text,
    show_service_error,
)
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission
from exoconsult.services.procedure.checklist import ChecklistService
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.procedure.procedure_dto import LotDTO, ProcedureDay
from exoconsult.services.procedure.procedures import ProcedureService


class ProcedurePage(QWidget):
    def __init__(self, services, session, runner, patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedurePage")
        self.session, self.runner, self.patient = session, runner, patient
        ctx = services.ctx
        self.tz = services.clinic_settings().time_zone
        self.checklist, self.procedures, self.lots = ChecklistService(ctx), ProcedureService(ctx), LotService(ctx)
        self.days: list[ProcedureDay] = []
        self.usable: list[LotDTO] = []
        self.plan = QComboBox(self)
        self.plan.setObjectName("procedurePlan")
        self.plan.setMinimumHeight(TOUCH_HEIGHT)
        self.banner = plain_label("", self, object_name="procedureBanner")
        self.banner.setWordWrap(True)
        self.panel = ChecklistPanel(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        scroll.setAccessibleName(self.tr("Procedure-day checklist"))
        self.record_button = QPushButton(self.tr("Record the procedure…"), self)
        self.record_button.setObjectName("recordProcedure")
        self.note_button = QPushButton(self.tr("Seal the procedure note"), self)
        self.note_button.setObjectName("sealNote")
        self.view_note_button = QPushButton(self.tr("View the note"), self)
        self.addendum_button = QPushButton(self.tr("Addendum…"), self)
        self.discharge_button = QPushButton(self.tr("Discharge sheet…"), self)
        self.discharge_button.setObjectName("dischargeSheet")
        actions = QHBoxLayout()
        for button in (self.record_button, self.note_button, self.view_note_button, self.addendum_button,
                       self.discharge_button):
            button.setMinimumHeight(TOUCH_HEIGHT)
            actions.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Procedure day:"), self))
        top.addWidget(self.plan, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)
        self.plan.currentIndexChanged.connect(self._show_current)
        self.panel.yes_clicked.connect(self._on_yes)
        self.panel.no_clicked.connect(self._on_no)
        self.panel.decide_clicked.connect(self._on_decide)
        self.record_button.clicked.connect(self._on_record)
        self.note_button.clicked.connect(self._on_seal)
        self.view_note_button.clicked.connect(self._on_view_note)
        self.addendum_button.clicked.connect(self._on_addendum)
        self.discharge_button.clicked.connect(self._on_discharge)
        self.refresh()

    # -- loading ----------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Part.PROCEDURE, Part.LOTS, Part.CONSENT, patient_id=self.patient.id):
            self.refresh()

    def refresh(self, *_args) -> None:
        actor = self.session.actor
        if self.session.can(Permission.LOT_VIEW):
            self.runner.submit(partial(self.lots.usable, actor), self._on_lots, self._on_error,
                               label=self.tr("Loading lots…"))
        self.runner.submit(partial(self.checklist.for_patient, actor, self.patient.id), self._on_loaded,
                           self._on_error, label=self.tr("Loading the procedure day…"))

    def _on_lots(self, lots: list[LotDTO]) -> None:
        self.usable = lots

    def _on_loaded(self, days: list[ProcedureDay]) -> None:
        chosen = self.current()
        self.days = days
        self.plan.blockSignals(True)
        self.plan.clear()
        for d in days:
            done, total = d.progress
            self.plan.addItem(f"{date_text(d.planned_on)} — {procedure_stage_label(d.stage)} ({done}/{total})", d.plan_id)
        index = next((i for i, d in enumerate(days) if chosen and d.plan_id == chosen.plan_id), 0)
        self.plan.setCurrentIndex(index if days else -1)
        self.plan.blockSignals(False)
        self._show_current()

    def current(self) -> ProcedureDay | None:
        index = self.plan.currentIndex()
        return self.days[index] if 0 <= index < len(self.days) else None

    def _show_current(self, *_args) -> None:
        state = self.current()
        can = self.session.can
        if state is None:
            self.banner.setText(self.tr("No procedure is planned for this patient: plan it from Today."))
            self.panel.clear()
        else:
            consent = state.consent_document_id or self.tr("none")
            status = {"signed": self.tr("valid"), "withdrawn": self.tr("WITHDRAWN"), "expired": self.tr("EXPIRED"),
                      "superseded": self.tr("SUPERSEDED")}.get(state.consent_status or "", self.tr("not on record"))
            text = self.tr("Consent %1 — %2 today. Stage: %3.").replace("%1", consent).replace(
                "%2", status).replace("%3", procedure_stage_label(state.stage))
            if state.performing_urologist:  # the one the consent names (content release 1.1, item 4)
                text += " " + self.tr("Performing urologist: %1.").replace("%1", state.performing_urologist)
            if state.stopped:
                said = reason_text(state.stopped_why) if state.stopped_why else state.stopped
                text = self.tr("STOPPED: %1").replace("%1", said) + "\n" + text
            self.banner.setText(text)
            self.banner.setStyleSheet(ink("error", "font-weight: bold;") if state.stopped else "")
            self.panel.show_day(state, self.usable, str(self.session.actor.role),
                                can_decide=can(Permission.PROCEDURE_DECIDE), tz=self.tz)
        stage = state.stage if state else ""
        self.record_button.setEnabled(stage == "procedure" and can(Permission.PROCEDURE_RECORD))
        self.note_button.setEnabled(stage == "note" and can(Permission.PROCEDURE_RECORD))
        self.view_note_button.setEnabled(bool(state and state.note_document_id))
        self.addendum_button.setEnabled(bool(state and state.note_document_id) and can(Permission.PROCEDURE_RECORD))
        self.discharge_button.setEnabled(state is not None and can(Permission.PROCEDURE_VIEW))

    # -- checklist --------------------------------------------------------------------------------
    def _submit(self, work, label: str, on_ok=None) -> None:
        self.runner.submit(work, on_ok or self._after_write, self._on_error, label=label)

    def _after_write(self, _result=None) -> None:
        self.refresh()

    def _on_yes(self, key: str) -> None:
        state, row = self.current(), self.panel.rows.get(key)
        if state is None or row is None:
            return
        self._submit(partial(self.checklist.answer, self.session.actor, state.plan_id, key, True, row.detail.text(),
                             row.chosen_lot()), self.tr("Saving…"))

    def _on_no(self, key: str) -> None:
        state = self.current()
        if state is None:
            return
        reason = ask_text(self, self.tr("Answer no"), self.tr("Why not? (%1)").replace("%1", checklist_text(ITEMS[key].text)))
        if reason is None:
            return
        self._submit(partial(self.checklist.answer, self.session.actor, state.plan_id, key, False, reason),
                     self.tr("Saving…"))

    def _on_decide(self, key: str) -> None:
        state = self.current()
        if state is None:
            return
        dialog = DecideDialog(checklist_text(ITEMS[key].text), next(i.reason for i in state.items if i.key == key), self)
        if not dialog.ask():
            return
        self._submit(partial(self.checklist.decide, self.session.actor, state.plan_id, key, dialog.proceed,
                             dialog.reason.toPlainText()), self.tr("Saving…"))

    # -- the urologist's steps --------------------------------------------------------------------
    def _on_record(self) -> None:
        state = self.current()
        if state is None:
            return
        lot = next((i.lot_label for i in state.items if i.key == "lot_chosen"), "")
        dialog = ProcedureRecordDialog(state.patient_name, lot, self)
        self.record_dialog = dialog
        answer = exec_dialog(dialog)
        if getattr(answer, "value", answer) != dialog.DialogCode.Accepted.value:
            return
        self._submit(partial(self.procedures.record, self.session.actor, state.plan_id, dialog.value()),
                     self.tr("Recording…"))

    def _on_seal(self) -> None:
        state = self.current()
        if state is None or not confirm(self, self.tr("Seal the procedure note"),
                                        self.tr("The note is sealed and can never be changed; a correction will "
                                                "be an addendum. Seal it now?"), yes_text=self.tr("Seal")):
            return
        self._submit(partial(self.procedures.issue_note, self.session.actor, state.plan_id), self.tr("Sealing…"),
                     self._on_sealed)

    def _on_sealed(self, summary) -> None:
        self.refresh()
        self._show_pdf(summary.document_id)

    def _on_view_note(self) -> None:
        state = self.current()
        if state is not None and state.note_document_id:
            self._show_pdf(state.note_document_id)

    def _show_pdf(self, document_id: str) -> None:
        self.runner.submit(partial(self.procedures.note_pdf, self.session.actor, document_id),
                           partial(self._open_preview, self.tr("Procedure note"), f"note-{document_id}.pdf"),
                           self._on_error, label=self.tr("Opening…"))

    def _open_preview(self, title: str, name: str, pdf: bytes) -> None:
        self.preview = PdfPreviewDialog(title, pdf, name, self)
        self.preview.open()

    def _on_addendum(self) -> None:
        state = self.current()
        if state is None or not state.note_document_id:
            return
        text = ask_text(self, self.tr("Addendum"), self.tr("The correction (it names the note it corrects):"))
        if text is None:
            return
        self._submit(partial(self.procedures.addendum, self.session.actor, state.note_document_id, text),
                     self.tr("Sealing…"), self._on_sealed)

    def _on_discharge(self) -> None:
        state = self.current()
        if state is None:
            return
        self.runner.submit(partial(self.procedures.discharge_sheet, self.session.actor, state.plan_id),
                           partial(self._open_discharge, f"discharge-{state.mrn}.pdf"), self._on_error,
                           label=self.tr("Preparing…"))

    def _open_discharge(self, name: str, pdf: bytes) -> None:
        self.preview = DischargeSheetDialog(pdf, name, self)
        self.preview.open()

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
