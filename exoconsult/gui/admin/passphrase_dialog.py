"""Administration → Backups → "Change the clinic passphrase…": the current passphrase, the new one twice.
The service re-locks the seal key's recovery slot and the backup key; backups made before keep needing
the old passphrase, which the confirmation says in plain words."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QDialog, QWidget

from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.widgets import FormDialogParts, inform, plain_label, refusal_texts

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
        self.parts = FormDialogParts(self, FIELDS, self.tr("Change passphrase"))
        self.messages, self.form_message = self.parts.messages, self.parts.form_message
        self.buttons, self.ok_button = self.parts.buttons, self.parts.ok_button
        self.parts.add_row(self.tr("Current passphrase"), self.old_passphrase, "old_passphrase")
        self.parts.add_row(self.tr("New passphrase"), self.new_passphrase, "new_passphrase")
        self.parts.add_row(self.tr("New passphrase again"), self.confirm_passphrase, "confirm_passphrase")
        self.parts.lay_out(self, intro)
        self.buttons.accepted.connect(self._on_ok)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.parts.show_problems(problems)
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
