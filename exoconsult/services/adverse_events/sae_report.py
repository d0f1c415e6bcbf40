"""The serious-adverse-event report: rendered in the language chosen, sealed with the clinic key like the
procedure note, stored write-once with its SHA-256, archived after the commit (repaired at start-up,
checked by `verify`), and each sending recorded — to whom, how, when, and who recorded it."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from exoconsult.config import make_private_dir
from exoconsult.documents.canonical import content_hash
from exoconsult.documents.record_pdf import render_record_pdf
from exoconsult.domain import adverse_events as ae
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.adverse_events.ae_dto import AdverseEventDTO, ReportDTO, SendingInput
from exoconsult.services.adverse_events.events import Problems, check_date, check_text, event_dtos, event_row
from exoconsult.services.adverse_events.sae_archive import FOLDER
from exoconsult.services.adverse_events.sae_document import LANGUAGES, sae_document
from exoconsult.services.consent.consent_records import seal
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.lots import local_date, local_today, user_name
from exoconsult.storage.adverse_events import AdverseEventRepository, SaeReportRow, SaeSendingRow
from exoconsult.storage.archive import inspect_archive, write_atomically

# Who a sealed report was sent to, as verify says it (the clinic's own names for them are in forms/).
RECIPIENT_WORDS = {"manufacturer": QT_TRANSLATE_NOOP("ServiceMessages", "manufacturer"),
                   "ethics_committee": QT_TRANSLATE_NOOP("ServiceMessages", "ethics committee"),
                   "health_authority": QT_TRANSLATE_NOOP("ServiceMessages", "health authority")}


def report_folder(ctx: ServiceContext) -> Path:
    return make_private_dir(ctx.data_dir.archive_dir / FOLDER)


def _report_row(work: Work, document_id: str) -> SaeReportRow:
    row = AdverseEventRepository(work.session).report_by_document_id(document_id or "")
    if row is None:
        raise NotFound(f"no serious-adverse-event report {document_id}")
    return row


class SaeReportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.SAE_REPORT)
    def issue(self, work: Work, event_id: int, language: str) -> ReportDTO:
        """Seal a report of the event as it stands now (its newest entry), in `language`."""
        if language not in LANGUAGES:
            raise ValidationError({"language": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Choose one of: {options}."),
                                                               options=", ".join(LANGUAGES))})
        event = event_row(work, event_id)
        repo = AdverseEventRepository(work.session)
        entries = repo.entries_for([event.id])[event.id]
        if not any(e.serious_criteria != "[]" for e in entries):
            raise ValidationError({"serious": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This event is not serious: a report is made for serious events."))})
        # A follow-up report tells something new: the same state in another language is still the same report.
        earlier = len({r.entry_id for r in repo.reports_for([event.id])[event.id] if r.entry_id != entries[-1].id})
        document_id = str(uuid.uuid4())
        document = sae_document(work, event, entries, repo.sendings_for([event.id])[event.id], earlier, language,
                                document_id)
        sealed = seal(work, render_record_pdf(document), reason="Serious adverse event report")
        digest = hashlib.sha256(sealed).hexdigest()
        row = SaeReportRow(document_id=document_id, event_id=event.id, patient_id=event.patient_id,
                           entry_id=entries[-1].id, language=language, content_hash=content_hash(document),
                           pdf=sealed, pdf_sha256=digest, archive_name=f"sae-{document_id}.pdf",
                           created_by=work.actor.user_id, created_at=work.now())
        repo.add(row)
        work.audit("seal", "sae_report", row.id, detail={"document_id": document_id, "event_id": event.id,
                                                          "pdf_sha256": digest, "language": language})
        work.changed(Part.ADVERSE_EVENTS, event.patient_id)
        dto = ReportDTO(document_id, language, user_name(work, row.created_by), row.created_at, digest)
        name = row.archive_name
        work.commit()
        write_atomically(report_folder(self.ctx), name, sealed)
        return dto

    @use_case(Permission.ADVERSE_EVENT_VIEW)
    def pdf(self, work: Work, document_id: str) -> bytes:
        row = _report_row(work, document_id)
        data = bytes(row.pdf)
        work.audit("view", "sae_report", row.id, detail={"document_id": document_id})
        work.commit()
        return data

    @use_case(Permission.ADVERSE_EVENT_RECORD)
    def record_sending(self, work: Work, document_id: str, sending: SendingInput) -> AdverseEventDTO:
        """Record that this report was sent: to whom (recipient and addressee), how, on which day."""
        row = _report_row(work, document_id)
        problems: Problems = {}
        if sending.recipient not in ae.RECIPIENTS:
            problems["recipient"] = service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Choose the recipient: manufacturer, ethics committee or health authority."))
        if sending.channel not in ae.CHANNELS:
            problems["channel"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Say how it was sent."))
        addressee = check_text(problems, "addressee", sending.addressee, QT_TRANSLATE_NOOP("ServiceMessages", "The addressee"),
                               200, required=True,
                          one_line=True)
        note = check_text(problems, "note", sending.note, QT_TRANSLATE_NOOP("ServiceMessages", "The note"), 2000, required=False)
        check_date(problems, "sent_on", sending.sent_on, QT_TRANSLATE_NOOP("ServiceMessages", "The date it was sent"),
                   local_date(work, row.created_at), local_today(work))
        if problems:
            raise ValidationError(problems)
        AdverseEventRepository(work.session).add(SaeSendingRow(
            report_id=row.id, event_id=row.event_id, patient_id=row.patient_id, recipient=sending.recipient,
            addressee=addressee, channel=sending.channel, sent_on=sending.sent_on, note=note,
            recorded_by=work.actor.user_id, recorded_at=work.now()))
        work.changed(Part.ADVERSE_EVENTS, row.patient_id)
        dto = event_dtos(work, [event_row(work, row.event_id)])[0]
        work.commit()
        return dto


def repair_report_archive(ctx: ServiceContext) -> None:
    """Start-up: rewrite a report copy lost between its commit and its archive write; drop leftovers."""
    folder = report_folder(ctx)
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = AdverseEventRepository(uow.session)
        state = inspect_archive(folder, repo.report_archive_index(), deep=False)
        for name in state.missing + state.mismatched:
            write_atomically(folder, name, repo.report_pdf_by_archive_name(name))
    for name in state.partials:
        (folder / name).unlink(missing_ok=True)


def report_check(work: Work, *, digest: str | None = None, document_id: str | None = None):
    """For "verify a document": (kind, document id, status (a Reason), sealed bytes, content hash) or None."""
    repo = AdverseEventRepository(work.session)
    row = repo.report_by_pdf_sha256(digest) if digest else repo.report_by_document_id(document_id or "")
    if row is None:
        return None
    sent = repo.sendings_for([row.event_id])[row.event_id]
    mine = sorted({s.recipient for s in sent if s.report_id == row.id})
    status = Reason(QT_TRANSLATE_NOOP("ServiceMessages", "sealed, sent to {recipients}"),
                    lists={"recipients": tuple(RECIPIENT_WORDS[r] for r in mine)}, context="ServiceMessages") \
        if mine else service_message(QT_TRANSLATE_NOOP("ServiceMessages", "sealed, not yet sent"))
    return "serious adverse event report", row.document_id, status, (bytes(row.pdf) if document_id else b""), \
        row.content_hash
