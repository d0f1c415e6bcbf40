"""Join an existing clinic's PostgreSQL database (a second workstation), offered on the first page of the
setup wizard. The service checks the database and the clinic passphrase and writes this data folder
(services/admin/workstation.py); the window then opens the clinic's database and asks who signs in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QWidget

from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.widgets import FormDialogParts, inform, plain_label, refusal_texts


class JoinClinicDialog(QDialog):
    """Database URL and clinic passphrase; `joined` once the service has set this workstation up."""

    joined = Signal()

    def __init__(self, services, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self.setWindowTitle(self.tr("Join an existing clinic"))
        self.setMinimumWidth(560)
        intro = plain_label(self.tr(
            "Use this on a second workstation of a clinic whose database is on a PostgreSQL server. The clinic "
            "passphrase proves that this computer belongs to the clinic; it is not stored here. The seal "
            "certificate, the clinic's approved texts and its logo are copied from the database."), self)
        intro.setWordWrap(True)
        self.database_url = QLineEdit(self)
        self.database_url.setObjectName("database_url")
        self.database_url.setPlaceholderText("postgresql+psycopg://exo@server/exoconsult")
        self.passphrase = password_field(self, "passphrase")
        self.parts = FormDialogParts(self, ("database_url", "passphrase"), self.tr("Join the clinic"))
        self.messages, self.form_message = self.parts.messages, self.parts.form_message
        self.buttons, self.join_button = self.parts.buttons, self.parts.ok_button
        self.parts.add_row(self.tr("Clinic database"), self.database_url, "database_url")
        self.parts.add_row(self.tr("Clinic passphrase"), self.passphrase, "passphrase")
        self.parts.lay_out(self, intro)
        self.buttons.accepted.connect(self._on_join)

    def show_problems(self, problems: dict[str, str]) -> None:
        self.parts.show_problems(problems)
        self.adjustSize()  # a long reason gets its lines instead of being cut off

    def _on_join(self) -> None:
        url = self.database_url.text().strip()
        if not url:
            self.show_problems({"database_url": self.tr("Give the address of the clinic's database.")})
            return
        self.show_problems({})
        self.join_button.setEnabled(False)
        self._runner.submit(self._work(url, self.passphrase.text()), self._on_joined, self._on_failed,
                            label=self.tr("Joining the clinic…"))

    def _work(self, url: str, passphrase: str):
        from functools import partial

        return partial(self._services.join_clinic, url, passphrase)

    def _on_joined(self, result) -> None:
        self.passphrase.clear()
        self.join_button.setEnabled(True)
        text = self.tr("This workstation joined %1.\n\nCertificate fingerprint (compare it with Administration → "
                       "Settings on the first workstation):\n%2").replace("%1", result.clinic.clinic_name) \
            .replace("%2", result.clinic.certificate_fingerprint)
        if result.not_approved:
            text += "\n\n" + self.tr("Not approved in the clinic database (this workstation has the program's "
                                     "version of each; consents cannot be signed with them until an approver "
                                     "approves the clinic's version):") + "\n" + "\n".join(result.not_approved)
        if result.logo_to_copy:
            text += "\n\n" + self.tr("The clinic logo is not in the clinic database yet: start this version once on "
                                     "the first workstation, or copy branding/%1 from its data folder into this "
                                     "one's.").replace("%1", result.logo_to_copy)
        inform(self, self.tr("Joined"), text)
        self.accept()
        self.joined.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.join_button.setEnabled(True)
        self.show_problems(refusal_texts(error))  # in the interface language


class JoinOffer(QObject):
    """The wizard's button that opens the dialog; `joined` tells the application to reopen the database."""

    joined = Signal()

    def __init__(self, services, runner, page: QWidget) -> None:
        super().__init__(page)
        self._services, self._runner, self._page = services, runner, page
        self.button = QPushButton(self.tr("Join an existing clinic's PostgreSQL database…"), page)
        self.button.setObjectName("join_clinic")
        self.button.clicked.connect(self.open_dialog)
        self.dialog: JoinClinicDialog | None = None

    def open_dialog(self) -> None:
        self.dialog = JoinClinicDialog(self._services, self._runner, self._page.window())
        self.dialog.joined.connect(self.joined)
        self.dialog.open()
