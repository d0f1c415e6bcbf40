"""New / edit patient: every field of the patient block, with the service's field-level messages
shown under the fields they are about. On any error the dialog stays open with everything typed.
Every problem is reported in one pass (a malformed birth date no longer hides the others), and a
field's message goes away as soon as what is typed there is right."""

from __future__ import annotations

import re
from datetime import date
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

from exoconsult.domain.errors import Conflict, ValidationError
from exoconsult.domain.patient import PatientData, validate_patient
from exoconsult.gui.labels import language_label
from exoconsult.gui.tones import error_border
from exoconsult.gui.widgets import (
    add_field_row,
    field_message_label,
    inform,
    plain_label,
    problem_texts,
    show_service_error,
)
from exoconsult.services.core.dto import PatientDTO
from exoconsult.services.core.languages import language_registry

_DOTTED = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_birth_date(text: str) -> date | None:
    """DD.MM.YYYY (as written in Türkiye) or YYYY-MM-DD; ValueError when it is neither."""
    if not text.strip():
        return None
    if m := _DOTTED.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValueError(text)
    return date(year, month, day)


class PatientDialog(QDialog):
    """Create (patient=None) or edit a patient. Emits `saved(PatientDTO)` and accepts on success."""

    saved = Signal(object)
    FIELDS = ("family_name", "given_name", "birth_date", "sex", "mrn", "national_id", "phone", "email",
              "preferred_language", "needs_interpreter")

    def __init__(self, services, session, runner, patient: PatientDTO | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        self._patient = patient
        self.setWindowTitle(self.tr("Edit patient") if patient else self.tr("New patient"))
        self.setMinimumWidth(520)
        self.setStyleSheet(error_border('*[invalid="true"]'))

        self.family_name = QLineEdit(self)
        self.given_name = QLineEdit(self)
        self.birth_date = QLineEdit(self)
        self.birth_date.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.sex = QComboBox(self)
        for value, label in (("male", self.tr("Male")), ("female", self.tr("Female")), ("other", self.tr("Other"))):
            self.sex.addItem(label, value)
        self.mrn = QLineEdit(self)
        self.national_id = QLineEdit(self)
        self.national_id.setPlaceholderText(self.tr("11 digits (optional)"))
        self.national_id.setMaxLength(11)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.preferred_language = QComboBox(self)
        self.preferred_language.setEditable(True)
        for code in language_registry().codes:  # shown by name, stored as the code; another code may be typed
            self.preferred_language.addItem(language_label(code), code)
        self.needs_interpreter = QCheckBox(self.tr("Needs an interpreter"), self)

        labels = {
            "family_name": self.tr("Family name"), "given_name": self.tr("Given name(s)"),
            "birth_date": self.tr("Birth date"), "sex": self.tr("Sex"), "mrn": self.tr("MRN"),
            "national_id": self.tr("T.C. kimlik no"), "phone": self.tr("Phone"), "email": self.tr("E-mail"),
            "preferred_language": self.tr("Preferred language"), "needs_interpreter": "",
        }
        self.messages = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in self.FIELDS:
            widget = getattr(self, key)
            widget.setObjectName(key)
            message = field_message_label(self)
            message.setObjectName(f"{key}_message")
            self.messages[key] = message
            add_field_row(form, labels[key], widget, message)

        self.form_message = field_message_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save") if patient else self.tr("Register patient"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)

        for key in self.FIELDS:
            widget = getattr(self, key)
            changed = widget.toggled if key == "needs_interpreter" else \
                widget.currentTextChanged if isinstance(widget, QComboBox) else widget.textChanged
            changed.connect(partial(self._recheck, key))

        layout = QVBoxLayout(self)
        intro = plain_label(self.tr("Family name, given name, birth date and MRN are required."), self)
        intro.setObjectName("dialogIntro")
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        if patient is not None:
            self._fill(patient.data)

    # --- public -------------------------------------------------------------------------------
    def patient_data(self) -> PatientData:
        """What is typed now (birth date parsed; a malformed one raises ValidationError naming it AND
        every other field the service's rule refuses, so all are fixed in one go)."""
        try:
            born = parse_birth_date(self.birth_date.text())
        except ValueError:
            problems = self.local_problems(self._typed(None))
            problems["birth_date"] = self.tr("Enter the birth date as DD.MM.YYYY, for example 14.03.1988.")
            raise ValidationError(problems) from None
        return self._typed(born)

    def local_problems(self, data: PatientData) -> dict[str, str]:
        """The patient rule the service applies, checked here (the MRN's uniqueness only the service knows)."""
        try:
            validate_patient(data, self._services.ctx.clock.now().date())
        except ValidationError as error:
            return dict(problem_texts(error))
        return {}

    def _typed(self, born: date | None) -> PatientData:
        return PatientData(
            family_name=self.family_name.text(), given_name=self.given_name.text(), birth_date=born,
            sex=self.sex.currentData(), mrn=self.mrn.text(), national_id=self.national_id.text(),
            phone=self.phone.text(), email=self.email.text(),
            preferred_language=self._language_code(),
            needs_interpreter=self.needs_interpreter.isChecked(),
            extra=dict(self._patient.data.extra) if self._patient else {})

    def _language_code(self) -> str:
        """The chosen language's code, or what was typed when it is none of the listed ones."""
        combo = self.preferred_language
        index = combo.currentIndex()
        if index >= 0 and combo.itemText(index) == combo.currentText():
            return combo.itemData(index)
        return combo.currentText()

    def show_problems(self, problems: dict[str, str]) -> None:
        unknown = []
        for key, message in self.messages.items():
            text = problems.get(key, "")
            message.setText(text)
            message.setVisible(bool(text))
            widget = getattr(self, key)
            widget.setProperty("invalid", bool(text))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        for key, text in problems.items():
            if key not in self.messages:
                unknown.append(text)
        self.form_message.setText("\n".join(unknown))
        self.form_message.setVisible(bool(unknown))
        first = next((k for k in self.FIELDS if k in problems), None)
        if first:
            getattr(self, first).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- private ------------------------------------------------------------------------------
    def _recheck(self, key: str, *_args) -> None:
        """Clear this field's message once what is typed there is right (never adds one while typing)."""
        message = self.messages[key]
        if not message.text():
            return
        try:
            data = self._typed(parse_birth_date(self.birth_date.text()))
        except ValueError:
            if key == "birth_date":
                return
            data = self._typed(None)
        if key not in self.local_problems(data):  # e.g. a duplicate MRN clears once the MRN is edited
            message.clear()
            message.hide()
            widget = getattr(self, key)
            widget.setProperty("invalid", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _fill(self, data: PatientData) -> None:
        self.family_name.setText(data.family_name)
        self.given_name.setText(data.given_name)
        self.birth_date.setText(data.birth_date.strftime("%d.%m.%Y") if data.birth_date else "")
        self.sex.setCurrentIndex(max(0, self.sex.findData(data.sex)))
        self.mrn.setText(data.mrn)
        self.national_id.setText(data.national_id)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        index = self.preferred_language.findData(data.preferred_language)
        if index >= 0:
            self.preferred_language.setCurrentIndex(index)
        else:
            self.preferred_language.setCurrentText(data.preferred_language)
        self.needs_interpreter.setChecked(data.needs_interpreter)

    def _on_ok(self) -> None:
        try:
            data = self.patient_data()
        except ValidationError as error:
            self.show_problems(problem_texts(error))
            return
        actor = self._session.actor
        service = self._services.patients
        if self._patient is None:
            work = partial(service.create, actor, data)
        else:
            work = partial(service.update, actor, self._patient.id, data, self._patient.row_version)
        self.ok_button.setEnabled(False)
        self._runner.submit(work, self._on_saved, self._on_error, label=self.tr("Saving patient…"))

    def _on_saved(self, dto: PatientDTO) -> None:
        self.ok_button.setEnabled(True)
        self.show_problems({})
        self._patient = dto
        self.saved.emit(dto)
        self.accept()

    def _on_error(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_problems(problem_texts(error))
        elif isinstance(error, Conflict) and self._patient is not None:
            inform(self, self.tr("Changed by someone else"),
                   self.tr("Someone else saved this patient after you opened it, so your changes were not "
                           "saved. The form now shows the saved record; make your changes again."))
            self._runner.submit(partial(self._services.patients.open, self._session.actor, self._patient.id),
                                self._on_reloaded, show_service_error_for(self), label=self.tr("Reloading…"))
        else:
            show_service_error(self, error)

    def _on_reloaded(self, dto: PatientDTO) -> None:
        self._patient = dto
        self.show_problems({})
        self._fill(dto.data)


def show_service_error_for(parent: QWidget):
    return partial(show_service_error, parent)
