"""The questions the history page asks: confirm an implausible value, resolve a conflict, remove a row.

All modal dialogs run through `run_dialog`, so a test can answer them instead of blocking. Every text
that may contain user data is set as plain text (SEC-4).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.history.texts import t


def run_dialog(dialog: QDialog) -> int:
    """Show a modal dialog and wait for it (tests replace this function to answer it)."""
    return dialog.exec()


def _with_icon(dialog: QDialog, icon: QStyle.StandardPixmap) -> QVBoxLayout:
    """Icon on the left, content column on the right (the layout of a standard message box)."""
    outer = QHBoxLayout(dialog)
    outer.setSpacing(14)
    badge = QLabel(dialog)
    badge.setPixmap(dialog.style().standardIcon(icon).pixmap(36, 36))
    badge.setAlignment(Qt.AlignmentFlag.AlignTop)
    outer.addWidget(badge)
    column = QVBoxLayout()
    column.setSpacing(10)
    outer.addLayout(column, 1)
    return column


def _plain(text: str, parent: QWidget, *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class PlausibilityDialog(QDialog):
    """'testosterone 350 nmol/L is outside the plausible band … did you mean ng/dL?' -> keep, switch
    unit, or go back and correct. `choice` is "keep", "unit" (see `unit`) or "edit"."""

    def __init__(self, field_label: str, message: str, entered: str, other_units: list[tuple[str, str]],
                 lang: str, parent: QWidget | None = None, *, can_keep: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("confirm_title" if can_keep else "refused_title"))
        self.setObjectName("plausibilityDialog")
        self.choice = "edit"
        self.unit: str | None = None
        self.setMinimumWidth(580)
        layout = _with_icon(self, QStyle.StandardPixmap.SP_MessageBoxWarning)
        layout.addWidget(_plain(field_label, self, bold=True))
        self.message_label = _plain(message, self)
        self.message_label.setObjectName("plausibilityMessage")
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for unit, caption in other_units:
            button = QPushButton(caption, self)
            button.setObjectName(f"useUnit_{unit}")
            button.setProperty("unit", unit)
            button.clicked.connect(self._on_unit_clicked)
            buttons.addWidget(button)
        self.keep_button = QPushButton(t("confirm_keep", value=entered), self)
        self.keep_button.setObjectName("keepValue")
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.keep_button.setVisible(can_keep)  # outside the hard range there is nothing to keep
        self.edit_button = QPushButton(t("confirm_edit"), self)
        self.edit_button.setObjectName("correctValue")
        self.edit_button.clicked.connect(self.reject)
        self.edit_button.setDefault(True)  # Enter goes back to the field: the safe choice
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.edit_button)
        layout.addLayout(buttons)

    def _on_keep_clicked(self) -> None:
        self.choice = "keep"
        self.accept()

    def _on_unit_clicked(self) -> None:
        self.choice = "unit"
        self.unit = str(self.sender().property("unit"))
        self.accept()


class ConflictDialog(QDialog):
    """Both values side by side; `choice` is "theirs" or "mine" (closing keeps theirs: nothing of
    theirs is overwritten without an explicit choice)."""

    def __init__(self, field_label: str, mine: str, theirs: str, saved_by: str, saved_at: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("conflict_title"))
        self.setObjectName("conflictDialog")
        self.choice = "theirs"
        self.setMinimumWidth(520)
        layout = _with_icon(self, QStyle.StandardPixmap.SP_MessageBoxQuestion)
        layout.addWidget(_plain(field_label, self, bold=True))
        layout.addWidget(_plain(t("conflict_intro"), self))
        frame = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        grid.addWidget(_plain(t("conflict_yours"), frame, wrap=False), 0, 0)
        self.mine_label = _plain(mine or t("empty_value"), frame, bold=True)
        self.mine_label.setObjectName("mineValue")
        grid.addWidget(self.mine_label, 0, 1)
        grid.addWidget(_plain(t("conflict_theirs", user=saved_by, time=saved_at), frame, wrap=False), 1, 0)
        self.theirs_label = _plain(theirs or t("empty_value"), frame, bold=True)
        self.theirs_label.setObjectName("theirsValue")
        grid.addWidget(self.theirs_label, 1, 1)
        layout.addWidget(frame)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.theirs_button = QPushButton(t("keep_theirs"), self)
        self.theirs_button.setObjectName("keepTheirs")
        self.theirs_button.clicked.connect(self.reject)
        self.mine_button = QPushButton(t("use_mine"), self)
        self.mine_button.setObjectName("useMine")
        self.mine_button.clicked.connect(self._on_mine_clicked)
        buttons.addWidget(self.theirs_button)
        buttons.addWidget(self.mine_button)
        layout.addLayout(buttons)

    def _on_mine_clicked(self) -> None:
        self.choice = "mine"
        self.accept()


def confirm_remove_row(parent: QWidget, when: str, lang: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, t("remove_row_title"), t("remove_row_text", date=when),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return run_dialog(box) == QMessageBox.StandardButton.Yes


def show_problems(parent: QWidget, title: str, intro: str, problems: list[str]) -> None:
    # Everything in the plain-text main label (the informative label may auto-detect rich text).
    shown = problems[:30] + (["…"] if len(problems) > 30 else [])
    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n".join([intro, "", *shown]),
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText("\n".join(problems))
    run_dialog(box)
