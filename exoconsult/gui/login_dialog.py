"""Sign-in. The password check (argon2, up to a second) runs on the runner; one message for every
failure (the service does not say whether the username exists). A password set by an administrator
leads straight into choosing a new one."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from exoconsult.gui.widgets import (
    error_text,
    keep_height,
    plain_label,
    reserved_message_label,
    show_service_error,
)


class LoginDialog(QDialog):
    """Emits `signed_in(Actor)` and accepts when the service let the user in."""

    signed_in = Signal(object)

    def __init__(self, services, runner, *, clinic_name: str = "", username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.setWindowTitle(self.tr("Sign in to ExoConsult"))
        self.setMinimumWidth(400)
        self.heading = plain_label(clinic_name or self.tr("ExoConsult"), self, object_name="loginHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setText(username)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = reserved_message_label(self, lines=3)  # its room is kept: a message never moves the fields
        keep_height(self.username, self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        subtitle = plain_label(self.tr("Sign in with your own account. Every action is recorded under "
                                       "your name."), self)
        subtitle.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(subtitle)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Never smaller than its content (with the message's room), so no window manager can squeeze it.
        self.setMinimumHeight(self.sizeHint().height())
        self.buttons.accepted.connect(self._on_sign_in)
        self.buttons.rejected.connect(self.reject)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_sign_in(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._fail(self.tr("Enter your username and password."))
            return
        self._set_busy(True)
        self._runner.submit(partial(self._services.auth.login, username, password),
                            self._on_ok, self._on_error, label=self.tr("Checking password…"))

    def _on_ok(self, actor) -> None:
        self._set_busy(False)
        self.password.clear()
        self.signed_in.emit(actor)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        from exoconsult.services.accounts.auth import LoginFailed, PasswordChangeRequired

        self._set_busy(False)
        if isinstance(error, PasswordChangeRequired):
            from exoconsult.gui.password_dialogs import ForcedPasswordChangeDialog

            dialog = ForcedPasswordChangeDialog(self._services, self._runner, self.username.text().strip(),
                                                self.password.text(), self)
            self.password.clear()
            dialog.signed_in.connect(self._on_ok)
            dialog.open()
        elif isinstance(error, LoginFailed):
            self._fail(error_text(error))
        else:
            self.password.clear()
            show_service_error(self, error)

    def _fail(self, text: str) -> None:
        self.password.clear()
        self.message.setText(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        self.sign_in_button.setEnabled(not busy)
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)
