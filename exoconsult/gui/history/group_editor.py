"""A repeatable group as a table of entries plus a form for the selected entry.

Keyboard: Enter adds an entry (in the table and in the entry form, so a series is typed as
date, Tab, values…, Enter, date…); Delete in the table removes the selected entry after a question;
arrow keys pick the entry the form edits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.questionnaire import Section
from exoconsult.gui.history.group_table_model import GroupTableModel
from exoconsult.gui.history.questionnaire_form import QuestionnaireForm
from exoconsult.gui.history.texts import t
from exoconsult.gui.tones import ink

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class GroupEditor(QWidget):
    """Signals carry the row key; the page talks to the service and feeds rows back with set_rows()."""

    add_requested = Signal()
    remove_requested = Signal(str)
    field_changed = Signal(str, str)  # row key, question id
    current_changed = Signal(str)  # row key ("" = none)

    def __init__(self, section: Section, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.lang = lang
        self._current = ""
        self._read_only = False
        self.model = GroupTableModel(section, lang, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"table_{section.repeat}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)  # a stretched last column pushes its numbers far right
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setMinimumHeight(150)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)  # resized: fit the columns again
        self.empty_label = QLabel(t("no_rows"), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setStyleSheet(ink("muted"))
        self.add_button = QPushButton(t("add_row"), self)
        self.add_button.setObjectName("addRow")
        self.remove_button = QPushButton(t("remove_row"), self)
        self.remove_button.setObjectName("removeRow")
        self.remove_button.setEnabled(False)
        # Tab goes table -> entry form; the buttons are for the mouse (Enter/Delete do the same).
        self.add_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.form = QuestionnaireForm(section, lang, self)
        self.entry_box = QGroupBox(t("row_editor"), self)
        box_layout = QVBoxLayout(self.entry_box)
        box_layout.addWidget(self.form)
        self.entry_box.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.entry_box, 3)

        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.form.field_changed.connect(self._on_form_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    # -- the page feeds data in -------------------------------------------------------------------

    def set_rows(self, rows: Sequence[tuple[str, Mapping[str, Any]]], select: str | None = None, *,
                 reload_entry: bool = True) -> None:
        """Replace the entries. With reload_entry=False (after an autosave) the entry form keeps what
        the user is typing when the selected entry is still there."""
        keep = select or self._current
        self.model.set_rows(rows)
        self.fit_columns()
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if keep and self.model.row_of(keep) >= 0:
            self._select_quietly(keep)
            if reload_entry or keep != self._current:
                self._show_entry(keep)
        else:
            self._show_entry("")

    def fit_columns(self) -> None:
        """Columns as wide as their contents when they fit; squeezed to the table's width (full titles in
        the tooltips) when they do not, so no column of an analysis is hidden behind a scroll bar."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        natural = [header.sectionSize(c) for c in range(header.count())]
        room = self.table.viewport().width()
        if sum(natural) > room > 0:  # each column keeps its share of the natural widths
            # The date (first column) says which entry a row is: it keeps its width; the others share.
            rest = room - natural[0]
            if len(natural) < 2 or rest < 48 * (len(natural) - 1):
                header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # very narrow: equal shares
                return
            sizes = [natural[0]] + [max(32, width * rest // sum(natural[1:])) for width in natural[1:]]
            widest = sizes.index(max(sizes[1:]), 1)
            sizes[widest] = max(32, sizes[widest] - max(0, sum(sizes) - room))  # the floor must not overflow
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column, width in enumerate(sizes):
                header.resizeSection(column, width)

    def update_row(self, key: str, values: Mapping[str, Any]) -> None:
        self.model.update_row(key, values)
        if key == self._current and self.model.row_of(key) >= 0:
            self._select_quietly(key)  # the entry may have moved when its date changed

    def select_row(self, key: str) -> None:
        if self.model.row_of(key) < 0:
            return
        self._select_quietly(key)
        self._show_entry(key)

    def _select_quietly(self, key: str) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            self.model.index(self.model.row_of(key), 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.table.viewport().update()

    def focus_entry(self) -> None:
        first = self.form.first_input()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_key(self) -> str:
        return self._current

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and bool(self._current))
        self.form.set_read_only(read_only)

    # -- keyboard ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter from anywhere inside (table, entry fields) bubbles up here: add the next entry.
        if event.key() in _ENTER_KEYS and not self._read_only:
            self.add_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
            return False
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not self._read_only:
            key = event.key()  # type: ignore[attr-defined]
            if key in _ENTER_KEYS:
                self.add_requested.emit()
                return True
            if key == Qt.Key.Key_Delete and self._current:
                self.remove_requested.emit(self._current)
                return True
        return super().eventFilter(watched, event)

    # -- slots ------------------------------------------------------------------------------------

    def _show_entry(self, key: str) -> None:
        self._current = key
        self.entry_box.setEnabled(bool(key))
        self.remove_button.setEnabled(bool(key) and not self._read_only)
        self.form.set_answers(self.model.values_of(key) if key else {})
        self.current_changed.emit(key)

    def _on_current_row_changed(self, current, _previous) -> None:
        key = self.model.key_at(current.row()) if current.isValid() else ""
        if key != self._current:
            self._show_entry(key)

    def _on_form_changed(self, question_id: str) -> None:
        if self._current:
            self.field_changed.emit(self._current, question_id)

    def _on_remove_clicked(self) -> None:
        if self._current:
            self.remove_requested.emit(self._current)
