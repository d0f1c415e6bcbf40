"""The audit chain compared with anchors kept outside the database (a sealed document's recorded head, a
backup manifest, a workstation's high-water mark). An anchor is (entry number, hash) of the chain head
at some moment; the database must still hold that entry with that hash:
- the chain ends before the anchor's entry  -> rolled back (or its tail cut off);
- the entry is there with another hash      -> rewritten (entries changed and the chain recomputed).
Only an anchor written after the last rewrite escapes this; README states that limit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from exoconsult.storage.db import Database
from exoconsult.storage.orm import AuditEntryRow


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    source: str  # where it was found, e.g. "consent 1f0c… (sealed 2026-11-02)" or "backup manifest x.json"


@dataclass(frozen=True)
class AnchorMismatch:
    anchor: Anchor
    kind: str  # "rollback" | "rewrite"
    database_seq: int  # the chain's newest entry number
    database_hash: str | None  # the database's hash of entry #anchor.seq (None: no such entry)

    def describe(self) -> str:
        if self.kind == "rollback":
            return (f"{self.anchor.source} records audit entry #{self.anchor.seq} but the database's chain ends at "
                    f"#{self.database_seq}: the database was rolled back or its newest entries removed")
        return (f"{self.anchor.source} records audit entry #{self.anchor.seq} with hash {self.anchor.hash[:16]}… "
                f"but the database has {str(self.database_hash)[:16]}…: the audit chain was rewritten")


def chain_head(db: Database) -> tuple[int, str] | None:
    """(number, hash) of the newest audit entry actually in the chain (not the stored head row, which an
    attacker edits along with the chain)."""
    with db.connect() as conn:
        row = conn.execute(_HEAD).first()
    return (int(row.seq), str(row.hash)) if row is not None else None


def chain_head_in(session: Session) -> tuple[int, str] | None:
    """The same, inside the caller's transaction (a signing records the head it sealed against)."""
    row = session.execute(_HEAD).first()
    return (int(row.seq), str(row.hash)) if row is not None else None


_HEAD = select(AuditEntryRow.seq, AuditEntryRow.hash).order_by(AuditEntryRow.seq.desc()).limit(1)


def compare_anchors(db: Database, anchors: list[Anchor]) -> list[AnchorMismatch]:
    if not anchors:
        return []
    wanted = sorted({a.seq for a in anchors})
    found: dict[int, str] = {}
    with db.connect() as conn:
        newest = conn.execute(select(func.max(AuditEntryRow.seq))).scalar_one() or 0
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for seq, digest in conn.execute(select(AuditEntryRow.seq, AuditEntryRow.hash)
                                            .where(AuditEntryRow.seq.in_(chunk))):
                found[int(seq)] = str(digest)
    out = []
    for anchor in anchors:
        if anchor.seq not in found:
            kind = "rollback" if anchor.seq > newest else "rewrite"  # a gap inside the chain: entries removed
            out.append(AnchorMismatch(anchor, kind, int(newest), None))
        elif found[anchor.seq] != anchor.hash:
            out.append(AnchorMismatch(anchor, "rewrite", int(newest), found[anchor.seq]))
    return out


def newest_restore(db: Database) -> tuple[str, str] | None:
    """(UTC time, actor) of the newest audited restore: anchors older than it describe the replaced
    database, not this one."""
    with db.connect() as conn:
        row = conn.execute(select(AuditEntryRow.at, AuditEntryRow.actor).where(AuditEntryRow.action == "restore")
                           .order_by(AuditEntryRow.seq.desc()).limit(1)).first()
    return (str(row.at), str(row.actor)) if row is not None else None


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
