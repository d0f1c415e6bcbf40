"""The outcome registry report in the app: a period (or all procedures), the language, whether it is for
outside the clinic (small counts suppressed, no list of individuals), then the PDF to look at and save,
and the CSV tables (always suppressed) to save into a folder. An administrator's tab and, for the
urologist, a window opened from Today; making a report is audited by the service."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.ui_language import language_choices
from exoconsult.gui.widgets import inform, plain_label, show_service_error
from exoconsult.services.registry.registry_report import RegistryReport, RegistryService


class RegistryReportPage(QWidget):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryReportPage")
        self.session, self.runner, self.service = session, runner, RegistryService(services.ctx)
        self.report: RegistryReport | None = None
        self.whole = QCheckBox(self.tr("Every procedure to date"), self)
        self.whole.setChecked(True)
        self.first = QDateEdit(QDate.currentDate().addYears(-1), self)
        self.last = QDateEdit(QDate.currentDate(), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.language = QComboBox(self)
        for code, name in language_choices():  # the report's language, named in the screen language
            self.language.addItem(name, code)
        self.public = QCheckBox(self.tr("For outside the clinic: show counts below 5 as “< 5” and leave out the "
                                        "list of serious events"), self)
        self.make_button = QPushButton(self.tr("Make the report"), self)
        self.make_button.setObjectName("makeRegistryReport")
        self.csv_button = QPushButton(self.tr("Save the CSV tables…"), self)
        self.csv_button.setEnabled(False)
        self.status = plain_label("", self)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow("", self.whole)
        form.addRow(self.tr("Procedures from:"), self.first)
        form.addRow(self.tr("to:"), self.last)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.public)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.csv_button)
        buttons.addStretch(1)
        about = plain_label(self.tr("Patients treated, follow-up completeness, outcomes with 95 % intervals beside the "
                                    "figure without the treatment, and adverse events. The CSV tables always show "
                                    "counts below 5 as “< 5”."), self)
        about.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.whole.toggled.connect(self._on_whole)
        self.make_button.clicked.connect(self._on_make)
        self.csv_button.clicked.connect(self._on_csv)
        self._on_whole(True)

    def refresh(self) -> None:
        """Nothing to load until a report is asked for (the admin home calls this on its tabs)."""

    def _on_whole(self, whole: bool) -> None:
        self.first.setEnabled(not whole)
        self.last.setEnabled(not whole)

    def _on_make(self) -> None:
        first, last = (None, None) if self.whole.isChecked() else (self.first.date().toPython(),
                                                                    self.last.date().toPython())
        self.runner.submit(partial(self.service.report, self.session.actor, first, last, self.language.currentData(),
                                   self.public.isChecked()), self._on_made, self._on_error,
                           label=self.tr("Making the registry report…"))

    def _on_made(self, report: RegistryReport) -> None:
        self.report = report
        self.csv_button.setEnabled(True)
        self.status.setText(self.tr("Report made for %1 patient(s).").replace("%1", str(report.patients)))
        self.preview = PdfPreviewDialog(self.tr("Outcome registry report"), report.pdf, "registry-report.pdf", self)
        self.preview.open()

    def _on_csv(self) -> None:
        if self.report is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the CSV tables"))
        if folder:
            self.save_csv(Path(folder))

    def save_csv(self, folder: Path) -> None:
        for name, data in self.report.csv.items():
            (folder / name).write_bytes(data)
        inform(self, self.tr("Registry report"), self.tr("%1 CSV tables saved in %2.").replace(
            "%1", str(len(self.report.csv))).replace("%2", str(folder)))

    def _on_error(self, error: BaseException) -> None:
        show_service_error(self, error)


class RegistryReportDialog(QDialog):
    """The same page in a window, for the urologist (opened from Today)."""

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outcome registry report"))
        self.page = RegistryReportPage(services, session, runner, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        self.resize(640, 360)
