"""Checks behind `exoconsult verify`: database integrity, the audit hash chain, and a replay of the
audit that must reproduce every audited row exactly. Problems name the entity and the first bad entry."""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import LargeBinary, func, select, text

from exoconsult.storage.audit import GENESIS, entry_hash, jsonable, row_entity_id
from exoconsult.storage.audit_diff import apply as apply_diff
from exoconsult.storage.audit_diff import is_diff, rebuild
from exoconsult.storage.checkpoints import (
    Checkpoint,
    State,
    digest,
    full_check_due,
    has_raw,
    latest_checkpoint,
    prior_state,
    raw_digest,
    record_checkpoint,
    state_of,
)
from exoconsult.storage.db import Database
from exoconsult.storage.document_facts import DOCUMENT_ENTITIES
from exoconsult.storage.orm import Audited, AuditEntryRow, AuditHeadRow, Base, without_unset_added

REPLAYED = ("create", "update", "delete")


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


# Alembic's runner registers no rows, and loading Alembic would cost every `verify` a third of a second
# (issue 22); tests/storage/test_engine_and_migrations.py pins that it adds no table.
_HOLD_NO_ROWS = frozenset({"migrate"})


def _import_all_storage_modules() -> None:
    """Every ORM module registers its rows on import; replay must see all of them, not only those some
    earlier code happened to import (a table left out would never be checked)."""
    import exoconsult.storage as package

    for info in pkgutil.iter_modules(package.__path__):
        if not info.ispkg and not info.name.startswith("_") and info.name not in _HOLD_NO_ROWS:
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


def check_database(db: Database, *, thorough: bool = True) -> list[IntegrityProblem]:
    """SQLite's own checks of the file. `thorough`: `PRAGMA integrity_check`; otherwise `quick_check`
    (every page and record, NOT NULL and CHECK constraints, but neither UNIQUE constraints nor whether each
    index matches its table: those are left to the thorough check of `verify --full` and the weekly one)."""
    pragma, name = ("integrity_check", "integrity check") if thorough else ("quick_check", "quick check")
    with db.connect() as conn:
        if db.is_sqlite:
            rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()]
            if rows != ["ok"]:
                return [IntegrityProblem("database", f"SQLite {name} failed: {'; '.join(rows[:5])}")]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                return [IntegrityProblem("database", f"{len(fk)} rows break foreign keys (first in table {fk[0][0]})")]
        else:
            conn.execute(text("SELECT 1"))
    return []


def check_chain(db: Database, since: Checkpoint | None = None) -> list[IntegrityProblem]:
    """Re-hash the chain from its first entry, or only after `since` (whose entry must still be there
    with the hash it had when it was verified)."""
    return walk_chain(db, since)[0]


def walk_chain(db: Database, since: Checkpoint | None = None) -> tuple[list[IntegrityProblem], tuple[int, str]]:
    """(problems, (number, hash) of the last entry verified)."""
    problems: list[IntegrityProblem] = []
    expected_seq, prev = 1, GENESIS
    cols = [c for c in AuditEntryRow.__table__.columns]
    stmt = select(*cols).order_by(AuditEntryRow.seq)
    with db.connect() as conn:
        if since is not None:
            at = conn.execute(select(AuditEntryRow.hash).where(AuditEntryRow.seq == since.seq)).scalar()
            if at != since.hash:
                what = "is missing" if at is None else "has another hash"
                return [IntegrityProblem("chain", f"the entry of {since.describe()} {what}: the chain was cut off, "
                                                  "rolled back or rewritten after it was verified", seq=since.seq)], (0, "")
            kept = conn.execute(select(func.count()).select_from(AuditEntryRow).where(AuditEntryRow.seq <= since.seq)).scalar()
            if kept != since.seq:  # an old entry deleted in place: cheap to see without reading any entry
                return [IntegrityProblem("chain", f"{since.seq - kept} entries up to {since.describe()} are missing "
                                                  "(deleted)", seq=since.seq)], (0, "")
            expected_seq, prev = since.seq + 1, since.hash
            stmt = stmt.where(AuditEntryRow.seq > since.seq)
        result = conn.execution_options(yield_per=2000).execute(stmt)
        for row in result:
            fields = dict(row._mapping)
            if fields["seq"] != expected_seq:
                problems.append(IntegrityProblem(
                    "chain", f"entries #{expected_seq}..#{fields['seq'] - 1} are missing (deleted)",
                    fields["entity"], fields["entity_id"], fields["seq"]))
                return problems, (0, "")
            if fields["prev_hash"] != prev:
                problems.append(IntegrityProblem(
                    "chain", "does not link to the previous entry (an entry was removed, inserted or altered)",
                    fields["entity"], fields["entity_id"], fields["seq"]))
                return problems, (0, "")
            if entry_hash(fields) != fields["hash"]:
                problems.append(IntegrityProblem(
                    "chain", "entry content does not match its hash (altered after writing)",
                    fields["entity"], fields["entity_id"], fields["seq"]))
                return problems, (0, "")
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
    return problems, (last_seq, prev)


