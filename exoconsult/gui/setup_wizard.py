"""First-run setup: the clinic profile, its preferences, the first admin account; then the service creates
the clinic's signing identity and the wizard shows its certificate fingerprint (to be written down and
compared elsewhere); or, on the first page, joining an existing clinic's database (gui/join_clinic_dialog).
Each page is checked with the services' own rules when "Next" is pressed (every problem at its field)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.join_clinic_dialog import JoinOffer
from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.ui_language import language_choices
from exoconsult.gui.widgets import (
    add_field_row,
    field_message_label,
    plain_label,
    problem_texts,
    reason_text,
    show_service_error,
)

TIME_ZONES = ("Europe/Istanbul", "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Dubai", "Asia/Baku",
              "Asia/Tbilisi", "America/New_York", "America/Chicago", "America/Los_Angeles", "UTC")
PAPER_SIZES = ("A4", "Letter")
PAGE_CLINIC, PAGE_PREFERENCES, PAGE_ADMIN, PAGE_DONE = range(4)


def _top_form(page: QWizardPage) -> QFormLayout:
    """A form at the top of the page; spare height stays below it instead of spreading the rows."""
    column = QVBoxLayout(page)
    form = QFormLayout()
    column.addLayout(form)
    column.addStretch(1)
    return form


class _CheckedPage(QWizardPage):
    """"Next" only when the page's fields pass the rules (all problems shown at once)."""

    def __init__(self, wizard: SetupWizard, page_id: int) -> None:
        super().__init__(wizard)
        self._wizard, self._page_id = wizard, page_id

    def validatePage(self) -> bool:
        return self._wizard.check_page(self._page_id)


