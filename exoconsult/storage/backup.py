"""SQLite backup files: a consistent online copy, the facts a manifest records about it, and the
checks that prove a copy is whole before anyone relies on it.

The copy is taken with SQLite's online backup API inside one read transaction, and the row counts and
audit head written to the manifest are read in that same transaction: in WAL mode a writer in another
process carries on, and neither the copy nor the facts see anything it commits meanwhile.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

import exoconsult.storage.accounts  # noqa: F401  (so the audit replay of a copy checks users too)
from exoconsult.domain.errors import StorageError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.storage.checkpoints import full_check_due, latest_checkpoint
from exoconsult.storage.db import BUSY_TIMEOUT_MS
from exoconsult.storage.integrity import IntegrityProblem, check_chain, check_database, check_replay
from exoconsult.storage.orm import AuditEntryRow


@dataclass(frozen=True)
class SnapshotFacts:
    """What a backup holds, read in the same transaction as the copy."""

    row_counts: dict[str, int]
    audit_head_seq: int
    audit_head_hash: str
    schema_revisions: tuple[str, ...]


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite URL, or None for another database (PostgreSQL)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "an in-memory SQLite database cannot be backed up")))
    return Path(url.database)


def _facts(conn: sqlite3.Connection) -> SnapshotFacts:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # noqa: S608 - names from sqlite_master
    head = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone() if "audit_head" in counts else None
    revisions: tuple[str, ...] = ()
    if "alembic_version" in counts:
        revisions = tuple(sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version")))
    return SnapshotFacts(counts, head[0] if head else 0, head[1] if head else "", revisions)


def live_facts(db_file: Path) -> SnapshotFacts:
    """The facts of a live database, read in one read transaction (what a backup of it now would record)."""
    conn = sqlite3.connect(f"file:{db_file.resolve()}?mode=ro", uri=True, isolation_level=None,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("BEGIN")
        return _facts(conn)
    finally:
        conn.close()


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def snapshot_sqlite(source_file: Path, dest: Path) -> SnapshotFacts:
    """Consistent copy of a live database to `dest` (owner-only, written atomically)."""
    if not source_file.exists():
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "there is no database at {file}"), file=source_file))
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(source_file, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        source.execute("BEGIN")  # one read snapshot for the facts and the copy
        facts = _facts(source)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            target.close()
        source.execute("COMMIT")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    fsync_file(tmp)
    os.replace(tmp, dest)
    fsync_dir(dest.parent)
    return facts


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ReadOnlyCopy:
    """A backup file opened read-only and immutable (nothing, not even a -wal file, is written next to
    it), shaped like `Database` for the integrity checks."""

    is_sqlite = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine = create_engine(f"sqlite:///file:{path.resolve()}?mode=ro&immutable=1&uri=true")

    @contextmanager
    def connect(self, *, write: bool = False) -> Iterator:
        if write:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "a backup copy is read-only")))
        with self._engine.connect() as conn:
            yield conn

    def facts(self) -> SnapshotFacts:
        conn = sqlite3.connect(f"file:{self.path.resolve()}?mode=ro&immutable=1", uri=True)
        try:
            return _facts(conn)
        finally:
            conn.close()

    def dispose(self) -> None:
        self._engine.dispose()


def check_copy(path: Path) -> tuple[list[IntegrityProblem], SnapshotFacts | None]:
    """Integrity check, known schema, audit chain and audit replay of a backup file (read-only)."""
    copy = ReadOnlyCopy(path)
    try:
        try:
            problems = check_database(copy)  # type: ignore[arg-type]
            if problems:
                return problems, None
            facts = copy.facts()
        except Exception as exc:  # noqa: BLE001 - a damaged file raises many kinds of sqlite errors
            return [IntegrityProblem("database", f"the file cannot be read as a database: {exc}")], None
        from exoconsult.storage.migrate import known_revisions  # Alembic: only when a backup is checked

        unknown = sorted(set(facts.schema_revisions) - known_revisions())
        if not facts.schema_revisions:
            return [IntegrityProblem("database", "the file holds no ExoConsult schema")], facts
        if unknown:
            return [IntegrityProblem("database", f"the backup was written by a newer version (schema {', '.join(unknown)})")], facts
        with copy.connect() as conn:
            since = latest_checkpoint(conn)
            newest = conn.execute(select(AuditEntryRow.at).order_by(AuditEntryRow.seq.desc()).limit(1)).scalar()
        if since is not None and (newest is None or full_check_due(since, datetime.fromisoformat(newest))):
            since = None  # the copy's own clock: a week of clinic activity since its last full check
        return check_chain(copy, since) + check_replay(copy, since), facts  # type: ignore[arg-type]
    finally:
        copy.dispose()


def checkpoint(db_file: Path) -> None:
    """Fold the WAL into the main file (best effort) before the file is moved aside."""
    conn = sqlite3.connect(db_file, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def move_database_aside(db_file: Path, dest: Path) -> Path:
    """Rename the database and its -wal/-shm companions to `dest` (never deleted)."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    for suffix in ("-wal", "-shm"):
        companion = db_file.with_name(db_file.name + suffix)
        if companion.exists():
            os.replace(companion, dest.with_name(dest.name + suffix))
    os.replace(db_file, dest)
    fsync_dir(dest.parent)
    fsync_dir(db_file.parent)
    return dest


def stage_copy(src: Path, db_file: Path, expected_sha256: str) -> Path:
    """Copy `src` next to the database (owner-only, fsynced) and check the copy's hash; returns the
    staged file, to be put in place with `put_in_place` once the current database is aside."""
    staged = db_file.with_name(db_file.name + ".restoring")
    staged.unlink(missing_ok=True)
    digest = hashlib.sha256()
    fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
        for block in iter(lambda: inp.read(1 << 20), b""):
            digest.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != expected_sha256:
        staged.unlink(missing_ok=True)
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup changed while it was being copied; nothing was restored")))
    return staged


def put_in_place(staged: Path, db_file: Path) -> None:
    os.replace(staged, db_file)
    fsync_dir(db_file.parent)
