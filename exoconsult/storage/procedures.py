"""The procedure day's records: product lots and their events (the lot register), checklist answers and
the urologist's decisions on a "no", the procedure record, and the sealed procedure notes (and their
addenda). Everything is Audited; lot events, checklist answers, decisions, records and notes are
write-once (triggers), so a lot's history and a day's record can only grow."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Float, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Audited, Base
from exoconsult.storage.printing import ProcedurePlanRow

# SQL (valid in SQLite and PostgreSQL triggers): what a lot's update may change — its status and who
# released it, never what was received (number, product, dates, quantities, temperatures, certificate).
LOT_STATUS_ONLY = " AND ".join(f"NEW.{c} = OLD.{c}" for c in (
    "id", "product_name", "manufacturer", "lot_number", "expiry_date", "received_on", "received_by", "vials",
    "volume_per_vial_ml", "temperature_on_receipt_c", "storage_min_c", "storage_max_c", "coa_reference",
    "coa_sha256"))


class LotRow(Audited, Base):
    __tablename__ = "product_lot"
    __audit_entity__ = "product_lot"
    __table_args__ = (UniqueConstraint("manufacturer", "lot_number", name="uq_product_lot_manufacturer_lot"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_name: Mapped[str] = mapped_column(String(200))
    manufacturer: Mapped[str] = mapped_column(String(200))
    lot_number: Mapped[str] = mapped_column(String(64), index=True)
    expiry_date: Mapped[date]
    received_on: Mapped[date]
    received_by: Mapped[int] = mapped_column(Integer)
    vials: Mapped[int] = mapped_column(Integer)
    volume_per_vial_ml: Mapped[float] = mapped_column(Float)
    temperature_on_receipt_c: Mapped[float] = mapped_column(Float)
    storage_min_c: Mapped[float] = mapped_column(Float)
    storage_max_c: Mapped[float] = mapped_column(Float)
    coa_reference: Mapped[str] = mapped_column(String(200), default="")
    coa_pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    coa_sha256: Mapped[str] = mapped_column(String(64), default="")
    # quarantined | released | used_up | expired | discarded | recalled ("expired" is also computed
    # from the expiry date for a lot nobody has marked yet)
    status: Mapped[str] = mapped_column(String(16))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_on: Mapped[date | None]  # recall date, discard date…
    released_by: Mapped[int | None] = mapped_column(Integer)
    released_at: Mapped[datetime | None]
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class LotEventRow(Audited, Base):
    """One step in a lot's life: received, released, used (for a patient), used_up, expired, discarded,
    recalled. Write-once."""

    __tablename__ = "product_lot_event"
    __audit_entity__ = "product_lot_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("product_lot.id"), index=True)
    event: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    by: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"), index=True)


class ChecklistAnswerRow(Audited, Base):
    """One checklist item answered by a signed-in user: "yes", or "no" with a reason. Write-once: a
    correction is a later answer to the same item (the newest counts, all stay on record)."""

    __tablename__ = "procedure_checklist_answer"
    __audit_entity__ = "procedure_checklist_answer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("procedure_plan.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))  # for the audit's patient filter
    item: Mapped[str] = mapped_column(String(40))
    answer: Mapped[str] = mapped_column(String(8))  # yes | no
    reason: Mapped[str] = mapped_column(Text, default="")  # why "no"; or a detail for "yes"
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("product_lot.id"))  # the lot chosen (lot item)
    answered_by: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime]


class ChecklistDecisionRow(Audited, Base):
    """The urologist's decision on a "no": stop, or continue with a written reason. Write-once."""

    __tablename__ = "procedure_checklist_decision"
    __audit_entity__ = "procedure_checklist_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("procedure_plan.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))  # for the audit's patient filter
    answer_id: Mapped[int] = mapped_column(ForeignKey("procedure_checklist_answer.id"), unique=True)
    decision: Mapped[str] = mapped_column(String(8))  # stop | continue
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int] = mapped_column(Integer)
    decided_at: Mapped[datetime]


class ProcedureRecordRow(Audited, Base):
    """What was done on the day. Write-once: corrections are addenda to the sealed note."""

    __tablename__ = "procedure_record"
    __audit_entity__ = "procedure_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("procedure_plan.id"), unique=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    consent_document_id: Mapped[str] = mapped_column(String(36))
    lot_id: Mapped[int] = mapped_column(ForeignKey("product_lot.id"), index=True)
    performed_by: Mapped[int] = mapped_column(Integer)
    assistant: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    anaesthetic_agent: Mapped[str] = mapped_column(String(60))
    anaesthetic_concentration: Mapped[str] = mapped_column(String(20))
    anaesthetic_left_ml: Mapped[float] = mapped_column(Float)
    anaesthetic_right_ml: Mapped[float] = mapped_column(Float)
    cord_block: Mapped[bool]
    skin_infiltration: Mapped[bool]
    needle_gauge: Mapped[int] = mapped_column(Integer)
    left_volume_ml: Mapped[float] = mapped_column(Float)
    right_volume_ml: Mapped[float] = mapped_column(Float)
    left_sites: Mapped[int] = mapped_column(Integer)
    right_sites: Mapped[int] = mapped_column(Integer)
    events: Mapped[str] = mapped_column(Text, default="[]")  # canonical JSON list of event keys
    events_note: Mapped[str] = mapped_column(Text, default="")
    pain_score: Mapped[int | None] = mapped_column(Integer)
    discharged_at: Mapped[datetime | None]
    recorded_by: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]


