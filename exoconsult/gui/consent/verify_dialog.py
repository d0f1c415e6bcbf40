""""Verify a document": a PDF file, or the document id / QR text from a paper copy, checked against the
archived record and the clinic's seal."""

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

from exoconsult.gui.widgets import plain_label
from exoconsult.services.consent_dto import DocumentCheck


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
        self.result = plain_label("", self, object_name="verifyResult")
        self.result.setWordWrap(True)
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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a PDF"), "", "PDF (*.pdf)")
        if path:
            self.check_file(path)

    def check_file(self, path: str) -> None:
        actor = self.session.actor
        from exoconsult.bounded_input import PDF_LIMIT, InputRefused, read_limited

        try:  # bounded: a 2 GB file or a device is refused, not read into memory
            data = read_limited(path, PDF_LIMIT, "PDF")
        except InputRefused as exc:
            self.result.setText(self.tr("Cannot read the file: %1").replace("%1", str(exc)))
            return
        self.runner.submit(lambda: self.verifier.check_file(actor, data), self.show_result, self._on_error)

    def show_result(self, check: DocumentCheck) -> None:
        verdict = self.tr("VALID") if check.valid else self.tr("NOT VALID")
        lines = [verdict,
                 self.tr("Seal: %1").replace("%1", self.tr("valid") if check.seal_valid else
                                             self.tr("not valid") + (f" ({check.seal_problem})" if check.seal_problem else "")),
                 self.tr("Archive: %1").replace("%1", self.tr("identical to the archived %1 %2")
                                                .replace("%1", check.kind).replace("%2", check.document_id)
                                                if check.identical_to_archive else self.tr("no archived document matches")),
                 self.tr("Status: %1").replace("%1", check.status)]
        if check.certificate_warning:
            lines.insert(1, self.tr("Warning: %1").replace("%1", check.certificate_warning))
        self.result.setText("\n".join(lines))

    def _on_error(self, error: BaseException) -> None:
        self.result.setText(self.tr("The check could not run: %1").replace("%1", str(error)))
