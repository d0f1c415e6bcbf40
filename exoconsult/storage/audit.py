"""The append-only, hash-chained audit trail.

Every flush that touches an `Audited` row writes one entry per row through the session hooks installed
by `install_audit_hooks`, so no service can forget it: a create its full after snapshot, a delete its
full before snapshot, an update what changed (field-level, `storage/audit_diff.py`). Explicit entries (views, prints, logins) go through `append_entry`.

entry.hash = SHA-256(prev_hash ‖ canonical JSON of the entry's fields). The first entry's prev_hash is
64 zeros. `audit_head` keeps the newest (seq, hash) so a removed tail is noticed.
"""

from __future__ import annotations

import hashlib
import socket
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.domain.people import Actor
from exoconsult.storage.audit_diff import entry_values, previous_after
from exoconsult.storage.orm import Audited, AuditEntryRow, AuditHeadRow, without_unset_added

GENESIS = "0" * 64
# session.info key: (seq, hash) of the chain head before this transaction, then (seq, hash) after it
PENDING_HEAD = "exoconsult_audit_head"
WORKSTATION = socket.gethostname()[:128]
_PG_AUDIT_LOCK = 7_340_001  # advisory lock id serialising chain appends on PostgreSQL

HASHED_FIELDS = ("seq", "at", "actor_id", "actor", "role", "workstation", "action", "entity",
                 "entity_id", "before", "after", "detail", "prev_hash")


_PLAIN = frozenset({str, int, float, bool, type(None)})  # already JSON: returned as they are


def jsonable(value: Any) -> Any:
    if type(value) in _PLAIN:  # the common case first: every audit entry and row is mostly these (issue 22)
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest(), "bytes": len(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def canonical(value: Any) -> str:
    return canonical_json(jsonable(value), allow_nan=True)


def entry_hash(fields: dict[str, Any]) -> str:
    payload = canonical({k: fields[k] for k in HASHED_FIELDS})
    return hashlib.sha256((fields["prev_hash"] + payload).encode("utf-8")).hexdigest()


def snapshot(obj: Audited) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    skip = set(obj.__audit_exclude__)
    return without_unset_added({a.key: jsonable(getattr(obj, a.key)) for a in mapper.column_attrs if a.key not in skip},
                               mapper.local_table)


def _snapshot_before(obj: Audited) -> dict[str, Any]:
    state = inspect(obj)
    skip = set(obj.__audit_exclude__)
    out: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in skip:
            continue
        hist = state.attrs[attr.key].history
        if hist.deleted:
            out[attr.key] = jsonable(hist.deleted[0])
        elif hist.unchanged:
            out[attr.key] = jsonable(hist.unchanged[0])
        else:
            out[attr.key] = jsonable(getattr(obj, attr.key))
    return without_unset_added(out, state.mapper.local_table)


def entity_key(obj: Audited) -> str:
    # identity is not yet set inside after_flush for new rows; the primary key attributes are.
    ident = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(part) for part in ident)


def row_entity_id(table, row) -> str:
    """Entity id of a plain table row, formatted exactly as `entity_key` formats an ORM identity."""
    return "/".join(str(row._mapping[c.name]) for c in table.primary_key.columns)


def append_entry(session: Session, *, actor: Actor, at: datetime, action: str, entity: str, entity_id: str,
                 before: Any = None, after: Any = None, detail: Any = None) -> AuditEntryRow:
    """Append one entry to the chain inside the session's transaction (caller commits)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    last = conn.execute(select(AuditEntryRow.seq, AuditEntryRow.hash).order_by(AuditEntryRow.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    fields = {
        "seq": seq,
        "at": at.isoformat(timespec="microseconds"),
        "actor_id": actor.user_id,
        "actor": actor.username,
        "role": str(actor.role),
        "workstation": WORKSTATION,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": None if before is None else canonical(before),
        "after": None if after is None else canonical(after),
        "detail": None if detail is None else canonical(detail),
        "prev_hash": prev,
    }
    fields["hash"] = entry_hash(fields)
    conn.execute(AuditEntryRow.__table__.insert().values(**fields))
    updated = conn.execute(AuditHeadRow.__table__.update().where(AuditHeadRow.id == 1).values(seq=seq, hash=fields["hash"]))
    if updated.rowcount == 0:
        conn.execute(AuditHeadRow.__table__.insert().values(id=1, seq=seq, hash=fields["hash"]))
    # For Database's after-commit listeners (the workstation's high-water mark outside the data folder).
    before_seq, before_hash = session.info.get(PENDING_HEAD, (seq - 1, prev, 0, ""))[:2]
    session.info[PENDING_HEAD] = (before_seq, before_hash, seq, fields["hash"])
    return AuditEntryRow(**fields)


def _context(session: Session) -> tuple[Actor, datetime]:
    actor = session.info.get("actor")
    clock = session.info.get("clock")
    if actor is None or clock is None:
        raise RuntimeError("clinical data changed outside a unit of work (no actor to audit)")
    return actor, clock.now()


def _before_flush(session: Session, _ctx, _instances) -> None:
    pending = session.info.setdefault("_audit_pending", [])
    for obj in session.deleted:
        if isinstance(obj, Audited):
            pending.append(("delete", obj, _snapshot_before(obj)))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            pending.append(("update", obj, _snapshot_before(obj)))
    for obj in session.new:
        if isinstance(obj, Audited):
            pending.append(("create", obj, None))


def _after_flush(session: Session, _ctx) -> None:
    pending = session.info.pop("_audit_pending", [])
    if not pending:
        return
    actor, at = _context(session)
    for action, obj, before in pending:
        after = None if action == "delete" else snapshot(obj)
        if action == "update" and after == before:
            continue
        entity, entity_id = obj.__audit_entity__, entity_key(obj)
        if action == "update":
            before, after = entry_values(before, after, previous_after(session.connection(), entity, entity_id))
        append_entry(session, actor=actor, at=at, action=action, entity=entity, entity_id=entity_id,
                     before=before, after=after)


def install_audit_hooks(factory: sessionmaker) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
