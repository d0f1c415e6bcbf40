"""Checks a free-text field of an irreversible record while it is typed: characters the document font
cannot print (emoji and the like) are named under the field at once, and the dialog's button asks
`ok()` before recording anything (exoconsult.services.core.printable)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import reason_text
from exoconsult.services.core.printable import printable_reason


class PrintableGuard(QObject):
    def __init__(self, field: QPlainTextEdit | QLineEdit, message: QLabel) -> None:
        super().__init__(field)
        self.field, self.message = field, message
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ink("error"))
        self.message.hide()
        field.textChanged.connect(self.check)

    def text(self) -> str:
        return self.field.toPlainText() if isinstance(self.field, QPlainTextEdit) else self.field.text()

    def check(self, *_args) -> None:
        why = printable_reason(self.text())
        said = reason_text(why) if why else ""
        self.message.setText(said)
        self.message.setVisible(bool(said))
        self.field.setProperty("invalid", bool(said))
        self.field.setAccessibleDescription(said)

    def ok(self) -> bool:
        """True when the text can be printed; otherwise the message is shown and the field has the focus."""
        self.check()
        if self.message.text():
            self.field.setFocus()
            return False
        return True
