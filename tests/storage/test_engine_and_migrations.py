"""Engine settings, migrations from empty, refusing newer schemas, backup before upgrade, permissions."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlalchemy import text

from exoconsult.domain.errors import SchemaTooNew, StorageError
from exoconsult.storage import migrate
from exoconsult.storage.db import SQLITE_PRAGMAS, Database, read_sqlite_pragmas


def test_every_sqlite_connection_has_the_required_pragmas(data_dir):
    db = Database(data_dir.database_url())
    migrate.upgrade(db)
    # Several pooled connections, readers and writers alike, each read back.
    for engine in (db.write_engine, db.read_engine):
        conns = [engine.raw_connection() for _ in range(3)]
        for raw in conns:
            values = read_sqlite_pragmas(raw.driver_connection)
            assert values == {name: want for name, _, want in SQLITE_PRAGMAS}
        for raw in conns:
            raw.close()
    db.dispose()


def test_connection_is_refused_when_wal_cannot_be_set(data_dir, monkeypatch):
    from exoconsult.storage import db as dbmod

    monkeypatch.setattr(dbmod, "SQLITE_PRAGMAS", (*SQLITE_PRAGMAS[:1], ("journal_mode", "MEMORY", "wal")))
    db = Database(data_dir.database_url())
    with pytest.raises(Exception) as info:
        with db.connect() as conn:
            conn.execute(text("SELECT 1"))
    assert "refused required settings" in str(info.value)
    db.dispose()


def test_database_file_is_owner_only(data_dir):
    db = Database(data_dir.database_url())
    migrate.upgrade(db)
    mode = stat.S_IMODE(os.stat(data_dir.db_path).st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(os.stat(data_dir.root).st_mode) == 0o700
    db.dispose()


def test_in_memory_database_is_refused():
    with pytest.raises(StorageError):
        Database("sqlite://")


def test_migrations_run_from_empty_and_are_idempotent(ctx):
    assert migrate.current_revisions(ctx.db) == migrate.script_heads()
    again = migrate.upgrade(ctx.db, ctx.data_dir.backups_dir)
    assert not again.changed and again.backup is None
    with ctx.db.connect() as conn:
        tables = set(conn.dialect.get_table_names(conn))
    assert {"patient", "patient_token", "audit_entry", "audit_head", "setting", "alembic_version"} <= tables


def test_a_newer_schema_is_refused_and_left_untouched(ctx):
    with ctx.db.connect(write=True) as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        conn.commit()
    with pytest.raises(SchemaTooNew) as info:
        migrate.upgrade(ctx.db, ctx.data_dir.backups_dir)
    assert "newer version of ExoConsult" in str(info.value)
    with ctx.db.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"


def test_upgrade_of_a_database_with_data_is_preceded_by_a_verified_backup(data_dir, monkeypatch):
    db = Database(data_dir.database_url())
    migrate.upgrade(db)
    with db.connect(write=True) as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('marker', '\"x\"')"))
        conn.commit()
    # Pretend the app ships one more revision than the database has: the database is "behind".
    monkeypatch.setattr(migrate, "script_heads", lambda: ("0001_foundation", "zzzz_next"))
    from alembic import command

    monkeypatch.setattr(command, "upgrade", lambda cfg, target: None)
    result = migrate.upgrade(db, data_dir.backups_dir)
    assert result.backup is not None and result.backup.exists()
    assert stat.S_IMODE(os.stat(result.backup).st_mode) == 0o600
    copy = sqlite3.connect(result.backup)
    assert copy.execute("SELECT value FROM setting WHERE key='marker'").fetchone() == ('"x"',)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()
    db.dispose()


def test_the_shipped_head_is_read_as_alembic_reads_it():
    """schema_version answers the everyday question without Alembic by reading the migrations' file names;
    that holds while every revision id is its file's name and the newest file is the one head."""
    from exoconsult.storage.schema_version import shipped_revisions

    assert set(shipped_revisions()) == migrate.known_revisions()
    assert migrate.script_heads() == (shipped_revisions()[-1],)


def test_at_shipped_head_only_for_a_database_exactly_at_it(ctx):
    from exoconsult.storage.schema_version import at_shipped_head

    assert at_shipped_head(ctx.db)  # migrated from empty by the fixture
    for other in ("0011_followup", "9999_from_the_future"):
        with ctx.db.connect(write=True) as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": other})
            conn.commit()
        assert not at_shipped_head(ctx.db)


def test_a_database_never_migrated_is_not_at_the_head(data_dir):
    from exoconsult.storage.schema_version import at_shipped_head

    db = Database(data_dir.database_url())
    assert not at_shipped_head(db)
    db.dispose()


def test_the_modules_the_audit_replay_skips_map_no_rows():
    """integrity._HOLD_NO_ROWS leaves Alembic's runner out of the modules the replay imports for their rows
    (loading Alembic costs `verify` a third of a second): a table mapped there would never be checked."""
    import importlib

    from exoconsult.storage import integrity
    from exoconsult.storage.orm import Base

    for name in integrity._HOLD_NO_ROWS:
        module = importlib.import_module(f"exoconsult.storage.{name}")
        mapped = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, Base) and v is not Base]
        assert mapped == [], f"storage/{name}.py maps {mapped}: take it out of _HOLD_NO_ROWS"
