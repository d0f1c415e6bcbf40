"""Printing archived documents (TAM-9). What prints is the archived, sealed PDF itself with a copy mark
("PATIENT COPY" / "CHART COPY", in the document's language, with copy number, print number, who and
when) laid over each page of a copy; the archived file and the stored bytes are only read. Every print
is recorded (who, which document, which marks, how many copies, which printer or "PDF file") and
audited; the print count of a document comes from those records.

Two steps, so a cancelled print dialog records nothing: `prepare` builds the marked copies (for the
preview and the printer), `record` is called once the job was handed to the printer or written to a file.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from exoconsult.documents.copy_marks import CopyMark, marked_copies, page_count
from exoconsult.domain.errors import NotFound, StorageError, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.consent.consents import consent_text, preview_pdf
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import text_field_reason
from exoconsult.services.core.work import Work
from exoconsult.storage.consents import ConsentRepository, ConsentRow
from exoconsult.storage.printing import PrintingRepository, PrintRecordRow

MARK_KEYS = ("patient", "chart")
MAX_COPIES = 10
PDF_FILE = "PDF file"  # the destination recorded when the copy is saved as a file instead of printed
@dataclass(frozen=True)
class PrintJob:
    """The marked copies of one archived document, ready for the preview, a printer or a file."""

    job_id: str
    document_id: str
    document_kind: str  # consent | withdrawal
    patient_id: int
    language: str
    marks: tuple[str, ...]  # mark keys in print order
    copies: int  # copies of each mark
    print_number: int
    archived_sha256: str
    pages_per_copy: int
    pdf: bytes  # every copy, one after the other

    @property
    def total_pages(self) -> int:
        return self.pages_per_copy * self.copies * len(self.marks)

    @property
    def suggested_file_name(self) -> str:
        return f"{self.document_kind}-{self.document_id}-print{self.print_number}.pdf"


@dataclass(frozen=True)
class PrintRecord:
    id: int
    job_id: str
    document_id: str
    marks: tuple[str, ...]
    copies: int
    pages: int
    print_number: int
    destination: str
    printed_at: datetime
    printed_by: int


def _record(row: PrintRecordRow) -> PrintRecord:
    return PrintRecord(row.id, row.job_id, row.document_id, tuple(row.marks.split(",")), row.copies, row.pages,
                       row.print_number, row.destination, row.printed_at, row.printed_by)


def mark_words(language: str, forms_dir: Path | None = None) -> dict[str, str]:
    """The copy marks in `language` ("PATIENT COPY", the detail line...): the document catalogue's copy_mark."""
    return document_words(language, forms_dir).section("copy_mark")


class PrintingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _archived(self, work: Work, document_id: str) -> tuple[bytes, str, str, int, str]:
        """(stored bytes, kind, language, patient id, recorded sha256) of a consent or withdrawal."""
        repo = ConsentRepository(work.session)
        row = repo.by_document_id(document_id)
        if row is not None:
            data, kind, language, patient_id, digest = bytes(row.pdf), "consent", row.language, row.patient_id, \
                row.pdf_sha256
        else:
            withdrawal = repo.withdrawal_by_document_id(document_id)
            if withdrawal is None:
                raise NotFound(f"no document {document_id}")
            consent: ConsentRow = repo.by_id(withdrawal.consent_id)
            data, kind, language, patient_id, digest = bytes(withdrawal.pdf), "withdrawal", consent.language, \
                consent.patient_id, withdrawal.pdf_sha256
        if hashlib.sha256(data).hexdigest() != digest:
            # Never print a copy of something that is not the archived original.
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The stored document does not match its recorded fingerprint; nothing was printed. "
                "Ask the administrator to run 'exoconsult verify'.")))
        return data, kind, language, patient_id, digest

    @use_case(Permission.CONSENT_PRINT, write=False)
    def prepare(self, work: Work, document_id: str, marks: Sequence[str] = ("patient",), copies: int = 1) -> PrintJob:
        actor, uow = work.actor, work.uow
        marks = tuple(marks)
        problems = {}
        if not marks or any(m not in MARK_KEYS for m in marks) or len(set(marks)) != len(marks):
            problems["marks"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Choose the patient copy, the chart copy, or both."))
        if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= MAX_COPIES:
            problems["copies"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Copies must be a number from 1 to {most}."), most=MAX_COPIES)
        if problems:
            raise ValidationError(problems)
        data, kind, language, patient_id, digest = self._archived(work, document_id)
        print_number = PrintingRepository(uow.session).count_for(document_id) + 1
        # Local clinic time, short: the mark has one line; the record keeps the exact UTC time.
        when = f"{work.now().astimezone(ZoneInfo(work.settings.time_zone)):%Y-%m-%d %H:%M}"
        words = mark_words(language, work.ctx.forms_dir)
        template = words["detail"]
        stamped = [CopyMark(words[key],
                            template.format(n=n, total=copies, print_number=print_number, who=actor.display_name,
                                            when=when))
                   for key in marks for n in range(1, copies + 1)]
        return PrintJob(job_id=str(uuid.uuid4()), document_id=document_id, document_kind=kind, patient_id=patient_id,
                        language=language, marks=marks, copies=copies, print_number=print_number,
                        archived_sha256=digest, pages_per_copy=page_count(data), pdf=marked_copies(data, stamped))

    @use_case(Permission.CONSENT_PRINT)
    def record(self, work: Work, job: PrintJob, destination: str) -> PrintRecord:
        """The job went to `destination` (a printer's name, or PDF_FILE): record and audit it."""
        actor, uow = work.actor, work.uow
        destination = (destination or "").strip()
        if (why := text_field_reason(destination, QT_TRANSLATE_NOOP("ServiceMessages", "The printer name"), max_len=200)):
            raise ValidationError({"destination": why})
        _, _, _, _, digest = self._archived(work, job.document_id)
        if digest != job.archived_sha256:
            raise ValidationError({"job": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The print job was not made from this document's archived original."))})
        row = PrintRecordRow(job_id=job.job_id, document_id=job.document_id, document_kind=job.document_kind,
                             patient_id=job.patient_id, archived_sha256=digest, marks=",".join(job.marks),
                             copies=job.copies, pages=job.total_pages, print_number=job.print_number,
                             destination=destination, printed_at=self.ctx.clock.now(), printed_by=actor.user_id)
        PrintingRepository(uow.session).add(row)
        uow.audit("print", job.document_kind, job.document_id,
                  detail={"patient_id": job.patient_id, "job_id": job.job_id, "marks": list(job.marks),
                          "copies": job.copies, "pages": job.total_pages, "print_number": job.print_number,
                          "destination": destination, "archived_sha256": digest})
        work.changed(Part.PRINTING, job.patient_id)
        work.commit()
        return _record(row)

    @use_case(Permission.CONSENT_VIEW, write=False)
    def print_count(self, work: Work, document_id: str) -> int:
        uow = work.uow
        return PrintingRepository(uow.session).count_for(document_id)

    @use_case(Permission.CONSENT_VIEW, write=False)
    def print_counts(self, work: Work, document_ids: Sequence[str] | None = None) -> dict[str, int]:
        """Document id -> number of recorded prints (documents never printed are absent)."""
        uow = work.uow
        return PrintingRepository(uow.session).counts(document_ids)

    @use_case(Permission.CONSENT_VIEW, write=False)
    def history(self, work: Work, document_id: str) -> list[PrintRecord]:
        uow = work.uow
        return [_record(r) for r in PrintingRepository(uow.session).for_document(document_id)]

    @use_case(Permission.INFO_PACK_PRINT)
    def blank_consent_for_reading(self, work: Work, patient_id: int, language: str) -> bytes:
        """The consent as it would print now, unsigned, for reading before the consultation, with
        "information only — not a consent" stamped on every page over the preview's own marking."""
        uow = work.uow
        preview = preview_pdf(work, patient_id, consent_text(self.ctx, language))
        words = mark_words(language, self.ctx.forms_dir)
        data = marked_copies(preview, [CopyMark(words["information"], words["information_detail"])])
        uow.audit("print_blank_consent", "patient", patient_id, detail={"language": language})
        work.commit()
        return data

