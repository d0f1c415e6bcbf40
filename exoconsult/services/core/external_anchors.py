"""Anchors of the audit chain outside the database, and `verify`'s comparison with them.

The chain's own head row lives in the same database, so someone who can write the data folder and knows
the algorithm can rewrite entries and recompute every hash, or put back an older copy of the database.
What they cannot easily reach (issue 21): the chain head recorded at sealing inside every sealed document
(covered by the seal), the head in every backup manifest (on the backup medium), and a high-water mark
kept by each workstation in its own configuration folder, outside the data folder. `verify` compares the
chain with each one it finds and reports a rollback (the chain ends before an anchor) or a rewrite (the
anchored entry has another hash).

An anchor older than the newest audited restore describes the replaced database; it is listed as a note,
not a failure (the restore entry names the admin who did it)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from exoconsult.bounded_input import MANIFEST_LIMIT, InputRefused, load_json_file
from exoconsult.config import workstation_config_dir
from exoconsult.documents.seal_facts import sealed_audit_head
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.work import Work
from exoconsult.storage.anchors import (
    Anchor,
    chain_head,
    chain_head_in,
    compare_anchors,
    newest_restore,
    safe_url,
)
from exoconsult.storage.consents import ConsentRepository, ConsentRow
from exoconsult.storage.db import Database
from exoconsult.storage.document_facts import DocumentFacts, document_key
from exoconsult.storage.integrity import IntegrityProblem

HIGH_WATER_FOLDER = "audit-high-water"  # one small file per installation (database) this workstation used
_HASH_CHARS = set("0123456789abcdef")


def _key(database_url: str) -> str:
    """Which installation a mark belongs to: the database URL without its password."""
    return safe_url(database_url)


def _mark_path(database_url: str) -> Path:
    digest = hashlib.sha256(_key(database_url).encode("utf-8")).hexdigest()[:24]
    return workstation_config_dir() / HIGH_WATER_FOLDER / f"{digest}.json"


def _valid_head(value: object) -> tuple[int, str] | None:
    if not isinstance(value, dict):
        return None
    seq, digest = value.get("seq"), value.get("hash")
    if isinstance(seq, int) and not isinstance(seq, bool) and seq > 0 and isinstance(digest, str) \
            and len(digest) == 64 and set(digest) <= _HASH_CHARS:
        return seq, digest
    return None


def read_mark(database_url: str) -> tuple[tuple[int, str], str] | None:
    """((seq, hash), when) of this workstation's mark for the installation, or None."""
    try:
        data = load_json_file(_mark_path(database_url), MANIFEST_LIMIT, "high-water mark")
    except InputRefused:
        return None
    head = _valid_head(data)
    if head is None or data.get("database") != _key(database_url):
        return None
    return head, str(data.get("at") or "")


def _write_mark(database_url: str, head: tuple[int, str]) -> None:
    path = _mark_path(database_url)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # several processes may commit at once
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"database": _key(database_url), "seq": head[0], "hash": head[1],
                   "at": datetime.now(UTC).isoformat(timespec="microseconds")}, fh)
    os.replace(tmp, path)


def advance_mark(db: Database, before: tuple[int, str] | None, after: tuple[int, str]) -> None:
    """Raise the mark to `after` if the chain still holds the marked entry unchanged; otherwise keep the old
    mark as evidence for `verify` (a later save must not paper over a rewrite)."""
    try:
        current = read_mark(db.url)
        if current is not None:
            (seq, digest), _ = current
            if after[0] <= seq:
                return
            if before != (seq, digest) and compare_anchors(db, [Anchor(seq, digest, "")]):
                return
        _write_mark(db.url, after)
    except (OSError, InputRefused):
        return


def sealing_audit_head(work: Work) -> tuple[int, str] | None:
    """The chain head as the signing's own transaction sees it, recorded inside a document at its sealing."""
    return chain_head_in(work.session)


def record_high_water_mark(ctx: ServiceContext) -> None:
    """At the end of a command or when the app closes: the mark follows the chain head (see advance_mark)."""
    head = chain_head(ctx.db)
    if head is not None:
        advance_mark(ctx.db, None, head)


def watch_commits(db: Database) -> None:
    """Every commit that appends audit entries raises this workstation's mark, so the mark is the head
    whenever no ExoConsult process is running: entries beyond it were not written by this workstation."""
    db.audit_commit_listeners.append(partial(advance_mark, db))


def forget_high_water_mark(database_url: str) -> None:
    """After a restore (a deliberate, audited rollback) this workstation starts again from the restored
    head, which the next save or command records."""
    try:
        _mark_path(database_url).unlink(missing_ok=True)
    except OSError:
        pass