def _row_snapshot(row, table, excluded: set[str]) -> dict[str, Any]:
    return without_unset_added({c.name: jsonable(row._mapping[c.name]) for c in table.columns if c.name not in excluded},
                               table)


@dataclass
class Replay:
    problems: list[IntegrityProblem]
    state: State  # every audited row (full) or the rows touched after the checkpoint (incremental)
    head: tuple[int, str] | None  # the newest entry replayed against
    raws: dict[tuple[str, str], str]  # raw digests to keep: rows found to match, whose kept one was not current
    documents: dict[tuple[str, str], str]  # raw digest of every sealed-document row found to match (document_facts)


def check_replay(db: Database, since: Checkpoint | None = None) -> list[IntegrityProblem]:
    """Rebuild every audited row from the audit alone and compare with the table."""
    return replay(db, since).problems


def replay(db: Database, since: Checkpoint | None = None) -> Replay:
    """The replay keeps a digest per row, not the row (memory stays small however long the history);
    a difference is explained by re-reading the one audit entry concerned."""
    tables = audited_tables()
    problems: list[IntegrityProblem] = []
    raws: dict[tuple[str, str], str] = {}
    documents: dict[tuple[str, str], str] = {}
    with db.connect() as conn:
        head = conn.execute(select(AuditEntryRow.seq, AuditEntryRow.hash).order_by(AuditEntryRow.seq.desc())
                            .limit(1)).first()
        state = _replay_entries(conn, since, problems)
        with_raw = since is not None and has_raw(conn)
        for entity, (table, excluded) in tables.items():
            expected, verified = state_of(conn, entity, with_raw=with_raw) if since is not None else ({}, {})
            touched = {eid: v for (ent, eid), v in state.items() if ent == entity}
            expected.update(touched)
            for eid in touched:  # changed by the app since: its kept raw digest no longer vouches for it
                verified.pop(eid, None)
            unchanged = _compare_rows(conn, entity, table, excluded, expected, problems, verified, raws)
            if entity in DOCUMENT_ENTITIES:
                documents.update({k: r for k, r in raws.items() if k[0] == entity})
                documents.update({(entity, eid): verified[eid] for eid in unchanged})
    return Replay(problems, state, (int(head.seq), str(head.hash)) if head is not None else None, raws, documents)


class _RecentRows:
    """Full states of the rows replayed last (a field-level entry applies to its row's previous state);
    bounded, so the replay's memory does not grow with the clinic. A row not kept here is rebuilt from
    its own few entries (`audit_diff.rebuild`)."""

    SIZE = 4096

    def __init__(self) -> None:
        self._rows: OrderedDict[tuple[str, str], dict[str, Any] | None] = OrderedDict()

    def get(self, key: tuple[str, str]) -> tuple[bool, dict[str, Any] | None]:
        if key not in self._rows:
            return False, None
        self._rows.move_to_end(key)
        return True, self._rows[key]

    def put(self, key: tuple[str, str], values: dict[str, Any] | None) -> None:
        self._rows[key] = values
        self._rows.move_to_end(key)
        if len(self._rows) > self.SIZE:
            self._rows.popitem(last=False)


