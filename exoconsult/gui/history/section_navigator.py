"""The list of sections on the left: title, completion ("3/5" required answered) and a read-only mark."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from exoconsult.domain.questionnaire import Section
from exoconsult.gui.history.texts import pick, t
from exoconsult.gui.tones import text_colour, tone


class SectionNavigator(QListView):
    """Emits `section_chosen(index)`. Up/Down moves between sections; Tab leaves for the form.

    A list view over a standard item model (not a QListWidget): generic code that walks every item
    model of the window, such as the lock screen's "no patient data visible" check, can call
    columnCount() on it."""

    section_chosen = Signal(int)

    def __init__(self, sections: tuple[Section, ...], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.lang = lang
        self._sections = sections
        self._counts: list[tuple[int, int]] = [(0, 0)] * len(sections)
        self._read_only = [False] * len(sections)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSpacing(1)
        self.setAccessibleName(t("sections"))
        for _ in sections:
            item = QStandardItem()
            item.setEditable(False)
            item.setSizeHint(QSize(0, 44))
            self.model_.appendRow(item)
        self.setMinimumWidth(200)  # titles wrap onto two lines; a 1280-px window keeps room for the tables
        self.setMaximumWidth(300)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._repaint_all()

    def count(self) -> int:
        return self.model_.rowCount()

    def item(self, index: int) -> QStandardItem:
        return self.model_.item(index)

    def setCurrentRow(self, index: int) -> None:  # noqa: N802 - mirrors QListWidget's name
        self.setCurrentIndex(self.model_.index(index, 0))

    def currentRow(self) -> int:  # noqa: N802
        return self.currentIndex().row()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.section_chosen.emit(current.row())

    def set_completion(self, index: int, answered: int, total: int) -> None:
        if self._counts[index] != (answered, total):
            self._counts[index] = (answered, total)
            self._repaint(index)

    def set_read_only(self, index: int, read_only: bool) -> None:
        self._read_only[index] = read_only
        self._repaint(index)

    def completion_text(self, index: int) -> str:
        answered, total = self._counts[index]
        return f"{answered}/{total}"

    def is_marked_read_only(self, index: int) -> bool:
        return self._read_only[index]

    def _repaint_all(self) -> None:
        for i in range(len(self._sections)):
            self._repaint(i)

    def _repaint(self, index: int) -> None:
        item = self.item(index)
        answered, total = self._counts[index]
        title = pick(self._sections[index].title, self.lang)
        lines = [f"{title}    {answered}/{total}"]
        if self._read_only[index]:
            # Text, not an emoji: a lock glyph is missing from many clinic workstation fonts.
            lines.append(f"({t('read_only_marker')})")
        # Item text is never interpreted as markup, so section titles stay plain (SEC-4).
        item.setText("\n".join(lines))
        done = total > 0 and answered == total
        colour = tone("muted") if self._read_only[index] else (tone("ok") if done else text_colour())
        item.setForeground(QBrush(colour))
        font = QFont(self.font())
        font.setItalic(self._read_only[index])
        item.setFont(font)
        tip = f"{title}: {answered}/{total}"
        if self._read_only[index]:
            tip += f" — {t('read_only_marker')}"
        item.setToolTip(tip)
        item.setData(tip, Qt.ItemDataRole.AccessibleTextRole)
