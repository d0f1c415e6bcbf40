"""Integrity checkpoints: where the last successful check of the audit trail stopped, so the next check
costs what changed since, not the clinic's whole history.

A checkpoint is the chain entry the check ended at (number and hash) plus, per audited row, the digest
of the state the audit replay reached for it (`integrity_state`). An incremental check then
- re-hashes only the entries after the checkpoint, and requires the checkpoint's entry to be still in the
  chain with the same hash (a chain rewritten or cut before it is caught there);
- replays only those entries, taking the earlier state of the rows they touch from `integrity_state`;
- compares every current row with its expected digest (rows edited, added or deleted outside the app
  are caught whether or not the audit touched them since). A row the entries after the checkpoint did not
  touch is first compared by a cheap digest of its stored values as read (`raw_digest`, kept beside the
  replay digest when the row was last verified): equal, it is the row verified then; only a row that differs
  is snapshotted and compared with its replayed state (a quarter of the CPU at 10,000 patients).
The seals of stored documents are handled alike (`integrity_sealed`): a seal found valid is not validated
again while the document's bytes and the pinned certificate are the same; a full check validates all.
What only a full check (`verify --full`, and automatically when the last full one is older than
FULL_CHECK_EVERY) catches: an old entry's content altered in place without its hash recomputed (unless
its row changed since: a field-level entry after the checkpoint rebuilds the row from its own entries,
which must arrive at the checkpoint's digest), and a rewrite of `integrity_state` itself together with
the rows. Neither table is audited: both are derived
from the audit and rebuilt by every full check."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, String, bindparam, delete, insert, inspect, null, select, tuple_, update
from sqlalchemy.orm import Mapped, mapped_column

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.storage.orm import Base, UtcDateTime

FULL_CHECK_EVERY = timedelta(days=7)

# (entity, entity_id) -> (digest of the replayed row or None when the audit says it was deleted, last entry seq)
State = dict[tuple[str, str], tuple[str | None, int]]


class IntegrityCheckpointRow(Base):
    __tablename__ = "integrity_checkpoint"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(16))  # full | incremental
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_full_at: Mapped[datetime] = mapped_column(UtcDateTime())


class IntegrityStateRow(Base):
    __tablename__ = "integrity_state"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str | None] = mapped_column(String(64))
    raw: Mapped[str | None] = mapped_column(String(32))  # raw_digest of the row when last verified (0021)


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    scope: str
    checked_at: datetime
    last_full_at: datetime

    def describe(self) -> str:
        return f"the last verified checkpoint (audit entry #{self.seq}, {self.checked_at:%Y-%m-%d %H:%M} UTC)"


def _number(value: Any) -> Any:
    """Numbers as the replay compares them (True == 1 == 1.0): a Float column may come back as 5.0 where
    the audit wrote 5, and that is not a difference."""
    if value is None or type(value) is str:  # the common case first (issue 22: verify --full digests every row)
        return value
    if isinstance(value, bool | int | float):
        return float(value)
    if isinstance(value, dict):
        return {k: _number(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_number(v) for v in value]
    return value


def digest(values: dict[str, Any] | None) -> str | None:
    """Digest of an audited row's values (already JSON-shaped), or None for "no row"."""
    if values is None:
        return None
    return hashlib.sha256(canonical_json(_number(values), allow_nan=True).encode("utf-8")).hexdigest()


def raw_digest(row, *, binary: bool = True) -> str:
    """A cheap digest of a row exactly as the database returns it (every column, in table order). Only ever
    compared with itself: the same stored values read the same way give the same digest. A binary value
    enters as its length and own digest, not its repr() (which for 87 KB PDFs cost a third of the daily
    verify); rows without one digest as before. `binary=False`: the table has no binary column (the
    test per value cost 0.1 s a day at 2,500 patients); the digest is the same either way."""
    values = tuple(row)
    if binary and any(isinstance(v, _BINARY) for v in values):
        values = tuple(("bytes", len(v), hashlib.blake2b(v, digest_size=16).digest()) if isinstance(v, _BINARY)
                       else v for v in values)
    return hashlib.blake2b(repr(values).encode("utf-8"), digest_size=16).hexdigest()


_BINARY = (bytes, bytearray, memoryview)


def latest_checkpoint(conn) -> Checkpoint | None:
    """None also for a database from before checkpoints (a backup copy of an older schema)."""
    if not inspect(conn).has_table(IntegrityCheckpointRow.__tablename__):
        return None
    c = IntegrityCheckpointRow
    row = conn.execute(select(c.seq, c.hash, c.scope, c.checked_at, c.last_full_at).order_by(c.id.desc()).limit(1)).first()
    return Checkpoint(int(row.seq), str(row.hash), str(row.scope), row.checked_at, row.last_full_at) if row else None


def full_check_due(checkpoint: Checkpoint | None, now: datetime) -> bool:
    return checkpoint is None or now - checkpoint.last_full_at >= FULL_CHECK_EVERY