_MISSING_ENTRY = "its 'before' values differ from the previous audited state (an entry is missing)"
# The state of a row whose field-level entries cannot be applied (a problem says why): not compared again.
_UNREPLAYABLE = "unreplayable"


def _apply_diff(conn, key: tuple[str, str], seq: int, doc: dict[str, Any], known: str | None,
                recent: _RecentRows, problems: list[IntegrityProblem]) -> dict[str, Any] | str:
    """The row after the field-level entry #seq, from its previous state (kept, or rebuilt from the audit
    and then required to match what the replay or the checkpoint knew of it); _UNREPLAYABLE if none."""
    if known == _UNREPLAYABLE:
        return _UNREPLAYABLE
    kept, prior = recent.get(key)
    if not kept:
        prior, consistent = rebuild(conn, key[0], key[1], seq)
        if not consistent or digest(prior) != known:
            problems.append(IntegrityProblem(
                "replay", "the earlier audit entries of this row no longer reproduce its verified state "
                          "(an older entry was altered or removed)", key[0], key[1], seq))
            return _UNREPLAYABLE
    if prior is None:
        problems.append(IntegrityProblem("replay", "it changes a row the audit does not hold (an entry is missing)",
                                         key[0], key[1], seq))
        return _UNREPLAYABLE
    after, consistent = apply_diff(prior, doc)
    if not consistent:
        problems.append(IntegrityProblem("replay", _MISSING_ENTRY, key[0], key[1], seq))
    return after


def _replay_entries(conn, since: Checkpoint | None, problems: list[IntegrityProblem]) -> State:
    cols = (AuditEntryRow.seq, AuditEntryRow.action, AuditEntryRow.entity, AuditEntryRow.entity_id,
            AuditEntryRow.before, AuditEntryRow.after)
    stmt = select(*cols).where(AuditEntryRow.action.in_(REPLAYED)).order_by(AuditEntryRow.seq)
    state: State = {}
    recent = _RecentRows()
    if since is not None:
        stmt = stmt.where(AuditEntryRow.seq > since.seq)
        touched = conn.execute(select(AuditEntryRow.entity, AuditEntryRow.entity_id).distinct()
                               .where(AuditEntryRow.action.in_(REPLAYED), AuditEntryRow.seq > since.seq)).all()
        state = prior_state(conn, [(str(e), str(i)) for e, i in touched])
    for seq, action, entity, entity_id, before, after in conn.execution_options(yield_per=2000).execute(stmt):
        key = (entity, entity_id)
        known, _ = state.get(key, (None, 0))
        values = json.loads(after) if after else None
        if is_diff(values):
            values = _apply_diff(conn, key, seq, values, known, recent, problems)
            if values == _UNREPLAYABLE:
                recent.put(key, None)
                state[key] = (_UNREPLAYABLE, seq)
                continue
        elif (action in ("update", "delete") and known not in (None, _UNREPLAYABLE)
              and digest(json.loads(before) if before else None) != known):
            problems.append(IntegrityProblem("replay", _MISSING_ENTRY, entity, entity_id, seq))
        recent.put(key, values)
        state[key] = (digest(values), seq)
    return state


