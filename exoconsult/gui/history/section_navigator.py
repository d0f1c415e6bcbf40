"""The list of sections on the left: title, completion ("3/5" required answered) and a read-only mark."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from exoconsult.domain.questionnaire import Section
from exoconsult.gui.history.texts import pick, t

_COMPLETE = QColor("#1b6e2a")
_INCOMPLETE = QColor("#202020")
_READ_ONLY = QColor("#707070")


class SectionNavigator(QListWidget):
    """Emits `section_chosen(index)`. Up/Down moves between sections; Tab leaves for the form."""

    section_chosen = Signal(int)

    def __init__(self, sections: tuple[Section, ...], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionNavigator")
        self.lang = lang
        self._sections = sections
        self._counts: list[tuple[int, int]] = [(0, 0)] * len(sections)
        self._read_only = [False] * len(sections)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setSpacing(1)
        self.setAccessibleName(t("sections", lang))
        for _ in sections:
            item = QListWidgetItem(self)
            item.setSizeHint(QSize(0, 44))
        self.setMinimumWidth(240)
        self.setMaximumWidth(300)
        self.currentRowChanged.connect(self.section_chosen)
        self._repaint_all()

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
            lines.append(f"({t('read_only_marker', self.lang)})")
        # QListWidgetItem text is never interpreted as markup, so section titles stay plain (SEC-4).
        item.setText("\n".join(lines))
        done = total > 0 and answered == total
        colour = _READ_ONLY if self._read_only[index] else (_COMPLETE if done else _INCOMPLETE)
        item.setForeground(QBrush(colour))
        font = QFont(self.font())
        font.setItalic(self._read_only[index])
        item.setFont(font)
        tip = f"{title}: {answered}/{total}"
        if self._read_only[index]:
            tip += f" — {t('read_only_marker', self.lang)}"
        item.setToolTip(tip)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, tip)
