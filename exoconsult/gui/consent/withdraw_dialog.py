"""Recording a withdrawal: the patient's choices about data already collected (each yes or no), an
optional reason, his signature, and the urologist's password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.consent.signature_pad import SignatureField
from exoconsult.gui.consent.yes_no import YesNo
from exoconsult.gui.printable_guard import PrintableGuard
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import plain_label, refusal_texts


class WithdrawDialog(QDialog):
    def __init__(self, choices: list[tuple[str, str]], patient_name: str, on_submit, parent: QWidget | None = None) -> None:
        """`on_submit(dialog, answers, reason, strokes, password)` records it, then `accept()` or `show_problems()`."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record withdrawal of consent"))
        self.resize(760, 640)
        self._on_submit = on_submit
        self.patient_name = patient_name
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("The patient may withdraw at any time without giving a reason and "
                                             "without losing any other care."), self))
        form = QFormLayout()
        self.choices: dict[str, YesNo] = {}
        for choice_id, text in choices:
            label = plain_label(text, self)
            label.setWordWrap(True)
            self.choices[choice_id] = YesNo(self)
            form.addRow(label, self.choices[choice_id])
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("optional"))
        self.reason.setFixedHeight(70)
        form.addRow(self.tr("Reason given"), self.reason)
        self.reason_message = QLabel(self)
        form.addRow("", self.reason_message)
        self.reason_guard = PrintableGuard(self.reason, self.reason_message)  # goes into the sealed record
        layout.addLayout(form)
        self.signature = SignatureField(self.tr("Patient"), patient_name, self)
        layout.addWidget(self.signature)
        pw = QFormLayout()
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        pw.addRow(self.tr("Your password (urologist)"), self.password)
        layout.addLayout(pw)
        self.errors = QLabel(self)
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ink("error", "font-weight: 600;"))
        layout.addWidget(self.errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = buttons.addButton(self.tr("Record withdrawal"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_record)
        buttons.rejected.connect(self.reject)

    def _on_record(self) -> None:
        if not self.reason_guard.ok():
            return
        missing = [k for k, w in self.choices.items() if w.value() is None]
        if missing or not self.signature.validate():
            self.errors.setText(self.tr("Answer every choice and have the patient sign.") if missing else "")
            return
        self.record_button.setEnabled(False)
        self._on_submit(self, {k: w.value() for k, w in self.choices.items()}, self.reason.toPlainText(),
                        self.signature.pad.strokes(), self.password.text())

    def show_problems(self, error: BaseException) -> None:
        self.record_button.setEnabled(True)
        self.errors.setText("\n".join(f"• {v}" for v in refusal_texts(error).values()))