def _compare_rows(conn, entity: str, table, excluded: set[str], expected: dict[str, tuple[str | None, int]],
                  problems: list[IntegrityProblem], verified: dict[str, str],
                  raws: dict[tuple[str, str], str]) -> set[str]:
    """`verified`: raw digests of rows as they were when last found to match (untouched since); such a row
    read back the same is that row (returned). Rows found to match otherwise add their raw digest to `raws`."""
    seen: set[str] = set()
    unchanged: set[str] = set()
    binary = any(isinstance(c.type, LargeBinary) for c in table.columns)
    # 200 rows at a time: a patient row carries its whole history document, and 2,000 of them held ~60 MiB
    for row in conn.execution_options(yield_per=200).execute(select(table)):
        eid = row_entity_id(table, row)
        seen.add(eid)
        audited, seq = expected.get(eid, (None, 0))
        if audited == _UNREPLAYABLE:
            continue
        if audited is None:
            why = "exists but was deleted according to the audit" if seq else "has no audit entry (written outside the app)"
            problems.append(IntegrityProblem("replay", f"row {why}", entity, eid, seq or None))
            continue
        raw = raw_digest(row, binary=binary)
        if verified.get(eid) == raw:
            unchanged.add(eid)
            continue
        current = _row_snapshot(row, table, excluded)
        if digest(current) == audited:
            raws[(entity, eid)] = raw
        else:
            fields = _differing_fields(conn, entity, eid, seq, current)
            why = (f"row differs from its audit trail in {', '.join(fields)} (edited outside the app)" if fields else
                   "row and its audit entry agree with each other but not with the state verified at the last "
                   "checkpoint (the audit entry was rewritten after it was verified)")
            problems.append(IntegrityProblem("replay", why, entity, eid, seq))
    for eid, (audited, seq) in expected.items():
        if audited not in (None, _UNREPLAYABLE) and eid not in seen:
            problems.append(IntegrityProblem("replay", "row is missing but the audit says it exists (deleted outside the app)",
                                             entity, eid, seq))
    return unchanged


def _differing_fields(conn, entity: str, entity_id: str, seq: int, current: dict[str, Any]) -> list[str]:
    audited = rebuild(conn, entity, entity_id, seq + 1)[0] or {}
    return sorted(k for k in set(audited) | set(current) if digest({"v": audited.get(k)}) != digest({"v": current.get(k)}))


@dataclass
class AuditCheck:
    """The audit chain and replay, checked in full or from the newest checkpoint (`since`)."""

    problems: list[IntegrityProblem]
    since: Checkpoint | None  # None: a full check
    base: Checkpoint | None  # the newest checkpoint when the check began
    chain_end: tuple[int, str]
    replayed: Replay

    @property
    def scope(self) -> str:
        return "full" if self.since is None else f"since {self.since.describe()}"


def full_check_now(db: Database, *, now: datetime, full: bool = False) -> bool:
    """Whether this check is a full one: asked for, no checkpoint yet, or the last full check is older than
    FULL_CHECK_EVERY (an old entry altered in place is only seen by a full check)."""
    with db.connect() as conn:
        return full or full_check_due(latest_checkpoint(conn), now)


def check_audit(db: Database, *, now: datetime, full: bool = False) -> AuditCheck:
    """Incremental from the newest checkpoint unless `full_check_now`."""
    with db.connect() as conn:
        base = latest_checkpoint(conn)
    since = None if full or full_check_due(base, now) else base
    chain_problems, end = walk_chain(db, since)
    replayed = replay(db, since)
    return AuditCheck(chain_problems + replayed.problems, since, base, end, replayed)


def save_checkpoint(db: Database, check: AuditCheck, *, now: datetime) -> bool:
    """Record where a check that found nothing stopped. Skipped (False) when entries were written while it
    ran, or another check recorded a checkpoint meanwhile: the next check then simply covers more."""
    if check.problems or check.replayed.head is None or check.replayed.head != check.chain_end:
        return False
    with db.connect(write=True) as conn:
        if latest_checkpoint(conn) != check.base:
            return False
        record_checkpoint(conn, head=check.chain_end, state=check.replayed.state, full=check.since is None,
                          now=now, base=check.base, raws=check.replayed.raws)
        conn.commit()
    return True


def check_all(db: Database) -> list[IntegrityProblem]:
    problems = check_database(db)
    if problems:
        return problems
    return check_chain(db) + check_replay(db)