def _document_anchors(ctx: ServiceContext, facts: DocumentFacts | None) -> list[tuple[Anchor, str]]:
    """The audit head each sealed document carries; with `facts` (the daily check) read from the PDF only
    for documents new or changed since the head was last read from it."""
    out = []
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ConsentRepository(uow.session)
        for row in repo.each_document(with_pdf=facts is None):  # a few at a time: memory stays bounded
            key = document_key(row)
            known, head = facts.anchor(key) if facts is not None else (False, None)
            if not known:
                head = sealed_audit_head(bytes(row.pdf))
                if facts is not None:
                    facts.note_anchor(key, head)
            if head is not None:
                kind = "consent" if isinstance(row, ConsentRow) else "withdrawal"
                # "" = always compared: a document in this database belongs to this database's chain,
                # whatever restores happened (so a forged restore entry cannot excuse it).
                out.append((Anchor(head[0], head[1], f"sealed {kind} {row.document_id}"), ""))
    return out


def _backup_file_anchors(folder: Path) -> list[tuple[Anchor, str]]:
    """The chain head in the summary of each clinic backup file (readable without the passphrase)."""
    from exoconsult.storage.clinic_backup_file import SUFFIX, BackupRefused, read_header

    out = []
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        try:
            summary = read_header(path).get("summary")
        except BackupRefused:
            continue
        if isinstance(summary, dict):
            head = _valid_head({"seq": summary.get("audit_head_seq"), "hash": summary.get("audit_head_hash")})
            if head is not None:
                out.append((Anchor(head[0], head[1], f"backup {path.name}"), str(summary.get("created_at") or "")))
    return out


def _manifest_anchors(folders: list[Path]) -> list[tuple[Anchor, str]]:
    """Clinic backup files, and the manifests beside the database-only backups of earlier versions."""
    out = []
    for folder in folders:
        if not folder.is_dir():
            continue
        out += _backup_file_anchors(folder)
        for path in sorted(folder.rglob("*.manifest.json")):
            try:
                manifest = load_json_file(path, MANIFEST_LIMIT, "manifest")
            except InputRefused:
                continue
            head = _valid_head(manifest.get("audit_head")) if isinstance(manifest, dict) else None
            if head is not None:
                out.append((Anchor(head[0], head[1], f"backup manifest {path.name}"),
                            str(manifest.get("created_at") or "")))
    return out


def _mark_anchor(ctx: ServiceContext) -> list[tuple[Anchor, str]]:
    mark = read_mark(ctx.db.url)
    if mark is None:
        return []
    return [(Anchor(mark[0][0], mark[0][1], f"this workstation's high-water mark ({_mark_path(ctx.db.url)})"),
             mark[1])]


def _unrecorded_tail(ctx: ServiceContext) -> list[IntegrityProblem]:
    """SQLite: only this computer writes the file, and every save here raises the mark. Entries beyond the
    mark were therefore not written by ExoConsult under this account (or the app was killed between a commit
    and writing the mark, which the message allows for). PostgreSQL: other workstations write too; skipped."""
    mark = read_mark(ctx.db.url)
    head = chain_head(ctx.db)
    if not ctx.db.is_sqlite or mark is None or head is None or head[0] <= mark[0][0]:
        return []
    first = mark[0][0] + 1
    return [IntegrityProblem(
        "anchor", f"entries #{first}..#{head[0]} are beyond this workstation's high-water mark (#{mark[0][0]}): "
                  "ExoConsult on this computer did not write them (written outside the app, by another user "
                  "account, or the app was stopped between a save and recording the mark)", seq=first)]


def _instant(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def anchor_report(ctx: ServiceContext, extra_folders: tuple[Path, ...] = (),
                  facts: DocumentFacts | None = None) -> tuple[list[IntegrityProblem], list[str]]:
    """(problems, notes): every anchor found compared with the chain (`facts`: see _document_anchors)."""
    found = _document_anchors(ctx, facts) + _manifest_anchors([ctx.data_dir.backups_dir, *extra_folders]) + _mark_anchor(ctx)
    restore = newest_restore(ctx.db)
    restored_at = _instant(restore[0]) if restore else None
    current, superseded = [], []
    for anchor, when in found:
        at = _instant(when) if when else None
        (superseded if restored_at and at and at < restored_at else current).append(anchor)
    problems = [IntegrityProblem("anchor", m.describe(), seq=m.anchor.seq)
                for m in compare_anchors(ctx.db, current)]
    if not any("high-water mark" in p.message for p in problems):
        problems += _unrecorded_tail(ctx)
    notes = []
    if superseded and restore:
        notes.append(f"note: {len(superseded)} anchor(s) predate the restore of {restore[0]} by {restore[1]} "
                     "and describe the replaced database; not compared")
    notes.append(f"anchors compared: {len(current)} (sealed documents, backup manifests, this workstation's mark)")
    return problems, notes
