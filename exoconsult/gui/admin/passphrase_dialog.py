"""Administration → Backups → "Change the clinic passphrase…": the current passphrase, the new one twice.
The service re-locks the seal key's recovery slot and the backup key; backups made before keep needing
the old passphrase, which the confirmation says in plain words."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.widgets import add_field_row, field_message_label, inform, plain_label, refusal_texts

FIELDS = ("old_passphrase", "new_passphrase", "confirm_passphrase")


class ChangePassphraseDialog(QDialog):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._session, self._runner = services, session, runner
        self.setWindowTitle(self.tr("Change the clinic passphrase"))
        self.setMinimumWidth(520)
        intro = plain_label(self.tr(
            "The clinic passphrase opens backups and lets an administrator give a urologist his key. After the "
            "change, backups made before still open only with the OLD passphrase: keep it with them."), self)
        intro.setWordWrap(True)
        self.old_passphrase, self.new_passphrase, self.confirm_passphrase = (password_field(self, f) for f in FIELDS)
        self.messages = {key: field_message_label(self) for key in FIELDS}
        self.form_message = field_message_label(self)
        form = QFormLayout()
        add_field_row(form, self.tr("Current passphrase"), self.old_passphrase, self.messages["old_passphrase"])
        add_field_row(form, self.tr("New passphrase"), self.new_passphrase, self.messages["new_passphrase"])
        add_field_row(form, self.tr("New passphrase again"), self.confirm_passphrase,
                      self.messages["confirm_passphrase"])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change passphrase"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.messages.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        other = [text for key, text in problems.items() if key not in self.messages]
        self.form_message.setText("\n".join(other))
        self.form_message.setVisible(bool(other))
        self.adjustSize()

    def _on_ok(self) -> None:
        if self.new_passphrase.text() != self.confirm_passphrase.text():
            self.show_problems({"confirm_passphrase": self.tr("The two new passphrases differ.")})
            return
        self.show_problems({})
        self.ok_button.setEnabled(False)
        work = partial(self._services.clinic_passphrase.change, self._session.actor, self.old_passphrase.text(),
                       self.new_passphrase.text())
        self._runner.submit(work, self._on_changed, self._on_failed, label=self.tr("Changing the passphrase…"))

    def _on_changed(self, _had_backup_key: bool) -> None:
        for field in (self.old_passphrase, self.new_passphrase, self.confirm_passphrase):
            field.clear()
        self.ok_button.setEnabled(True)
        inform(self, self.tr("Clinic passphrase changed"), self.tr(
            "The clinic passphrase is changed. Backups made before today still open only with the OLD passphrase: "
            "keep it with them, or make a new backup now."))
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.show_problems(refusal_texts(error))