class _AdminPage(QWizardPage):
    """Leaving this page runs the setup; the wizard only moves on once the service succeeded."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard

    def validatePage(self) -> bool:
        return self._wizard.submit_setup()


class _DonePage(QWizardPage):
    def isComplete(self) -> bool:
        return True


class SetupWizard(QWizard):
    """Emits `finished_setup(admin_username)` when the clinic was set up and the user pressed Finish."""

    finished_setup = Signal(str)

    def __init__(self, services, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._logo: bytes | None = None
        self._done = False
        self._validating = False
        self.result_info = None
        self.setWindowTitle(self.tr("Set up ExoConsult"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(640, 560)
        self.messages: dict[str, QLabel] = {}
        self.addPage(self._clinic_page())
        self.addPage(self._preferences_page())
        self.addPage(self._admin_page())
        self.addPage(self._done_page())
        self.accepted.connect(self._on_accepted)
        for key in self.messages:
            field = getattr(self, key, None)
            signal = getattr(field, "textChanged", None) or getattr(field, "currentTextChanged", None)
            if signal is not None:
                signal.connect(self._recheck)

    # --- pages --------------------------------------------------------------------------------
    def _message(self, key: str) -> QLabel:
        label = field_message_label(self)
        label.setObjectName(f"{key}_message")
        self.messages[key] = label
        return label

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        setattr(self, key, edit)
        return edit

    def _clinic_page(self) -> QWizardPage:
        page = _CheckedPage(self, PAGE_CLINIC)
        page.setTitle(self.tr("Your clinic"))
        page.setSubTitle(self.tr("Printed at the top of every consent and information sheet."))
        form = _top_form(page)
        add_field_row(form, self.tr("Clinic name"), self._line("clinic_name"), self._message("clinic_name"))
        self.clinic_address = QPlainTextEdit(page)
        self.clinic_address.setObjectName("clinic_address")
        self.clinic_address.setTabChangesFocus(True)
        self.clinic_address.setFixedHeight(76)
        self.clinic_address.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        add_field_row(form, self.tr("Address"), self.clinic_address, self._message("clinic_address"))
        add_field_row(form, self.tr("Phone"), self._line("clinic_phone", "+90 212 000 00 00"),
                      self._message("clinic_phone"))
        add_field_row(form, self.tr("24-hour complication line"),
                      self._line("complication_phone", self.tr("Printed on every patient document")),
                      self._message("complication_phone"))
        self.logo_preview = plain_label(self.tr("No logo"), page, object_name="logoPreview")
        self.logo_preview.setFixedSize(160, 64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px dashed palette(mid);")
        choose = QPushButton(self.tr("Choose image…"), page)
        choose.clicked.connect(self._on_choose_logo)
        logo_box = QWidget(page)
        logo_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(logo_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_preview)
        row.addWidget(choose, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        add_field_row(form, self.tr("Logo (optional)"), logo_box, self._message("logo"))
        self.join_offer = JoinOffer(self._services, self._runner, page)  # a second workstation joins instead
        form.addRow(self.join_offer.button)
        return page

    def _combo(self, key: str, items) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(key)
        for value, label in items:
            combo.addItem(label, value)
        setattr(self, key, combo)
        return combo

    def _preferences_page(self) -> QWizardPage:
        page = _CheckedPage(self, PAGE_PREFERENCES)
        page.setTitle(self.tr("Preferences"))
        page.setSubTitle(self.tr("All of these can be changed later in Clinic settings."))
        form = _top_form(page)
        zone = self._combo("time_zone", [(z, z) for z in TIME_ZONES])
        zone.setEditable(True)
        add_field_row(form, self.tr("Time zone"), zone, self._message("time_zone"))
        add_field_row(form, self.tr("Patients' default language"), self._combo("default_language", language_choices()),
                      self._message("default_language"))
        add_field_row(form, self.tr("Clinicians' working language"),
                      self._combo("clinician_language", language_choices()), self._message("clinician_language"))
        add_field_row(form, self.tr("Paper size"), self._combo("paper_size", [(p, p) for p in PAPER_SIZES]),
                      self._message("paper_size"))
        return page

    def _admin_page(self) -> QWizardPage:
        page = _AdminPage(self)
        page.setTitle(self.tr("First administrator"))
        page.setSubTitle(self.tr("The administrator manages accounts, settings and backups. Administrators do "
                                 "not see patient records. Create the clinicians' accounts after this."))
        page.setCommitPage(True)
        page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Set up the clinic"))
        form = _top_form(page)
        add_field_row(form, self.tr("Username"), self._line("admin_username"), self._message("admin_username"))
        add_field_row(form, self.tr("Full name"), self._line("admin_display_name"), self._message("admin_display_name"))
        self.password = password_field(page, "password")
        self.password.setPlaceholderText(self.tr("At least 12 characters"))
        self.confirm_password = password_field(page, "confirm_password")
        add_field_row(form, self.tr("Password"), self.password, self._message("password"))
        add_field_row(form, self.tr("Password again"), self.confirm_password, self._message("confirm_password"))
        self.passphrase = password_field(page, "passphrase")
        self.passphrase.setPlaceholderText(self.tr("Several words only the clinic knows"))
        self.confirm_passphrase = password_field(page, "confirm_passphrase")
        why = plain_label(self.tr("The clinic passphrase locks every backup: a restore asks for it. Write it "
                                  "down and keep it safe, away from the computer. Without it no backup can be "
                                  "opened."), page)
        why.setWordWrap(True)
        form.addRow(why)
        add_field_row(form, self.tr("Clinic passphrase"), self.passphrase, self._message("passphrase"))
        add_field_row(form, self.tr("Passphrase again"), self.confirm_passphrase, self._message("confirm_passphrase"))
        self.form_message = field_message_label(page)
        form.addRow(self.form_message)
        return page

    def _done_page(self) -> QWizardPage:
        page = _DonePage(self)
        page.setTitle(self.tr("The clinic is set up"))
        layout = QVBoxLayout(page)
        text = plain_label(self.tr("ExoConsult created the clinic's own signing certificate. Every consent PDF "
                                   "is sealed with it. Write down its fingerprint and keep it with the clinic's "
                                   "records: anyone checking a document can compare it."), page)
        text.setWordWrap(True)
        self.fingerprint = plain_label("", page, object_name="fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 11pt; padding: 8px; "
                                       "border: 1px solid palette(mid);")
        self.certificate_path = plain_label("", page, object_name="certificatePath")
        next_step = plain_label(self.tr("Next: sign in as the administrator and create the accounts of the "
                                        "urologists and nurses (Administration → Users)."), page)
        next_step.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.certificate_path)
        self.certificate_path.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(next_step)
        layout.addStretch(1)
        return page

    # --- logo -----------------------------------------------------------------------------------
    def _on_choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Clinic logo"), str(Path.home()),
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> None:
        from exoconsult.bounded_input import LOGO_LIMIT, InputRefused, read_limited

        try:
            data = read_limited(path, LOGO_LIMIT, "logo")
        except InputRefused as exc:  # its words are English and name the file: only the kind of problem is said
            if "larger than" in str(exc):
                self._show({"logo": self.tr("Choose a PNG or JPEG image of at most 2 MB.")})
            else:
                self._show({"logo": self.tr("This file cannot be read. Choose a PNG or JPEG image that is on this "
                                            "computer or on a connected drive.")})
            return
        pixmap = QPixmap()
        if len(data) > 2 * 1024 * 1024 or not pixmap.loadFromData(data):
            self._show({"logo": self.tr("Choose a PNG or JPEG image of at most 2 MB.")})
            return
        self._logo = data
        self.logo_preview.setPixmap(pixmap.scaled(self.logo_preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))
        self._show({})

    # --- checking, page by page --------------------------------------------------------------------
    def page_problems(self, page_id: int) -> dict[str, str]:
        """The problems of one page, by the rules the setup service applies."""
        from exoconsult.domain.people import Role
        from exoconsult.services.accounts.accounts import UserFields, validate_user_fields
        from exoconsult.services.accounts.auth import password_reason
        from exoconsult.services.core.clinic_settings import validate_changes

        problems: dict[str, str] = {}
        if page_id in (PAGE_CLINIC, PAGE_PREFERENCES):
            values = ({"clinic_name": self.clinic_name.text(), "clinic_address": self.clinic_address.toPlainText(),
                       "clinic_phone": self.clinic_phone.text(), "complication_phone": self.complication_phone.text()}
                      if page_id == PAGE_CLINIC else
                      {"time_zone": self.time_zone.currentText().strip(),
                       "default_language": self.default_language.currentData(),
                       "clinician_language": self.clinician_language.currentData(),
                       "paper_size": self.paper_size.currentData()})
            try:
                validate_changes(values)
            except ValidationError as error:
                problems.update(problem_texts(error))
        elif page_id == PAGE_ADMIN:
            username, display_name = self.admin_username.text().strip(), self.admin_display_name.text()
            try:
                validate_user_fields(UserFields(username=username, display_name=display_name, role=Role.ADMIN))
            except ValidationError as error:
                problems.update({f"admin_{k}": v for k, v in problem_texts(error).items()})
            if (why := password_reason(self.password.text(), username=username, display_name=display_name)):
                problems["password"] = reason_text(why)
            if self.password.text() != self.confirm_password.text():
                problems["confirm_password"] = self.tr("The two passwords are not the same.")
            from exoconsult.services.admin.backup_key import passphrase_reason

            if (why := passphrase_reason(self.passphrase.text(), clinic_name=self.clinic_name.text())):
                problems["passphrase"] = reason_text(why)
            elif self.passphrase.text() == self.password.text():
                problems["passphrase"] = self.tr("The clinic passphrase must not be the admin's password.")
            if self.passphrase.text() != self.confirm_passphrase.text():
                problems["confirm_passphrase"] = self.tr("The two passphrases are not the same.")
        return problems

    def check_page(self, page_id: int) -> bool:
        problems = self.page_problems(page_id)
        self._show(problems, move=False)
        return not problems

    def _recheck(self, *_args) -> None:
        """Clear every shown message whose field is now right (never adds one while typing)."""
        page_id = self.currentId()
        if page_id not in (PAGE_CLINIC, PAGE_PREFERENCES, PAGE_ADMIN):
            return
        problems = self.page_problems(page_id)
        for key, label in self.messages.items():
            if label.text() and key not in problems:
                label.clear()
                label.hide()

    # --- running the setup ------------------------------------------------------------------------
    def submit_setup(self) -> bool:
        if self._done:
            return True
        if not self.check_page(PAGE_ADMIN):
            return False
        from exoconsult.services.admin.setup import AdminAccount, ClinicProfile

        profile = ClinicProfile(
            clinic_name=self.clinic_name.text(), clinic_address=self.clinic_address.toPlainText(),
            clinic_phone=self.clinic_phone.text(), complication_phone=self.complication_phone.text(),
            time_zone=self.time_zone.currentText().strip(), default_language=self.default_language.currentData(),
            clinician_language=self.clinician_language.currentData(), paper_size=self.paper_size.currentData(),
            logo=self._logo)
        admin = AdminAccount(username=self.admin_username.text().strip(),
                             display_name=self.admin_display_name.text())
        self._show({})
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self._validating = True
        try:
            self._runner.submit(partial(self._services.run_setup, profile, admin, self.password.text(),
                                        self.passphrase.text()),
                                self._on_setup_done, self._on_setup_failed, label=self.tr("Setting up the clinic…"))
        finally:
            self._validating = False
        return self._done  # True only if the runner already finished (ImmediateRunner)

    def _on_setup_done(self, result) -> None:
        self._done = True
        self.result_info = result
        for secret in (self.password, self.confirm_password, self.passphrase, self.confirm_passphrase):
            secret.clear()
        self.fingerprint.setText(_group_fingerprint(result.certificate_fingerprint))
        self.certificate_path.setText(self.tr("Certificate file: %1").replace("%1", str(result.certificate_path)))
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        # With ImmediateRunner the result arrives inside validatePage and QWizard moves on by itself;
        # from the background runner it arrives later, so move on here.
        if not self._validating and self.currentId() == PAGE_ADMIN:
            self.next()

    def _on_setup_failed(self, error: BaseException) -> None:
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        if isinstance(error, ValidationError):
            self._show(problem_texts(error))
        else:
            show_service_error(self, error)

    def _show(self, problems: dict[str, str], *, move: bool = True) -> None:
        pages = {PAGE_CLINIC: ("clinic_name", "clinic_address", "clinic_phone", "complication_phone", "logo"),
                 PAGE_PREFERENCES: ("time_zone", "default_language", "clinician_language", "paper_size")}
        for key, label in self.messages.items():
            text = problems.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
        unknown = [t for k, t in problems.items() if k not in self.messages]
        self.form_message.setText("\n".join(unknown))
        self.form_message.setVisible(bool(unknown))
        first_page = next((page_id for page_id, keys in pages.items() if any(k in problems for k in keys)), None)
        while move and first_page is not None and self.currentId() > first_page:
            self.back()

    def _on_accepted(self) -> None:
        if self._done and self.result_info is not None:
            self.finished_setup.emit(self.result_info.admin.username)


def _group_fingerprint(hex_digest: str) -> str:
    """AB:CD:… in groups of 16 bytes per line, easy to read aloud and compare."""
    text = hex_digest.replace(":", "").upper()
    pairs = [text[i:i + 2] for i in range(0, len(text), 2)]
    return "\n".join(":".join(pairs[i:i + 16]) for i in range(0, len(pairs), 16))
