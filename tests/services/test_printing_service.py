"""TAM-9: printed copies are the archived sealed PDF plus a copy mark; the archive is never touched;
every print is recorded and audited; nurse and urologist print, admin does not."""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.admin.audit_log import AuditFilter, AuditLogService
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.printing.printing import PDF_FILE, PrintingService
from tests.consent_support import ready_for_consent, sign


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def signed(sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    return ready, sign(sqlite_ctx, ready)


def test_marked_copies_are_the_archived_pages_plus_the_mark(sqlite_ctx, signed):
    ready, summary = signed
    archive = Path(summary.archive_path)
    before = archive.read_bytes()
    printing = PrintingService(sqlite_ctx)
    job = printing.prepare(ready.nurse, summary.document_id, ("patient", "chart"), 2)
    if shots := os.environ.get("EXOCONSULT_SHOTS"):
        Path(shots).mkdir(parents=True, exist_ok=True)
        (Path(shots) / "print-marked-copy.pdf").write_bytes(job.pdf)
    original = page_texts(before)
    printed = page_texts(job.pdf)
    assert job.pages_per_copy == len(original) >= 2
    assert len(printed) == 4 * len(original) == job.total_pages
    for copy in range(4):
        label = "HASTA NÜSHASI" if copy < 2 else "DOSYA NÜSHASI"
        for number, text in enumerate(original):
            page = printed[copy * len(original) + number]
            assert squash(text) in squash(page), f"copy {copy} page {number + 1} lost archived text"
            assert label in page and f"Nüsha {copy % 2 + 1}/2" in page and "Ayşe Nurse" in page
            assert "1. baskısı" in page
    assert archive.read_bytes() == before
    assert hashlib.sha256(before).hexdigest() == summary.pdf_sha256


def test_english_marks_and_reprints_are_numbered_and_the_archive_stays_identical(sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, language="en", preferred="en")
    summary = sign(sqlite_ctx, ready)
    printing = PrintingService(sqlite_ctx)
    for n in range(1, 11):
        job = printing.prepare(ready.urologist, summary.document_id, ("chart",), 1)
        assert job.print_number == n
        text = page_texts(job.pdf)[0]
        assert "CHART COPY" in text and f"print no. {n} of this document" in text and "Dr. Deniz Uro" in text
        printing.record(ready.urologist, job, "Ward printer")
    assert hashlib.sha256(Path(summary.archive_path).read_bytes()).hexdigest() == summary.pdf_sha256
    assert ConsentService(sqlite_ctx).pdf(ready.urologist, summary.document_id) == Path(summary.archive_path).read_bytes()
    assert printing.print_count(ready.nurse, summary.document_id) == 10


def test_a_print_is_recorded_and_audited_with_who_marks_copies_and_printer(sqlite_ctx, signed, staff):
    ready, summary = signed
    printing = PrintingService(sqlite_ctx)
    assert printing.print_count(ready.nurse, summary.document_id) == 0
    job = printing.prepare(ready.nurse, summary.document_id, ("patient", "chart"), 1)
    assert printing.print_count(ready.nurse, summary.document_id) == 0, "preparing is not printing"
    record = printing.record(ready.nurse, job, PDF_FILE)
    assert (record.marks, record.copies, record.destination, record.printed_by) == (
        ("patient", "chart"), 1, "PDF file", ready.nurse.user_id)
    assert printing.print_counts(ready.nurse) == {summary.document_id: 1}
    entries = AuditLogService(sqlite_ctx).query(staff["admin"], AuditFilter(patient_id=ready.patient_id), limit=500).entries
    prints = [e for e in entries if e.action == "print"]
    assert len(prints) == 1 and prints[0].actor == "nurse" and prints[0].entity_id == summary.document_id
    detail = json.loads(prints[0].detail)
    assert detail["marks"] == ["patient", "chart"] and detail["copies"] == 1 and detail["destination"] == "PDF file"
    created = [e for e in entries if e.entity == "print_record" and e.action == "create"]
    assert len(created) == 1 and json.loads(created[0].after)["destination"] == "PDF file"
    with pytest.raises(Exception, match="UNIQUE|unique|duplicate"):
        printing.record(ready.nurse, job, "Ward printer")  # one job is recorded once


def test_bad_requests_are_refused(sqlite_ctx, signed):
    ready, summary = signed
    printing = PrintingService(sqlite_ctx)
    with pytest.raises(ValidationError):
        printing.prepare(ready.nurse, summary.document_id, (), 1)
    with pytest.raises(ValidationError):
        printing.prepare(ready.nurse, summary.document_id, ("patient",), 0)
    with pytest.raises(ValidationError):
        printing.prepare(ready.nurse, summary.document_id, ("patient", "other"), 1)
    job = printing.prepare(ready.nurse, summary.document_id)
    with pytest.raises(ValidationError):
        printing.record(ready.nurse, job, "  ")


def test_roles_nurse_prints_but_cannot_sign_or_withdraw_admin_cannot_print(sqlite_ctx, signed, staff):
    ready, summary = signed
    printing = PrintingService(sqlite_ctx)
    printing.record(ready.nurse, printing.prepare(ready.nurse, summary.document_id), "Ward printer")
    with pytest.raises(PermissionDenied):
        printing.prepare(staff["admin"], summary.document_id)
    with pytest.raises(PermissionDenied):
        printing.print_count(staff["admin"], summary.document_id)
    consents = ConsentService(sqlite_ctx)
    with pytest.raises(PermissionDenied):
        consents.sign(ready.nurse, ready.patient_id, None, "nurse-test-password")
    with pytest.raises(PermissionDenied):
        consents.withdraw(ready.nurse, summary.document_id, {}, None, "nurse-test-password")


def test_the_blank_consent_for_reading_says_information_only_on_every_page(sqlite_ctx, signed):
    ready, _ = signed
    data = PrintingService(sqlite_ctx).blank_consent_for_reading(ready.nurse, ready.patient_id, "tr")
    texts = page_texts(data)
    assert len(texts) >= 2
    for text in texts:
        assert "YALNIZCA BİLGİLENDİRME — ONAM DEĞİLDİR" in text
