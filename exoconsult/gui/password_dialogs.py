"""Choosing a password: the user's own "Change password" and the forced change after an admin reset.
The new password is typed twice; the length rule and the other checks are the service's. Both checks are
reported together, and each message goes as soon as its field is right."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.widgets import (
    FormDialogParts,
    inform,
    plain_label,
    problem_texts,
    reason_text,
    show_service_error,
)

MIN_PASSWORD_HINT = 12


def password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _PasswordDialogBase(QDialog):
    """Old password (optional), new password, confirmation; messages under each field."""

    def __init__(self, title: str, intro: str, *, ask_old: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.old_password = password_field(self, "old_password") if ask_old else None
        self.new_password = password_field(self, "new_password")
        self.confirm_password = password_field(self, "confirm_password")
        self.new_password.setPlaceholderText(self.tr("At least %1 characters").replace("%1", str(MIN_PASSWORD_HINT)))
        self.parts = FormDialogParts(self, ("old_password", "new_password", "confirm_password"),
                                     self.tr("Change password"))
        self.messages, self.form_message = self.parts.messages, self.parts.form_message
        self.buttons, self.ok_button = self.parts.buttons, self.parts.ok_button
        if self.old_password is not None:
            self.parts.add_row(self.tr("Current password"), self.old_password, "old_password")
        self.parts.add_row(self.tr("New password"), self.new_password, "new_password")
        self.parts.add_row(self.tr("New password again"), self.confirm_password, "confirm_password")
        intro_label = plain_label(intro, self)
        intro_label.setWordWrap(True)
        self.parts.lay_out(self, intro_label)
        self.buttons.accepted.connect(self._on_ok)
        for field in (self.old_password, self.new_password, self.confirm_password):
            if field is not None:
                field.textChanged.connect(self._recheck)
        first = self.old_password or self.new_password
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.parts.show_problems(problems)

    def local_problems(self) -> dict[str, str]:
        """What can be told before asking the service: the rule on the new password, the confirmation."""
        from exoconsult.services.accounts.auth import password_reason

        problems = {}
        if (why := password_reason(self.new_password.text(), username=self.username_for_rules())):
            problems["new_password"] = reason_text(why)
        if self.new_password.text() != self.confirm_password.text():
            problems["confirm_password"] = self.tr("The two new passwords are not the same.")
        return problems

    def username_for_rules(self) -> str:
        return ""

    def _recheck(self, *_args) -> None:
        """Clear a message once its field is right; the current password's clears when it is edited."""
        problems = self.local_problems()
        for key, label in self.messages.items():
            if label.text() and (key == "old_password" and self.sender() is self.old_password
                                 or key != "old_password" and key not in problems):
                label.clear()
                label.hide()

    def _on_ok(self) -> None:
        problems = self.local_problems()
        if problems:
            self.show_problems(problems)
            return
        self.show_problems({})
        self.ok_button.setEnabled(False)
        self._submit(self.old_password.text() if self.old_password else "", self.new_password.text())

    def _submit(self, old: str, new: str) -> None:
        raise NotImplementedError

    def _on_error(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problems(problem_texts(error))
        else:
            show_service_error(self, error)


class ChangePasswordDialog(_PasswordDialogBase):
    """A signed-in user changes their own password (the current one is asked again)."""

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        self._services = services
        self._session = session
        self._runner = runner
        super().__init__(QCoreApplication.translate("PasswordDialogs", "Change password"),
                         QCoreApplication.translate("PasswordDialogs", "Choose a password of at least 12 characters that you do not use elsewhere. "
                                 "A long phrase is easier to remember than symbols."), ask_old=True, parent=parent)

    def username_for_rules(self) -> str:
        return self._session.actor.username if self._session.actor is not None else ""

    def _submit(self, old: str, new: str) -> None:
        work = partial(self._services.accounts.change_own_password, self._session.actor, old, new)
        self._runner.submit(work, self._on_done, self._on_error, label=self.tr("Changing password…"))

    def _on_done(self, _result) -> None:
        self.ok_button.setEnabled(True)
        inform(self, self.tr("Password changed"), self.tr("Your new password is in use from now on."))
        self.accept()


class ForcedPasswordChangeDialog(_PasswordDialogBase):
    """After an admin reset: the temporary password was right; choose your own before working."""

    signed_in = Signal(object)

    def __init__(self, services, runner, username: str, temporary_password: str,
                 parent: QWidget | None = None) -> None:
        self._services = services
        self._runner = runner
        self._username = username
        self._temporary = temporary_password
        super().__init__(QCoreApplication.translate("PasswordDialogs", "Choose a new password"),
                         QCoreApplication.translate("PasswordDialogs", "Your password was set by an administrator. Choose your own password now; "
                                 "only you will know it. At least 12 characters."), ask_old=False, parent=parent)

    def username_for_rules(self) -> str:
        return self._username

    def _submit(self, old: str, new: str) -> None:
        work = partial(self._services.auth.change_password_at_login, self._username, self._temporary, new)
        self._runner.submit(work, self._on_done, self._on_error, label=self.tr("Changing password…"))

    def _on_done(self, actor) -> None:
        self.ok_button.setEnabled(True)
        self._temporary = ""
        self.signed_in.emit(actor)
        self.accept()

