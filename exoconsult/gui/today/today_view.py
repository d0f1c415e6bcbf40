"""Today: consultations with their stage, consents signed but not yet printed (print from here), and
procedures planned with their consent's status on the planned date. "Mark ready" is disabled, with the
reason shown, when the consent is withdrawn, superseded or expired on that date; the service refuses it
too. Double-click a patient to open him."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.adverse_events.deadlines_panel import DeadlinesPanel
from exoconsult.gui.followup.today_panel import FollowupPanel
from exoconsult.gui.labels import language_label, procedure_stage_label, stage_label
from exoconsult.gui.local_format import date_text, datetime_text, long_date_text
from exoconsult.gui.printing.print_dialog import PrintConsentDialog
from exoconsult.gui.printing.reading_material import ReadingMaterialDialog
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import exec_dialog, plain_label, reason_text, show_service_error
from exoconsult.services.core.changes import Changes
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.permissions import Permission
from exoconsult.services.followup.followup_dto import FollowupToday
from exoconsult.services.printing.printing import PrintingService
from exoconsult.services.today.today import TodayOverview, TodayService

# A planned procedure's consent as it stands on the planned date (words of this view, not statuses).
CONSENT_STATUS_TEXT = {"signed": QT_TRANSLATE_NOOP("TodayView", "valid"),
                       "withdrawn": QT_TRANSLATE_NOOP("TodayView", "WITHDRAWN"),
                       "expired": QT_TRANSLATE_NOOP("TodayView", "EXPIRED on that date"),
                       "superseded": QT_TRANSLATE_NOOP("TodayView", "SUPERSEDED"),
                       None: QT_TRANSLATE_NOOP("TodayView", "no consent")}


def _table(parent: QWidget, headers: list[str], object_name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class PlanProcedureDialog(QDialog):
    def __init__(self, patient_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan the procedure for %1").replace("%1", patient_name))
        self.date = QDateEdit(QDate.currentDate().addDays(7), self)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate.currentDate())
        form = QFormLayout(self)
        form.addRow(self.tr("Patient:"), plain_label(patient_name, self))
        form.addRow(self.tr("Planned date:"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)


class TodayView(QWidget):
    open_patient_requested = Signal(int)

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self.ctx, self.session, self.runner = services.ctx, session, runner
        self.services = services
        self.today = TodayService(self.ctx)
        self.overview: TodayOverview | None = None
        self.heading = plain_label("", self, object_name="todayHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.consultations = _table(self, [self.tr("Patient"), self.tr("MRN"), self.tr("Stage"),
                                           self.tr("Next date")], "todayConsultations")
        self.unprinted = _table(self, [self.tr("Patient"), self.tr("MRN"), self.tr("Signed"),
                                       self.tr("Language")], "todayUnprinted")
        self.procedures = _table(self, [self.tr("Date"), self.tr("Patient"), self.tr("MRN"), self.tr("Consent"),
                                        self.tr("Performing urologist"), self.tr("Ready"), self.tr("Checklist (today)")],
                                 "todayProcedures")
        for table, name in ((self.consultations, self.tr("Consultations")),
                            (self.unprinted, self.tr("Signed, not yet printed")),
                            (self.procedures, self.tr("Procedures planned (next 7 days)"))):
            table.setAccessibleName(name)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.plan_button = QPushButton(self.tr("Plan procedure…"), self)
        self.reading_button = QPushButton(self.tr("Reading material…"), self)
        self.reading_button.setToolTip(self.tr("Information pack or blank consent form for the selected patient "
                                               "to read before the consultation"))
        self.ready_button = QPushButton(self.tr("Mark ready for the procedure"), self)
        self.ready_button.setObjectName("markReady")
        self.discharge_button = QPushButton(self.tr("Discharge sheet…"), self)
        self.discharge_button.setObjectName("todayDischarge")
        self.lots_button = QPushButton(self.tr("Lot register…"), self)
        self.lots_button.setObjectName("lotRegisterButton")
        self.programme_button = QPushButton(self.tr("Programme facts…"), self)
        self.programme_button.setObjectName("programmeFactsButton")
        self.programme_button.setToolTip(self.tr("What the consent prints for the product, costs, ethics permit "
                                                 "and conflicts of interest (read-only)"))
        self.registry_button = QPushButton(self.tr("Registry report…"), self)
        self.registry_button.setObjectName("registryReportButton")
        self.sae_deadlines = DeadlinesPanel(self.ctx, session, runner, self)
        self.followup = FollowupPanel(self.ctx, session, runner, services.clinic_settings().clinician_language, self)
        self.ready_reason = plain_label("", self, object_name="readyReason")
        self.ready_reason.setWordWrap(True)
        self.ready_reason.setStyleSheet(ink("error"))
        self.selected_label = plain_label("", self, object_name="todaySelected")
        self.selected_label.setStyleSheet("font-weight: 600;")
        # Two rows: the date and the selected patient, then the buttons. In one row they made the window
        # wider than a 1280-pixel laptop screen (in English and in Turkish).
        self.selected_label.setWordWrap(True)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading)
        heading_row.addWidget(self.selected_label, 1)
        top = QHBoxLayout()
        for button in (self.reading_button, self.lots_button, self.programme_button, self.registry_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        printed_row = QHBoxLayout()
        self.unprinted_title = plain_label(self.tr("Signed, not yet printed"), self)
        printed_row.addWidget(self.unprinted_title, 1)
        printed_row.addWidget(self.print_button)
        procedures_row = QHBoxLayout()
        procedures_row.addWidget(plain_label(self.tr("Procedures planned (next 7 days)"), self), 1)
        procedures_row.addWidget(self.plan_button)
        procedures_row.addWidget(self.ready_button)
        procedures_row.addWidget(self.discharge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading_row)
        layout.addLayout(top)
        layout.addWidget(self.sae_deadlines)
        self.consultations_title = plain_label(self.tr("Consultations"), self)
        layout.addWidget(self.consultations_title)
        layout.addWidget(self.consultations, 3)
        layout.addLayout(printed_row)
        layout.addWidget(self.unprinted, 2)
        layout.addLayout(procedures_row)
        layout.addWidget(self.procedures, 2)
        layout.addWidget(self.ready_reason)
        layout.addWidget(self.followup)
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self._on_print)
        self.plan_button.clicked.connect(self._on_plan)
        self.reading_button.clicked.connect(self._on_reading)
        self.ready_button.clicked.connect(self._on_ready)
        self.active_table: QTableWidget | None = None  # the table the user last selected a row in
        self.discharge_button.clicked.connect(self._on_discharge)
        self.lots_button.clicked.connect(self._on_lots)
        self.programme_button.clicked.connect(self._on_programme)
        self.registry_button.clicked.connect(self._on_registry)
        self.sae_deadlines.open_patient_requested.connect(self.open_patient_requested)
        self.followup.open_patient_requested.connect(self.open_patient_requested)
        for table in (self.consultations, self.unprinted, self.procedures):
            table.itemSelectionChanged.connect(self._on_selection_changed)
            table.doubleClicked.connect(self._on_double_click)
        # The home screen is destroyed on lock and sign-out, but only later (deleteLater): empty the tables
        # now so no patient name outlives the lock, as the patient list does.
        session.locked.connect(self.clear)
        session.signed_out.connect(self.clear)
        self._update_buttons()

    def clear(self, *_args) -> None:
        self.overview = None
        self._clear_selection()
        for table in (self.consultations, self.unprinted, self.procedures):
            table.clearContents()
            table.setRowCount(0)
        self.ready_reason.clear()
        self.sae_deadlines.show_deadlines([])
        self.followup.show_followup(FollowupToday())
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Any change to a patient's records or to the clinic may move a row: reload (one transaction)."""
        if changes:
            self.refresh()

    def refresh(self, *_args) -> None:
        self.runner.submit(partial(self.today.overview, self.session.actor), self._on_loaded, self._on_error,
                           label=self.tr("Loading today…"))

    def _on_loaded(self, overview: TodayOverview) -> None:
        if self.session.actor is None or self.session.is_locked:
            return  # a result arriving after the lock must not put names back on screen
        self.overview = overview
        self._clear_selection()  # rows move on reload: a highlight must never land on another patient
        self.heading.setText(self.tr("Today, %1").replace("%1", long_date_text(overview.today)))
        _fill(self.consultations, [(r.patient_name, r.mrn, stage_label(r.stage, r.verdict, r.next_date),
                                    date_text(r.next_date)) for r in overview.consultations])
        _fill(self.unprinted, [(c.patient_name, c.mrn, datetime_text(c.signed_at), language_label(c.language))
                               for c in overview.unprinted])
        _fill(self.procedures, [(date_text(p.planned_on), p.patient_name, p.mrn,
                                 self.tr(CONSENT_STATUS_TEXT.get(p.consent_status, str(p.consent_status))),
                                 p.performing_urologist, self.tr("ready") if p.ready else self.tr("not yet"),
                                 self._checklist_text(p.checklist))
                                for p in overview.procedures])
        self.sae_deadlines.show_deadlines(overview.sae_deadlines)
        self.followup.show_followup(overview.followup)
        self.consultations_title.setText(self.tr("Consultations (%1)").replace("%1", str(len(overview.consultations))))
        self.unprinted_title.setText(self.tr("Signed, not yet printed (%1)").replace("%1", str(len(overview.unprinted))))
        self._update_buttons()

    def _checklist_text(self, progress) -> str:
        if progress is None:
            return ""
        if progress.stopped:  # the reason is the service's sentence, in the interface language
            said = reason_text(progress.stopped_why) if progress.stopped_why else progress.stopped
            return self.tr("STOPPED: %1").replace("%1", said)
        return f"{progress.done}/{progress.total} · {procedure_stage_label(progress.stage)}"

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)

    # -- selection -----------------------------------------------------------------------------------
    # One patient at a time: selecting a row in one table clears the others, and every action acts on
    # the row of the table the user last chose (a pack once printed for a patient still highlighted in
    # another table, not the one just clicked).
    @staticmethod
    def _row(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_selection_changed(self) -> None:
        table = self.sender()
        if isinstance(table, QTableWidget) and self._row(table) is not None:
            self.active_table = table
            for other in (self.consultations, self.unprinted, self.procedures):
                if other is not table:
                    other.blockSignals(True)
                    other.clearSelection()
                    other.blockSignals(False)
        elif table is self.active_table:
            self.active_table = None
        self._update_buttons()

    def _clear_selection(self) -> None:
        self.active_table = None
        for table in (self.consultations, self.unprinted, self.procedures):
            table.blockSignals(True)
            table.clearSelection()
            table.blockSignals(False)

    def _active_row(self, table: QTableWidget) -> int | None:
        return self._row(table) if table is self.active_table else None

    def selected_plan(self):
        row = self._active_row(self.procedures)
        return self.overview.procedures[row] if self.overview is not None and row is not None else None

    def selected_patient(self) -> tuple[int, str, str] | None:
        """(patient id, name, MRN) of the row selected in the table the user last clicked."""
        if self.overview is None or self.active_table is None or (row := self._row(self.active_table)) is None:
            return None
        source = {self.consultations: self.overview.consultations, self.unprinted: self.overview.unprinted,
                  self.procedures: self.overview.procedures}[self.active_table]
        chosen = source[row]
        return chosen.patient_id, chosen.patient_name, chosen.mrn

    @staticmethod
    def who(chosen: tuple[int, str, str]) -> str:
        return f"{chosen[1]} ({chosen[2]})"

    def _update_buttons(self) -> None:
        can_plan = self.session.can(Permission.PROCEDURE_PLAN)
        chosen = self.selected_patient()
        self.print_button.setEnabled(self._active_row(self.unprinted) is not None
                                     and self.session.can(Permission.CONSENT_PRINT))
        self.plan_button.setEnabled(can_plan and chosen is not None)
        self.reading_button.setEnabled(self.session.can(Permission.INFO_PACK_PRINT) and chosen is not None)
        self.selected_label.setText(self.tr("Selected: %1").replace("%1", self.who(chosen)) if chosen else
                                    self.tr("No patient selected"))
        plan = self.selected_plan()
        blocked = plan.blocked_reason if plan is not None else ""
        self.ready_button.setEnabled(can_plan and plan is not None and not plan.ready and not blocked)
        self.ready_button.setToolTip(blocked)
        self.discharge_button.setEnabled(plan is not None and self.session.can(Permission.PROCEDURE_VIEW))
        self.lots_button.setVisible(self.session.can(Permission.LOT_VIEW))
        self.registry_button.setVisible(self.session.can(Permission.REGISTRY_REPORT))
        self.ready_reason.setText(self.tr("Cannot be marked ready: %1").replace("%1", blocked) if blocked else "")

    # -- actions -------------------------------------------------------------------------------------
    def _on_double_click(self, index) -> None:
        table = self.sender()
        if self.overview is None:
            return
        source = {self.consultations: self.overview.consultations, self.unprinted: self.overview.unprinted,
                  self.procedures: self.overview.procedures}.get(table)
        if source is not None and 0 <= index.row() < len(source):
            self.open_patient_requested.emit(source[index.row()].patient_id)

    def _on_print(self) -> None:
        row = self._active_row(self.unprinted)
        if self.overview is None or row is None:
            return
        consent = self.overview.unprinted[row]
        dialog = PrintConsentDialog(PrintingService(self.ctx), self.session, self.runner, consent.document_id,
                                    f"{consent.patient_name} ({consent.mrn})", self)
        dialog.printed.connect(self.refresh)
        self.print_dialog = dialog
        dialog.open()

    def _on_reading(self) -> None:
        chosen = self.selected_patient()
        if chosen is None:
            return
        from exoconsult.services.history.patients import PatientService

        language = PatientService(self.ctx).open(self.session.actor, chosen[0]).data.preferred_language
        dialog = ReadingMaterialDialog(self.ctx, self.session, self.runner, chosen[0], self.who(chosen),
                                       preferred_language=language_registry().document_language(language, "tr"),
                                       parent=self)
        self.reading_dialog = dialog
        dialog.open()

    def _on_plan(self) -> None:
        chosen = self.selected_patient()
        if chosen is None:
            return
        dialog = PlanProcedureDialog(self.who(chosen), self)
        answer = exec_dialog(dialog)
        if getattr(answer, "value", answer) != QDialog.DialogCode.Accepted.value:
            return
        planned = dialog.date.date().toPython()
        self.runner.submit(partial(self.today.plan_procedure, self.session.actor, chosen[0], planned),
                           self.refresh, self._on_error, label=self.tr("Planning…"))

    def _on_ready(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        self.runner.submit(partial(self.today.set_ready, self.session.actor, plan.id, True), self.refresh,
                           self._on_error, label=self.tr("Saving…"))

    def _on_discharge(self) -> None:
        """The discharge sheet in the patient's language, to print or save (printing it is audited)."""
        plan = self.selected_plan()
        if plan is None:
            return
        from exoconsult.services.procedure.procedures import ProcedureService

        self.runner.submit(partial(ProcedureService(self.ctx).discharge_sheet, self.session.actor, plan.id),
                           partial(self._show_discharge, plan.mrn), self._on_error, label=self.tr("Preparing…"))

    def _show_discharge(self, mrn: str, pdf: bytes) -> None:
        from exoconsult.gui.procedure.discharge_dialog import DischargeSheetDialog

        self.discharge_dialog = DischargeSheetDialog(pdf, f"discharge-{mrn}.pdf", self)
        self.discharge_dialog.open()

    def _on_lots(self) -> None:
        from exoconsult.gui.procedure.lot_register import LotRegisterDialog

        self.lot_register = LotRegisterDialog(self.services, self.session, self.runner, self)
        self.lot_register.open()

    def _on_programme(self) -> None:
        from exoconsult.gui.admin.programme_page import ProgrammeFactsDialog

        self.programme_dialog = ProgrammeFactsDialog(self.services, self.session, self.runner, self)
        self.programme_dialog.open()

    def _on_registry(self) -> None:
        from exoconsult.gui.registry.registry_page import RegistryReportDialog

        self.registry_dialog = RegistryReportDialog(self.services, self.session, self.runner, self)
        self.registry_dialog.open()
