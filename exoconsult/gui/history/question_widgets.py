"""One small widget per question type (quantity: quantity_widget.py), all with the same face: `value()`, `set_value()`, `changed`.

`problem()` says why the typed text cannot be read (decimal "1.234,5", date "31.02.2026"); such a
value is never sent to the service, but the text itself is kept in drafts (`draft_text()` /
`restore_text()`) so a half-typed entry survives a crash. Everything is shown as plain text (SEC-4).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QRadioButton,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from exoconsult.gui.history.number_text import (
    NumberTextError,
    format_date,
    format_number,
    parse_date,
    parse_decimal,
    parse_integer,
)
from exoconsult.gui.history.texts import t
from exoconsult.gui.tones import ink

Option = tuple[str, str]  # (stored value, label in the consultation language)


class QuestionWidget(QWidget):
    """Common interface. `changed` fires on every user edit (not on set_value)."""

    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the current input cannot be read, in the widget's language; None when it can."""
        return None

    def draft_text(self) -> object:
        """What to keep in a draft: the value, or the raw text when it cannot be parsed yet."""
        return self.value()

    def restore_text(self, saved: object) -> None:
        self.set_value(saved)

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)

    def _emit_changed(self, *_args: object) -> None:
        self.changed.emit()


class YesNoWidget(QuestionWidget):
    """Two radio buttons. Keyboard: Space ticks the focused one, arrows move between them, and the
    first letter of either answer in English or Turkish (Y/E = yes, N/H = no) answers directly."""

    _YES_KEYS = frozenset({Qt.Key.Key_Y, Qt.Key.Key_E})
    _NO_KEYS = frozenset({Qt.Key.Key_N, Qt.Key.Key_H})

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.yes_button = QRadioButton(t("yes"), self)
        self.no_button = QRadioButton(t("no"), self)
        self._group = QButtonGroup(self)
        self._group.addButton(self.yes_button)
        self._group.addButton(self.no_button)
        self._row.addWidget(self.yes_button)
        self._row.addWidget(self.no_button)
        self._row.addStretch(1)
        self.setFocusProxy(self.yes_button)
        self._group.buttonClicked.connect(self._emit_changed)
        self.yes_button.installEventFilter(self)
        self.no_button.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.isEnabled():
            key = event.key()
            target = self.yes_button if key in self._YES_KEYS else self.no_button if key in self._NO_KEYS else None
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                target.click()
                return True
        return super().eventFilter(watched, event)

    def value(self) -> bool | None:
        if self.yes_button.isChecked():
            return True
        if self.no_button.isChecked():
            return False
        return None

    def set_value(self, value: object) -> None:
        if value is None:
            # An exclusive group cannot uncheck its last button; switch exclusivity off for the reset.
            self._group.setExclusive(False)
            self.yes_button.setChecked(False)
            self.no_button.setChecked(False)
            self._group.setExclusive(True)
        else:
            (self.yes_button if value else self.no_button).setChecked(True)


