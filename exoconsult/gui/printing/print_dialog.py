"""Print a signed consent (or withdrawal): choose the copy marks (patient copy, chart copy) and how many
of each, preview, print through the system's print dialog, or save the marked copy as a PDF. With no
printer installed the dialog says so and offers "Save as PDF". Nothing is recorded until the job has
gone to the printer or the file is written."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.printing import output
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import confirm, plain_label, show_service_error
from exoconsult.services.printing.printing import MAX_COPIES, PDF_FILE, PrintingService, PrintJob


class PrintConsentDialog(QDialog):
    printed = Signal(object)  # PrintRecord

    def __init__(self, printing: PrintingService, session, runner, document_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printConsentDialog")
        self.setWindowTitle(self.tr("Print – %1").replace("%1", title))
        self.printing, self.session, self.runner, self.document_id = printing, session, runner, document_id
        self.job: PrintJob | None = None
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.preview_printer: QPrinter | None = None
        intro = plain_label(self.tr("What prints is the archived, sealed original. Each page of a copy "
                                    "carries its copy mark, the copy number, and who printed it when; "
                                    "the archived document itself is not changed."), self)
        intro.setWordWrap(True)
        self.count_label = plain_label("", self, object_name="printCount")
        self.patient_copy = QCheckBox(self.tr("Patient copy"), self)
        self.chart_copy = QCheckBox(self.tr("Chart copy"), self)
        self.patient_copy.setChecked(True)
        self.chart_copy.setChecked(True)
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        self.printer_note = plain_label("", self, object_name="printerNote")
        self.printer_note.setWordWrap(True)
        self.status = plain_label("", self, object_name="printStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Copy marks:"), self.patient_copy)
        form.addRow("", self.chart_copy)
        form.addRow(self.tr("Copies of each:"), self.copies)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.preview_button = QPushButton(self.tr("Preview…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        for button in (self.preview_button, self.save_button, self.print_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.count_label)
        layout.addLayout(form)
        layout.addWidget(self.printer_note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_copies)
        self.save_button.clicked.connect(self.save_as_pdf)
        self.patient_copy.toggled.connect(self._update_buttons)
        self.chart_copy.toggled.connect(self._update_buttons)
        self.printers = output.installed_printers()
        if self.printers:
            self.printer_note.setText(self.tr("Printers on this computer: %1").replace("%1", ", ".join(self.printers)))
        else:
            self.printer_note.setText(self.tr("No printer is installed on this computer. Use “Save as PDF” and "
                                              "print the file from a computer that has a printer."))
            self.printer_note.setStyleSheet(ink("error", "font-weight: bold;"))
            self.save_button.setDefault(True)
        self._update_buttons()
        self._show_count()

    # -- state ---------------------------------------------------------------------------------------
    def marks(self) -> tuple[str, ...]:
        return tuple(key for key, box in (("patient", self.patient_copy), ("chart", self.chart_copy))
                     if box.isChecked())

    def _update_buttons(self, *_args) -> None:
        chosen = bool(self.marks())
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(chosen)
        self.status.setText("" if chosen else self.tr("Choose the patient copy, the chart copy, or both."))

    def _show_count(self) -> None:
        count = self.printing.print_count(self.session.actor, self.document_id)
        self.count_label.setText(self.tr("Never printed before.") if count == 0 else
                                 self.tr("Printed %1 time(s) before: this will be a reprint.").replace("%1", str(count)))

    def _with_job(self, then) -> None:
        """Build the marked copies (in the background), then continue with `then(job)`."""
        actor, marks, copies = self.session.actor, self.marks(), self.copies.value()
        self.runner.submit(partial(self.printing.prepare, actor, self.document_id, marks, copies),
                           partial(self._job_ready, then), self._on_error, label=self.tr("Preparing the copies…"))

    def _job_ready(self, then, job: PrintJob) -> None:
        self.job = job
        then(job)

    # -- preview -------------------------------------------------------------------------------------
    def preview(self) -> None:
        self._with_job(self._open_preview)

    def _open_preview(self, job: PrintJob) -> None:
        # Kept on self: the preview dialog does not own its printer, and a collected one crashes it.
        self.preview_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview_dialog = QPrintPreviewDialog(self.preview_printer, self)
        self.preview_dialog.setWindowTitle(self.tr("Print preview"))
        self.preview_dialog.paintRequested.connect(self._paint_preview)
        self.preview_dialog.resize(900, 1000)
        self.preview_dialog.open()

    def _paint_preview(self, printer: QPrinter) -> None:
        if self.job is not None:
            output.paint_pages(printer, self.job.pdf)

    # -- print / save --------------------------------------------------------------------------------
    def print_copies(self) -> None:
        if not output.installed_printers():
            if confirm(self, self.tr("No printer"),
                       self.tr("No printer is installed on this computer, so nothing can be printed from here.\n\n"
                               "Save the marked copy as a PDF instead?"), yes_text=self.tr("Save as PDF…")):
                self.save_as_pdf()
            return
        self._with_job(self._print_job)

    def _print_job(self, job: PrintJob) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(job.suggested_file_name)
        if not output.choose_printer(printer, self):
            self.status.setText(self.tr("Printing was cancelled; nothing was recorded."))
            return
        try:
            destination = output.send(printer, job.pdf)
        except (output.PrintFailed, OSError) as exc:
            self.status.setText(output.show_failure(self, exc))
            return
        self._record(job, destination)

    def save_as_pdf(self) -> None:
        self._with_job(self._save_job)

    def _save_job(self, job: PrintJob) -> None:
        path = output.ask_save_path(self, job.suggested_file_name)
        if not path:
            return
        try:
            output.write_pdf(path, job.pdf)
        except OSError as exc:
            self.status.setText(output.show_failure(self, exc))
            return
        self._record(job, PDF_FILE)

    def _record(self, job: PrintJob, destination: str) -> None:
        self.runner.submit(partial(self.printing.record, self.session.actor, job, destination),
                           self._on_recorded, self._on_error, label=self.tr("Recording the print…"))

    def _on_recorded(self, record) -> None:
        where = self.tr("saved as a PDF file") if record.destination == PDF_FILE else \
            self.tr("sent to %1").replace("%1", record.destination)
        self.status.setText(self.tr("Print no. %1 %2 (%3 pages) and recorded.").replace("%1", str(record.print_number))
                            .replace("%2", where).replace("%3", str(record.pages)))
        self._show_count()
        self.printed.emit(record)

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)
