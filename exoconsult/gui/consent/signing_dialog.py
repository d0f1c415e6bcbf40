"""Signing a consent on the clinic's screen: the patient initials each section, answers each optional
(unbundled) choice yes or no, and the signers sign by role — patient, treating urologist (password
re-entered), witness (a staff account, who types their own password — or their signing PIN where the clinic
allows it — or an external witness with name and relation to the patient), interpreter when required,
partner when chosen. A checklist at the top lists what is still missing and jumps to it, every missing
field is marked where it is, and "Sign and seal" is enabled only when nothing is missing; the service
checks everything again and its messages are shown at the top too. The patient's parts are in a larger
type, to be read on a turned or second screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.content import SIGNER_ROLES
from exoconsult.gui.consent.signature_pad import SignatureField
from exoconsult.gui.consent.signing_checklist import MissingItem, SigningChecklist, mark_style, set_missing
from exoconsult.gui.consent.yes_no import YesNo
from exoconsult.gui.labels import language_label
from exoconsult.gui.tones import ink
from exoconsult.gui.ui_language import PatientFacing, PatientWording
from exoconsult.gui.widgets import plain_label, refusal_texts
from exoconsult.services.consent.consent_dto import CapturedSignature, ConsentPreparation, ConsentSubmission

EXTERNAL = -1


class SigningDialog(PatientFacing, QDialog):
    def __init__(self, prep: ConsentPreparation, patient_name: str, clinician_name: str,
                 witnesses: list[tuple[int, str, str]], on_submit, parent: QWidget | None = None) -> None:
        """`on_submit(dialog, submission, password, witness_secret, witness_method)` runs the signing (method
        "password" or "pin"); it calls `accept()` on success or `show_problems(error)` when the service refuses."""
        super().__init__(parent)
        # Everything in this dialog is read or signed with the patient: it speaks the consent's language.
        self.patient_wording = PatientWording(prep.language)
        self.prep = prep
        self.roles = {s.role: s for s in prep.signers}
        self._on_submit = on_submit
        self.setWindowTitle(self.tr("Sign the consent"))
        self.resize(860, 820)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        intro = plain_label(self.tr("Text version %1 (%2). Each part must be initialled; each optional choice "
                                    "answered yes or no — none is required for treatment.")
                            .replace("%1", prep.text_version).replace("%2", language_label(prep.language, prep.language)), body)
        intro.setWordWrap(True)  # the Turkish sentence is wider than the dialog
        layout.addWidget(intro)
        self.initials: dict[str, QLineEdit] = {}
        sections = QGroupBox(self.tr("Patient's initials for each part"), body)
        form = QFormLayout(sections)
        for n, (section_id, heading) in enumerate(prep.sections, start=1):
            edit = QLineEdit(sections)
            edit.setMaxLength(8)
            edit.setObjectName(f"initials_{section_id}")
            edit.setFixedWidth(110)
            edit.setPlaceholderText(self.tr("needed"))
            edit.setAccessibleName(self.tr("Patient's initials for part %1").replace("%1", str(n)))
            self.initials[section_id] = edit
            form.addRow(plain_label(f"{n}. {heading}", sections), edit)
        layout.addWidget(sections)
        self._enlarge(sections)
        self.optional: dict[str, YesNo] = {}
        optional = QGroupBox(self.tr("Optional choices"), body)
        opt_form = QVBoxLayout(optional)  # the statement across the full width, its answer under it
        for consent_id, statement in prep.optional_consents:
            label = plain_label(statement, optional)
            label.setWordWrap(True)
            choice = YesNo(optional)
            choice.setObjectName(f"optional_{consent_id}")
            self.optional[consent_id] = choice
            opt_form.addWidget(label)
            opt_form.addWidget(choice)
            opt_form.addSpacing(8)
        layout.addWidget(optional)
        self._enlarge(optional)
        product = QGroupBox(self.tr("Product"), body)
        prod_form = QFormLayout(product)
        self.lot = QLineEdit(product)
        self.lot.setPlaceholderText(self.tr("may be filled in at the procedure"))
        prod_form.addRow(self.tr("Lot / batch number"), self.lot)
        self.performer = QComboBox(product)  # named on the consent as doing the procedure (item 4)
        self.performer.setObjectName("performingUrologist")
        for user_id, name in prep.urologists:
            self.performer.addItem(name, user_id)
        self.performer.setCurrentIndex(max(0, self.performer.findData(prep.performing_urologist_id)))
        prod_form.addRow(self.tr("Performing urologist"), self.performer)
        layout.addWidget(product)
        self.fields: dict[str, SignatureField] = {}
        roles = {s.role: s for s in prep.signers}
        self.fields["patient"] = SignatureField(self.tr("Patient"), patient_name, body)
        self.fields["urologist"] = SignatureField(self.tr("Treating urologist"), clinician_name, body)
        self.password = QLineEdit(body)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("clinicianPassword")
        self.witness_choice = QComboBox(body)
        staff_roles = {"nurse": self.tr("nurse"), "urologist": self.tr("urologist")}  # in the consent's language
        for user_id, name, role in witnesses:
            self.witness_choice.addItem(f"{name} ({staff_roles.get(role, role)})", user_id)
        self.witness_choice.addItem(self.tr("External witness (typed name)"), EXTERNAL)
        self.witness_name = QLineEdit(body)
        self.witness_name.setPlaceholderText(self.tr("external witness's full name"))
        self.witness_password = QLineEdit(body)  # the staff witness types it: proves who witnessed (item 14)
        self.witness_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.witness_password.setObjectName("witnessPassword")
        self.witness_method = QComboBox(body)  # where the clinic allows it, the witness's PIN instead
        self.witness_method.setObjectName("witnessMethod")
        self.witness_method.addItem(self.tr("Password"), "password")
        self.witness_method.addItem(self.tr("Signing PIN"), "pin")
        self.witness_secret_label = plain_label("", body)
        self.witness_relation = QLineEdit(body)
        self.witness_relation.setObjectName("witnessRelation")
        self.witness_relation.setMaxLength(100)
        self.witness_relation.setPlaceholderText(self.tr("e.g. brother, friend"))
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
                meaning.setStyleSheet(ink("muted", "font-style: italic;"))
                inner.addWidget(meaning)
            if role == "urologist":
                row = QFormLayout()
                row.addRow(self.tr("Your password (confirms your signature)"), self.password)
                inner.addLayout(row)
            elif role == "witness":
                row = QFormLayout()
                row.addRow(self.tr("Witness"), self.witness_choice)
                row.addRow(self.tr("Name"), self.witness_name)
                row.addRow(self.tr("Witness confirms with"), self.witness_method)
                row.addRow(self.witness_secret_label, self.witness_password)
                row.setRowVisible(self.witness_method, prep.witness_pin_allowed)
                row.addRow(self.tr("Relation to the patient"), self.witness_relation)
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
        # Above the scrolling form, where the clinician looks: what is missing, and the service's answer.
        self.checklist = SigningChecklist(self)
        self.errors = QLabel(self)
        self.errors.setObjectName("signingErrors")
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ink("error", "font-weight: 600;"))
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.scroll.setAccessibleName(self.tr("Consent form to fill in and sign"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(self.tr("Sign and seal"), QDialogButtonBox.ButtonRole.AcceptRole)
        # Qt words its standard buttons in the clinician's language: this dialog is the patient's.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.setStyleSheet(mark_style())
        outer = QVBoxLayout(self)
        outer.addWidget(self.checklist)
        outer.addWidget(self.errors)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_sign)
        self.buttons.rejected.connect(self.reject)
        self.witness_choice.currentIndexChanged.connect(self._on_witness_changed)
        self.witness_method.currentIndexChanged.connect(self._on_witness_method_changed)
        self.include_partner.toggled.connect(self._on_partner_toggled)
        self.checklist.go_to.connect(self.go_to)
        for edit in (*self.initials.values(), self.password, self.witness_name, self.witness_password,
                     self.witness_relation, self.interpreter_name, self.interpreter_language, self.partner_name):
            edit.textChanged.connect(self.update_checklist)
        for choice in self.optional.values():
            choice.group.buttonToggled.connect(self.update_checklist)
        for field in self.fields.values():
            field.pad.changed.connect(self.update_checklist)
        self.witness_typed_only.toggled.connect(self.update_checklist)
        self.submission: ConsentSubmission | None = None
        self._busy = False
        self._on_witness_method_changed()
        self._on_partner_toggled(False)

    def _enlarge(self, box: QWidget) -> None:
        font = QFont(box.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        box.setFont(font)

    # -- the guide -----------------------------------------------------------------------------------
    def _signature_item(self, role: str, title: str) -> MissingItem | None:
        field = self.fields[role]
        why = field.pad.problem()
        field.message.setText("" if why is None else self.tr("Signature needed") if field.pad.is_empty()
                              else self.tr("Please sign again: %1").replace("%1", field.pad.translated("ServiceMessages",
                                                                                                        why)))
        if why is None:
            return None
        return MissingItem(self.tr("%1's signature").replace("%1", title), field.pad, (field.pad,))

    def _witness_signs(self) -> bool:
        """Whether a witness signature goes into the submission (as build() sends it)."""
        if self.witness_typed_only.isChecked():
            return False
        return self.roles["witness"].required or self.witness_choice.currentData() != EXTERNAL \
            or bool(self.witness_name.text().strip()) or not self.fields["witness"].pad.is_empty()

    def missing_items(self) -> list[MissingItem]:
        """Everything still to fill in, in the order of the form."""
        items: list[MissingItem] = []
        blank = [(n, e) for n, e in enumerate(self.initials.values(), start=1) if not e.text().strip()]
        if blank:
            items.append(MissingItem(self.tr("Patient's initials – part(s) %1").replace(
                "%1", ", ".join(str(n) for n, _ in blank)), blank[0][1], tuple(e for _, e in blank),
                tuple(e for _, e in blank)))
        for (_, statement), choice in zip(self.prep.optional_consents, self.optional.values(), strict=True):
            if choice.value() is None:
                short = statement if len(statement) <= 60 else statement[:57].rstrip() + "…"
                items.append(MissingItem(self.tr("Choice not answered: %1").replace("%1", short), choice.yes,
                                         (choice,)))
        checks = [self._signature_item("patient", self.tr("Patient")),
                  self._signature_item("urologist", self.tr("Treating urologist"))]
        if not self.password.text():
            checks.append(MissingItem(self.tr("Your password (confirms your signature)"), self.password,
                                      (self.password,)))
        external = self.witness_choice.currentData() == EXTERNAL
        if external and not self.witness_name.text().strip() and (self.roles["witness"].required
                                                                   or self.witness_typed_only.isChecked()):
            checks.append(MissingItem(self.tr("Witness's name"), self.witness_name, (self.witness_name,)))
        if not external and not self.witness_password.text():
            checks.append(MissingItem(self.tr("Witness's PIN") if self._witness_by_pin() else self.tr("Witness's password"),
                                      self.witness_password, (self.witness_password,)))
        witnessing = self._witness_signs() or self.witness_typed_only.isChecked()
        if external and witnessing and not self.witness_relation.text().strip():
            checks.append(MissingItem(self.tr("Witness's relation to the patient"), self.witness_relation,
                                      (self.witness_relation,)))
        if self._witness_signs():
            checks.append(self._signature_item("witness", self.tr("Witness")))
        else:
            self.fields["witness"].message.clear()
        if "interpreter" in self.fields:
            for edit, text in ((self.interpreter_name, self.tr("Interpreter's name")),
                               (self.interpreter_language, self.tr("Interpreter's language"))):
                if not edit.text().strip():
                    checks.append(MissingItem(text, edit, (edit,)))
            checks.append(self._signature_item("interpreter", self.tr("Interpreter")))
        if self.include_partner.isChecked():
            if not self.partner_name.text().strip():
                checks.append(MissingItem(self.tr("Partner's name"), self.partner_name, (self.partner_name,)))
            checks.append(self._signature_item("partner", self.tr("Partner")))
        else:
            self.fields["partner"].message.clear()
        return items + [c for c in checks if c is not None]

    def update_checklist(self, *_args) -> None:
        items = self.missing_items()
        marked = {id(w) for item in items for w in item.marked}
        for widget in (*self.initials.values(), *self.optional.values(), *(f.pad for f in self.fields.values()),
                       self.password, self.witness_name, self.witness_password, self.witness_relation,
                       self.interpreter_name, self.interpreter_language, self.partner_name):
            set_missing(widget, id(widget) in marked)
        for choice in self.optional.values():
            choice.needed.setVisible(id(choice) in marked)
        self.checklist.show_items(items)
        self.sign_button.setEnabled(not items and not self._busy)
        self.sign_button.setToolTip(self.tr("Complete the items listed at the top first.") if items else "")

    def go_to(self, widget: QWidget) -> None:
        self.scroll.ensureWidgetVisible(widget, 40, 120)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_witness_changed(self, *_args) -> None:
        external = self.witness_choice.currentData() == EXTERNAL
        self.witness_name.setEnabled(external)
        self.witness_typed_only.setEnabled(external)
        self.witness_relation.setEnabled(external)
        self.witness_password.setEnabled(not external)
        self.witness_method.setEnabled(not external)
        self.witness_password.clear()  # a password belongs to the one witness it was typed for
        if external:  # a staff member's name is not the external witness's
            self.witness_name.clear()
        else:
            self.witness_relation.clear()
            self.witness_name.setText(self.witness_choice.currentText().rsplit(" (", 1)[0])
            self.witness_typed_only.setChecked(False)
        self.fields["witness"].set_printed_name(self.witness_name.text())
        self.update_checklist()

    def _witness_by_pin(self) -> bool:
        return self.prep.witness_pin_allowed and self.witness_method.currentData() == "pin"

    def _on_witness_method_changed(self, *_args) -> None:
        by_pin = self._witness_by_pin()
        self.witness_secret_label.setText(self.tr("Witness's own PIN (the witness types it)") if by_pin
                                          else self.tr("Witness's own password (the witness types it)"))
        self.witness_password.setAccessibleName(self.witness_secret_label.text())
        self._on_witness_changed()  # clears what was typed: a secret belongs to what it was typed for

    def _on_partner_toggled(self, on: bool) -> None:
        self.partner_name.setEnabled(on)
        self.fields["partner"].setEnabled(on)
        self.update_checklist()

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
                                          typed_only=self.witness_typed_only.isChecked(),
                                          relation=self.witness_relation.text().strip()))
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
            signatures=tuple(sigs), product_lot=self.lot.text().strip(), performing_urologist_id=self.performer.currentData(),
            include_partner=self.include_partner.isChecked())

    def _on_sign(self) -> None:
        if self.checklist.items:  # Enter pressed early: go to what is missing instead
            self.go_to(self.checklist.items[0].target)
            return
        self.submission = self.build()
        if self.errors.text():
            return
        self._busy = True
        self.sign_button.setEnabled(False)
        self.errors.setText(self.tr("Signing and sealing…"))
        self._on_submit(self, self.submission, self.password.text(), self.witness_password.text(),
                        "pin" if self._witness_by_pin() else "password")

    def show_problems(self, error: BaseException) -> None:
        self._busy = False
        self.update_checklist()
        problems = getattr(error, "problems", None) or {"": str(error) or error.__class__.__name__}
        self.errors.setText("\n".join(f"• {v}" for v in refusal_texts(error).values()))
        if "witness_password" in problems or "witness_pin" in problems:
            self.witness_password.selectAll()
            self.go_to(self.witness_password)
        elif "password" in " ".join(problems).lower() or "password" in " ".join(problems.values()).lower():
            self.password.selectAll()
            self.go_to(self.password)
