"""Schema migrations (Alembic, shipped in the package, run from code at start-up).

Before any upgrade of a SQLite database that already holds data, a backup is taken with SQLite's online
backup API and verified (integrity check + identical row counts) before the first DDL runs. A database
whose schema revision this app does not know (written by a newer version) is refused, never modified.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect as sa_inspect

from exoconsult.domain.errors import SchemaTooNew, StorageError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.storage.db import Database


@dataclass(frozen=True)
class UpgradeResult:
    before: tuple[str, ...]
    after: tuple[str, ...]
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("exoconsult.storage") / "migrations"))
    return cfg


def script_heads() -> tuple[str, ...]:
    return tuple(sorted(ScriptDirectory.from_config(_config()).get_heads()))


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revisions(db: Database) -> tuple[str, ...]:
    with db.connect() as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def check_not_newer(db: Database) -> tuple[str, ...]:
    current = current_revisions(db)
    unknown = sorted(set(current) - known_revisions())
    if unknown:
        raise SchemaTooNew(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The database was written by a newer version of ExoConsult (schema {schema}). "
                               "This version cannot open it and has not changed it. Install the newer version."),
            schema=", ".join(unknown)))
    return current


def sqlite_backup(src: Path, dest: Path) -> Path:
    """Consistent copy of a live SQLite database (online backup API), owner-only, then verified."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = dest.with_suffix(dest.suffix + ".partial")
    tmp.unlink(missing_ok=True)
    tmp.touch(mode=0o600)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        verify_sqlite_copy(source, tmp)
    finally:
        source.close()
    tmp.replace(dest)
    return dest


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # noqa: S608 - names from sqlite_master


def verify_sqlite_copy(source: sqlite3.Connection | None, copy: Path) -> None:
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the backup {file} failed its integrity check: {result}"), file=copy.name, result=result[:3]))
        if source is not None and _table_counts(conn) != _table_counts(source):
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the backup {file} does not hold the same rows as the database"), file=copy.name))
    finally:
        conn.close()


def upgrade(db: Database, backup_dir: Path | None = None, *, now: datetime | None = None) -> UpgradeResult:
    """Bring the schema to this app's heads. Refuses newer schemas; backs up non-empty SQLite first."""
    before = check_not_newer(db)
    heads = script_heads()
    if before == heads:
        return UpgradeResult(before, before, None)
    backup: Path | None = None
    if db.is_sqlite and db.sqlite_path is not None and backup_dir is not None:
        with db.connect() as conn:
            has_tables = bool(sa_inspect(conn).get_table_names())
        if has_tables:
            stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
            label = "-".join(before) or "unversioned"
            backup = sqlite_backup(db.sqlite_path, backup_dir / f"pre-upgrade-{stamp}-{label}.sqlite")
    from alembic import command

    cfg = _config()
    with db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return UpgradeResult(before, current_revisions(db), backup)
