"""Follow-up after the procedure: what was recorded for each visit of the schedule (done with its date
and the visit record's answers, or missed with the reason) and the patient's follow-up status events
(lost to follow-up, found again). Due dates are not stored: they follow the procedure date and the
schedule. Everything is Audited; visits are never deleted and keep what identifies them (triggers);
status events are write-once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Audited, Base
from exoconsult.storage.procedures import ProcedureRecordRow

# SQL (SQLite and PostgreSQL triggers): a visit's update may change what was recorded, never which visit
# of which procedure it is, nor who first recorded it and when.
VISIT_IDENTITY_KEPT = " AND ".join(f"NEW.{c} = OLD.{c}" for c in (
    "id", "record_id", "patient_id", "visit_key", "recorded_by", "recorded_at"))


class FollowupVisitRow(Audited, Base):
    __tablename__ = "followup_visit"
    __audit_entity__ = "followup_visit"
    __table_args__ = (UniqueConstraint("record_id", "visit_key", name="uq_followup_visit_record_visit"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("procedure_record.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    visit_key: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(8))  # done | missed
    visit_date: Mapped[date | None]  # when it took place (done); None for a missed visit
    missed_reason: Mapped[str] = mapped_column(Text, default="")
    answers: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON of the visit record
    schedule_version: Mapped[str] = mapped_column(String(16))  # the schedule that asked for the visit
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]
    updated_by: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class FollowupStatusRow(Audited, Base):
    """The patient was lost to follow-up (from `on`), or came back. Write-once; the newest counts."""

    __tablename__ = "followup_status_event"
    __audit_entity__ = "followup_status_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("procedure_record.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    event: Mapped[str] = mapped_column(String(8))  # lost | resumed (from on_date)
    on_date: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]


class FollowupRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, row: Base) -> None:
        self.s.add(row)
        self.s.flush()

    def visit(self, visit_id: int) -> FollowupVisitRow | None:
        return None if visit_id is None else self.s.get(FollowupVisitRow, visit_id)

    def visit_for(self, record_id: int, visit_key: str) -> FollowupVisitRow | None:
        stmt = select(FollowupVisitRow).where(FollowupVisitRow.record_id == record_id,
                                              FollowupVisitRow.visit_key == visit_key)
        return self.s.scalar(stmt)

    def visits(self, record_ids: Sequence[int]) -> dict[int, list[FollowupVisitRow]]:
        out: dict[int, list[FollowupVisitRow]] = {r: [] for r in record_ids}
        if record_ids:
            stmt = select(FollowupVisitRow).where(FollowupVisitRow.record_id.in_(list(record_ids)))
            for row in self.s.scalars(stmt.order_by(FollowupVisitRow.id)):
                out[row.record_id].append(row)
        return out

    def status_events(self, record_ids: Sequence[int]) -> dict[int, list[FollowupStatusRow]]:
        out: dict[int, list[FollowupStatusRow]] = {r: [] for r in record_ids}
        if record_ids:
            stmt = select(FollowupStatusRow).where(FollowupStatusRow.record_id.in_(list(record_ids)))
            for row in self.s.scalars(stmt.order_by(FollowupStatusRow.recorded_at, FollowupStatusRow.id)):
                out[row.record_id].append(row)
        return out

    def records(self, patient_id: int | None = None) -> Sequence[ProcedureRecordRow]:
        """Procedure records (of one patient, or of the clinic), oldest first: each starts a follow-up."""
        stmt = select(ProcedureRecordRow)
        if patient_id is not None:
            stmt = stmt.where(ProcedureRecordRow.patient_id == patient_id)
        return self.s.scalars(stmt.order_by(ProcedureRecordRow.started_at, ProcedureRecordRow.id)).all()

    def withdrawals(self, patient_ids: Sequence[int]) -> dict[int, tuple[datetime, str]]:
        """Each patient's newest withdrawal: (when, its data choices as stored JSON)."""
        from exoconsult.storage.consents import ConsentRow, WithdrawalRow

        out: dict[int, tuple[datetime, str]] = {}
        if patient_ids:
            stmt = (select(ConsentRow.patient_id, WithdrawalRow.withdrawn_at, WithdrawalRow.choices)
                    .join(ConsentRow, WithdrawalRow.consent_id == ConsentRow.id)
                    .where(ConsentRow.patient_id.in_(list(patient_ids)))
                    .order_by(WithdrawalRow.withdrawn_at, WithdrawalRow.id))
            for pid, at, choices in self.s.execute(stmt):
                out[pid] = (at, choices)
        return out
