"""Dialogs and files as a clinic meets them: "Export summary" starts in the user's documents folder with
the MRN and date in the name; the PDF viewer fits the screen it opens on; "Verify a document" answers
with a shape, a word and a sentence, and a saved print copy is called a copy with how to check the
original (its QR code / document id), not just "not valid"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from exoconsult.gui.assessment import view as assessment_view
from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.consent.verify_dialog import VerifyDocumentDialog
from exoconsult.gui.printing import output
from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.integrity.document_check import DocumentVerifier
from tests.consent_support import ready_for_consent, sign
from tests.gui.test_assessment_page import assessments, page_for, patient_with  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


def test_export_summary_suggests_documents_folder_mrn_and_date(monkeypatch, page_for, patient_with,  # noqa: F811
                                                               assessments, urologist):  # noqa: F811
    pid = patient_with("ineligible")
    done = assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    page.mrn = "PRT/2026-17"
    asked = []
    monkeypatch.setattr(assessment_view.QFileDialog, "getSaveFileName",
                        lambda parent, title, suggested, filters: asked.append(suggested) or ("", ""))
    page.export_button.click()
    [suggested] = asked
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(suggested).parent == Path(documents or Path.home())
    assert Path(suggested).name == f"assessment-summary-PRT-2026-17-{done.assessed_on.isoformat()}.pdf"


def test_the_pdf_viewer_fits_the_screen_it_opens_on(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    room = parent.screen().availableGeometry()
    viewer = PdfPreviewDialog("Sealed original", b"%PDF-1.7", "x.pdf", parent)
    qtbot.addWidget(viewer)
    assert viewer.height() <= room.height() - 80 and viewer.width() <= room.width() - 40


def test_a_saved_print_copy_is_called_a_copy_and_the_original_checks_valid(qtbot, services, runner, session_as,
                                                                           sqlite_ctx, staff, clock, tmp_path,
                                                                           monkeypatch):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    signed = sign(sqlite_ctx, ready)
    today = TodayView(services, session_as(ready.nurse), runner)
    qtbot.addWidget(today)
    today.show()
    today.refresh()
    copy = tmp_path / "copy.pdf"
    monkeypatch.setattr(output, "installed_printers", lambda: [])
    monkeypatch.setattr(output, "ask_save_path", lambda parent, name: str(copy))
    today.unprinted.selectRow(0)
    today.print_button.click()
    today.print_dialog.save_button.click()
    verify = VerifyDocumentDialog(DocumentVerifier(sqlite_ctx), session_as(ready.nurse), runner)
    qtbot.addWidget(verify)
    verify.check_file(str(copy))
    assert verify.result.title.text() == "A COPY, NOT THE SEALED ORIGINAL"
    assert "QR code" in verify.result.detail.text() and verify.result.icon.shape == "triangle"
    verify.id_edit.setText(signed.document_id)
    verify.check_id_button.click()
    assert verify.result.title.text() == "VALID" and verify.result.icon.shape == "circle"
