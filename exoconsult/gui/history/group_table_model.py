"""Table model over the entries of one repeatable group (semen analyses, hormone panels, retrievals).

Rows are kept sorted by date, undated last (newest entries are the ones rules read, and a clinician
reads a series in time order). Each row keeps its stable key ("r3"), so an edit lands on the right
entry even when a changed date moves it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from exoconsult.domain.questionnaire import Question, QuestionType, Section
from exoconsult.gui.history.number_text import format_date, format_number
from exoconsult.gui.history.texts import pick, t
from exoconsult.gui.tones import tone

Index = QModelIndex | QPersistentModelIndex


def display_value(question: Question, value: Any, lang: str) -> str:
    """A stored value as short plain text for a table cell or a dialog."""
    if value is None:
        return ""
    kind = question.type
    if kind is QuestionType.YES_NO:
        return t("yes" if value else "no")
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.MULTI_CHOICE):
        labels = {o.value: pick(o.label, lang) for o in question.options}
        chosen = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(v, str(v)) for v in chosen)
    if kind is QuestionType.DATE:
        try:
            return format_date(value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    if kind is QuestionType.QUANTITY and isinstance(value, Mapping):
        unit = value.get("unit") or question.canonical_unit or ""
        return f"{format_number(float(value['value']), lang)} {unit}".strip()
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(value, lang)
    return str(value)


def two_lines(text: str, longer_than: int = 16) -> str:
    """A long column title broken at the space nearest its middle, so columns stay narrow."""
    if len(text) <= longer_than or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


def _sort_key(item: tuple[str, Mapping[str, Any]]) -> tuple[int, str, int]:
    key, values = item
    when = values.get("date")
    number = int(key[1:]) if key[1:].isdigit() else 0
    return (0, str(when), number) if when else (1, "", number)


class GroupTableModel(QAbstractTableModel):
    """Read-only cells; editing happens in the entry form below the table."""

    def __init__(self, section: Section, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._questions = list(section.answerable)
        self._lang = lang
        self._rows: list[tuple[str, dict[str, Any]]] = []
        # (row key, question id) -> why the value shown there is not stored (refused, or to confirm):
        # such a cell is marked, never shown as if it were saved.
        self._held: dict[tuple[str, str], str] = {}

    def set_held(self, held: Mapping[tuple[str, str], str]) -> None:
        if dict(held) != self._held:
            self._held = dict(held)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def set_rows(self, rows: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        self.beginResetModel()
        self._rows = sorted(((k, dict(v)) for k, v in rows), key=_sort_key)
        self.endResetModel()

    def update_row(self, key: str, values: Mapping[str, Any]) -> None:
        """One entry changed: re-sort only when its date moved it, else repaint its cells."""
        rows = [(k, dict(values) if k == key else v) for k, v in self._rows]
        resorted = sorted(rows, key=_sort_key)
        if [k for k, _ in resorted] != [k for k, _ in self._rows]:
            self.layoutAboutToBeChanged.emit()
            self._rows = resorted
            self.layoutChanged.emit()
            return
        self._rows = resorted
        row = self.row_of(key)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def keys(self) -> list[str]:
        return [k for k, _ in self._rows]

    def row_of(self, key: str) -> int:
        for i, (k, _) in enumerate(self._rows):
            if k == key:
                return i
        return -1

    def key_at(self, row: int) -> str:
        return self._rows[row][0]

    def values_of(self, key: str) -> dict[str, Any]:
        row = self.row_of(key)
        return dict(self._rows[row][1]) if row >= 0 else {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        question = self._questions[index.column()]
        key, values = self._rows[index.row()]
        value = values.get(question.id)
        held = self._held.get((key, question.id))
        if role == Qt.ItemDataRole.DisplayRole:
            if question.id == "date" and not value:
                return t("no_date")
            text = display_value(question, value, self._lang)
            return f"⚠ {text}" if held else text  # the sign, the colour and the tooltip: not saved
        if role == Qt.ItemDataRole.ToolTipRole and held:
            return f"{t('not_saved_mark')}: {held}"
        if role == Qt.ItemDataRole.ForegroundRole and held:
            return tone("error")
        if role == Qt.ItemDataRole.TextAlignmentRole and question.type in (
                QuestionType.INTEGER, QuestionType.DECIMAL, QuestionType.QUANTITY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return two_lines(pick(self._questions[section].label, self._lang))
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return pick(self._questions[section].label, self._lang)
        return None
