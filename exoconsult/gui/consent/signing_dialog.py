"""Signing a consent on the clinic's screen: the patient initials each section, answers each optional
(unbundled) choice yes or no, and the signers sign by role — patient, treating urologist (password
re-entered), witness (a staff account or an external witness by typed name), interpreter when required,
partner when chosen. The service checks everything again; its field messages are shown here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.content import SIGNER_ROLES
from exoconsult.gui.consent.signature_pad import SignatureField
from exoconsult.gui.widgets import plain_label
from exoconsult.services.consent.consent_dto import CapturedSignature, ConsentPreparation, ConsentSubmission

EXTERNAL = -1


class YesNo(QWidget):
    """A yes/no choice with neither preselected (an optional consent must be actively answered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes = QRadioButton(self.tr("Yes"), self)
        self.no = QRadioButton(self.tr("No"), self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.yes)
        self.group.addButton(self.no)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)

    def value(self) -> bool | None:
        return True if self.yes.isChecked() else False if self.no.isChecked() else None


class SigningDialog(QDialog):
    def __init__(self, prep: ConsentPreparation, patient_name: str, clinician_name: str,
                 witnesses: list[tuple[int, str, str]], on_submit, parent: QWidget | None = None) -> None:
        """`on_submit(dialog, submission, password)` runs the signing; it calls `accept()` on success or
        `show_problems(error)` when the service refuses."""
        super().__init__(parent)
        self.prep = prep
        self.roles = {s.role: s for s in prep.signers}
        self._on_submit = on_submit
        self.setWindowTitle(self.tr("Sign the consent"))
        self.resize(860, 820)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(plain_label(self.tr("Text version %1 (%2). Each part must be initialled; each optional "
                                             "choice answered yes or no — none is required for treatment.")
                                     .replace("%1", prep.text_version).replace("%2", prep.language), body))
        self.initials: dict[str, QLineEdit] = {}
        sections = QGroupBox(self.tr("Patient's initials for each part"), body)
        form = QFormLayout(sections)
        for n, (section_id, heading) in enumerate(prep.sections, start=1):
            edit = QLineEdit(sections)
            edit.setMaxLength(8)
            edit.setObjectName(f"initials_{section_id}")
            edit.setFixedWidth(90)
            self.initials[section_id] = edit
            form.addRow(plain_label(f"{n}. {heading}", sections), edit)
        layout.addWidget(sections)
        self.optional: dict[str, YesNo] = {}
        optional = QGroupBox(self.tr("Optional choices"), body)
        opt_form = QFormLayout(optional)
        for consent_id, statement in prep.optional_consents:
            label = plain_label(statement, optional)
            label.setWordWrap(True)
            choice = YesNo(optional)
            choice.setObjectName(f"optional_{consent_id}")
            self.optional[consent_id] = choice
            opt_form.addRow(label, choice)
        layout.addWidget(optional)
        product = QGroupBox(self.tr("Product"), body)
        prod_form = QFormLayout(product)
        self.lot = QLineEdit(product)
        self.lot.setPlaceholderText(self.tr("may be filled in at the procedure"))
        prod_form.addRow(self.tr("Lot / batch number"), self.lot)
        layout.addWidget(product)
        self.fields: dict[str, SignatureField] = {}
        roles = {s.role: s for s in prep.signers}
        self.fields["patient"] = SignatureField(self.tr("Patient"), patient_name, body)
        self.fields["urologist"] = SignatureField(self.tr("Treating urologist"), clinician_name, body)
        self.password = QLineEdit(body)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("clinicianPassword")
        self.witness_choice = QComboBox(body)
        for user_id, name, role in witnesses:
            self.witness_choice.addItem(f"{name} ({role})", user_id)
        self.witness_choice.addItem(self.tr("External witness (typed name)"), EXTERNAL)
        self.witness_name = QLineEdit(body)
        self.witness_name.setPlaceholderText(self.tr("external witness's full name"))
        self.witness_typed_only = QCheckBox(self.tr("External witness signs on paper only (typed name)"), body)
        self.fields["witness"] = SignatureField(self.tr("Witness") + ("" if roles["witness"].required
                                                                       else self.tr(" (optional)")), "", body)
        self.interpreter_name = QLineEdit(body)
        self.interpreter_language = QLineEdit(body)
        self.interpreter_language.setText(prep.language)
        if "interpreter" in roles:
            self.fields["interpreter"] = SignatureField(self.tr("Interpreter"), "", body)
        self.include_partner = QCheckBox(self.tr("Partner acknowledgement (optional)"), body)
        self.partner_name = QLineEdit(body)
        self.fields["partner"] = SignatureField(self.tr("Partner"), "", body)
        titles = {"patient": self.tr("Patient"), "urologist": self.tr("Treating urologist"),
                  "witness": self.tr("Witness"), "interpreter": self.tr("Interpreter"), "partner": self.tr("Partner")}
        if "interpreter" not in self.fields:  # not needed for this consultation: keep them out of sight
            self.interpreter_name.hide()
            self.interpreter_language.hide()
        for role in SIGNER_ROLES:
            if role not in self.fields:
                continue
            box = QGroupBox(titles[role], body)
            box.setObjectName(f"signer_{role}")
            inner = QVBoxLayout(box)
            if role in roles:  # the signature's meaning, as it prints under the signature
                meaning = plain_label(roles[role].meaning, box)
                meaning.setWordWrap(True)
                meaning.setStyleSheet("color: #3e4c59; font-style: italic;")
                inner.addWidget(meaning)
            if role == "urologist":
                row = QFormLayout()
                row.addRow(self.tr("Your password (confirms your signature)"), self.password)
                inner.addLayout(row)
            elif role == "witness":
                row = QFormLayout()
                row.addRow(self.tr("Witness"), self.witness_choice)
                row.addRow(self.tr("Name"), self.witness_name)
                inner.addLayout(row)
                inner.addWidget(self.witness_typed_only)
            elif role == "interpreter":
                row = QFormLayout()
                row.addRow(self.tr("Interpreter's name"), self.interpreter_name)
                row.addRow(self.tr("Language"), self.interpreter_language)
                inner.addLayout(row)
            elif role == "partner":
                inner.addWidget(self.include_partner)
                row = QFormLayout()
                row.addRow(self.tr("Partner's name"), self.partner_name)
                inner.addLayout(row)
            inner.addWidget(self.fields[role])
            layout.addWidget(box)
        self.errors = QLabel(body)
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b42318; font-weight: 600;")
        layout.addWidget(self.errors)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(self.tr("Sign and seal"), QDialogButtonBox.ButtonRole.AcceptRole)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_sign)
        self.buttons.rejected.connect(self.reject)
        self.witness_choice.currentIndexChanged.connect(self._on_witness_changed)
        self.include_partner.toggled.connect(self._on_partner_toggled)
        self._on_witness_changed()
        self._on_partner_toggled(False)
        self.submission: ConsentSubmission | None = None

    def _on_witness_changed(self, *_args) -> None:
        external = self.witness_choice.currentData() == EXTERNAL
        self.witness_name.setEnabled(external)
        self.witness_typed_only.setEnabled(external)
        if not external:
            self.witness_name.setText(self.witness_choice.currentText().rsplit(" (", 1)[0])
            self.witness_typed_only.setChecked(False)
        self.fields["witness"].set_printed_name(self.witness_name.text())

    def _on_partner_toggled(self, on: bool) -> None:
        self.partner_name.setEnabled(on)
        self.fields["partner"].setEnabled(on)

    def build(self) -> ConsentSubmission:
        """The submission as typed; local checks first so the patient can fix them at once."""
        problems: list[str] = []
        for role, field in self.fields.items():
            if role == "partner" and not self.include_partner.isChecked():
                continue
            if role == "witness" and self.witness_typed_only.isChecked():
                continue
            if role == "witness" and field.pad.is_empty() and not self.roles["witness"].required:
                continue
            if not field.validate():
                problems.append(self.tr("%1: please sign again.").replace("%1", role))
        sigs = [CapturedSignature("patient", self.fields["patient"].name_label.text(), self.fields["patient"].pad.strokes()),
                CapturedSignature("urologist", self.fields["urologist"].name_label.text(),
                                  self.fields["urologist"].pad.strokes())]
        witness_id = self.witness_choice.currentData()
        if self.witness_name.text().strip() or witness_id != EXTERNAL:
            sigs.append(CapturedSignature("witness", self.witness_name.text(), self.fields["witness"].pad.strokes(),
                                          user_id=None if witness_id == EXTERNAL else int(witness_id),
                                          typed_only=self.witness_typed_only.isChecked()))
        if "interpreter" in self.fields:
            sigs.append(CapturedSignature("interpreter", self.interpreter_name.text(),
                                          self.fields["interpreter"].pad.strokes(),
                                          language=self.interpreter_language.text()))
        if self.include_partner.isChecked():
            sigs.append(CapturedSignature("partner", self.partner_name.text(), self.fields["partner"].pad.strokes()))
        self.errors.setText("\n".join(problems))
        return ConsentSubmission(
            language=self.prep.language, initials={k: e.text().strip() for k, e in self.initials.items()},
            optional_answers={k: v for k, w in self.optional.items() if (v := w.value()) is not None},
            signatures=tuple(sigs), product_lot=self.lot.text().strip(),
            include_partner=self.include_partner.isChecked())

    def _on_sign(self) -> None:
        self.submission = self.build()
        if self.errors.text():
            return
        self.sign_button.setEnabled(False)
        self.errors.setText(self.tr("Signing and sealing…"))
        self._on_submit(self, self.submission, self.password.text())

    def show_problems(self, error: BaseException) -> None:
        self.sign_button.setEnabled(True)
        problems = getattr(error, "problems", None) or {"": str(error) or error.__class__.__name__}
        self.errors.setText("\n".join(f"• {v}" for v in problems.values()))
