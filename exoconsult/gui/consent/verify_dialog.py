""""Verify a document": a PDF file, or the document id / QR text from a paper copy, checked against the
archived record and the clinic's seal. The answer is shown like the assessment verdict (a shape, a word
and a sentence, never colour alone). A file without any seal is said to be a copy, with how to check the
original (its QR code or document id), rather than just "not valid"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.translatable import Reason
from exoconsult.gui.assessment.banner import VerdictBanner
from exoconsult.gui.labels import consent_status_label, document_kind_label
from exoconsult.gui.widgets import describe_error, reason_text
from exoconsult.services.consent.consent_dto import DocumentCheck


class VerifyDocumentDialog(QDialog):
    def __init__(self, verifier, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verifier, self.session, self.runner = verifier, session, runner
        self.setWindowTitle(self.tr("Verify a document"))
        self.resize(640, 320)
        self.id_edit = QLineEdit(self)
        self.id_edit.setPlaceholderText(self.tr("document id, or the text read from the QR code"))
        self.check_id_button = QPushButton(self.tr("Check id"), self)
        self.file_button = QPushButton(self.tr("Check a PDF file…"), self)
        self.result = VerdictBanner(self)
        self.result.setObjectName("verifyResult")
        self.result.hide()
        row = QHBoxLayout()
        row.addWidget(self.id_edit, 1)
        row.addWidget(self.check_id_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.file_button)
        layout.addWidget(self.result, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.check_id_button.clicked.connect(self._on_check_id)
        self.id_edit.returnPressed.connect(self._on_check_id)
        self.file_button.clicked.connect(self._on_check_file)

    def _on_check_id(self) -> None:
        text = self.id_edit.text()
        actor = self.session.actor
        self.runner.submit(lambda: self.verifier.check_id(actor, text), self.show_result, self._on_error)

    def _on_check_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PDF"), "", self.tr("PDF files (*.pdf)"))
        if path:
            self.check_file(path)

    def check_file(self, path: str) -> None:
        actor = self.session.actor
        from exoconsult.bounded_input import PDF_LIMIT, InputRefused, MiB, read_limited

        try:  # bounded: a 2 GB file or a device is refused, not read into memory
            data = read_limited(path, PDF_LIMIT, "PDF")
        except InputRefused as exc:  # its words name the file (perhaps after the patient) and are English
            if "larger than" in str(exc):
                why = self.tr("This file is larger than %1 MB, so it is not a document of this app; it was not "
                              "read. Choose the PDF the app saved or printed.")
            else:
                why = self.tr("This file cannot be read. Choose a PDF file of at most %1 MB that is on this "
                              "computer or on a connected drive.")
            self._show("none", self.tr("NOT CHECKED"), why.replace("%1", str(PDF_LIMIT // MiB)))
            return
        self.runner.submit(lambda: self.verifier.check_file(actor, data), self.show_result, self._on_error)

    def show_result(self, check: DocumentCheck) -> None:
        if check.valid:
            detail = self.tr("Sealed by the clinic and identical to the archived %1 %2. Status: %3.") \
                .replace("%1", document_kind_label(check.kind)).replace("%2", check.document_id) \
                .replace("%3", self._status(check))
            detail += "".join("\n" + self._warning(w) for w in check.certificate_warnings)
            self._show("eligible", self.tr("VALID"), detail)
        elif not check.found and check.unsealed_copy:
            self._show("needs_review", self.tr("A COPY, NOT THE SEALED ORIGINAL"), self.tr(
                "This file carries no seal: it is a printed or saved copy (copies are marked so on every "
                "page). To check what it says, read its QR code, or type the document id printed at the foot "
                "of each page, into the box above: that checks the sealed original in the archive."))
        elif not check.found and check.document_id:  # an id typed or read from a QR code that the clinic never issued
            self._show("ineligible", self.tr("NOT FOUND"), self.tr(
                "No document with the id %1 is on record in this clinic. Check the id against the one printed at "
                "the foot of each page, or check the PDF file itself.").replace("%1", check.document_id))
        else:
            seal = self.tr("Seal: %1").replace("%1", self.tr("valid") if check.seal_valid else self.tr("not valid")
                                               + (f" ({reason_text(check.seal_problem)})" if check.seal_problem else ""))
            archive = self.tr("Archive: %1").replace("%1", self.tr("identical to the archived %1 %2")
                                                     .replace("%1", document_kind_label(check.kind)).replace("%2", check.document_id)
                                                     if check.identical_to_archive else
                                                     self.tr("no archived document matches"))
            lines = [seal, archive, self.tr("Status: %1").replace("%1", self._status(check))]
            lines[:0] = [self._warning(w) for w in check.certificate_warnings]
            self._show("ineligible", self.tr("NOT VALID"), "\n".join(lines))

    @staticmethod
    def _status(check: DocumentCheck) -> str:
        return reason_text(check.status_why) if check.status_why is not None else consent_status_label(check.status)

    def _warning(self, why: Reason) -> str:
        return self.tr("Warning: %1").replace("%1", reason_text(why))

    def _show(self, style: str, title: str, detail: str) -> None:
        self.result.show_verdict(style, title, detail)
        self.result.show()

    def _on_error(self, error: BaseException) -> None:
        self._show("none", self.tr("NOT CHECKED"),
                   self.tr("The check could not run: %1").replace("%1", describe_error(error)[1]))
