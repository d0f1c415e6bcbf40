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

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from exoconsult.bounded_input import MANIFEST_LIMIT, InputRefused, load_json_file
from exoconsult.config import workstation_config_dir
from exoconsult.documents.seal_facts import seal_facts
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.context import ServiceContext
from exoconsult.storage.anchors import Anchor, chain_head, compare_anchors, newest_restore
from exoconsult.storage.consents import ConsentRepository, ConsentRow
from exoconsult.storage.integrity import IntegrityProblem

HIGH_WATER_FILE = "audit-high-water.json"
_HASH_CHARS = set("0123456789abcdef")


def _installation_key(ctx: ServiceContext) -> str:
    """Which installation a high-water mark belongs to: the database URL without its password."""
    from exoconsult.storage.anchors import safe_url

    return safe_url(ctx.db.url)


def _high_water_path() -> Path:
    return workstation_config_dir() / HIGH_WATER_FILE


def _read_marks() -> dict[str, dict]:
    try:
        data = load_json_file(_high_water_path(), MANIFEST_LIMIT, "high-water mark file")
    except InputRefused:
        return {}
    return data if isinstance(data, dict) else {}


def _write_marks(marks: dict[str, dict]) -> None:
    folder = workstation_config_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = folder / (HIGH_WATER_FILE + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(marks, fh, indent=2, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, _high_water_path())


def _valid_head(value: object) -> tuple[int, str] | None:
    if not isinstance(value, dict):
        return None
    seq, digest = value.get("seq"), value.get("hash")
    if isinstance(seq, int) and not isinstance(seq, bool) and seq > 0 and isinstance(digest, str) \
            and len(digest) == 64 and set(digest) <= _HASH_CHARS:
        return seq, digest
    return None


def sealing_audit_head(ctx: ServiceContext) -> tuple[int, str] | None:
    """The committed chain head, recorded inside a document at its sealing."""
    return chain_head(ctx.db)


def record_high_water_mark(ctx: ServiceContext) -> None:
    """Raise this workstation's mark to the current chain head, unless the chain disagrees with the mark
    (then keep the old mark, so `verify` can still report it). Never fails the caller's work."""
    try:
        head = chain_head(ctx.db)
        if head is None:
            return
        marks = _read_marks()
        key = _installation_key(ctx)
        old = _valid_head(marks.get(key))
        if old is not None and (old[0] > head[0] or compare_anchors(ctx.db, [Anchor(old[0], old[1], "")])):
            return
        if old is not None and old[0] == head[0]:
            return
        marks[key] = {"seq": head[0], "hash": head[1], "at": datetime.now(UTC).isoformat(timespec="seconds")}
        _write_marks(marks)
    except (OSError, InputRefused):
        return


def forget_high_water_mark(database_url: str) -> None:
    """After a restore (a deliberate, audited rollback) this workstation starts again from the restored
    head, which the next command or the app's next close records."""
    from exoconsult.storage.anchors import safe_url

    marks = _read_marks()
    if marks.pop(safe_url(database_url), None) is not None:
        try:
            _write_marks(marks)
        except OSError:
            pass


def _document_anchors(ctx: ServiceContext) -> list[tuple[Anchor, str]]:
    out = []
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ConsentRepository(uow.session)
        for row in list(repo.all()) + list(repo.all_withdrawals()):
            head = seal_facts(bytes(row.pdf)).audit_head
            if head is not None:
                kind = "consent" if isinstance(row, ConsentRow) else "withdrawal"
                # "" = always compared: a document in this database belongs to this database's chain,
                # whatever restores happened (so a forged restore entry cannot excuse it).
                out.append((Anchor(head[0], head[1], f"sealed {kind} {row.document_id}"), ""))
    return out


def _manifest_anchors(folders: list[Path]) -> list[tuple[Anchor, str]]:
    out = []
    for folder in folders:
        if not folder.is_dir():
            continue
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
    entry = _read_marks().get(_installation_key(ctx))
    head = _valid_head(entry)
    if head is None:
        return []
    return [(Anchor(head[0], head[1], f"this workstation's high-water mark ({_high_water_path()})"),
             str(entry.get("at") or ""))]


def _instant(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def anchor_report(ctx: ServiceContext, extra_folders: tuple[Path, ...] = ()) -> tuple[list[IntegrityProblem], list[str]]:
    """(problems, notes): every anchor found compared with the chain."""
    found = _document_anchors(ctx) + _manifest_anchors([ctx.data_dir.backups_dir, *extra_folders]) + _mark_anchor(ctx)
    restore = newest_restore(ctx.db)
    restored_at = _instant(restore[0]) if restore else None
    current, superseded = [], []
    for anchor, when in found:
        at = _instant(when) if when else None
        (superseded if restored_at and at and at < restored_at else current).append(anchor)
    problems = [IntegrityProblem("anchor", m.describe(), seq=m.anchor.seq)
                for m in compare_anchors(ctx.db, current)]
    notes = []
    if superseded and restore:
        notes.append(f"note: {len(superseded)} anchor(s) predate the restore of {restore[0]} by {restore[1]} "
                     "and describe the replaced database; not compared")
    notes.append(f"anchors compared: {len(current)} (sealed documents, backup manifests, this workstation's mark)")
    return problems, notes
