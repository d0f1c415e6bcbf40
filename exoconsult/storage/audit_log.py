"""Read queries over the audit trail for the admin audit viewer (filters, paging, export)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session

from exoconsult.storage.orm import AuditEntryRow


@dataclass(frozen=True)
class AuditQuery:
    actor_id: int | None = None
    patient_id: int | None = None
    action: str | None = None
    since: datetime | None = None  # inclusive, aware
    until: datetime | None = None  # exclusive, aware
    max_seq: int | None = None  # pin the pages of one browsing session (newer entries keep arriving)


def _stamp(when: datetime) -> str:
    # Entries store `at` as isoformat(timespec="microseconds") of an aware UTC time; the same shape sorts right.
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _patient_clause(patient_id: int):
    """Entries about the patient row itself, or whose snapshot/detail names the patient (canonical JSON
    writes `"patient_id":<id>` followed by ',' or '}')."""
    pid = int(patient_id)
    like = [col.like(f'%"patient_id":{pid}{end}%') for col in (AuditEntryRow.after, AuditEntryRow.before,
                                                              AuditEntryRow.detail) for end in (",", "}")]
    return or_(and_(AuditEntryRow.entity == "patient", AuditEntryRow.entity_id == str(pid)), *like)


def _where(q: AuditQuery):
    clauses = []
    if q.actor_id is not None:
        clauses.append(AuditEntryRow.actor_id == int(q.actor_id))
    if q.patient_id is not None:
        clauses.append(_patient_clause(q.patient_id))
    if q.action:
        clauses.append(AuditEntryRow.action == q.action)
    if q.since is not None:
        clauses.append(AuditEntryRow.at >= _stamp(q.since))
    if q.until is not None:
        clauses.append(AuditEntryRow.at < _stamp(q.until))
    if q.max_seq is not None:
        clauses.append(AuditEntryRow.seq <= int(q.max_seq))
    return and_(*clauses) if clauses else true()


def count(session: Session, q: AuditQuery) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntryRow).where(_where(q))) or 0


def page(session: Session, q: AuditQuery, *, offset: int, limit: int) -> list[AuditEntryRow]:
    stmt = select(AuditEntryRow).where(_where(q)).order_by(AuditEntryRow.seq.desc()).offset(offset).limit(limit)
    return list(session.scalars(stmt))


def iterate(session: Session, q: AuditQuery) -> Iterator[AuditEntryRow]:
    """Every matching entry, oldest first, streamed (exports of a large trail)."""
    stmt = select(AuditEntryRow).where(_where(q)).order_by(AuditEntryRow.seq)
    yield from session.scalars(stmt.execution_options(yield_per=2000))


def head_seq(session: Session) -> int:
    return session.scalar(select(func.max(AuditEntryRow.seq))) or 0


def actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntryRow.action).distinct().order_by(AuditEntryRow.action)))
