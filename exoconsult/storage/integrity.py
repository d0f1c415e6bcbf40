"""Checks behind `exoconsult verify`: database integrity, the audit hash chain, and a replay of the
audit that must reproduce every audited row exactly. Problems name the entity and the first bad entry."""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text

from exoconsult.storage.audit import GENESIS, entry_hash, jsonable, row_entity_id
from exoconsult.storage.db import Database
from exoconsult.storage.orm import Audited, AuditEntryRow, AuditHeadRow, Base


@dataclass(frozen=True)
class IntegrityProblem:
    kind: str  # database | chain | replay
    message: str
    entity: str = ""
    entity_id: str = ""
    seq: int | None = None

    def describe(self) -> str:
        where = f"{self.entity} {self.entity_id}".strip()
        at = f" (audit entry #{self.seq})" if self.seq is not None else ""
        return f"[{self.kind}] {where + ': ' if where else ''}{self.message}{at}"


def _import_all_storage_modules() -> None:
    """Every ORM module registers its rows on import; replay must see all of them, not only those some
    earlier code happened to import (a table left out would never be checked)."""
    import exoconsult.storage as package

    for info in pkgutil.iter_modules(package.__path__):
        if not info.ispkg and not info.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{info.name}")


def audited_tables() -> dict[str, Any]:
    """entity name -> (table, excluded columns) for every Audited mapped class."""
    _import_all_storage_modules()
    out: dict[str, Any] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Audited) and cls.__audit_entity__:
            out[cls.__audit_entity__] = (mapper.local_table, set(cls.__audit_exclude__))
    return out


def check_database(db: Database) -> list[IntegrityProblem]:
    with db.connect() as conn:
        if db.is_sqlite:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                return [IntegrityProblem("database", f"SQLite integrity check failed: {'; '.join(rows[:5])}")]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                return [IntegrityProblem("database", f"{len(fk)} rows break foreign keys (first in table {fk[0][0]})")]
        else:
            conn.execute(text("SELECT 1"))
    return []


def check_chain(db: Database) -> list[IntegrityProblem]:
    problems: list[IntegrityProblem] = []
    expected_seq, prev = 1, GENESIS
    cols = [c for c in AuditEntryRow.__table__.columns]
    with db.connect() as conn:
        result = conn.execution_options(yield_per=2000).execute(select(*cols).order_by(AuditEntryRow.seq))
        for row in result:
            fields = dict(row._mapping)
            if fields["seq"] != expected_seq:
                problems.append(IntegrityProblem(
                    "chain", f"entries #{expected_seq}..#{fields['seq'] - 1} are missing (deleted)",
                    fields["entity"], fields["entity_id"], fields["seq"]))
                return problems
            if fields["prev_hash"] != prev:
                problems.append(IntegrityProblem(
                    "chain", "does not link to the previous entry (an entry was removed, inserted or altered)",
                    fields["entity"], fields["entity_id"], fields["seq"]))
                return problems
            if entry_hash(fields) != fields["hash"]:
                problems.append(IntegrityProblem(
                    "chain", "entry content does not match its hash (altered after writing)",
                    fields["entity"], fields["entity_id"], fields["seq"]))
                return problems
            prev = fields["hash"]
            expected_seq += 1
        head = conn.execute(select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)).first()
    last_seq = expected_seq - 1
    if head is None and last_seq > 0:
        problems.append(IntegrityProblem("chain", "the chain head anchor is missing", seq=last_seq))
    elif head is not None and (head.seq != last_seq or head.hash != prev):
        if head.seq > last_seq:
            msg = f"the chain ends at #{last_seq} but its anchor records #{head.seq}: the newest entries were cut off"
        else:
            msg = f"the chain head anchor (#{head.seq}) does not match the newest entry (#{last_seq})"
        problems.append(IntegrityProblem("chain", msg, seq=last_seq + 1 if head.seq > last_seq else last_seq))
    return problems


def _row_snapshot(row, table, excluded: set[str]) -> dict[str, Any]:
    return {c.name: jsonable(row._mapping[c.name]) for c in table.columns if c.name not in excluded}


def check_replay(db: Database) -> list[IntegrityProblem]:
    """Rebuild every audited row from the audit alone and compare with the table."""
    tables = audited_tables()
    state: dict[tuple[str, str], tuple[dict[str, Any] | None, int]] = {}
    problems: list[IntegrityProblem] = []
    cols = (AuditEntryRow.seq, AuditEntryRow.action, AuditEntryRow.entity, AuditEntryRow.entity_id,
            AuditEntryRow.before, AuditEntryRow.after)
    with db.connect() as conn:
        stmt = select(*cols).where(AuditEntryRow.action.in_(("create", "update", "delete"))).order_by(AuditEntryRow.seq)
        for seq, action, entity, entity_id, before, after in conn.execution_options(yield_per=2000).execute(stmt):
            key = (entity, entity_id)
            known, _ = state.get(key, (None, 0))
            before_v = json.loads(before) if before else None
            if action in ("update", "delete") and known is not None and before_v != known:
                problems.append(IntegrityProblem(
                    "replay", "its 'before' values differ from the previous audited state (an entry is missing)",
                    entity, entity_id, seq))
            state[key] = (json.loads(after) if after else None, seq)
        for entity, (table, excluded) in tables.items():
            seen: set[str] = set()
            for row in conn.execution_options(yield_per=2000).execute(select(table)):
                eid = row_entity_id(table, row)
                seen.add(eid)
                current = _row_snapshot(row, table, excluded)
                audited, seq = state.get((entity, eid), (None, 0))
                if audited is None:
                    why = "exists but was deleted according to the audit" if seq else "has no audit entry (written outside the app)"
                    problems.append(IntegrityProblem("replay", f"row {why}", entity, eid, seq or None))
                elif audited != current:
                    fields = sorted(k for k in set(audited) | set(current) if audited.get(k) != current.get(k))
                    problems.append(IntegrityProblem(
                        "replay", f"row differs from its audit trail in {', '.join(fields)} (edited outside the app)",
                        entity, eid, seq))
            for (ent, eid), (audited, seq) in state.items():
                if ent == entity and audited is not None and eid not in seen:
                    problems.append(IntegrityProblem("replay", "row is missing but the audit says it exists (deleted outside the app)",
                                                     entity, eid, seq))
    return problems


def check_all(db: Database) -> list[IntegrityProblem]:
    problems = check_database(db)
    if problems:
        return problems
    return check_chain(db) + check_replay(db)
