"""The lot register screen (opened from Today): every lot with its status today and how many patients
received it; receive, release, mark used up or expired, discard, recall, the certificate, and the recall
question "who received this lot". Buttons follow the role and the lot's status; the service decides."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain import procedure_day as day
from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.labels import lot_label
from exoconsult.gui.local_format import date_text, number_text
from exoconsult.gui.procedure.lot_dialogs import RecallDialog, ReceiveLotDialog
from exoconsult.gui.widgets import ask_text, exec_dialog, plain_label, show_service_error
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.procedure.procedure_dto import LotDTO
from exoconsult.services.procedure.recall import RecallService

STATUS_TEXT = {"quarantined": QT_TRANSLATE_NOOP("LotRegisterDialog", "quarantined"),
               "released": QT_TRANSLATE_NOOP("LotRegisterDialog", "released"),
               "used_up": QT_TRANSLATE_NOOP("LotRegisterDialog", "used up"),
               "expired": QT_TRANSLATE_NOOP("LotRegisterDialog", "EXPIRED"),
               "discarded": QT_TRANSLATE_NOOP("LotRegisterDialog", "discarded"),
               "recalled": QT_TRANSLATE_NOOP("LotRegisterDialog", "RECALLED")}


class LotRegisterDialog(QDialog):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotRegister")
        self.setWindowTitle(self.tr("Product lot register"))
        self.resize(1000, 520)
        self.session, self.runner = session, runner
        self.lots, self.recall_service = LotService(services.ctx), RecallService(services.ctx)
        self.shown: list[LotDTO] = []
        headers = [self.tr("Lot"), self.tr("Product"), self.tr("Manufacturer"), self.tr("Expiry"), self.tr("Status"),
                   self.tr("Received"), self.tr("Patients"), self.tr("Note")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("lotTable")
        self.table.setAccessibleName(self.windowTitle())
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = plain_label("", self, object_name="lotDetail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(48)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text in (("receive", self.tr("Receive…")), ("release", self.tr("Release")),
                          ("use_up", self.tr("Used up")), ("expire", self.tr("Mark expired")),
                          ("discard", self.tr("Discard…")), ("recall", self.tr("Recall…")),
                          ("patients", self.tr("Who received it…")), ("certificate", self.tr("Certificate"))):
            button = QPushButton(text, self)
            button.setObjectName(f"lot_{key}")
            button.setMinimumHeight(40)
            row.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update)
        self.buttons["receive"].clicked.connect(self._on_receive)
        self.buttons["release"].clicked.connect(self._on_release)
        self.buttons["use_up"].clicked.connect(self._on_use_up)
        self.buttons["expire"].clicked.connect(self._on_expire)
        self.buttons["discard"].clicked.connect(self._on_discard)
        self.buttons["recall"].clicked.connect(self._on_recall)
        self.buttons["patients"].clicked.connect(self._on_patients)
        self.buttons["certificate"].clicked.connect(self._on_certificate)
        runner.changes_made.connect(self.on_changes)
        session.locked.connect(self.close_all)
        session.signed_out.connect(self.close_all)
        self.refresh()

    def close_all(self, *_args) -> None:
        """On lock or sign-out: no patient's name or telephone stays on screen (the recall list)."""
        for dialog in self.findChildren(QDialog):
            dialog.close()
        self.table.setRowCount(0)
        self.close()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Part.LOTS):
            self.refresh()

    def refresh(self, *_args) -> None:
        self.runner.submit(partial(self.lots.list, self.session.actor), self._on_loaded, self._on_error,
                           label=self.tr("Loading lots…"))

    def _on_loaded(self, lots: list[LotDTO]) -> None:
        chosen = self.selected()
        self.shown = lots
        self.table.setRowCount(len(lots))
        for r, lot in enumerate(lots):
            values = (lot.lot_number, lot.product_name, lot.manufacturer, date_text(lot.expiry_date),
                      self.tr(STATUS_TEXT.get(lot.status, lot.status)), date_text(lot.received_on), str(lot.patients),
                      lot.status_reason)
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if chosen is not None:
            index = next((i for i, lot in enumerate(lots) if lot.id == chosen.id), None)
            if index is not None:
                self.table.selectRow(index)
        self._update()

    def selected(self) -> LotDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows and rows[0].row() < len(self.shown) else None

    def select_lot(self, lot_number: str) -> None:
        index = next((i for i, lot in enumerate(self.shown) if lot.lot_number == lot_number), None)
        if index is not None:
            self.table.selectRow(index)

    def _update(self) -> None:
        lot, can = self.selected(), self.session.can
        status = lot.status if lot else ""
        allowed = {"release": Permission.LOT_RELEASE, "use_up": Permission.LOT_MANAGE, "expire": Permission.LOT_MANAGE,
                   "discard": Permission.LOT_MANAGE, "recall": Permission.LOT_RECALL}
        self.buttons["receive"].setEnabled(can(Permission.LOT_MANAGE))
        for key, permission in allowed.items():
            self.buttons[key].setVisible(can(permission))
            self.buttons[key].setEnabled(lot is not None and can(permission) and status in day.TRANSITIONS[key])
        self.buttons["patients"].setVisible(can(Permission.RECALL_QUERY))
        self.buttons["patients"].setEnabled(lot is not None and lot.patients > 0 and can(Permission.RECALL_QUERY))
        self.buttons["certificate"].setEnabled(lot is not None and bool(lot.coa_sha256))
        if lot is None:
            self.detail.setText(self.tr("Choose a lot."))
            return
        self.detail.setText(self.tr("%1 — %2 vials of %3 mL; arrived at %4 °C (range %5 to %6 °C); certificate %7. %8")
                            .replace("%1", lot_label(lot)).replace("%2", str(lot.vials))
                            .replace("%3", number_text(lot.volume_per_vial_ml))
                            .replace("%4", number_text(lot.temperature_on_receipt_c)).replace("%5", number_text(lot.storage_min_c))
                            .replace("%6", number_text(lot.storage_max_c)).replace("%7", lot.coa_reference or "—")
                            .replace("%8", QCoreApplication.translate("Lots", lot.unusable_reason) if lot.unusable_reason
                                      else self.tr("Can be used today.")))

    # -- actions ----------------------------------------------------------------------------------
    def _submit(self, work, on_ok=None) -> None:
        self.runner.submit(work, on_ok or self.refresh, self._on_error, label=self.tr("Saving…"))

    def _on_receive(self) -> None:
        dialog = ReceiveLotDialog(self)
        self.receive_dialog = dialog
        answer = exec_dialog(dialog)
        if getattr(answer, "value", answer) == QDialog.DialogCode.Accepted.value:
            self._submit(partial(self.lots.receive, self.session.actor, dialog.value()))

    def _transition(self, method) -> None:
        lot = self.selected()
        if lot is not None:
            self._submit(partial(method, self.session.actor, lot.id, row_version=lot.row_version))

    def _on_release(self) -> None:
        self._transition(self.lots.release)

    def _on_use_up(self) -> None:
        self._transition(self.lots.mark_used_up)

    def _on_expire(self) -> None:
        self._transition(self.lots.mark_expired)

    def _on_discard(self) -> None:
        lot = self.selected()
        reason = ask_text(self, self.tr("Discard the lot"), self.tr("Why is it discarded?")) if lot else None
        if lot is not None and reason is not None:
            self._submit(partial(self.lots.discard, self.session.actor, lot.id, reason, row_version=lot.row_version))

    def _on_recall(self) -> None:
        lot = self.selected()
        reason = ask_text(self, self.tr("Recall the lot"),
                          self.tr("Recall notice (who recalled it, reference, why):")) if lot else None
        if lot is not None and reason is not None:
            self._submit(partial(self.lots.recall, self.session.actor, lot.id, reason, row_version=lot.row_version),
                         self._after_recall)

    def _after_recall(self, lot: LotDTO) -> None:
        self.refresh()
        if lot.patients and self.session.can(Permission.RECALL_QUERY):
            self._ask_patients(lot)

    def _on_patients(self) -> None:
        lot = self.selected()
        if lot is not None:
            self._ask_patients(lot)

    def _ask_patients(self, lot: LotDTO) -> None:
        self.runner.submit(partial(self.recall_service.recipients, self.session.actor, lot.id),
                           partial(self._show_patients, lot.lot_number), self._on_error,
                           label=self.tr("Finding patients…"))

    def _show_patients(self, lot_number: str, recipients) -> None:
        self.recall_dialog = RecallDialog(lot_number, recipients, self)
        self.recall_dialog.open()

    def _on_certificate(self) -> None:
        lot = self.selected()
        if lot is not None:
            self.runner.submit(partial(self.lots.certificate, self.session.actor, lot.id),
                               partial(self._show_certificate, lot.lot_number), self._on_error,
                               label=self.tr("Opening…"))

    def _show_certificate(self, lot_number: str, pdf: bytes) -> None:
        self.certificate_dialog = PdfPreviewDialog(self.tr("Certificate of analysis"), pdf, f"coa-{lot_number}.pdf",
                                                   self)
        self.certificate_dialog.open()

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
