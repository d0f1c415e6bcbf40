"""The quantity question: value + unit + the canonical value beside it, so a unit slip is visible."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from exoconsult.gui.history.number_text import NumberTextError, format_number, parse_decimal
from exoconsult.gui.history.question_widgets import QuestionWidget
from exoconsult.gui.history.texts import t
from exoconsult.gui.tones import ink


class QuantityWidget(QuestionWidget):
    """Value + unit + the canonical value beside it ("= 12.1 nmol/L"), so a unit slip is visible.

    When the units differ by a factor (testosterone), no unit is preselected: the user must choose the
    one on the lab report (reliability-goals §7.2)."""

    def __init__(self, lang: str, units: Sequence[str], to_canonical: Callable[[float, str], float],
                 parent: QWidget | None = None, *, preselect_unit: bool = False) -> None:
        super().__init__(lang, parent)
        self._units = tuple(units)
        self._to_canonical = to_canonical
        self.edit = QLineEdit(self)
        self.edit.setFixedWidth(110)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never "birim…"
        if not preselect_unit:
            self.unit_combo.addItem(t("unit"), None)
        for unit in self._units:
            self.unit_combo.addItem(unit, unit)
        self.canonical_label = QLabel(self)
        self.canonical_label.setTextFormat(Qt.TextFormat.PlainText)
        self.canonical_label.setObjectName("canonicalValue")
        self.canonical_label.setStyleSheet(ink("muted"))
        self._row.addWidget(self.edit)
        self._row.addWidget(self.unit_combo)
        self._row.addWidget(self.canonical_label)
        self._row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._on_edited)
        self.unit_combo.activated.connect(self._on_edited)

    @property
    def canonical_unit(self) -> str:
        return self._units[0]

    def _number(self) -> float | None:
        try:
            return parse_decimal(self.edit.text())
        except NumberTextError:
            return None

    def unit(self) -> str | None:
        return self.unit_combo.currentData()

    def value(self) -> dict | None:
        number = self._number()
        if number is None or self.unit() is None:
            return None
        return {"value": number, "unit": self.unit()}

    def canonical(self) -> float | None:
        number, unit = self._number(), self.unit()
        return None if number is None or unit is None else self._to_canonical(number, unit)

    def problem(self) -> str | None:
        try:
            number = parse_decimal(self.edit.text())
        except NumberTextError as error:
            return error.message()
        if number is not None and self.unit() is None:
            return t("choose_unit")
        return None

    def set_value(self, value: object) -> None:
        if value is None:
            self.edit.clear()
        elif isinstance(value, dict):
            self.edit.setText(format_number(float(value["value"]), self.lang))
            index = self.unit_combo.findData(value.get("unit") or self.canonical_unit)
            self.unit_combo.setCurrentIndex(max(index, 0))
        else:  # a bare number is in the canonical unit (case-format.md)
            self.edit.setText(format_number(float(value), self.lang))
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(self.canonical_unit))
        self._refresh_canonical()

    def draft_text(self) -> object:
        if self.problem():
            return {"text": self.edit.text(), "unit": self.unit()}
        return self.value()

    def restore_text(self, saved: object) -> None:
        if isinstance(saved, dict) and "text" in saved:
            self.edit.setText(str(saved["text"]))
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(saved.get("unit")), 0))
            self._refresh_canonical()
        else:
            self.set_value(saved)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.unit_combo.setEnabled(not read_only)

    def _on_edited(self, *_args: object) -> None:
        self._refresh_canonical()
        self.changed.emit()

    def _refresh_canonical(self) -> None:
        canonical = self.canonical()
        if canonical is None or self.unit() == self.canonical_unit:
            self.canonical_label.setText("")
            return
        self.canonical_label.setText(f"= {format_number(canonical, self.lang, significant=4)} {self.canonical_unit}")
