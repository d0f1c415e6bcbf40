"""Print dialog (TAM-9): a PDF-writing printer gets the marked copy (every archived page's text plus the
mark, same page count per copy), the preview paints the pages, no printer means a plain message and
"Save as PDF", a real CUPS cups-pdf queue prints the same text (skipped without CUPS), every print is
recorded, and the archived original is unchanged."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.printing import output
from exoconsult.gui.printing.print_dialog import PrintConsentDialog
from exoconsult.services.admin.audit_log import AuditFilter, AuditLogService
from exoconsult.services.history.patients import PatientService
from exoconsult.services.printing.printing import PrintingService
from tests.consent_support import ready_for_consent, sign

SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def texts(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


@pytest.fixture
def signed(sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    return ready, sign(sqlite_ctx, ready)


@pytest.fixture
def dialog(qtbot, sqlite_ctx, runner, session_as, signed):
    ready, summary = signed
    widget = PrintConsentDialog(PrintingService(sqlite_ctx), session_as(ready.nurse), runner, summary.document_id,
                                "consent")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def assert_copies_of(archived: bytes, printed: bytes, labels: list[str]) -> None:
    original, pages = texts(archived), texts(printed)
    assert len(pages) == len(original) * len(labels)
    for copy, label in enumerate(labels):
        for number, text in enumerate(original):
            page = pages[copy * len(original) + number]
            assert text in page, f"copy {copy + 1} page {number + 1} differs from the archived page"
            assert label in page


def test_printing_to_a_pdf_printer_writes_the_marked_copy_and_records_it(dialog, signed, monkeypatch, tmp_path,
                                                                         sqlite_ctx, staff):
    ready, summary = signed
    archived = Path(summary.archive_path).read_bytes()
    target = tmp_path / "printed.pdf"

    def to_pdf_file(printer: QPrinter, _parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(output, "installed_printers", lambda: ["Ward printer"])
    monkeypatch.setattr(output, "choose_printer", to_pdf_file)
    dialog.copies.setValue(1)
    dialog.print_button.click()
    assert_copies_of(archived, target.read_bytes(), ["HASTA NÜSHASI", "DOSYA NÜSHASI"])
    assert "recorded" in dialog.status.text() and "1 time" in dialog.count_label.text()
    assert Path(summary.archive_path).read_bytes() == archived
    entries = AuditLogService(sqlite_ctx).query(staff["admin"], AuditFilter(action="print")).entries
    assert len(entries) == 1 and entries[0].actor == "nurse"
    assert json.loads(entries[0].detail)["destination"] == "PDF file"


def test_a_cancelled_print_dialog_records_nothing(dialog, signed, monkeypatch, sqlite_ctx):
    ready, summary = signed
    monkeypatch.setattr(output, "installed_printers", lambda: ["Ward printer"])
    monkeypatch.setattr(output, "choose_printer", lambda printer, parent: False)
    dialog.print_button.click()
    assert "cancelled" in dialog.status.text()
    assert PrintingService(sqlite_ctx).print_count(ready.nurse, summary.document_id) == 0


def test_without_a_printer_the_dialog_says_so_and_saves_a_pdf(qtbot, sqlite_ctx, runner, session_as, signed,
                                                             monkeypatch, messages, tmp_path):
    ready, summary = signed
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    widget = PrintConsentDialog(PrintingService(sqlite_ctx), session_as(ready.urologist), runner,
                                summary.document_id, "consent")
    qtbot.addWidget(widget)
    widget.show()
    assert "No printer is installed" in widget.printer_note.text()
    shot(widget, "print-no-printer.png")
    saved = tmp_path / "copy.pdf"
    monkeypatch.setattr(output, "ask_save_path", lambda parent, name: str(saved))
    widget.chart_copy.setChecked(False)
    widget.print_button.click()
    assert "No printer is installed" in messages.texts() and "Save the marked copy as a PDF" in messages.texts()
    assert_copies_of(Path(summary.archive_path).read_bytes(), saved.read_bytes(), ["HASTA NÜSHASI"])
    assert PrintingService(sqlite_ctx).history(ready.urologist, summary.document_id)[0].destination == "PDF file"


def test_the_preview_paints_every_page_of_every_copy(dialog, signed, qtbot, tmp_path):
    ready, summary = signed
    dialog.copies.setValue(2)
    shot(dialog, "print-dialog.png")
    dialog.preview_button.click()
    assert dialog.preview_dialog is not None and dialog.preview_dialog.isVisible()
    dialog.preview_dialog.resize(700, 900)
    qtbot.wait(50)
    shot(dialog.preview_dialog, "print-preview.png")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "raster.pdf"))
    painted = output.paint_pages(printer, dialog.job.pdf)
    assert painted == dialog.job.total_pages == 4 * dialog.job.pages_per_copy
    assert len(PdfReader(tmp_path / "raster.pdf").pages) == painted
    dialog.preview_dialog.reject()


def test_the_consent_page_print_button_opens_the_dialog_for_a_nurse(qtbot, services, runner, session_as, signed,
                                                                    sqlite_ctx, messages):
    ready, _ = signed
    patient = PatientService(sqlite_ctx).open(ready.nurse, ready.patient_id)
    page = ConsentPage(services, session_as(ready.nurse), runner, patient)
    qtbot.addWidget(page)
    assert page.print_button.isEnabled() and not page.sign_button.isEnabled()
    assert page.table.selectionModel().selectedRows()[0].row() == 0  # the signed consent is selected
    assert not page.withdraw_button.isEnabled()
    page.print_button.click()
    assert isinstance(page.last_dialog, PrintConsentDialog)
    page.last_dialog.reject()


def _cups_pdf_queue() -> tuple[str, Path] | None:
    if not shutil.which("lpstat"):
        return None
    found = subprocess.run(["lpstat", "-v"], capture_output=True, text=True, check=False).stdout
    for line in found.splitlines():
        if "cups-pdf:/" in line:
            return line.split()[2].rstrip(":"), Path.home() / "PDF"
    return None


def ascii_letters(text: str) -> str:
    """The ASCII letters and digits only: cups-pdf (Ghostscript) re-embeds the fonts, dropping the Unicode
    map of non-ASCII letters and of some punctuation, and spacing between text runs may differ."""
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def test_a_cups_pdf_queue_prints_the_archived_text_and_the_mark(qtbot, sqlite_ctx, runner, session_as, staff, clock,
                                                                tmp_path, monkeypatch):
    queue = _cups_pdf_queue()
    if queue is None:
        pytest.skip("no CUPS cups-pdf queue (apt-get install cups cups-pdf; lpadmin -p Q -E -v cups-pdf:/ ...)")
    name, folder = queue
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, language="en", preferred="en")
    summary = sign(sqlite_ctx, ready)
    widget = PrintConsentDialog(PrintingService(sqlite_ctx), session_as(ready.nurse), runner, summary.document_id, "c")
    qtbot.addWidget(widget)
    widget.patient_copy.setChecked(False)
    before = set(folder.glob("*.pdf")) if folder.exists() else set()

    def choose_queue(printer: QPrinter, _parent) -> bool:
        printer.setPrinterName(name)
        return True

    monkeypatch.setattr(output, "choose_printer", choose_queue)
    widget.print_button.click()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (set(folder.glob("*.pdf")) - before if folder.exists() else set()):
        time.sleep(0.5)
    new = sorted(set(folder.glob("*.pdf")) - before)
    assert new, "cups-pdf wrote no file"
    time.sleep(1)  # let cups-pdf finish writing
    original = [ascii_letters(t) for t in texts(Path(summary.archive_path).read_bytes())]
    printed = [ascii_letters(t) for t in texts(new[-1].read_bytes())]
    assert len(printed) == len(original)
    for page, text in zip(printed, original, strict=True):
        assert text in page and "CHARTCOPY" in page
    assert PrintingService(sqlite_ctx).history(ready.nurse, summary.document_id)[0].destination == name


def test_a_copy_that_cannot_be_written_is_explained_in_turkish_and_logged_without_its_name(
        qtbot, sqlite_ctx, runner, session_as, signed, monkeypatch, tmp_path, caplog, messages):
    from exoconsult.gui import ui_language

    ready, summary = signed
    ui_language.use_language("tr")  # reset after the test
    widget = PrintConsentDialog(PrintingService(sqlite_ctx), session_as(ready.nurse), runner, summary.document_id,
                                "consent")
    qtbot.addWidget(widget)
    widget.show()
    target = tmp_path / "taken-out-usb-stick" / "Yılmaz-onam.pdf"  # its folder is gone
    monkeypatch.setattr(output, "ask_save_path", lambda parent, name: str(target))
    with caplog.at_level("WARNING", logger="exoconsult"):
        widget.save_as_pdf()
    shot(widget, "print-not-saved-tr.png")
    title, said = messages.shown[-1]
    assert title == "Kaydedilmedi" and widget.status.text() == "Kaydedilmedi."
    assert said.startswith("Dosya kaydedilemedi. Başka bir klasör ya da dosya adı seçip yeniden deneyin")
    assert "No such file" not in said and "Errno" not in said
    assert "FileNotFoundError" in caplog.text and "Yılmaz" not in caplog.text and str(tmp_path) not in caplog.text
    assert PrintingService(sqlite_ctx).print_count(ready.nurse, summary.document_id) == 0


def test_a_print_system_refusal_is_said_in_turkish_with_what_to_do(tmp_path, qapp, caplog):
    from exoconsult.gui import ui_language

    ui_language.use_language("tr")  # reset after the test
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the print dialog's "print to file" left empty
    with pytest.raises(output.PrintFailed) as refused:
        output.send(printer, b"%PDF-1.4")
    text = output.failure_text(refused.value)
    assert text.startswith("PDF için dosya adı verilmedi.") and "PDF olarak kaydet" in text
