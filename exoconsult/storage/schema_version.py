"""Is the database at this version's schema? The everyday answer without Alembic.

Loading Alembic costs a command such as `exoconsult verify` about a third of a second of start-up (issue 22),
and on almost every run the answer is plain: the database holds the one revision of the newest shipped
migration. Revision ids are the migration files' names (`00NN_name`, each `down_revision` the previous head:
CONTRIBUTING), which tests/storage/test_engine_and_migrations.py pins against Alembic's own reading. Anything
else (a fresh database, an older or newer schema) goes to `storage.migrate`, which asks Alembic."""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from exoconsult.storage.db import Database


def shipped_revisions() -> tuple[str, ...]:
    """The shipped migrations' revision ids, oldest first (their file names without `.py`)."""
    versions = files("exoconsult.storage") / "migrations" / "versions"
    return tuple(sorted(p.name.removesuffix(".py") for p in versions.iterdir()
                        if p.name.endswith(".py") and p.name[:1].isdigit()))


def stored_revisions(db: Database) -> tuple[str, ...]:
    """The revisions the database records (Alembic's `alembic_version` table; none when it has no schema)."""
    try:
        with db.connect() as conn:
            return tuple(sorted(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))))
    except DBAPIError:  # no such table: nothing was ever migrated here
        return ()


def at_shipped_head(db: Database) -> bool:
    """True when the database is exactly at the newest shipped migration (nothing to upgrade or refuse)."""
    shipped = shipped_revisions()
    return bool(shipped) and stored_revisions(db) == (shipped[-1],)
