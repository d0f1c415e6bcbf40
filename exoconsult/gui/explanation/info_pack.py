"""Printing the information pack ("information only — not a consent"). With a printer: the print dialog,
then the PDF's pages drawn onto the printer. Without one (no CUPS queue, common on clinic PCs): say so
plainly and offer "Save as PDF". The PDF itself comes from InformationPackService via the controller."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from exoconsult.gui import widgets

PRINT_DPI = 300


def printers_available() -> bool:
    return bool(QPrinterInfo.availablePrinters())


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Draw each page of the PDF onto the printer; returns the number of pages printed."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(int(points.width() * PRINT_DPI / 72),
                                                int(points.height() * PRINT_DPI / 72)))
            target = painter.viewport()
            fitted = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(target.x(), target.y(), fitted)
    finally:
        painter.end()
    return document.pageCount()


class InformationPackPrinter(QObject):
    """Drives the "Print information pack" action for the console."""

    def __init__(self, controller, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.parent_widget = parent
        controller.pdf_ready.connect(self._on_pdf_ready)
        controller.pdf_written.connect(self._on_written)

    def start(self) -> None:
        if printers_available():
            self.controller.fetch_pack()
            return
        box = widgets.message_box(
            self.parent_widget, QMessageBox.Icon.Information, self.tr("No printer"),
            self.tr("No printer is set up on this computer, so the information pack cannot be printed here.\n\n"
                    "You can save it as a PDF and print it from another computer, or give it to the patient."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save as PDF…"))
        answer = widgets.exec_dialog(box)
        if getattr(answer, "value", answer) in (QMessageBox.StandardButton.Save.value,
                                                QMessageBox.StandardButton.Yes.value):
            self.save_as_pdf()

    def save_as_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save the information pack"),
                                                    "information-pack.pdf", self.tr("PDF files (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.controller.save_pack(path)

    def _on_pdf_ready(self, data: bytes) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.parent_widget)
        if widgets.exec_dialog(dialog) != QDialog.DialogCode.Accepted.value:
            return
        if print_pdf(data, printer) == 0:
            widgets.inform(self.parent_widget, self.tr("Not printed"),
                           self.tr("The printer could not be used. Save the pack as a PDF instead."),
                           icon=QMessageBox.Icon.Warning)

    def _on_written(self, path: str) -> None:
        widgets.inform(self.parent_widget, self.tr("Information pack saved"),
                       self.tr("Saved to %1.").replace("%1", path))
