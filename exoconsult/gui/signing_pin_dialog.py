"""File > Signing PIN…: a nurse or urologist sets, changes or removes their own signing PIN, with which
they may confirm who they are when witnessing a consent where the clinic allows PINs. Their password
confirms each change; the PIN rules are the service's (shown under the field)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.local_format import datetime_text
from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.widgets import (
    FormDialogParts,
    inform,
    plain_label,
    problem_texts,
    reason_text,
    show_service_error,
)


def pin_field(parent: QWidget, name: str) -> QLineEdit:
    """A hidden field that takes digits only (at most 12)."""
    field = password_field(parent, name)
    field.setMaxLength(12)
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,12}", field))
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class SigningPinDialog(QDialog):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._session, self._runner = services, session, runner
        self.setWindowTitle(self.tr("Signing PIN"))
        self.setMinimumWidth(460)
        self.state = plain_label("", self, object_name="pinState")
        self.state.setWordWrap(True)
        self.current_password = password_field(self, "current_password")
        self.new_pin = pin_field(self, "new_pin")
        self.new_pin.setPlaceholderText(self.tr("At least 6 digits"))
        self.confirm_pin = pin_field(self, "confirm_pin")
        self.parts = FormDialogParts(self, ("current_password", "new_pin", "confirm_pin"), self.tr("Set PIN"))
        self.messages, self.form_message = self.parts.messages, self.parts.form_message
        self.buttons, self.set_button = self.parts.buttons, self.parts.ok_button
        self.set_button.setObjectName("setPin")
        self.parts.add_row(self.tr("Your password"), self.current_password, "current_password")
        self.parts.add_row(self.tr("New PIN"), self.new_pin, "new_pin")
        self.parts.add_row(self.tr("New PIN again"), self.confirm_pin, "confirm_pin")
        self.remove_button = self.buttons.addButton(self.tr("Remove PIN"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setObjectName("removePin")
        self.remove_button.setEnabled(False)
        self._has_pin = False
        intro = plain_label(self.tr("When the clinic allows it, you may confirm who you are with this PIN instead of "
                                    "your password when you witness a consent. Choose at least 6 digits, not one "
                                    "digit repeated and not a run such as 123456; tell it to nobody."), self)
        intro.setWordWrap(True)
        self.parts.lay_out(self, intro).insertWidget(1, self.state)
        self.buttons.accepted.connect(self._on_set)
        self.remove_button.clicked.connect(self._on_remove)
        self.current_password.setFocus(Qt.FocusReason.OtherFocusReason)
        self._runner.submit(partial(self._services.signing_pin.status, self._session.actor), self._show_status,
                            partial(show_service_error, self))

    def _show_status(self, status) -> None:
        if status.has_pin:
            text = self.tr("You have a signing PIN, set %1.").replace("%1", datetime_text(status.set_at))
        else:
            text = self.tr("You have no signing PIN.")
        text += " " + (self.tr("The clinic accepts PINs from witnesses.") if status.clinic_allows
                       else self.tr("The clinic does not accept PINs from witnesses at present (Settings)."))
        self.state.setText(text)
        self._has_pin = status.has_pin
        self.remove_button.setEnabled(status.has_pin)
        self.set_button.setText(self.tr("Change PIN") if status.has_pin else self.tr("Set PIN"))

    def show_problems(self, problems: dict[str, str]) -> None:
        self.parts.show_problems(problems)

    def _on_set(self) -> None:
        from exoconsult.services.accounts.signing_pin import pin_reason

        problems = {}
        if (why := pin_reason(self.new_pin.text())):
            problems["new_pin"] = reason_text(why)
        if self.new_pin.text() != self.confirm_pin.text():
            problems["confirm_pin"] = self.tr("The two PINs are not the same.")
        self.show_problems(problems)
        if problems:
            return
        self._busy(True)
        work = partial(self._services.signing_pin.set_own_pin, self._session.actor, self.current_password.text(),
                       self.new_pin.text())
        self._runner.submit(work, partial(self._on_done, self.tr("Your signing PIN is in use from now on.")),
                            self._on_error, label=self.tr("Saving the PIN…"))

    def _on_remove(self) -> None:
        self._busy(True)
        work = partial(self._services.signing_pin.remove_own_pin, self._session.actor, self.current_password.text())
        self._runner.submit(work, partial(self._on_done, self.tr("Your signing PIN was removed.")), self._on_error,
                            label=self.tr("Removing the PIN…"))

    def _busy(self, on: bool) -> None:
        self.set_button.setEnabled(not on)
        self.remove_button.setEnabled(not on and self._has_pin)

    def _on_done(self, text: str, _status) -> None:
        self._busy(False)
        inform(self, self.tr("Signing PIN"), text)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, ValidationError):
            self.show_problems(problem_texts(error))
        else:
            show_service_error(self, error)
