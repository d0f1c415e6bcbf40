"""The urologist records what was done: times, anaesthesia, needle, volume and punctures per testis,
events, pain score and discharge. The service checks every value and names each problem."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from exoconsult.domain.procedure_day import PROCEDURE_EVENTS
from exoconsult.gui.local_format import (
    clinic_date_time_edit,
    clinic_now,
    clinic_time_zone_name,
    edited_moment,
)
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import plain_label
from exoconsult.services.procedure.procedure_dto import ProcedureInput

EVENT_TEXT = {"vasovagal": QT_TRANSLATE_NOOP("ProcedureRecordDialog", "Vasovagal reaction"),
              "bleeding": QT_TRANSLATE_NOOP("ProcedureRecordDialog", "Bleeding"),
              "pain": QT_TRANSLATE_NOOP("ProcedureRecordDialog", "Pain"),
              "other": QT_TRANSLATE_NOOP("ProcedureRecordDialog", "Other")}


def _volume(parent: QWidget, value: float, maximum: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(2)
    box.setRange(0.0, maximum)
    box.setSingleStep(0.1)
    box.setValue(value)
    box.setSuffix(" mL")
    box.setMinimumHeight(36)
    return box


def _count(parent: QWidget, value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    box.setMinimumHeight(36)
    return box


def _when(parent: QWidget, minutes_ago: int):
    """A time of the procedure on the clinic's clock (the clinic's zone, not this computer's)."""
    edit = clinic_date_time_edit(parent, clinic_now() - timedelta(minutes=minutes_ago))
    edit.setCalendarPopup(True)
    edit.setMinimumHeight(36)
    return edit


class ProcedureRecordDialog(QDialog):
    def __init__(self, patient_name: str, lot_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureRecordDialog")
        self.setWindowTitle(self.tr("Record the procedure – %1").replace("%1", patient_name))
        self.started = _when(self, 30)
        self.ended = _when(self, 0)
        self.assistant = QLineEdit(self)
        self.agent = QLineEdit(self)
        self.agent.setPlaceholderText(self.tr("e.g. lidocaine"))
        self.concentration = QLineEdit(self)
        self.concentration.setPlaceholderText(self.tr("e.g. 1%"))
        self.anaesthetic_left = _volume(self, 5.0, 20.0)
        self.anaesthetic_right = _volume(self, 5.0, 20.0)
        self.cord_block = QCheckBox(self.tr("Spermatic cord block"), self)
        self.cord_block.setChecked(True)
        self.skin = QCheckBox(self.tr("Skin infiltration"), self)
        self.skin.setChecked(True)
        self.gauge = _count(self, 25, 18, 32)
        self.gauge.setSuffix(" G")
        self.left_volume = _volume(self, 0.0, 10.0)
        self.right_volume = _volume(self, 0.0, 10.0)
        self.left_sites = _count(self, 1, 0, 10)
        self.right_sites = _count(self, 1, 0, 10)
        self.events = {key: QCheckBox(self.tr(EVENT_TEXT[key]), self) for key in PROCEDURE_EVENTS}
        self.events_note = QLineEdit(self)
        self.pain = _count(self, -1, -1, 10)
        self.pain.setSpecialValueText(self.tr("not asked"))
        self.discharged = _when(self, 0)
        self.record_discharge = QCheckBox(self.tr("Record the discharge time"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Lot:"), QLineEdit(lot_label, self, readOnly=True))
        self.zone_note = plain_label(self.tr("Times on the clinic's clock (%1).").replace("%1", clinic_time_zone_name()),
                                     self, object_name="zoneNote")
        self.zone_note.setStyleSheet(ink("muted"))
        form.addRow("", self.zone_note)  # said once: a workstation may be set to another zone
        form.addRow(self.tr("Start:"), self.started)
        form.addRow(self.tr("End:"), self.ended)
        form.addRow(self.tr("Assistant:"), self.assistant)
        form.addRow(self.tr("Local anaesthetic:"), self.agent)
        form.addRow(self.tr("Concentration:"), self.concentration)
        form.addRow(self.tr("Anaesthetic, left side:"), self.anaesthetic_left)
        form.addRow(self.tr("Anaesthetic, right side:"), self.anaesthetic_right)
        technique = QHBoxLayout()
        technique.addWidget(self.cord_block)
        technique.addWidget(self.skin)
        form.addRow(self.tr("Technique:"), technique)
        form.addRow(self.tr("Needle gauge:"), self.gauge)
        form.addRow(self.tr("Volume into the left testis:"), self.left_volume)
        form.addRow(self.tr("Puncture sites, left:"), self.left_sites)
        form.addRow(self.tr("Volume into the right testis:"), self.right_volume)
        form.addRow(self.tr("Puncture sites, right:"), self.right_sites)
        events = QHBoxLayout()
        for box in self.events.values():
            events.addWidget(box)
        form.addRow(self.tr("Events:"), events)
        form.addRow(self.tr("Event details:"), self.events_note)
        form.addRow(self.tr("Pain score (0–10):"), self.pain)
        form.addRow(self.record_discharge, self.discharged)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def value(self) -> ProcedureInput:
        return ProcedureInput(
            started_at=edited_moment(self.started),
            ended_at=edited_moment(self.ended), assistant=self.assistant.text(),
            anaesthetic_agent=self.agent.text(), anaesthetic_concentration=self.concentration.text(),
            anaesthetic_left_ml=self.anaesthetic_left.value(), anaesthetic_right_ml=self.anaesthetic_right.value(),
            cord_block=self.cord_block.isChecked(), skin_infiltration=self.skin.isChecked(),
            needle_gauge=self.gauge.value(), left_volume_ml=self.left_volume.value(),
            right_volume_ml=self.right_volume.value(), left_sites=self.left_sites.value(),
            right_sites=self.right_sites.value(),
            events=tuple(k for k, box in self.events.items() if box.isChecked()), events_note=self.events_note.text(),
            pain_score=None if self.pain.value() < 0 else self.pain.value(),
            discharged_at=edited_moment(self.discharged) if self.record_discharge.isChecked()
            else None)
