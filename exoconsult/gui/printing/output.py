"""Getting a marked copy (PDF bytes made by the printing service) onto paper or into a file.

* A job to a PDF file (QPrinter with PdfFormat, or "Save as PDF") writes the marked PDF itself: the
  file is the archived pages plus the marks, byte for byte what the service made.
* A CUPS printer gets the PDF itself too (`lp`), so the paper carries the archived vector text.
* Elsewhere (no `lp`), pages are rendered with QtPdf and painted onto the printer.
* The preview paints the same rendered pages.

Module-level functions, so tests can stand in for the modal system dialogs.
"""

from __future__ import annotations

import errno
import logging
import shutil
import subprocess

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from exoconsult.gui.widgets import documents_path, inform, log_file_note
from exoconsult.services.printing.printing import PDF_FILE

MAX_RENDER_DPI = 300  # a 1200-dpi A4 page is a 550 MB image; 300 dpi prints text crisply at 35 MB


log = logging.getLogger(__name__)


class PrintFailed(Exception):
    """The job did not reach the printer; nothing is recorded. The message is said to the user (in the
    interface language); `detail`, the print system's own words, goes to the log only."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def failure_text(error: PrintFailed | OSError) -> str:
    """What the user reads when a copy could not be printed or written: what happened and what to do, in
    the interface language. The technical detail goes to the log: the error's type, errno and the print
    system's words, never a file name (it may carry the patient's name)."""
    if isinstance(error, PrintFailed):
        log.warning("printing failed: %s", error.detail[:300] or "no detail")
        return str(error) + log_file_note()
    log.warning("writing a PDF failed: %s errno=%s (%s)", type(error).__name__, error.errno,
                errno.errorcode.get(error.errno or 0, "?"))
    if isinstance(error, PermissionError):
        text = QCoreApplication.translate(
            "PrintOutput", "The file could not be saved: this folder may not be written to. Choose another folder, "
            "for example Documents.")
    elif error.errno in (errno.ENOSPC, errno.EDQUOT):
        text = QCoreApplication.translate(
            "PrintOutput", "The file could not be saved: the disk is full. Free some space or choose another drive.")
    else:
        text = QCoreApplication.translate(
            "PrintOutput", "The file could not be saved. Choose another folder or file name and try again; if a USB "
            "stick is used, check that it is still plugged in.")
    return text + log_file_note()


def show_failure(parent: QWidget, error: PrintFailed | OSError) -> str:
    """Tell the user in a warning box why the copy was not printed or saved and what to do (`failure_text`);
    returns the short words for the dialog's status line."""
    title = (QCoreApplication.translate("PrintOutput", "Not printed") if isinstance(error, PrintFailed)
             else QCoreApplication.translate("PrintOutput", "Not saved"))
    inform(parent, title, failure_text(error), icon=QMessageBox.Icon.Warning)
    return title + "."


def installed_printers() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def choose_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """Qt's print dialog with the system's printers; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QDialog.DialogCode.Accepted.value


def ask_save_path(parent: QWidget | None, suggested_name: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PrintOutput", "Save as PDF"),
                                          documents_path(suggested_name),
                                          QCoreApplication.translate("PrintOutput", "PDF files (*.pdf)"))
    return path


def write_pdf(path: str, pdf: bytes) -> None:
    with open(path, "wb") as fh:  # the save dialog has already asked before replacing a file
        fh.write(pdf)


class RenderedPdf:
    """A loaded QPdfDocument over bytes kept alive as long as it is."""

    def __init__(self, pdf: bytes) -> None:
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)

    def page_count(self) -> int:
        return self.document.pageCount()

    def render(self, page: int, dpi: int) -> QImage:
        points = self.document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        return self.document.render(page, size)


def paint_pages(printer: QPrinter, pdf: bytes) -> int:
    """Render each page at the printer's resolution (at most MAX_RENDER_DPI) and paint it on a page of
    `printer`. Returns the number of pages painted."""
    rendered = RenderedPdf(pdf)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(QCoreApplication.translate(
            "PrintOutput", "The printer could not be opened. Check that it is switched on and connected, then print "
            "again; or save the document as a PDF."))
    try:
        for page in range(rendered.page_count()):
            if page:
                printer.newPage()
            image = rendered.render(page, dpi)
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            # Fit the page into the printable area keeping its proportions.
            scale = min(target.width() / image.width(), target.height() / image.height())
            painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
    finally:
        painter.end()
    return rendered.page_count()


def send(printer: QPrinter, pdf: bytes) -> str:
    """Put the marked copy out through `printer` as the print dialog left it; returns the destination to
    record (the printer's name, or PDF_FILE)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        if not printer.outputFileName():
            raise PrintFailed(QCoreApplication.translate(
                "PrintOutput", "No file name was given for the PDF. Print again and give a file name, or use "
                "Save as PDF."))
        write_pdf(printer.outputFileName(), pdf)
        return PDF_FILE
    name = printer.printerName()
    lp = shutil.which("lp")
    if lp:
        try:
            result = subprocess.run([lp, "-d", name, "-t", "ExoConsult copy", "-"], input=pdf,  # noqa: S603
                                    capture_output=True, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            raise PrintFailed(QCoreApplication.translate(
                "PrintOutput", "The print system did not answer within a minute. Check that the printer is switched "
                "on and connected, then print again; or save the document as a PDF."), detail="lp timed out") from None
        if result.returncode != 0:
            raise PrintFailed(QCoreApplication.translate(
                "PrintOutput", "The print system refused the job. Check that the printer is switched on, "
                "connected and has paper, then print again; or save the document as a PDF."),
                              detail=result.stderr.decode("utf-8", "replace").strip())
        return name
    paint_pages(printer, pdf)
    return name