class ProcedureNoteRow(Audited, Base):
    """A sealed procedure note, or an addendum naming the note it corrects. Write-once."""

    __tablename__ = "procedure_note"
    __audit_entity__ = "procedure_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # note | addendum
    record_id: Mapped[int] = mapped_column(ForeignKey("procedure_record.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    corrects_document_id: Mapped[str | None] = mapped_column(String(36))
    correction: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8))
    content_hash: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    archive_name: Mapped[str] = mapped_column(String(80))
    created_by: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


class ProcedureRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, row: Base) -> None:
        self.s.add(row)
        self.s.flush()

    # lots
    def lot(self, lot_id: int | None) -> LotRow | None:
        return None if lot_id is None else self.s.get(LotRow, lot_id)

    def lot_by_number(self, lot_number: str, manufacturer: str | None = None) -> list[LotRow]:
        stmt = select(LotRow).where(LotRow.lot_number == lot_number)
        if manufacturer is not None:
            stmt = stmt.where(LotRow.manufacturer == manufacturer)
        return list(self.s.scalars(stmt.order_by(LotRow.id)))

    def lots(self) -> Sequence[LotRow]:
        return self.s.scalars(select(LotRow).order_by(LotRow.expiry_date, LotRow.id)).all()

    def lot_events(self, lot_id: int) -> Sequence[LotEventRow]:
        stmt = select(LotEventRow).where(LotEventRow.lot_id == lot_id)
        return self.s.scalars(stmt.order_by(LotEventRow.id)).all()

    def patients_per_lot(self) -> dict[int, int]:
        stmt = select(ProcedureRecordRow.lot_id, func.count(func.distinct(ProcedureRecordRow.patient_id)))
        return {lot: n for lot, n in self.s.execute(stmt.group_by(ProcedureRecordRow.lot_id))}

    def records_with_lot(self, lot_id: int) -> Sequence[ProcedureRecordRow]:
        stmt = select(ProcedureRecordRow).where(ProcedureRecordRow.lot_id == lot_id)
        return self.s.scalars(stmt.order_by(ProcedureRecordRow.started_at, ProcedureRecordRow.id)).all()

    def records(self) -> Sequence[ProcedureRecordRow]:
        """Every procedure record, oldest first (registry and research exports)."""
        return self.s.scalars(select(ProcedureRecordRow).order_by(ProcedureRecordRow.started_at,
                                                                  ProcedureRecordRow.id)).all()

    # the day
    def plans_for_patient(self, patient_id: int) -> Sequence[ProcedurePlanRow]:
        stmt = select(ProcedurePlanRow).where(ProcedurePlanRow.patient_id == patient_id)
        return self.s.scalars(stmt.order_by(ProcedurePlanRow.planned_on.desc(), ProcedurePlanRow.id.desc())).all()

    def answers(self, plan_id: int) -> Sequence[ChecklistAnswerRow]:
        stmt = select(ChecklistAnswerRow).where(ChecklistAnswerRow.plan_id == plan_id)
        return self.s.scalars(stmt.order_by(ChecklistAnswerRow.id)).all()

    def answers_for(self, plan_ids: Sequence[int]) -> dict[int, list[ChecklistAnswerRow]]:
        out: dict[int, list[ChecklistAnswerRow]] = {p: [] for p in plan_ids}
        if plan_ids:
            stmt = select(ChecklistAnswerRow).where(ChecklistAnswerRow.plan_id.in_(list(plan_ids)))
            for row in self.s.scalars(stmt.order_by(ChecklistAnswerRow.id)):
                out[row.plan_id].append(row)
        return out

    def answer(self, answer_id: int) -> ChecklistAnswerRow | None:
        return self.s.get(ChecklistAnswerRow, answer_id)

    def decisions(self, plan_id: int) -> Sequence[ChecklistDecisionRow]:
        stmt = select(ChecklistDecisionRow).where(ChecklistDecisionRow.plan_id == plan_id)
        return self.s.scalars(stmt.order_by(ChecklistDecisionRow.id)).all()

    def record_for_plan(self, plan_id: int) -> ProcedureRecordRow | None:
        return self.s.scalar(select(ProcedureRecordRow).where(ProcedureRecordRow.plan_id == plan_id))

    def record(self, record_id: int) -> ProcedureRecordRow | None:
        return self.s.get(ProcedureRecordRow, record_id)

    def notes_for_record(self, record_id: int) -> Sequence[ProcedureNoteRow]:
        stmt = select(ProcedureNoteRow).where(ProcedureNoteRow.record_id == record_id)
        return self.s.scalars(stmt.order_by(ProcedureNoteRow.id)).all()

    def note_by_document_id(self, document_id: str) -> ProcedureNoteRow | None:
        return self.s.scalar(select(ProcedureNoteRow).where(ProcedureNoteRow.document_id == document_id))

    def note_by_pdf_sha256(self, digest: str) -> ProcedureNoteRow | None:
        return self.s.scalar(select(ProcedureNoteRow).where(ProcedureNoteRow.pdf_sha256 == digest))

    def notes(self) -> Sequence[ProcedureNoteRow]:
        return self.s.scalars(select(ProcedureNoteRow).order_by(ProcedureNoteRow.id)).all()

    def note_archive_index(self) -> list[tuple[str, str, str]]:
        return [(n, h, "procedure_note")
                for n, h in self.s.execute(select(ProcedureNoteRow.archive_name, ProcedureNoteRow.pdf_sha256))]

    def note_pdf_by_archive_name(self, name: str) -> bytes | None:
        return self.s.scalar(select(ProcedureNoteRow.pdf).where(ProcedureNoteRow.archive_name == name))
