"""Print records (one row per print job of an archived document: who, which copy marks, how many
copies, which printer or "PDF file") and procedure plans (patient, planned date, the consent relied on,
ready flag). Both are Audited: every insert and change is in the hash-chained audit trail. Print
records are write-once (triggers)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import AUDIT_ADDED, Audited, Base


class PrintRecordRow(Audited, Base):
    __tablename__ = "print_record"
    __audit_entity__ = "print_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[str] = mapped_column(String(36), index=True)
    document_kind: Mapped[str] = mapped_column(String(16))  # consent | withdrawal
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)  # for the audit's patient filter
    archived_sha256: Mapped[str] = mapped_column(String(64))  # the archived file the copies were made from
    marks: Mapped[str] = mapped_column(String(64))  # comma-separated mark keys, e.g. "patient,chart"
    copies: Mapped[int] = mapped_column(Integer)  # copies of each mark
    pages: Mapped[int] = mapped_column(Integer)  # pages sent in all
    print_number: Mapped[int] = mapped_column(Integer)  # printed on the copy: "print no. n" of this document
    destination: Mapped[str] = mapped_column(String(200))  # printer name or "PDF file"
    printed_at: Mapped[datetime]
    printed_by: Mapped[int] = mapped_column(Integer)


class ProcedurePlanRow(Audited, Base):
    __tablename__ = "procedure_plan"
    __audit_entity__ = "procedure_plan"
    __table_args__ = {"info": {AUDIT_ADDED: ("performing_urologist_id",)}}  # added by 0014

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    planned_on: Mapped[date]
    consent_document_id: Mapped[str | None] = mapped_column(String(36))
    performing_urologist_id: Mapped[int | None] = mapped_column(Integer)  # planned to perform it (spec: date, urologist)
    ready: Mapped[bool] = mapped_column(default=False)
    ready_by: Mapped[int | None] = mapped_column(Integer)
    ready_at: Mapped[datetime | None]
    created_by: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class PrintingRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, row: Base) -> None:
        self.s.add(row)
        self.s.flush()

    def count_for(self, document_id: str) -> int:
        stmt = select(func.count()).select_from(PrintRecordRow).where(PrintRecordRow.document_id == document_id)
        return self.s.scalar(stmt) or 0

    def counts(self, document_ids: Sequence[str] | None = None) -> dict[str, int]:
        stmt = select(PrintRecordRow.document_id, func.count()).group_by(PrintRecordRow.document_id)
        if document_ids is not None:
            stmt = stmt.where(PrintRecordRow.document_id.in_(list(document_ids)))
        return {doc: n for doc, n in self.s.execute(stmt)}

    def for_document(self, document_id: str) -> Sequence[PrintRecordRow]:
        stmt = select(PrintRecordRow).where(PrintRecordRow.document_id == document_id)
        return self.s.scalars(stmt.order_by(PrintRecordRow.id)).all()

    def plan(self, plan_id: int) -> ProcedurePlanRow | None:
        return None if plan_id is None else self.s.get(ProcedurePlanRow, plan_id)

    def plans_between(self, first: date, last: date) -> Sequence[ProcedurePlanRow]:
        stmt = select(ProcedurePlanRow).where(ProcedurePlanRow.planned_on >= first, ProcedurePlanRow.planned_on <= last)
        return self.s.scalars(stmt.order_by(ProcedurePlanRow.planned_on, ProcedurePlanRow.id)).all()
