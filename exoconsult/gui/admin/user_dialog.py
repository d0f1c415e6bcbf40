"""Create or edit a staff account. The first password is typed twice; by default the user must
replace it at first sign-in, so the admin never knows the password that signs."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Role
from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.widgets import add_field_row, field_message_label, problem_texts, show_service_error


class UserDialog(QDialog):
    """`user=None` creates. Emits `saved(UserDTO)` and accepts on success."""

    saved = Signal(object)

    def __init__(self, services, session, runner, user=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        self._user = user
        self.setWindowTitle(self.tr("Edit account") if user else self.tr("New account"))
        self.setMinimumWidth(480)
        self.messages = {}
        self.username = QLineEdit(self)
        self.display_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role, label in ((Role.NURSE, self.tr("Nurse")), (Role.UROLOGIST, self.tr("Urologist")),
                            (Role.ADMIN, self.tr("Administrator"))):
            self.role.addItem(label, role)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("e.g. Dr. or Op. Dr. (printed before the name)"))
        self.registration_number = QLineEdit(self)
        self.password = password_field(self, "password")
        self.password.setPlaceholderText(self.tr("At least 12 characters"))
        self.confirm_password = password_field(self, "confirm_password")
        self.clinic_passphrase = password_field(self, "clinic_passphrase")
        self.clinic_passphrase.setToolTip(self.tr("Urologists seal consents and notes: the clinic passphrase "
                                                  "gives a new urologist's account its key to do so."))
        self.must_change = QCheckBox(self.tr("User chooses their own password at first sign-in"), self)
        self.must_change.setChecked(True)

        form = QFormLayout()
        rows = [("username", self.tr("Username"), self.username), ("display_name", self.tr("Full name"),
                                                                   self.display_name),
                ("role", self.tr("Role"), self.role), ("title", self.tr("Title"), self.title),
                ("registration_number", self.tr("Registration no."), self.registration_number)]
        if user is None:
            rows += [("password", self.tr("First password"), self.password),
                     ("confirm_password", self.tr("First password again"), self.confirm_password),
                     ("clinic_passphrase", self.tr("Clinic passphrase"), self.clinic_passphrase)]
        for key, label, widget in rows:
            widget.setObjectName(key)
            message = field_message_label(self)
            self.messages[key] = message
            add_field_row(form, label, widget, message)
        if user is None:
            form.addRow("", self.must_change)
        else:  # not in the form: without hiding, they sat over the first row at the dialog's top-left corner
            for unused in (self.must_change, self.password, self.confirm_password, self.clinic_passphrase):
                unused.hide()
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.username.setToolTip(self.tr("A username never changes and is never given to someone else."))
            self.display_name.setText(user.display_name)
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
            self.title.setText(user.title)
            self.registration_number.setText(user.registration_number)
        self.form_message = field_message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if user else self.tr("Create account"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        (self.display_name if user else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.messages.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        other = [t for k, t in problems.items() if k not in self.messages]
        self.form_message.setText("\n".join(other))
        self.form_message.setVisible(bool(other))

    def _on_ok(self) -> None:
        from exoconsult.services.accounts.accounts import UserFields

        if self._user is None and self.password.text() != self.confirm_password.text():
            self.show_problems({"confirm_password": self.tr("The two passwords are not the same.")})
            return
        fields = UserFields(username=self.username.text().strip(), display_name=self.display_name.text(),
                            role=self.role.currentData(), title=self.title.text(),
                            registration_number=self.registration_number.text())
        accounts, actor = self._services.accounts, self._session.actor
        if self._user is None:
            work = partial(accounts.create_user, actor, fields, self.password.text(),
                           must_change_password=self.must_change.isChecked(),
                           clinic_passphrase=self.clinic_passphrase.text() or None)
        else:
            work = partial(accounts.edit_user, actor, self._user.id, fields, self._user.row_version)
        self.show_problems({})
        self.ok_button.setEnabled(False)
        self._runner.submit(work, self._on_saved, self._on_error, label=self.tr("Saving account…"))

    def _on_saved(self, user) -> None:
        self.ok_button.setEnabled(True)
        for secret in (self.password, self.confirm_password, self.clinic_passphrase):
            secret.clear()
        self.saved.emit(user)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problems(problem_texts(error))
        else:
            show_service_error(self, error)
