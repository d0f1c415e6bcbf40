"""Reading material for before the consultation, in the patient's language, for the nurse to print or
save: the information pack, or the blank consent form pre-filled with his details. Both say
"information only — not a consent" on every page (the pack by design, the blank form by the stamped
copy mark), and producing either is audited by the service."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPushButton, QWidget

from exoconsult.gui.labels import language_label
from exoconsult.gui.printing import output
from exoconsult.gui.ui_language import document_languages
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.printing.information_pack import InformationPackService
from exoconsult.services.printing.printing import PrintingService

KINDS = (("pack", QT_TRANSLATE_NOOP("ReadingMaterialDialog", "Information pack")),
         ("blank_consent", QT_TRANSLATE_NOOP("ReadingMaterialDialog", "Blank consent form (for reading)")))


class ReadingMaterialDialog(QDialog):
    def __init__(self, ctx, session, runner, patient_id: int, patient_name: str, preferred_language: str = "tr",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingMaterialDialog")
        self.setWindowTitle(self.tr("Reading material for %1").replace("%1", patient_name))
        self.ctx, self.session, self.runner, self.patient_id = ctx, session, runner, patient_id
        self.pdf: bytes | None = None
        self.kind = QComboBox(self)
        for key, title in KINDS:
            self.kind.addItem(self.tr(title), key)
        self.language = QComboBox(self)
        for code in document_languages():
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferred_language)))
        self.status = plain_label(self.tr("Marked “information only — not a consent” on every page."), self,
                                  object_name="readingStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        form = QFormLayout(self)
        self.patient_label = plain_label(patient_name, self, object_name="readingPatient")
        self.patient_label.setStyleSheet("font-weight: 700;")
        form.addRow(self.tr("Patient:"), self.patient_label)
        form.addRow(self.tr("Document:"), self.kind)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.status)
        form.addRow(buttons)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_material)
        self.save_button.clicked.connect(self.save_material)

    def _make(self, then) -> None:
        actor, pid, lang = self.session.actor, self.patient_id, self.language.currentData()
        if self.kind.currentData() == "pack":
            work = partial(InformationPackService(self.ctx).pdf, actor, pid, lang)
        else:
            work = partial(PrintingService(self.ctx).blank_consent_for_reading, actor, pid, lang)
        self.runner.submit(work, partial(self._made, then), self._on_error, label=self.tr("Preparing…"))

    def _made(self, then, pdf: bytes) -> None:
        self.pdf = pdf
        then(pdf)

    def _file_name(self) -> str:
        return f"{self.kind.currentData()}-{self.language.currentData()}.pdf"

    def print_material(self) -> None:
        if not output.installed_printers():
            self.status.setText(self.tr("No printer is installed on this computer: use “Save as PDF”."))
            return
        self._make(self._print)

    def _print(self, pdf: bytes) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not output.choose_printer(printer, self):
            return
        try:
            where = output.send(printer, pdf)
        except (output.PrintFailed, OSError) as exc:
            self.status.setText(output.show_failure(self, exc))
            return
        self.status.setText(self.tr("Sent to %1.").replace("%1", where))

    def save_material(self) -> None:
        self._make(self._save)

    def _save(self, pdf: bytes) -> None:
        path = output.ask_save_path(self, self._file_name())
        if not path:
            return
        try:
            output.write_pdf(path, pdf)
        except OSError as exc:
            self.status.setText(output.show_failure(self, exc))
            return
        self.status.setText(self.tr("Saved to %1").replace("%1", path))

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
