"""The two exports as dialogs (File menu): a folder to write into, the export's options, a progress
bar while it runs on the worker, and what was written. The research export shows typed free text for
review before it may be included; the services decide who may export and audit it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui import widgets
from exoconsult.gui.local_format import DATE_EDIT_FORMAT
from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.exports.cohort import Period
from exoconsult.services.exports.fhir_export import FhirExportService
from exoconsult.services.exports.research_export import FreeTextItem, ResearchExportService, ResearchOptions


class _ExportDialog(QDialog):
    """A folder row, a form of options, Export/Close, a progress bar and a result line. Its words are
    translated in one context of their own ("ExportDialog"): a base class's tr() would look them up under
    the subclass's name, where the translation tools never put them."""

    def __init__(self, session, runner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self.session, self.runner = session, runner
        self.folder = QLineEdit(self)
        self.folder.setObjectName("exportFolder")
        self.folder.setPlaceholderText(QCoreApplication.translate("ExportDialog", "A new or empty folder"))
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Choose…"), self)
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Folder"), row)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)  # busy: the export reports no steps
        self.progress.setVisible(False)
        self.result = plain_label("", self, object_name="exportResult")
        self.result.setWordWrap(True)
        # Room for the longest result (three lines), so a message never squeezes the fields above it.
        self.result.setMinimumHeight(self.result.fontMetrics().lineSpacing() * 3 + 4)
        self.result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(QCoreApplication.translate("ExportDialog", "Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)
        self.note = plain_label("", self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)

    def _on_browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, QCoreApplication.translate("ExportDialog", "Export into which folder?"), str(Path.home()))
        if chosen:
            self.folder.setText(chosen)

    def _on_export(self) -> None:
        if not self.folder.text().strip():
            self.result.setText(QCoreApplication.translate("ExportDialog", "Choose a folder first."))
            return
        self.start()

    def start(self) -> None:
        raise NotImplementedError

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)
        if busy:
            self.result.setText(QCoreApplication.translate("ExportDialog", "Exporting…"))

    def _on_error(self, error: BaseException) -> None:
        self._busy(False)
        self.result.setText("")
        show_service_error(self, error)


class ResearchExportDialog(_ExportDialog):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(session, runner, self.tr("Research export (pseudonymised)"), parent)
        self.setObjectName("researchExportDialog")
        self.service = ResearchExportService(services.ctx)
        self.note.setText(self.tr(
            "Only treated patients who said yes to the outcome registry and did not withdraw it. No names, "
            "record numbers, contact details or birth dates; dates become days since the procedure. "
            "The export is recorded in the audit log with the pseudonyms it contains."))
        self.use_start, self.use_end = QCheckBox(self.tr("From"), self), QCheckBox(self.tr("To"), self)
        self.start_date, self.end_date = QDateEdit(self), QDateEdit(self)
        for check, edit in ((self.use_start, self.start_date), (self.use_end, self.end_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_EDIT_FORMAT)  # dd.mm.yyyy, as every date on screen
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            edit.setAccessibleName(check.text())  # "From" / "To": the check box beside it says which
            check.toggled.connect(edit.setEnabled)
        period = QHBoxLayout()
        for w in (self.use_start, self.start_date, self.use_end, self.end_date):
            period.addWidget(w)
        period.addStretch(1)
        self.form.addRow(self.tr("First procedure"), period)
        self.manufacturer_only = QCheckBox(self.tr("Only patients who agreed to sharing with the manufacturer"), self)
        self.free_text = QCheckBox(self.tr("Include typed free text (shown to you first)"), self)
        self.free_text.setObjectName("includeFreeText")
        self.form.addRow("", self.manufacturer_only)
        self.form.addRow("", self.free_text)

    def options(self) -> ResearchOptions:
        start = self.start_date.date().toPython() if self.use_start.isChecked() else None
        end = self.end_date.date().toPython() if self.use_end.isChecked() else None
        return ResearchOptions(Period(start, end), include_free_text=self.free_text.isChecked(),
                               manufacturer_only=self.manufacturer_only.isChecked())

    def start(self) -> None:
        self._busy(True)
        options, actor = self.options(), self.session.actor
        if options.include_free_text:
            self.runner.submit(partial(self.service.free_text_for_review, actor, options), self._on_review,
                               self._on_error, label=self.tr("Reading the free text…"))
        else:
            self._export(options)

    def _on_review(self, texts: list[FreeTextItem]) -> None:
        review = FreeTextReviewDialog(texts, self)
        answer = widgets.exec_dialog(review)
        if getattr(answer, "value", answer) != QDialog.DialogCode.Accepted.value:
            self._busy(False)
            self.result.setText(self.tr("Nothing was exported."))
            return
        self._export(self.options())

    def _export(self, options: ResearchOptions) -> None:
        self.runner.submit(partial(self.service.export, self.session.actor, self.folder.text().strip(), options),
                           self._on_done, self._on_error, label=self.tr("Exporting…"))

    def _on_done(self, result) -> None:
        self._busy(False)
        self.result.setText(self.tr("Exported %1 patient(s) into %2 (%3 files). %4 treated patient(s) were not "
                                    "included; README.txt in the folder says why.")
                            .replace("%1", str(len(result.pseudonyms))).replace("%2", result.folder)
                            .replace("%3", str(len(result.files))).replace("%4", str(result.excluded)))


class FreeTextReviewDialog(QDialog):
    """Every typed text the export would carry, to be read before it leaves the clinic."""

    def __init__(self, texts: list[FreeTextItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("freeTextReview")
        self.setWindowTitle(self.tr("Free text that would leave the clinic"))
        self.resize(640, 420)
        intro = plain_label(self.tr("Read every text. Include them only if none names or identifies a patient, "
                                    "a relative or a member of staff."), self)
        intro.setWordWrap(True)
        view = QPlainTextEdit(self)
        view.setObjectName("freeTextList")
        view.setReadOnly(True)
        view.setPlainText("\n".join(f"{t.pseudonym}  {t.table}.{t.variable}: {t.text}" for t in texts)
                          or self.tr("(no free text)"))
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("Include these texts"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)


class FhirExportDialog(_ExportDialog):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(session, runner, self.tr("FHIR export (identified)"), parent)
        self.setObjectName("fhirExportDialog")
        self.service = FhirExportService(services.ctx)
        self.note.setText(self.tr(
            "One FHIR R4 file per patient with his identity, consents (with the signed PDFs), history, results "
            "and procedures: for a hospital taking over his care. Each file is recorded in the audit log."))
        self.mrn = QLineEdit(self)
        self.mrn.setObjectName("fhirMrn")
        self.all_patients = QCheckBox(self.tr("Every patient"), self)
        self.all_patients.toggled.connect(self._on_all_toggled)
        self.form.addRow(self.tr("MRN"), self.mrn)
        self.form.addRow("", self.all_patients)

    def _on_all_toggled(self, on: bool) -> None:
        self.mrn.setEnabled(not on)

    def start(self) -> None:
        mrn = None if self.all_patients.isChecked() else self.mrn.text().strip()
        if mrn == "":
            self.result.setText(self.tr("Type the patient's MRN, or tick every patient."))
            return
        self._busy(True)
        self.runner.submit(partial(self.service.export, self.session.actor, self.folder.text().strip(), mrn=mrn),
                           self._on_done, self._on_error, label=self.tr("Exporting…"))

    def _on_done(self, result) -> None:
        self._busy(False)
        self.result.setText(self.tr("Wrote %1 FHIR file(s) into %2.").replace("%1", str(len(result.files)))
                            .replace("%2", result.folder))
