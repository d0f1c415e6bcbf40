"""Receiving a lot (the nurse or urologist types the delivery note and the certificate of analysis) and
the recall answer (who received a lot, with how to reach them) shown to the urologist."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.local_format import date_text, number_text
from exoconsult.gui.widgets import plain_label
from exoconsult.services.procedure.procedure_dto import LotReceipt, RecallRecipient


def _temperature(parent: QWidget, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(-200.0, 60.0)
    box.setDecimals(1)
    box.setValue(value)
    box.setSuffix(" °C")
    return box


class ReceiveLotDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiveLotDialog")
        self.setWindowTitle(self.tr("Receive a product lot"))
        self.coa_pdf: bytes | None = None
        self.product = QLineEdit(self)
        self.manufacturer = QLineEdit(self)
        self.lot_number = QLineEdit(self)
        self.expiry = QDateEdit(QDate.currentDate().addMonths(3), self)
        self.expiry.setCalendarPopup(True)
        self.received = QDateEdit(QDate.currentDate(), self)
        self.received.setCalendarPopup(True)
        self.vials = QSpinBox(self)
        self.vials.setRange(1, 10_000)
        self.volume = QDoubleSpinBox(self)
        self.volume.setRange(0.01, 100.0)
        self.volume.setValue(1.0)
        self.volume.setSuffix(" mL")
        self.temperature = _temperature(self, -80.0)
        self.low = _temperature(self, -90.0)
        self.high = _temperature(self, -60.0)
        self.coa_reference = QLineEdit(self)
        self.coa_button = QPushButton(self.tr("Attach the certificate PDF…"), self)
        self.coa_label = plain_label(self.tr("no PDF attached"), self)
        coa = QHBoxLayout()
        coa.addWidget(self.coa_button)
        coa.addWidget(self.coa_label, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Product:"), self.product)
        form.addRow(self.tr("Manufacturer:"), self.manufacturer)
        form.addRow(self.tr("Lot number:"), self.lot_number)
        form.addRow(self.tr("Expiry date:"), self.expiry)
        form.addRow(self.tr("Received on:"), self.received)
        form.addRow(self.tr("Vials:"), self.vials)
        form.addRow(self.tr("Volume per vial:"), self.volume)
        form.addRow(self.tr("Temperature on receipt:"), self.temperature)
        form.addRow(self.tr("Storage range, lowest:"), self.low)
        form.addRow(self.tr("Storage range, highest:"), self.high)
        form.addRow(self.tr("Certificate of analysis (reference):"), self.coa_reference)
        form.addRow("", coa)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Receive (quarantine)"))
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.coa_button.clicked.connect(self._on_attach)

    def _on_attach(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate of analysis"), "",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.attach(Path(path).read_bytes(), Path(path).name)

    def attach(self, data: bytes, name: str) -> None:
        self.coa_pdf = data
        self.coa_label.setText(f"{name} ({len(data) // 1024 + 1} kB)")

    def value(self) -> LotReceipt:
        return LotReceipt(product_name=self.product.text(), manufacturer=self.manufacturer.text(),
                          lot_number=self.lot_number.text(), expiry_date=self.expiry.date().toPython(),
                          received_on=self.received.date().toPython(), vials=self.vials.value(),
                          volume_per_vial_ml=self.volume.value(), temperature_on_receipt_c=self.temperature.value(),
                          storage_min_c=self.low.value(), storage_max_c=self.high.value(),
                          coa_reference=self.coa_reference.text(), coa_pdf=self.coa_pdf)


class RecallDialog(QDialog):
    """Who received the lot. Shown, not stored: the query itself is audited by the service."""

    def __init__(self, lot_label: str, recipients: list[RecallRecipient], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallDialog")
        self.setWindowTitle(self.tr("Patients who received %1").replace("%1", lot_label))
        self.resize(900, 420)
        headers = [self.tr("Patient"), self.tr("MRN"), self.tr("Born"), self.tr("Procedure"), self.tr("Left mL"),
                   self.tr("Right mL"), self.tr("Phone"), self.tr("E-mail"), self.tr("Urologist")]
        self.table = QTableWidget(len(recipients), len(headers), self)
        self.table.setObjectName("recallTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for r, p in enumerate(recipients):
            for c, value in enumerate((p.patient_name, p.mrn, date_text(p.birth_date),
                                       date_text(p.procedure_date), number_text(p.left_volume_ml),
                                       number_text(p.right_volume_ml), p.phone, p.email, p.performed_by)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("%1 patient(s) received this lot.").replace("%1", str(len(recipients))),
                                     self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
