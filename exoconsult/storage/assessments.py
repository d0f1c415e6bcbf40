"""Assessment snapshots and their review resolutions: write-once, audited rows.

An assessment row is everything needed to show and re-check a verdict later without the rules engine:
the inputs after unit conversion, the protocol identity, the verdict, fired rules, missing fields and
derived values (JSON text), who ran it and when, and which history it was computed from (version and
sha256 of the canonical history JSON, so a later edit of the history is noticed). A resolution of a
`needs_review` verdict lives in its own append-only table, at most one per assessment.

Both tables refuse UPDATE and DELETE in the database (migration 0004_assessment). `bulk_add` writes
many snapshots and their audit entries in one statement each, for re-assessing every patient after a
protocol change; it produces exactly the entries the flush hooks would, so `verify` replays them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, func, insert, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.domain.people import Actor
from exoconsult.storage import audit
from exoconsult.storage.orm import Audited, AuditEntryRow, AuditHeadRow, Base


class AssessmentRow(Audited, Base):
    __tablename__ = "assessment"
    __audit_entity__ = "assessment"
    __table_args__ = (Index("ix_assessment_patient_latest", "patient_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    kind: Mapped[str] = mapped_column(String(16))  # "run" (by a clinician) | "reassess" (after a protocol change)
    history_version: Mapped[int] = mapped_column(Integer)
    history_sha256: Mapped[str] = mapped_column(String(64))
    assessed_on: Mapped[date]  # reference date for ages and intervals
    inputs: Mapped[str] = mapped_column(Text)  # case JSON, quantities in canonical units
    protocol_id: Mapped[str] = mapped_column(String(64))
    protocol_version: Mapped[str] = mapped_column(String(32))
    protocol_sha256: Mapped[str] = mapped_column(String(64))
    protocol_approved_by: Mapped[str] = mapped_column(String(200))
    protocol_approved_on: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(16))
    fired: Mapped[str] = mapped_column(Text)  # JSON list, as in `exoconsult assess`
    missing: Mapped[str] = mapped_column(Text)
    derived: Mapped[str] = mapped_column(Text)
    run_by_id: Mapped[int] = mapped_column(Integer)
    run_by: Mapped[str] = mapped_column(String(64))
    run_by_name: Mapped[str] = mapped_column(String(100))
    run_at: Mapped[datetime] = mapped_column(index=True)  # Today: the most recently active (0022)


class AssessmentResolutionRow(Audited, Base):
    __tablename__ = "assessment_resolution"
    __audit_entity__ = "assessment_resolution"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id"), unique=True)
    decision: Mapped[str] = mapped_column(String(16))  # "proceed" | "do_not_proceed"
    reason: Mapped[str] = mapped_column(Text)
    resolved_by_id: Mapped[int] = mapped_column(Integer)
    resolved_by: Mapped[str] = mapped_column(String(64))
    resolved_by_name: Mapped[str] = mapped_column(String(100))
    resolved_at: Mapped[datetime]


SNAPSHOT_COLUMNS = tuple(c.name for c in AssessmentRow.__table__.columns if c.name != "id")


class AssessmentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, values: dict[str, Any]) -> AssessmentRow:
        row = AssessmentRow(**values)
        self._s.add(row)
        self._s.flush()
        return row

    def get(self, assessment_id: int) -> AssessmentRow | None:
        return None if assessment_id is None else self._s.get(AssessmentRow, assessment_id)

    def latest(self, patient_id: int) -> AssessmentRow | None:
        stmt = select(AssessmentRow).where(AssessmentRow.patient_id == patient_id).order_by(AssessmentRow.id.desc())
        return self._s.scalars(stmt.limit(1)).first()

    def for_patient(self, patient_id: int) -> Sequence[AssessmentRow]:
        """Newest first."""
        stmt = select(AssessmentRow).where(AssessmentRow.patient_id == patient_id).order_by(AssessmentRow.id.desc())
        return self._s.scalars(stmt).all()

    def resolutions(self, assessment_ids: Sequence[int]) -> dict[int, AssessmentResolutionRow]:
        if not assessment_ids:
            return {}
        stmt = select(AssessmentResolutionRow).where(AssessmentResolutionRow.assessment_id.in_(list(assessment_ids)))
        return {r.assessment_id: r for r in self._s.scalars(stmt)}

    def add_resolution(self, values: dict[str, Any]) -> AssessmentResolutionRow:
        row = AssessmentResolutionRow(**values)
        self._s.add(row)
        self._s.flush()
        return row

    def latest_batch(self, after_patient_id: int, limit: int) -> list[dict[str, Any]]:
        """The newest assessment of each of the next `limit` patients (by patient id) after
        `after_patient_id`: keyset pages over the (patient_id, id) index, for re-assessing everyone."""
        newest = (select(AssessmentRow.patient_id, func.max(AssessmentRow.id).label("id"))
                  .where(AssessmentRow.patient_id > after_patient_id)
                  .group_by(AssessmentRow.patient_id).order_by(AssessmentRow.patient_id).limit(limit))
        ids = [r.id for r in self._s.execute(newest)]
        if not ids:
            return []
        cols = [AssessmentRow.__table__.c[name] for name in ("id", "patient_id", "history_version",
                                                              "history_sha256", "inputs", "protocol_sha256",
                                                              "verdict")]
        stmt = select(*cols).where(AssessmentRow.id.in_(ids)).order_by(AssessmentRow.patient_id)
        return [dict(r._mapping) for r in self._s.execute(stmt)]

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(AssessmentRow)) or 0

    def bulk_add(self, actor: Actor, at: datetime, rows: list[dict[str, Any]]) -> list[int]:
        """Insert snapshots and their "create" audit entries, two statements in all (caller commits)."""
        if not rows:
            return []
        table = AssessmentRow.__table__
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids = [r.id for r in self._s.execute(stmt, rows)]
        _append_creates(self._s, actor, at, [(str(i), {"id": i, **row}) for i, row in zip(ids, rows, strict=True)])
        return ids


def _append_creates(session: Session, actor: Actor, at: datetime, created: list[tuple[str, dict[str, Any]]]) -> None:
    """The audit entries `install_audit_hooks` writes for new assessment rows, chained in one go.
    Same fields, same canonical JSON, same hash as storage.audit.append_entry, one row at a time."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # the lock append_entry takes, so no other writer links to the same chain head meanwhile
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": audit._PG_AUDIT_LOCK})
    last = conn.execute(select(AuditEntryRow.seq, AuditEntryRow.hash).order_by(AuditEntryRow.seq.desc()).limit(1)).first()
    seq, prev = (last[0], last[1]) if last else (0, audit.GENESIS)
    at_text = at.isoformat(timespec="microseconds")
    entries = []
    for entity_id, values in created:
        seq += 1
        fields = {"seq": seq, "at": at_text, "actor_id": actor.user_id, "actor": actor.username,
                  "role": str(actor.role), "workstation": audit.WORKSTATION, "action": "create",
                  "entity": AssessmentRow.__audit_entity__, "entity_id": entity_id, "before": None,
                  "after": audit.canonical(values), "detail": None, "prev_hash": prev}
        fields["hash"] = prev = audit.entry_hash(fields)
        entries.append(fields)
    conn.execute(AuditEntryRow.__table__.insert(), entries)
    head = AuditHeadRow.__table__
    if conn.execute(head.update().where(head.c.id == 1).values(seq=seq, hash=prev)).rowcount == 0:
        conn.execute(head.insert().values(id=1, seq=seq, hash=prev))
