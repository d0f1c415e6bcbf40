"""Administration → Clinic settings: the clinic profile, preferences, the idle-lock minutes (1 to 15;
it cannot be switched off), consent timings, the clinic's country (which alternatives are lawful), the
logo, and the signing certificate's fingerprint."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.admin.installation_panel import InstallationChecksPanel
from exoconsult.gui.setup_wizard import PAPER_SIZES, TIME_ZONES, _group_fingerprint
from exoconsult.gui.ui_language import language_choices
from exoconsult.gui.widgets import (
    add_field_row,
    field_message_label,
    inform,
    plain_label,
    problem_texts,
    show_service_error,
)
from exoconsult.services.core.clinic_settings import COUNTRIES


class SettingsPage(QWidget):
    """Emits `saved(ClinicSettings)` after a successful save (the idle lock picks up new minutes)."""

    saved = Signal(object)

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        self.messages = {}
        self.clinic_name = QLineEdit(self)
        self.clinic_address = QPlainTextEdit(self)
        self.clinic_address.setFixedHeight(76)
        self.clinic_address.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clinic_address.setTabChangesFocus(True)
        self.clinic_phone = QLineEdit(self)
        self.complication_phone = QLineEdit(self)
        self.time_zone = QComboBox(self)
        self.time_zone.setEditable(True)
        self.time_zone.addItems(TIME_ZONES)
        self.default_language = QComboBox(self)
        self.clinician_language = QComboBox(self)
        for combo in (self.default_language, self.clinician_language):
            for value, label in language_choices():
                combo.addItem(label, value)
        self.paper_size = QComboBox(self)
        for p in PAPER_SIZES:
            self.paper_size.addItem(p, p)
        self.idle_lock_minutes = QSpinBox(self)
        self.idle_lock_minutes.setRange(1, 15)
        self.idle_lock_minutes.setSuffix(self.tr(" min"))
        self.reflection_days = QSpinBox(self)
        self.reflection_days.setRange(0, 60)
        self.reflection_days.setSuffix(self.tr(" days"))
        self.consent_validity_days = QSpinBox(self)
        self.consent_validity_days.setRange(1, 365)
        self.consent_validity_days.setSuffix(self.tr(" days"))
        self.witness_required = QCheckBox(self.tr("A witness signs every consent"), self)
        self.witness_pin_allowed = QCheckBox(self.tr("Witnesses may confirm with their own signing PIN instead of "
                                                     "their password"), self)
        self.country = QComboBox(self)  # decides which alternatives the texts may offer (donor sperm)
        country_names = {"TR": self.tr("Turkey"), "OTHER": self.tr("Another country")}
        for code in COUNTRIES:
            self.country.addItem(country_names.get(code, code), code)
        self.logo_label = plain_label("", self, object_name="logoState")
        self.logo_button = QPushButton(self.tr("Choose logo…"), self)
        self.logo_remove = QPushButton(self.tr("Remove logo"), self)
        self.fingerprint = plain_label("", self, object_name="fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace;")

        form = QFormLayout()
        rows = (("clinic_name", self.tr("Clinic name")), ("clinic_address", self.tr("Address")),
                ("clinic_phone", self.tr("Phone")), ("complication_phone", self.tr("24-hour complication line")),
                ("time_zone", self.tr("Time zone")), ("default_language", self.tr("Patients' default language")),
                ("clinician_language", self.tr("Clinicians' working language")),
                ("paper_size", self.tr("Paper size")), ("idle_lock_minutes", self.tr("Lock after idle")),
                ("reflection_days", self.tr("Reflection period")),
                ("consent_validity_days", self.tr("Consent valid for")), ("witness_required", ""),
                ("witness_pin_allowed", ""),
                ("country", self.tr("Country of the clinic")))
        for key, label in rows:
            widget = getattr(self, key)
            widget.setObjectName(key)
            message = field_message_label(self)
            self.messages[key] = message
            add_field_row(form, label, widget, message)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("Signing certificate\n(SHA-256 fingerprint)"), self.fingerprint)
        self.form_message = field_message_label(self)
        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        body = QWidget(self)
        body.setMaximumWidth(760)  # a settings form reads badly stretched over a wide screen
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.form_message)
        self.installation_checks = InstallationChecksPanel(services, session, runner, body)
        body_layout.addWidget(self.installation_checks)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._on_save)
        self.revert_button.clicked.connect(self.refresh)
        self.logo_button.clicked.connect(self._on_choose_logo)
        self.logo_remove.clicked.connect(self._on_remove_logo)

    def refresh(self) -> None:
        self._runner.submit(partial(self._services.settings.read, self._session.actor), self._fill,
                            partial(show_service_error, self), label=self.tr("Loading settings…"))

    def changes(self) -> dict:
        return {
            "clinic_name": self.clinic_name.text(), "clinic_address": self.clinic_address.toPlainText(),
            "clinic_phone": self.clinic_phone.text(), "complication_phone": self.complication_phone.text(),
            "time_zone": self.time_zone.currentText().strip(),
            "default_language": self.default_language.currentData(),
            "clinician_language": self.clinician_language.currentData(),
            "paper_size": self.paper_size.currentData(), "idle_lock_minutes": self.idle_lock_minutes.value(),
            "reflection_days": self.reflection_days.value(),
            "consent_validity_days": self.consent_validity_days.value(),
            "witness_required": self.witness_required.isChecked(),
            "witness_pin_allowed": self.witness_pin_allowed.isChecked(),
            "country": self.country.currentData(),
        }

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.messages.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        other = [t for k, t in problems.items() if k not in self.messages]
        self.form_message.setText("\n".join(other))
        self.form_message.setVisible(bool(other))

    def _fill(self, s) -> None:
        self.clinic_name.setText(s.clinic_name)
        self.clinic_address.setPlainText(s.clinic_address)
        self.clinic_phone.setText(s.clinic_phone)
        self.complication_phone.setText(s.complication_phone)
        self.time_zone.setCurrentText(s.time_zone)
        self.default_language.setCurrentIndex(max(0, self.default_language.findData(s.default_language)))
        self.clinician_language.setCurrentIndex(max(0, self.clinician_language.findData(s.clinician_language)))
        self.paper_size.setCurrentIndex(max(0, self.paper_size.findData(s.paper_size)))
        self.idle_lock_minutes.setValue(s.idle_lock_minutes)
        self.reflection_days.setValue(s.reflection_days)
        self.consent_validity_days.setValue(s.consent_validity_days)
        self.witness_required.setChecked(s.witness_required)
        self.witness_pin_allowed.setChecked(s.witness_pin_allowed)
        self.country.setCurrentIndex(max(0, self.country.findData(s.country)))
        self.logo_label.setText(self.tr("Logo on file (%1)").replace("%1", s.logo_sha256[:12]) if s.logo_file
                                else self.tr("No logo"))
        self.logo_remove.setEnabled(bool(s.logo_file))
        self.fingerprint.setText(_group_fingerprint(s.certificate_fingerprint) if s.certificate_fingerprint
                                 else self.tr("No certificate yet (run first-run setup)"))
        self.show_problems({})

    def _on_save(self) -> None:
        self.save_button.setEnabled(False)
        self._runner.submit(partial(self._services.settings.update, self._session.actor, self.changes()),
                            self._on_saved, self._on_error, label=self.tr("Saving settings…"))

    def _on_saved(self, settings) -> None:
        self.save_button.setEnabled(True)
        self._fill(settings)
        self.saved.emit(settings)
        inform(self, self.tr("Settings saved"), self.tr("The clinic settings were saved."))

    def _on_error(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problems(problem_texts(error))
        else:
            show_service_error(self, error)

    def _on_choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Clinic logo"), str(Path.home()),
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> None:
        from exoconsult.bounded_input import LOGO_LIMIT, InputRefused, read_limited

        try:
            data = read_limited(path, LOGO_LIMIT, "logo")
        except InputRefused:
            self.show_problems({"logo": self.tr("The file cannot be read.")})
            return
        self._runner.submit(partial(self._services.settings.set_logo, self._session.actor, data),
                            self._fill, self._on_error, label=self.tr("Saving logo…"))

    def _on_remove_logo(self) -> None:
        self._runner.submit(partial(self._services.settings.remove_logo, self._session.actor), self._fill,
                            partial(show_service_error, self))
