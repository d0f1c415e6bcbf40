"""Adverse events after the procedure: the event (what happened, when, how the clinic learnt of it),
its entries (the first assessment and every follow-up: grade, seriousness, relatedness, outcome), the
sealed serious-adverse-event reports and their recorded sendings. Everything is Audited and write-once
(triggers): a follow-up is a new entry, never an edit, so the event's history can only grow."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Audited, Base

WRITE_ONCE = ("adverse_event", "adverse_event_entry", "sae_report", "sae_report_sending")


class AdverseEventRow(Audited, Base):
    __tablename__ = "adverse_event"
    __audit_entity__ = "adverse_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("procedure_record.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("product_lot.id"), index=True)
    onset_date: Mapped[date]
    learnt_on: Mapped[date]  # the day the clinic learnt of it (local date)
    source: Mapped[str] = mapped_column(String(16))  # telephone | visit | procedure_day | other
    term: Mapped[str] = mapped_column(String(32))  # domain.adverse_events.TERMS
    term_other: Mapped[str] = mapped_column(String(200), default="")  # the term in words when "other"
    description: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]


class AdverseEventEntryRow(Audited, Base):
    """The first assessment of an event, or a follow-up. The newest entry is the event's current state."""

    __tablename__ = "adverse_event_entry"
    __audit_entity__ = "adverse_event_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("adverse_event.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))  # for the audit's patient filter
    known_on: Mapped[date]  # the day the clinic learnt what this entry says
    grade: Mapped[int] = mapped_column(Integer)  # CTCAE v5, 1-5
    serious_criteria: Mapped[str] = mapped_column(Text, default="[]")  # canonical JSON list (ICH E2A keys)
    relatedness: Mapped[str] = mapped_column(String(16))  # WHO-UMC
    expected: Mapped[bool]  # listed among the consent's risks
    action_taken: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(32))
    outcome_date: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]


class SaeReportRow(Audited, Base):
    """A sealed serious-adverse-event report (CIOMS-I-like), in one language. Write-once; a later report
    of the same event is another row."""

    __tablename__ = "sae_report"
    __audit_entity__ = "sae_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(36), unique=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("adverse_event.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("adverse_event_entry.id"))  # the state it reports
    language: Mapped[str] = mapped_column(String(8))
    content_hash: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    archive_name: Mapped[str] = mapped_column(String(80))
    created_by: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


class SaeSendingRow(Audited, Base):
    """A report sent: to whom, when, how, and who recorded it. Write-once."""

    __tablename__ = "sae_report_sending"
    __audit_entity__ = "sae_report_sending"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("sae_report.id"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("adverse_event.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    recipient: Mapped[str] = mapped_column(String(24))  # manufacturer | ethics_committee | health_authority
    addressee: Mapped[str] = mapped_column(String(200))  # the name of the person or office
    channel: Mapped[str] = mapped_column(String(16))  # email | post | portal | fax | hand
    sent_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]


class AdverseEventRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, row: Base) -> None:
        self.s.add(row)
        self.s.flush()

    def event(self, event_id: int) -> AdverseEventRow | None:
        return self.s.get(AdverseEventRow, event_id)

    def events(self, patient_id: int | None = None) -> Sequence[AdverseEventRow]:
        stmt = select(AdverseEventRow)
        if patient_id is not None:
            stmt = stmt.where(AdverseEventRow.patient_id == patient_id)
        return self.s.scalars(stmt.order_by(AdverseEventRow.onset_date, AdverseEventRow.id)).all()

    def entries_for(self, event_ids: Sequence[int]) -> dict[int, list[AdverseEventEntryRow]]:
        out: dict[int, list[AdverseEventEntryRow]] = {e: [] for e in event_ids}
        if event_ids:
            stmt = select(AdverseEventEntryRow).where(AdverseEventEntryRow.event_id.in_(list(event_ids)))
            for row in self.s.scalars(stmt.order_by(AdverseEventEntryRow.id)):
                out[row.event_id].append(row)
        return out

    def serious_event_ids(self) -> list[int]:
        """Events any entry of which named a seriousness criterion."""
        stmt = select(AdverseEventEntryRow.event_id).where(AdverseEventEntryRow.serious_criteria != "[]")
        return sorted(set(self.s.scalars(stmt)))

    def reports_for(self, event_ids: Sequence[int]) -> dict[int, list[SaeReportRow]]:
        out: dict[int, list[SaeReportRow]] = {e: [] for e in event_ids}
        if event_ids:
            stmt = select(SaeReportRow).where(SaeReportRow.event_id.in_(list(event_ids)))
            for row in self.s.scalars(stmt.order_by(SaeReportRow.id)):
                out[row.event_id].append(row)
        return out

    def sendings_for(self, event_ids: Sequence[int]) -> dict[int, list[SaeSendingRow]]:
        out: dict[int, list[SaeSendingRow]] = {e: [] for e in event_ids}
        if event_ids:
            stmt = select(SaeSendingRow).where(SaeSendingRow.event_id.in_(list(event_ids)))
            for row in self.s.scalars(stmt.order_by(SaeSendingRow.sent_on, SaeSendingRow.id)):
                out[row.event_id].append(row)
        return out

    def report_by_document_id(self, document_id: str) -> SaeReportRow | None:
        return self.s.scalar(select(SaeReportRow).where(SaeReportRow.document_id == document_id))

    def report_by_pdf_sha256(self, digest: str) -> SaeReportRow | None:
        return self.s.scalar(select(SaeReportRow).where(SaeReportRow.pdf_sha256 == digest))

    def reports(self) -> Sequence[SaeReportRow]:
        return self.s.scalars(select(SaeReportRow).order_by(SaeReportRow.id)).all()

    def report_archive_index(self) -> list[tuple[str, str, str]]:
        return [(n, h, "sae_report") for n, h in self.s.execute(select(SaeReportRow.archive_name,
                                                                        SaeReportRow.pdf_sha256))]

    def report_pdf_by_archive_name(self, name: str) -> bytes | None:
        return self.s.scalar(select(SaeReportRow.pdf).where(SaeReportRow.archive_name == name))