class SingleChoiceWidget(QuestionWidget):
    """A combo box: typing the first letters picks an option; the first entry means 'not answered'."""

    def __init__(self, lang: str, options: Sequence[Option], parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.combo = QComboBox(self)
        self.combo.addItem(t("choose"), None)
        for stored, label in options:
            self.combo.addItem(label, stored)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._row.addWidget(self.combo)
        self._row.addStretch(1)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(self._emit_changed)

    def value(self) -> str | None:
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(index if index >= 0 else 0)


class MultiChoiceWidget(QuestionWidget):
    """One check box per option; the value lists the ticked options in the questionnaire's order."""

    def __init__(self, lang: str, options: Sequence[Option], parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.boxes: dict[str, QCheckBox] = {}
        for stored, label in options:
            box = QCheckBox(label, self)
            box.toggled.connect(self._emit_changed)
            self.boxes[stored] = box
            self._row.addWidget(box)
        self._row.addStretch(1)
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def value(self) -> list[str] | None:
        ticked = [stored for stored, box in self.boxes.items() if box.isChecked()]
        return ticked or None

    def set_value(self, value: object) -> None:
        chosen = set(value or ())
        for stored, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(stored in chosen)
            box.blockSignals(False)


class _TextInput(QuestionWidget):
    """Base for the line-edit types: the text is parsed on demand; unreadable text is a `problem()`."""

    def __init__(self, lang: str, suffix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.edit = QLineEdit(self)
        self.edit.setFixedWidth(110)
        self._row.addWidget(self.edit)
        self.suffix_label = QLabel(suffix, self)
        self.suffix_label.setTextFormat(Qt.TextFormat.PlainText)
        self.suffix_label.setVisible(bool(suffix))
        self._row.addWidget(self.suffix_label)
        self._row.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._emit_changed)

    def _parse(self, text: str) -> object:
        raise NotImplementedError

    def _format(self, value: object) -> str:
        raise NotImplementedError

    def value(self) -> object:
        try:
            return self._parse(self.edit.text())
        except NumberTextError:
            return None

    def problem(self) -> str | None:
        try:
            self._parse(self.edit.text())
        except NumberTextError as error:
            return error.message()
        return None

    def set_value(self, value: object) -> None:
        self.edit.setText(self._format(value))

    def draft_text(self) -> object:
        return {"text": self.edit.text()} if self.problem() else self.value()

    def restore_text(self, saved: object) -> None:
        if isinstance(saved, dict) and "text" in saved:
            self.edit.setText(str(saved["text"]))
        else:
            self.set_value(saved)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class IntegerWidget(_TextInput):
    def _parse(self, text: str) -> int | None:
        return parse_integer(text)

    def _format(self, value: object) -> str:
        return "" if value is None else str(int(value))


class DecimalWidget(_TextInput):
    """Accepts '12,5' and '12.5'; refuses grouped or malformed numbers with a message (INP-4)."""

    def _parse(self, text: str) -> float | None:
        return parse_decimal(text)

    def _format(self, value: object) -> str:
        return format_number(None if value is None else float(value), self.lang)


class TextWidget(_TextInput):
    def __init__(self, lang: str, max_length: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(lang, "", parent)
        self.edit.setMinimumWidth(110)
        self.edit.setMaximumWidth(16777215)
        if max_length:
            self.edit.setMaxLength(max_length)
        self._row.setStretch(0, 1)
        self._row.setStretch(2, 0)

    def _parse(self, text: str) -> str | None:
        return text.strip() or None

    def _format(self, value: object) -> str:
        return "" if value is None else str(value)


class DateWidget(_TextInput):
    """Typed as dd.mm.yyyy (shown that way in every language, INP-5) or picked from a calendar."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(lang, "", parent)
        self.edit.setPlaceholderText(t("date_placeholder"))
        self.picker_button = QToolButton(self)
        self.picker_button.setText("▾")
        self.picker_button.setToolTip(t("pick_date"))
        self.picker_button.setAccessibleName(t("pick_date"))
        self.picker_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab goes field to field
        self.picker_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Parentless: the QWidgetAction below takes ownership (a parent as well would delete it twice).
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        menu = QMenu(self.picker_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.picker_button.setMenu(menu)
        self._row.insertWidget(1, self.picker_button)
        self.calendar.clicked.connect(self._on_picked)

    def _parse(self, text: str) -> date | None:
        return parse_date(text)

    def value(self) -> str | None:
        """ISO text, as the case format stores dates."""
        parsed = super().value()
        return parsed.isoformat() if isinstance(parsed, date) else None

    def _format(self, value: object) -> str:
        if isinstance(value, str):
            value = date.fromisoformat(value)
        return format_date(value)  # type: ignore[arg-type]

    def _on_picked(self, picked: QDate) -> None:
        self.edit.setText(format_date(date(picked.year(), picked.month(), picked.day())))
        self.picker_button.menu().hide()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.picker_button.setEnabled(not read_only)


class InfoWidget(QuestionWidget):
    """Read-only text between questions; it has no value and is never counted."""

    def __init__(self, lang: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(lang, parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setText(text)
        self.label.setStyleSheet(ink("muted"))
        self._row.addWidget(self.label, 1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def value(self) -> None:
        return None

    def set_value(self, value: object) -> None:  # noqa: ARG002 - info has nothing to set
        return None
