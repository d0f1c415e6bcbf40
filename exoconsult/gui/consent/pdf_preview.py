"""A PDF shown inside the app (QtPdf): the consent before signing and the sealed original after."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from exoconsult.gui.printing import output
from exoconsult.gui.widgets import documents_path, inform


class PdfPreviewDialog(QDialog):
    def __init__(self, title: str, data: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # Fit the screen it opens on: at a fixed 1000 px the buttons fell off a 1000-px screen.
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(900, room.width() - 40), min(1000, room.height() - 80))
        self.data = data
        self.suggested_name = suggested_name
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(self.tr("Save a copy…"), QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), documents_path(self.suggested_name),
                                              self.tr("PDF files (*.pdf)"))
        if not path:
            return
        try:
            output.write_pdf(path, self.data)
        except OSError as exc:
            output.show_failure(self, exc)
            return
        inform(self, self.tr("Saved"), self.tr("Saved to %1").replace("%1", path))

