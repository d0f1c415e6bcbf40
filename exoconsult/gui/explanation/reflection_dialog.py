"""Shortening the reflection period for this one consultation (urologists only): the number of days and a
written reason of at least 20 characters, which prints on the consent. The dialog checks what it can
before sending; the service checks again and its field messages appear under the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.printable_guard import PrintableGuard
from exoconsult.gui.widgets import (
    add_field_row,
    describe_error,
    field_message_label,
    plain_label,
    problem_texts,
)

MIN_REASON = 20  # mirrors the service's rule so the clinician sees the count while typing


class ShortenReflectionDialog(QDialog):
    def __init__(self, controller, standard_days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shorten the reflection period"))
        self.controller = controller
        self.standard_days = standard_days
        intro = plain_label(self.tr("The clinic's reflection period is %1 day(s). Shortening it applies to this "
                                    "consultation only, and the reason prints on the consent.")
                            .replace("%1", str(standard_days)), self)
        intro.setWordWrap(True)
        self.days = QSpinBox(self)
        self.days.setObjectName("shortenDays")
        self.days.setRange(0, max(0, standard_days - 1))
        self.days.setSuffix(self.tr(" day(s)"))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("shortenReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why this patient needs a shorter period (at least 20 characters)"))
        self.counter = plain_label("", self, object_name="reasonCounter")
        self.days_message = field_message_label(self)
        self.reason_message = field_message_label(self)
        self.general_message = field_message_label(self)
        self.printable_message = field_message_label(self)
        self.reason_guard = PrintableGuard(self.reason, self.printable_message)  # prints on the consent
        form = QFormLayout()
        add_field_row(form, self.tr("Days"), self.days, self.days_message)
        add_field_row(form, self.tr("Reason"), self.reason, self.reason_message)
        form.addRow("", self.counter)
        form.addRow("", self.printable_message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Shorten"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update_counter)  # after the guard's own check
        self._update_counter()
        self.resize(520, 320)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def _update_counter(self) -> None:
        n = len(self.reason.toPlainText().strip())
        self.counter.setText(self.tr("%1 of at least %2 characters").replace("%1", str(n))
                             .replace("%2", str(MIN_REASON)))
        self.ok_button.setEnabled(n >= MIN_REASON and not self.printable_message.text())

    def submit(self) -> None:
        for label in (self.days_message, self.reason_message, self.general_message):
            label.hide()
        self.ok_button.setEnabled(False)  # one request at a time
        self.controller.loaded.connect(self._on_done)
        self.controller.shorten_reflection(self.days.value(), self.reason.toPlainText(), self._on_error)

    def _on_done(self, _data) -> None:
        self.controller.loaded.disconnect(self._on_done)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self.controller.loaded.disconnect(self._on_done)
        self._update_counter()
        if isinstance(error, ValidationError):
            rest = dict(problem_texts(error))
            for key, label in (("days", self.days_message), ("reason", self.reason_message)):
                if key in rest:
                    label.setText(rest.pop(key))
                    label.show()
            if rest:
                self.general_message.setText("\n".join(rest.values()))
                self.general_message.show()
            return
        title, text = describe_error(error)
        self.general_message.setText(f"{title}: {text}")
        self.general_message.show()
