"""What the last verify established about each stored sealed document (consent and withdrawal PDFs), so
the daily verify re-reads only documents that are new or changed (issue 22).

A fact is tied to the raw digest of the document's row when it was established (`checkpoints.raw_digest`,
every column including the PDF bytes). The audit replay reads every row each day anyway; a row that reads
back with that same raw digest holds the same PDF, so
- its PDF still matches its recorded SHA-256 (checked when the fact was recorded),
- the audit head its sealed PDF carries (an anchor `verify` compares with the chain) is the one recorded,
- its archive copy need not be re-hashed while the copy's stat (size, mtime_ns, inode) is the one recorded
  when it was found identical. A copy replaced with its stat forged back (`os.utime`) is only caught by
  `verify --full`, which trusts no fact here.
Derived data, not audited (0023): an empty table only means every document is read again."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from sqlalchemy import String, delete, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from exoconsult.storage.audit import entity_key
from exoconsult.storage.consents import ConsentRow, WithdrawalRow
from exoconsult.storage.db import Database
from exoconsult.storage.orm import Base

# The audited entities whose rows are sealed documents: entity name -> row class.
DOCUMENT_ENTITIES = {ConsentRow.__audit_entity__: ConsentRow, WithdrawalRow.__audit_entity__: WithdrawalRow}
_NO_ANCHOR = "-"  # the PDF carries no audit head (NULL in the table: not read yet)

Key = tuple[str, str]  # (entity, entity_id)


class IntegrityDocumentRow(Base):
    __tablename__ = "integrity_document"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    raw: Mapped[str] = mapped_column(String(32))  # raw_digest of the row these facts were established on
    anchor: Mapped[str | None] = mapped_column(String(96))  # "seq:hash" the sealed PDF carries, "-" none
    archive_stat: Mapped[str | None] = mapped_column(String(96))  # "size:mtime_ns:inode" of the identical copy


@dataclass
class Fact:
    anchor: str | None = None
    archive_stat: str | None = None


@dataclass
class DocumentFacts:
    """`rows`: the raw digest of every document row this check's replay found matching its audit. `trusted`:
    facts recorded on exactly those bytes (empty in a full check). `found`: what this check established."""

    rows: dict[Key, str]
    trusted: dict[Key, Fact] = field(default_factory=dict)
    found: dict[Key, Fact] = field(default_factory=dict)

    def pdf_known(self, key: Key) -> bool:
        """The row's PDF was found matching its recorded SHA-256 on these very bytes."""
        return key in self.trusted

    def anchor(self, key: Key) -> tuple[bool, tuple[int, str] | None]:
        """(known, audit head): the head the sealed PDF carries, when read before on these very bytes."""
        fact = self.trusted.get(key)
        if fact is None or fact.anchor is None:
            return False, None
        if fact.anchor == _NO_ANCHOR:
            return True, None
        seq, _, digest = fact.anchor.partition(":")
        return True, (int(seq), digest)

    def archive_unchanged(self, key: Key, stat: os.stat_result) -> bool:
        fact = self.trusted.get(key)
        return fact is not None and fact.archive_stat == stat_text(stat)

    def note_pdf(self, key: Key) -> None:
        self.found.setdefault(key, Fact())

    def note_anchor(self, key: Key, head: tuple[int, str] | None) -> None:
        if key in self.rows:
            self.found.setdefault(key, Fact()).anchor = _NO_ANCHOR if head is None else f"{head[0]}:{head[1]}"

    def note_archive(self, key: Key, stat: os.stat_result) -> None:
        if key in self.rows:
            self.found.setdefault(key, Fact()).archive_stat = stat_text(stat)


def document_key(row: ConsentRow | WithdrawalRow) -> Key:
    """The key the audit (and so the replay) knows a stored document's row by."""
    return row.__audit_entity__, entity_key(row)


def stat_text(stat: os.stat_result) -> str:
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}"


def document_facts(db: Database, rows: dict[Key, str], *, full: bool) -> DocumentFacts:
    """The facts still true of the rows as this check read them (none when `full`)."""
    facts = DocumentFacts(rows)
    if full:
        return facts
    t = IntegrityDocumentRow
    with db.connect() as conn:
        for entity, eid, raw, anchor, stat in conn.execute(select(t.entity, t.entity_id, t.raw, t.anchor, t.archive_stat)):
            key = (str(entity), str(eid))
            if rows.get(key) == raw:
                facts.trusted[key] = Fact(anchor, stat)
    return facts


def save_document_facts(db: Database, facts: DocumentFacts) -> None:
    """After a verify that found nothing: every document the whole check vouched for, with what it knows.
    A document whose PDF hash was not checked on these bytes (by this check or before) is left out."""
    out = []
    for key, raw in facts.rows.items():
        known, new = facts.trusted.get(key), facts.found.get(key)
        if known is None and new is None:
            continue
        anchor = (new.anchor if new and new.anchor else None) or (known.anchor if known else None)
        stat = (new.archive_stat if new and new.archive_stat else None) or (known.archive_stat if known else None)
        out.append({"entity": key[0], "entity_id": key[1], "raw": raw, "anchor": anchor, "archive_stat": stat})
    with db.connect(write=True) as conn:
        conn.execute(delete(IntegrityDocumentRow))
        for start in range(0, len(out), 2000):
            conn.execute(insert(IntegrityDocumentRow), out[start:start + 2000])
        conn.commit()
