"""The signing dialog's guide: what is still missing, listed at the top where the clinician looks, each
entry jumping to its field; every missing field is marked where it is (outline AND a word, never colour
alone). "Sign and seal" waits until the list is empty, so nothing is refused below the fold."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from exoconsult.gui.tones import ink, tone
from exoconsult.gui.ui_language import PatientFacing
from exoconsult.gui.widgets import plain_label


def mark_style() -> str:
    """Amber outline and note for what is still to do (a "warning", not an error), from the palette."""
    needed = tone("warning").name()
    return (f'*[missing="true"] {{ border: 2px solid {needed}; border-radius: 3px; }}'
            f'QLabel[missingNote="true"] {{ color: {needed}; font-weight: 600; }}')


@dataclass(frozen=True)
class MissingItem:
    text: str  # what the clinician reads in the list
    target: QWidget  # where "go to" puts the focus
    marked: tuple[QWidget, ...]  # the fields outlined as missing
    stops: tuple[QWidget, ...] = ()  # where "Next missing item" stops, in order (default: the target)

    def all_stops(self) -> tuple[QWidget, ...]:
        return self.stops or (self.target,)


def set_missing(widget: QWidget, missing: bool) -> None:
    """Outline a field as still needed (the dialog's style sheet draws `[missing="true"]`)."""
    if bool(widget.property("missing")) != missing:
        widget.setProperty("missing", missing)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()


class SigningChecklist(PatientFacing, QWidget):
    """The list of missing items and a "Next missing item" button; emits the widget to go to."""

    go_to = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signingChecklist")
        self.heading = plain_label("", self, object_name="checklistHeading")
        self.heading.setStyleSheet("font-weight: 700; font-size: 11pt;")
        self.list = QListWidget(self)
        self.list.setObjectName("missingItems")
        self.list.setAccessibleName(self.tr("Missing before signing"))
        self.list.setMaximumHeight(120)
        self.next_button = QPushButton(self.tr("Next missing item (F8)"), self)
        self.next_button.setObjectName("nextMissing")
        # F8 from anywhere in the dialog (a mnemonic would change with the translation)
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F8), parent or self)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.items: list[MissingItem] = []
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        self.next_button.clicked.connect(self.go_to_next)
        self.shortcut.activated.connect(self.go_to_next)

    def show_items(self, items: list[MissingItem]) -> None:
        self.items = items
        self.list.clear()
        for n, item in enumerate(items):
            entry = QListWidgetItem(item.text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, n)
        self.list.setVisible(bool(items))
        self.next_button.setEnabled(bool(items))
        self.heading.setText(self.tr("Still missing before signing (%1) – select one to go to it")
                             .replace("%1", str(len(items))) if items else
                             self.tr("Everything is filled in: check it with the patient, then Sign and seal."))
        self.heading.setStyleSheet(ink("warning" if items else "ok", "font-weight: 700; font-size: 11pt;"))

    def texts(self) -> list[str]:
        return [item.text for item in self.items]

    def go_to_next(self) -> None:
        """The missing field after the one that has the focus (wrapping round), else the first one."""
        stops = [w for item in self.items for w in item.all_stops()]
        if not stops:
            return
        focused = self.window().focusWidget()
        here = next((n for n, w in enumerate(stops) if focused is not None
                     and (focused is w or w.isAncestorOf(focused))), -1)
        self.go_to.emit(stops[(here + 1) % len(stops)])

    def _on_item(self, entry: QListWidgetItem) -> None:
        n = entry.data(Qt.ItemDataRole.UserRole)
        if n is not None and 0 <= n < len(self.items):
            self.go_to.emit(self.items[n].target)
