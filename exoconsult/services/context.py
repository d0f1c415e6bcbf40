"""What every service needs: the database, the clock, the data folder and the forms folder.
Built once by `open_context` (app.py / cli), passed explicitly; no globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exoconsult.clock import Clock, SystemClock
from exoconsult.config import DataDir
from exoconsult.domain.people import Actor
from exoconsult.storage import migrate
from exoconsult.storage.db import Database
from exoconsult.storage.uow import UnitOfWork


def default_forms_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "forms"


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


def open_context(data_dir: DataDir, database_url: str | None = None, *, clock: Clock | None = None,
                 forms_dir: Path | None = None, upgrade: bool = True) -> ServiceContext:
    """Open (and migrate, after a verified backup) the database for a data folder."""
    db = Database(database_url or data_dir.database_url())
    try:
        db.check_reachable()  # before creating anything: an unreachable server leaves no empty data folder behind
    except BaseException:
        db.dispose()
        raise
    data_dir.ensure()
    if upgrade:
        migrate.upgrade(db, data_dir.backups_dir)
    else:
        migrate.check_not_newer(db)
    # Every @requires check must also confirm the account is still active: the auth service installs that
    # check when imported, so make sure it always is, whatever the caller imported first.
    import exoconsult.services.auth  # noqa: F401
    from exoconsult.services.external_anchors import watch_commits

    watch_commits(db)  # each save raises this workstation's audit high-water mark (outside the data folder)
    ctx = ServiceContext(db=db, clock=clock or SystemClock(), data_dir=data_dir,
                         forms_dir=forms_dir or clinic_forms_dir(data_dir))
    if upgrade:
        # Start-up check: a signing killed after its commit but before its archive copy is repaired here.
        from exoconsult.services.consent_archive import repair_archive

        repair_archive(ctx, deep=False)
    return ctx


def clinic_forms_dir(data_dir: DataDir) -> Path:
    """A clinic's own reviewed copy of forms/ in its data folder (where it records its approvals of the
    texts and protocol) wins over the shipped, not-yet-approved defaults."""
    own = data_dir.root / "forms"
    return own if own.is_dir() else default_forms_dir()
