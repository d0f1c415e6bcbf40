"""The urologist's decision on a checklist "no": stop the procedure, or continue, with a written reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from exoconsult.gui.widgets import exec_dialog, plain_label


class DecideDialog(QDialog):
    def __init__(self, item_text: str, no_reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decideDialog")
        self.setWindowTitle(self.tr("Decide on a “no”"))
        self.proceed = False
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("The reason for your decision (required)"))
        self.reason.setTabChangesFocus(True)
        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.stop_button = buttons.addButton(self.tr("Stop the procedure"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(item_text, self))
        layout.addWidget(plain_label(self.tr("Answered no: %1").replace("%1", no_reason), self))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.continue_button.clicked.connect(self._on_continue)
        self.stop_button.clicked.connect(self._on_stop)
        buttons.rejected.connect(self.reject)

    def _on_continue(self) -> None:
        self.proceed = True
        self.accept()

    def _on_stop(self) -> None:
        self.proceed = False
        self.accept()

    def ask(self) -> bool:
        answer = exec_dialog(self)
        return getattr(answer, "value", answer) == QDialog.DialogCode.Accepted.value
