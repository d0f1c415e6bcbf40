"""The Consent stage: the signing gates with their reasons, a preview of the document, signing, the
patient's consents with their status (signed / withdrawn / expired / superseded), viewing the sealed
original, recording a withdrawal, and checking a document.

Once a consent is signed the page is about that consent: its status, View sealed original, Print and
Withdraw, with the newest consent selected. A new signature is offered only as an explicit "Re-consent"
once the newest consent has expired, been superseded or been withdrawn; never beside a valid one."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.consent.signing_dialog import SigningDialog
from exoconsult.gui.consent.verify_dialog import VerifyDocumentDialog
from exoconsult.gui.consent.withdraw_dialog import WithdrawDialog
from exoconsult.gui.explanation.gates_panel import GatesPanel
from exoconsult.gui.labels import language_label
from exoconsult.gui.local_format import date_text, datetime_text, in_clinic_zone
from exoconsult.gui.ui_language import document_languages
from exoconsult.gui.widgets import confirm, describe_error, inform, plain_label, show_service_error
from exoconsult.services.consent.consent_dto import CapturedSignature, ConsentPreparation, ConsentSummary
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission, allowed
from exoconsult.services.integrity.document_check import DocumentVerifier

# Status words of this page (translated with the page's context when shown).
STATUS_TEXT = {"signed": QT_TRANSLATE_NOOP("ConsentPage", "Signed"),
               "withdrawn": QT_TRANSLATE_NOOP("ConsentPage", "WITHDRAWN"),
               "expired": QT_TRANSLATE_NOOP("ConsentPage", "EXPIRED – renew before the procedure"),
               "superseded": QT_TRANSLATE_NOOP("ConsentPage", "SUPERSEDED – new text version, re-consent needed")}
# What the newest consent means for the page (English source; %1 = when it was signed).
CURRENT_TEXT = {
    "signed": QT_TRANSLATE_NOOP("ConsentPage", "VALID – consent signed on %1. View the sealed original, print copies "
                                "or record a withdrawal below."),
    "withdrawn": QT_TRANSLATE_NOOP("ConsentPage", "WITHDRAWN – the consent signed on %1 was withdrawn. Treatment "
                                   "needs a new consent (Re-consent)."),
    "expired": QT_TRANSLATE_NOOP("ConsentPage", "EXPIRED – the consent signed on %1 has expired. Re-consent before "
                                 "the procedure."),
    "superseded": QT_TRANSLATE_NOOP("ConsentPage", "SUPERSEDED – the consent signed on %1 used an earlier text "
                                    "version. Re-consent with the new text."),
}
RECONSENT_STATUSES = ("withdrawn", "expired", "superseded")


class ConsentPage(QWidget):
    def __init__(self, services, session, runner, patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = services.ctx
        self.session, self.runner, self.patient = session, runner, patient
        self.service = ConsentService(self.ctx)
        self.prep: ConsentPreparation | None = None
        self.consents: list[ConsentSummary] = []
        self.language = QComboBox(self)
        for code in document_languages():
            self.language.addItem(language_label(code), code)
        preferred = patient.data.preferred_language
        self.language.setCurrentIndex(max(0, self.language.findData(preferred)))
        self.current = plain_label("", self, object_name="currentConsent")
        self.current.setWordWrap(True)
        self.current.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.current.hide()
        self.gates = GatesPanel(self)
        self.status_line = plain_label("", self, object_name="consentStatusLine")
        self.status_line.setWordWrap(True)  # a long Turkish sentence otherwise widens the page past the window
        self.preview_button = QPushButton(self.tr("Preview the document"), self)
        self.sign_button = QPushButton(self.tr("Sign…"), self)
        self.sign_button.setObjectName("signConsent")
        self.verify_button = QPushButton(self.tr("Verify a document…"), self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Signed"), self.tr("Language"), self.tr("Version"),
                                              self.tr("Status"), self.tr("Document id")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view_button = QPushButton(self.tr("View sealed original"), self)
        self.withdraw_button = QPushButton(self.tr("Record withdrawal…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printConsent")
        self.print_button.setEnabled(allowed(session.actor, Permission.CONSENT_PRINT))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Consent language:"), self))
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.verify_button)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.sign_button)
        actions.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(self.view_button)
        below.addWidget(self.withdraw_button)
        below.addWidget(self.print_button)
        below.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.current)
        layout.addLayout(below)  # the signed consent's actions sit under its status
        layout.addWidget(self.gates)
        layout.addWidget(self.status_line)
        layout.addLayout(actions)
        layout.addWidget(plain_label(self.tr("Consents of this patient"), self))
        layout.addWidget(self.table, 1)
        self.language.currentIndexChanged.connect(self.refresh)
        self.preview_button.clicked.connect(self._on_preview)
        self.sign_button.clicked.connect(self._on_sign)
        self.verify_button.clicked.connect(self._on_verify)
        self.view_button.clicked.connect(self._on_view)
        self.withdraw_button.clicked.connect(self._on_withdraw)
        self.print_button.clicked.connect(self._on_print)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- loading -------------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """The gates and the consents follow the history, the assessment, the explanation and signings."""
        if changes.touches(Part.HISTORY, Part.ASSESSMENT, Part.EXPLANATION, Part.CONSENT, Part.PATIENT,
                           Part.SETTINGS, patient_id=self.patient.id):
            self.refresh()

    def lang(self) -> str:
        return self.language.currentData()

    def refresh(self, *_args) -> None:
        actor, pid, lang = self.session.actor, self.patient.id, self.lang()
        self.status_line.setText(self.tr("Checking the gates…"))
        self.runner.submit(lambda: (self.service.prepare(actor, pid, lang), self.service.list(actor, pid)),
                           self._on_loaded, self._on_load_error)

    def _on_loaded(self, result) -> None:
        self.prep, self.consents = result
        self.gates.show_gates(self.prep.gates)
        if not self.prep.text_approved:
            self.status_line.setText(self.tr("This consent text (version %1) is not approved by the clinic: it "
                                             "can be previewed, with DRAFT on every page, but not signed.")
                                     .replace("%1", self.prep.text_version))
        elif self.prep.can_sign:
            self.status_line.setText(self.tr("All gates are open: the consent can be signed."))
        else:
            self.status_line.setText(self.tr("The consent cannot be signed until every gate is open."))
        if self.prep.previous_version:
            changed = ", ".join(title for _, title in self.prep.changed_sections) or self.tr("none")
            self.status_line.setText(self.status_line.text() + "\n" + self.tr(
                "Re-consent: compared with the consent signed on text version %1, these parts changed and must be "
                "gone through again with the patient: %2").replace("%1", self.prep.previous_version).replace("%2", changed))
        self.table.setRowCount(len(self.consents))
        for row, c in enumerate(self.consents):
            values = (datetime_text(c.signed_at), language_label(c.language), c.text_version,
                      self.tr(STATUS_TEXT.get(c.status, c.status)), c.document_id)
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self._show_current()
        self._update_buttons()

    def newest(self) -> ConsentSummary | None:
        return max(self.consents, key=lambda c: c.signed_at) if self.consents else None

    def _show_current(self) -> None:
        """The page leads with the newest consent once there is one, and selects it for the actions."""
        newest = self.newest()
        for widget in (self.current, self.view_button, self.withdraw_button, self.print_button):
            widget.setVisible(newest is not None)
        valid = newest is not None and newest.status == "signed"
        self.gates.setVisible(not valid)  # the gates are about signing, which is not the next step now
        self.preview_button.setVisible(not valid)
        self.sign_button.setVisible(not valid)
        self.sign_button.setText(self.tr("Re-consent…") if newest is not None else self.tr("Sign…"))
        if newest is None:
            return
        when = datetime_text(newest.signed_at)
        self.current.setText(self.tr(CURRENT_TEXT.get(newest.status, "%1")).replace("%1", when))
        if valid:
            self.status_line.setText(self.tr("A new signature is offered (as Re-consent) once this consent has "
                                             "expired, been superseded by a new text version or been withdrawn."))
        self.table.selectRow(self.consents.index(newest))

    def _on_load_error(self, error: BaseException) -> None:
        self.status_line.setText(self.tr("Could not load the consent stage: %1").replace("%1", describe_error(error)[1]))
        self.sign_button.setEnabled(False)

    def _selected(self) -> ConsentSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.consents[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        actor = self.session.actor
        chosen = self._selected()
        newest = self.newest()
        self.sign_button.setEnabled(bool(self.prep and self.prep.can_sign)
                                    and allowed(actor, Permission.CONSENT_SIGN_CLINICIAN)
                                    and (newest is None or newest.status in RECONSENT_STATUSES))
        self.sign_button.setToolTip("" if allowed(actor, Permission.CONSENT_SIGN_CLINICIAN) else
                                    self.tr("Only the treating urologist signs as clinician."))
        self.view_button.setEnabled(chosen is not None)
        self.withdraw_button.setEnabled(chosen is not None and chosen.status != "withdrawn"
                                        and allowed(actor, Permission.CONSENT_WITHDRAW))

    # -- actions -------------------------------------------------------------------------------------
    def _on_preview(self) -> None:
        actor, pid, lang = self.session.actor, self.patient.id, self.lang()
        self.runner.submit(lambda: self.service.preview(actor, pid, lang), self._show_preview,
                           self._on_action_error, label=self.tr("Preparing the preview…"))

    def _show_preview(self, data: bytes) -> None:
        self._open(PdfPreviewDialog(self.tr("Consent preview (not signed)"), data, "consent-preview.pdf", self))

    def _on_sign(self) -> None:
        if self.prep is None or not self._reconsent_confirmed():
            return
        witnesses = self.service.witness_candidates(self.session.actor)
        d = self.patient.data
        dialog = SigningDialog(self.prep, f"{d.given_name} {d.family_name}", self.session.actor.display_name,
                               witnesses, self._submit_signing, self)
        self.signing_dialog = dialog
        self._open(dialog)

    def _reconsent_confirmed(self) -> bool:
        """No consents yet: sign. Otherwise this is a re-consent, said so, and a warning if one is still valid."""
        newest = self.newest()
        if newest is None:
            return True
        if newest.status not in RECONSENT_STATUSES:
            return False
        text = self.tr("This is a re-consent: the patient signs a new consent; the earlier consents stay in the "
                       "record with their status.")
        valid = [c for c in self.consents if c.status == "signed"]
        if valid:
            text += "\n\n" + self.tr("Warning: a consent signed on %1 is still valid. Record its withdrawal first "
                                      "unless the patient is to hold two valid consents.") \
                .replace("%1", date_text(in_clinic_zone(valid[0].signed_at).date()))
        return confirm(self, self.tr("Re-consent"), text, yes_text=self.tr("Re-consent"))

    def _submit_signing(self, dialog: SigningDialog, submission, password: str, witness_secret: str,
                        witness_method: str) -> None:
        actor, pid = self.session.actor, self.patient.id

        def done(summary: ConsentSummary) -> None:
            dialog.accept()
            self.refresh()
            # The signed document is what the patient and the clinic must look at now: show it at once.
            self.runner.submit(lambda: self.service.pdf(actor, summary.document_id),
                               partial(self._show_signed, summary), self._on_action_error)

        proof = {"witness_pin" if witness_method == "pin" else "witness_password": witness_secret}
        self.runner.submit(partial(self.service.sign, actor, pid, submission, password, **proof), done,
                           dialog.show_problems, label=self.tr("Signing and sealing…"))

    def _show_signed(self, summary: ConsentSummary, data: bytes) -> None:
        title = self.tr("Consent signed and sealed – document %1").replace("%1", summary.document_id)
        self._open(PdfPreviewDialog(title, data, f"consent-{summary.document_id}.pdf", self))

    def _on_view(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        actor = self.session.actor
        self.runner.submit(lambda: self.service.pdf(actor, chosen.document_id),
                           self._show_original, self._on_action_error)

    def _show_original(self, data: bytes) -> None:
        chosen = self._selected()
        name = f"consent-{chosen.document_id}.pdf" if chosen else "consent.pdf"
        self._open(PdfPreviewDialog(self.tr("Sealed original"), data, name, self))

    def _on_withdraw(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        choices = self.service.withdrawal_choices(self.session.actor, chosen.language)
        d = self.patient.data
        dialog = WithdrawDialog(choices, f"{d.given_name} {d.family_name}", self._submit_withdrawal, self)
        self.withdraw_dialog = dialog
        self._withdrawing = chosen
        self._open(dialog)

    def _submit_withdrawal(self, dialog: WithdrawDialog, answers, reason: str, strokes, password: str) -> None:
        actor, chosen = self.session.actor, self._withdrawing
        patient = CapturedSignature("patient", dialog.patient_name, strokes)

        def done(_summary) -> None:
            dialog.accept()
            self.refresh()

        self.runner.submit(lambda: self.service.withdraw(actor, chosen.document_id, answers, patient, password, reason),
                           done, dialog.show_problems, label=self.tr("Recording the withdrawal…"))

    def _on_print(self) -> None:
        """Copies of the selected consent's sealed original, marked patient/chart copy (TAM-9)."""
        from exoconsult.gui.printing.print_dialog import PrintConsentDialog
        from exoconsult.services.printing.printing import PrintingService

        chosen = self._selected()
        if chosen is None:
            inform(self, self.tr("Print"), self.tr("Choose a consent in the list first."))
            return
        self._open(PrintConsentDialog(PrintingService(self.ctx), self.session, self.runner, chosen.document_id,
                                      self.tr("consent of %1").replace("%1", date_text(in_clinic_zone(chosen.signed_at).date())), self))

    def _on_verify(self) -> None:
        self._open(VerifyDocumentDialog(DocumentVerifier(self.ctx), self.session, self.runner, self))

    def _open(self, dialog) -> None:
        """Window-modal without a nested event loop, so the page stays responsive to the runner; the page
        keeps the newest dialog (replacing it frees the previous one)."""
        self.last_dialog = dialog
        dialog.open()

    def _on_action_error(self, error: BaseException) -> None:
        show_service_error(self, error)
