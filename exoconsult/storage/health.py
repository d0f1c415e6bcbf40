"""Read-only facts about a database for the installation checks (`exoconsult doctor`): can it be reached,
does SQLite hold the settings the app requires, is the schema the one this version writes, and the
times of the newest audit entries. Nothing here writes or migrates."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from exoconsult.storage.accounts import read_settings
from exoconsult.storage.db import SQLITE_PRAGMAS, Database, read_sqlite_pragmas
from exoconsult.storage.orm import AuditEntryRow


@dataclass(frozen=True)
class DatabaseFacts:
    dialect: str
    pragmas_wrong: dict[str, tuple[object, object]]  # name -> (found, required); SQLite only
    revisions: tuple[str, ...]
    heads: tuple[str, ...]
    newest_audit_at: str | None
    newest_backup_at: str | None
    unknown_revisions: tuple[str, ...]  # written by a newer version
    settings: dict[str, str]  # the clinic settings as stored (key -> JSON text)

    @property
    def schema_current(self) -> bool:
        return self.revisions == self.heads


def database_facts(url: str) -> DatabaseFacts:
    """Raises whatever the driver raises when the database cannot be reached (the caller reports it)."""
    db = Database(url)
    try:
        wrong: dict[str, tuple[object, object]] = {}
        with db.connect() as conn:
            if db.is_sqlite:
                found = read_sqlite_pragmas(conn.connection.dbapi_connection)
                wrong = {name: (found[name], want) for name, _, want in SQLITE_PRAGMAS if found[name] != want}
            has_audit = conn.dialect.has_table(conn, AuditEntryRow.__tablename__)
            newest = backup = None
            if has_audit:
                newest = conn.execute(select(func.max(AuditEntryRow.at))).scalar()
                backup = conn.execute(select(func.max(AuditEntryRow.at)).where(AuditEntryRow.action == "backup")).scalar()
        # Alembic, here: `doctor` asks it, while `verify` imports this module (every storage module) without it
        from exoconsult.storage import migrate

        revisions = migrate.current_revisions(db)
        unknown = tuple(sorted(set(revisions) - migrate.known_revisions()))
        stored = read_settings(db) if revisions else {}
        return DatabaseFacts(db.dialect, wrong, revisions, migrate.script_heads(), newest, backup, unknown, stored)
    finally:
        db.dispose()