def state_of(conn, entity: str, *, with_raw: bool) -> tuple[dict[str, tuple[str | None, int]], dict[str, str]]:
    """The checkpoint's state of every row of one entity (one entity at a time keeps memory bounded), and
    the raw digests of its rows as last verified (none in a database from before 0021)."""
    raw = IntegrityStateRow.raw if with_raw else null()
    q = select(IntegrityStateRow.entity_id, IntegrityStateRow.digest, IntegrityStateRow.seq, raw).where(
        IntegrityStateRow.entity == entity)
    states: dict[str, tuple[str | None, int]] = {}
    raws: dict[str, str] = {}
    for eid, d, s, r in conn.execution_options(yield_per=5000).execute(q):
        states[str(eid)] = (d, int(s))
        if r:
            raws[str(eid)] = str(r)
    return states, raws


def has_raw(conn) -> bool:
    """Whether `integrity_state` has its raw digests (0021): once per check, not once per table."""
    return any(c["name"] == "raw" for c in inspect(conn).get_columns(IntegrityStateRow.__tablename__))


def prior_state(conn, keys: list[tuple[str, str]]) -> State:
    """The checkpoint's state of the given rows (those the entries after it touch)."""
    out: State = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        q = select(IntegrityStateRow.entity, IntegrityStateRow.entity_id, IntegrityStateRow.digest,
                   IntegrityStateRow.seq).where(tuple_(IntegrityStateRow.entity, IntegrityStateRow.entity_id).in_(chunk))
        for entity, eid, d, s in conn.execute(q):
            out[(str(entity), str(eid))] = (d, int(s))
    return out


def record_checkpoint(conn, *, head: tuple[int, str], state: State, full: bool, now: datetime,
                      base: Checkpoint | None, raws: dict[tuple[str, str], str] | None = None) -> None:
    """Write a checkpoint at `head` in the caller's write transaction. `state` holds every row (full) or the
    rows touched after `base` (incremental); `raws` the raw digests of rows found to match their replayed
    state (rows of `state` and, incrementally, rows whose kept raw digest was missing or stale); the caller
    commits."""
    raws = raws or {}
    if full:
        conn.execute(delete(IntegrityStateRow))
    else:
        keys = list(state)
        for start in range(0, len(keys), 500):
            conn.execute(delete(IntegrityStateRow).where(
                tuple_(IntegrityStateRow.entity, IntegrityStateRow.entity_id).in_(keys[start:start + 500])))
    rows = [{"entity": e, "entity_id": i, "digest": d, "seq": s, "raw": raws.get((e, i))}
            for (e, i), (d, s) in state.items()]
    for start in range(0, len(rows), 5000):
        conn.execute(insert(IntegrityStateRow), rows[start:start + 5000])
    refreshed = [{"e": e, "i": i, "r": r} for (e, i), r in raws.items() if (e, i) not in state]
    if refreshed:
        t = IntegrityStateRow.__table__
        conn.execute(update(t).where(t.c.entity == bindparam("e"), t.c.entity_id == bindparam("i"))
                     .values(raw=bindparam("r")), refreshed)
    last_full = now if full or base is None else base.last_full_at
    conn.execute(delete(IntegrityCheckpointRow))  # only the newest is ever used; the audit log is the history
    conn.execute(insert(IntegrityCheckpointRow).values(seq=head[0], hash=head[1], scope="full" if full else "incremental",
                                                      checked_at=now, last_full_at=last_full))


class IntegritySealedRow(Base):
    """A stored sealed document whose seal a verify found valid: the bytes it checked (SHA-256) and the
    pinned certificate it checked them against. The daily verify validates again only documents not
    listed here with the same hash and certificate; a full check empties the table first."""

    __tablename__ = "integrity_sealed"

    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    document_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    certificate: Mapped[str] = mapped_column(String(128))


def sealed_verified(db) -> dict[tuple[str, str], tuple[str, str]]:
    """(kind, document id) -> (sha256, certificate fingerprint) of every seal found valid before."""
    q = select(IntegritySealedRow.kind, IntegritySealedRow.document_id, IntegritySealedRow.sha256,
               IntegritySealedRow.certificate)
    with db.connect() as conn:
        if not _has_sealed(conn):
            return {}
        return {(str(k), str(d)): (str(s), str(c)) for k, d, s, c in conn.execute(q)}


def _has_sealed(conn) -> bool:
    """False in a database of an older schema (`verify` does not migrate): nothing is remembered then."""
    return inspect(conn).has_table(IntegritySealedRow.__tablename__)


def record_sealed_verified(db, documents: list[tuple[str, str, str, str]]) -> None:
    """Note (kind, document id, sha256, certificate) of seals just found valid."""
    with db.connect(write=True) as conn:
        if _has_sealed(conn):
            _replace_sealed(conn, documents)
            conn.commit()


def _replace_sealed(conn, documents: list[tuple[str, str, str, str]]) -> None:
    keys = [(k, d) for k, d, _, _ in documents]
    for start in range(0, len(keys), 500):
        conn.execute(delete(IntegritySealedRow).where(
            tuple_(IntegritySealedRow.kind, IntegritySealedRow.document_id).in_(keys[start:start + 500])))
    rows = [{"kind": k, "document_id": d, "sha256": s, "certificate": c} for k, d, s, c in documents]
    for start in range(0, len(rows), 5000):
        conn.execute(insert(IntegritySealedRow), rows[start:start + 5000])


def forget_sealed_verified(db) -> None:
    """Before a full check: every seal is validated again."""
    with db.connect(write=True) as conn:
        if _has_sealed(conn):
            conn.execute(delete(IntegritySealedRow))
            conn.commit()
