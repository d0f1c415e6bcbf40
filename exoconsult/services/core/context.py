"""What every service needs: the database, the clock, the data folder and the forms folder.
Built once by `open_context` (app.py / cli), passed explicitly; no globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exoconsult.clock import Clock, SystemClock
from exoconsult.config import DataDir
from exoconsult.domain.people import Actor
from exoconsult.storage.db import Database
from exoconsult.storage.schema_version import at_shipped_head
from exoconsult.storage.uow import UnitOfWork


def default_forms_dir() -> Path:
    """The forms shipped with the program (inside the installed package; the checkout's forms/ in development)."""
    from exoconsult.paths import forms_dir

    return forms_dir()


@dataclass
class ServiceContext:
    db: Database
    clock: Clock
    data_dir: DataDir
    forms_dir: Path

    def uow(self, actor: Actor, *, write: bool = True) -> UnitOfWork:
        return UnitOfWork(self.db, actor, self.clock, write=write)

    def close(self) -> None:
        self.db.dispose()


def open_database(data_dir: DataDir, database_url: str | None = None, *, clock: Clock | None = None,
                  forms_dir: Path | None = None, upgrade: bool = True) -> ServiceContext:
    """Open (and migrate, after a verified backup) the database for a data folder. Start-up repairs are
    run by `exoconsult.services.clinic.open_context`, which callers use."""
    db = Database(database_url or data_dir.database_url())
    try:
        db.check_reachable()  # before creating anything: an unreachable server leaves no empty data folder behind
    except BaseException:
        db.dispose()
        raise
    data_dir.ensure()
    if not at_shipped_head(db):  # the everyday case needs no Alembic (storage/schema_version.py)
        from exoconsult.storage import migrate

        if upgrade:
            migrate.upgrade(db, data_dir.backups_dir)
        else:
            migrate.check_not_newer(db)
    return ServiceContext(db=db, clock=clock or SystemClock(), data_dir=data_dir,
                          forms_dir=forms_dir or clinic_forms_dir(data_dir))


def clinic_forms_dir(data_dir: DataDir) -> Path:
    """A clinic's own reviewed copy of forms/ in its data folder (where it records its approvals of the
    texts and protocol) wins over the shipped, not-yet-approved defaults."""
    own = data_dir.root / "forms"
    return own if own.is_dir() else default_forms_dir()
