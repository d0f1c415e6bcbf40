"""Papers for the patient shown before they are printed (or saved): the discharge sheet the nurse hands
over, the follow-up reminder letter. With no printer installed the app says so and "Save a copy…" remains."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.printing import output
from exoconsult.gui.widgets import inform


class PrintablePdfDialog(PdfPreviewDialog):
    """A paper for the patient (not a record): shown, then printed or saved."""

    def __init__(self, title: str, pdf: bytes, suggested_name: str, parent: QWidget | None = None, *,
                 object_name: str = "printablePdfDialog", print_name: str = "printPaper") -> None:
        super().__init__(title, pdf, suggested_name, parent)
        self.setObjectName(object_name)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName(print_name)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_sheet)

    def print_sheet(self) -> None:
        if not output.installed_printers():
            inform(self, self.tr("No printer"), self.tr("No printer is installed on this computer: use “Save a copy…”."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not output.choose_printer(printer, self):
            return
        try:
            where = output.send(printer, self.data)
        except (output.PrintFailed, OSError) as exc:
            output.show_failure(self, exc)
            return
        inform(self, self.tr("Printed"), self.tr("Sent to %1.").replace("%1", where))


class DischargeSheetDialog(PrintablePdfDialog):
    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("DischargeSheetDialog", "Discharge sheet"), pdf, suggested_name,
                         parent, object_name="dischargeSheetDialog", print_name="printDischarge")
