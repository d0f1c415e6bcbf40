"""Backups: "Back up now" to a chosen folder (e.g. a USB stick), an automatic backup at the first start
of each day (the last 14 kept), and restore after verification.

A backup is `exoconsult-backup-<UTC stamp>.sqlite` plus `<same name>.manifest.json` (app version, schema
revisions, UTC time, SHA-256 of the file, audit chain head, row count per table). Before a backup is
reported as made, and before a restore touches anything, the file is checked: hash, SQLite integrity
check, audit chain and audit replay, counts and chain head equal to the manifest.

PostgreSQL installations are backed up by the database server (pg_dump / continuous archiving); the
app refuses rather than pretend.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from exoconsult import __version__
from exoconsult.bounded_input import MANIFEST_LIMIT, InputRefused, load_json_file
from exoconsult.config import DataDir, make_private_dir
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR, Actor
from exoconsult.services.core.clinic_settings import current_settings
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, requires
from exoconsult.storage import backup as files
from exoconsult.storage import migrate
from exoconsult.storage.db import Database
from exoconsult.storage.uow import UnitOfWork

PREFIX = "exoconsult-backup-"
MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_FORMAT = "exoconsult-backup/1"
DAILY_KEEP = 14
POSTGRES_MESSAGE = ("This clinic's database is PostgreSQL: backups are the database server's job (pg_dump or "
                    "continuous archiving, set up by the clinic's IT). ExoConsult does not back it up.")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest_path: Path
    sha256: str
    created_at: datetime
    audit_head_seq: int
    row_counts: dict[str, int]


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    ok: bool
    problems: tuple[str, ...]
    manifest: dict | None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_database: Path | None  # where the previous database was moved (never deleted)
    audit_head_seq: int


def manifest_path_for(path: Path) -> Path:
    return path.with_name(path.name + MANIFEST_SUFFIX)


def _stamp(when: datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S%fZ")


def _sqlite_file(database_url: str) -> Path:
    path = files.sqlite_path(database_url)
    if path is None:
        raise StorageError(POSTGRES_MESSAGE)
    return path


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    files.fsync_dir(path.parent)


def check_backup(path: Path) -> BackupCheck:
    """Is this backup whole and what its manifest says? Reads only; never changes the file."""
    path = Path(path)
    problems: list[str] = []
    manifest: dict | None = None
    try:
        if not manifest_path_for(path).exists():
            raise FileNotFoundError
        manifest = load_json_file(manifest_path_for(path), MANIFEST_LIMIT, "manifest")
        if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
            raise ValueError("unknown manifest format")
    except FileNotFoundError:
        problems.append(f"the manifest {manifest_path_for(path).name} is missing")
    except (ValueError, OSError, InputRefused) as exc:
        problems.append(f"the manifest cannot be read ({exc})")
        manifest = None
    if not path.is_file():
        return BackupCheck(path, False, (*problems, f"{path.name} is not a file"), manifest)
    if manifest is not None and files.sha256_file(path) != manifest.get("sha256"):
        problems.append("the file's SHA-256 differs from the manifest (the file was damaged or altered)")
    if problems:
        return BackupCheck(path, False, tuple(problems), manifest)
    found, facts = files.check_copy(path)
    problems += [p.describe() for p in found]
    if facts is not None and manifest is not None:
        if facts.row_counts != manifest.get("row_counts"):
            problems.append("the row counts differ from the manifest")
        if [facts.audit_head_seq, facts.audit_head_hash] != [manifest.get("audit_head", {}).get(k) for k in ("seq", "hash")]:
            problems.append("the audit chain head differs from the manifest")
    return BackupCheck(path, not problems, tuple(problems), manifest)


def make_backup(ctx: ServiceContext, dest_dir: Path, *, actor: Actor, purpose: str = "manual") -> BackupResult:
    """Copy, verify, hash and describe the database in `dest_dir`; audit it. Raises StorageError if the
    copy does not verify (the bad copy is removed; the database is untouched)."""
    db_file = _sqlite_file(ctx.db.url)
    dest_dir = Path(dest_dir)
    if not dest_dir.is_dir():
        raise ValidationError({"destination": f"{dest_dir} is not a folder."})
    now = ctx.clock.now()
    path = dest_dir / f"{PREFIX}{_stamp(now)}.sqlite"
    if path.exists():
        raise StorageError(f"{path.name} already exists")
    facts = files.snapshot_sqlite(db_file, path)
    manifest = {
        "format": MANIFEST_FORMAT, "app_version": __version__, "schema_revisions": list(facts.schema_revisions),
        "created_at": now.isoformat(timespec="microseconds"), "database_file": path.name,
        "sha256": files.sha256_file(path), "bytes": path.stat().st_size,
        "audit_head": {"seq": facts.audit_head_seq, "hash": facts.audit_head_hash},
        "row_counts": facts.row_counts, "purpose": purpose,
    }
    _write_json(manifest_path_for(path), manifest)
    check = check_backup(path)
    if not check.ok:
        path.unlink(missing_ok=True)
        manifest_path_for(path).unlink(missing_ok=True)
        raise StorageError("the backup copy failed verification and was removed: " + "; ".join(check.problems))
    with ctx.uow(actor) as uow:
        uow.audit("backup", "database", "1", detail={"file": path.name, "sha256": manifest["sha256"],
                                                      "audit_head_seq": facts.audit_head_seq, "purpose": purpose})
        uow.commit()
    return BackupResult(path, manifest_path_for(path), manifest["sha256"], now, facts.audit_head_seq,
                        dict(facts.row_counts))


def daily_dir(data_dir: DataDir) -> Path:
    return data_dir.backups_dir / "daily"


def _backup_day(path: Path, zone: ZoneInfo) -> str | None:
    stamp = path.name[len(PREFIX):].removesuffix(".sqlite")
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date().isoformat()
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Path]:
    """Backups in a folder, oldest first (the UTC stamp in the name sorts by time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*.sqlite") if p.is_file())


def daily_backup_if_due(ctx: ServiceContext, *, keep: int = DAILY_KEEP) -> BackupResult | None:
    """At the first start of each clinic day, back up into <data dir>/backups/daily and keep the newest
    `keep`. Returns None when today's backup exists or the database is PostgreSQL."""
    if files.sqlite_path(ctx.db.url) is None:
        return None
    zone = ZoneInfo(current_settings(ctx).time_zone)
    folder = make_private_dir(daily_dir(ctx.data_dir))
    today = ctx.clock.now().astimezone(zone).date().isoformat()
    existing = list_backups(folder)
    if any(_backup_day(p, zone) == today for p in existing):
        return None
    result = make_backup(ctx, folder, actor=SYSTEM_ACTOR, purpose="daily")
    for old in list_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
        manifest_path_for(old).unlink(missing_ok=True)
    return result


def restore_backup(data_dir: DataDir, src: Path, *, database_url: str | None = None, actor: Actor,
                   now: datetime, close=None) -> RestoreResult:
    """Verify `src`, then move the current database aside (renamed with a time stamp, kept) and put
    the backup in its place. Nothing is touched unless the backup verifies. `close` (optional) is called
    right before the move so an open context releases its connections."""
    db_file = _sqlite_file(database_url or data_dir.database_url())
    src = Path(src).resolve()
    if src == db_file.resolve():
        raise ValidationError({"source": "That is the live database, not a backup."})
    check = check_backup(src)
    if not check.ok:
        raise StorageError(f"The backup {src.name} was refused and nothing was changed: " + "; ".join(check.problems))
    assert check.manifest is not None
    data_dir.ensure()
    staged = files.stage_copy(src, db_file, check.manifest["sha256"])
    replaced: Path | None = None
    if close is not None:
        close()
    if db_file.exists() and db_file.stat().st_size > 0:
        try:
            files.checkpoint(db_file)
        except Exception:  # noqa: BLE001 - a damaged database is moved aside as it is
            pass
        aside = data_dir.backups_dir / "replaced" / f"exoconsult-replaced-{_stamp(now)}.sqlite"
        replaced = files.move_database_aside(db_file, aside)
    files.put_in_place(staged, db_file)
    clock = _FixedClock(now)
    db = Database(database_url or data_dir.database_url())
    try:
        migrate.upgrade(db, data_dir.backups_dir, now=now)
        with UnitOfWork(db, actor, clock) as uow:
            uow.audit("restore", "database", "1", detail={
                "from": src.name, "sha256": check.manifest["sha256"], "backup_created_at": check.manifest.get("created_at"),
                "previous_database_kept_as": replaced.name if replaced else None, "os_user": _os_user()})
            uow.commit()
    finally:
        db.dispose()
    return RestoreResult(src, replaced, int(check.manifest["audit_head"]["seq"]))


class _FixedClock:
    def __init__(self, when: datetime) -> None:
        self._when = when

    def now(self) -> datetime:
        return self._when


def _os_user() -> str:
    try:
        return getpass.getuser()[:64]
    except Exception:  # noqa: BLE001 - no login name in some service environments
        return ""


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.BACKUP_MANAGE)
    def backup_now(self, actor: Actor, dest_dir: Path) -> BackupResult:
        return make_backup(self.ctx, Path(dest_dir), actor=actor, purpose="manual")

    @requires(Permission.BACKUP_MANAGE)
    def check(self, actor: Actor, path: Path) -> BackupCheck:
        return check_backup(Path(path))

    @requires(Permission.BACKUP_MANAGE)
    def list_daily(self, actor: Actor) -> list[Path]:
        return list_backups(daily_dir(self.ctx.data_dir))

    @requires(Permission.BACKUP_MANAGE)
    def restore(self, actor: Actor, src: Path) -> RestoreResult:
        """Replace the database with a verified backup. Other workstations must be closed first; this
        context's connections are closed and reopen on the restored file."""
        result = restore_backup(self.ctx.data_dir, Path(src), database_url=self.ctx.db.url, actor=actor,
                                now=self.ctx.clock.now(), close=self.ctx.db.dispose)
        from exoconsult.services.core.external_anchors import forget_high_water_mark

        forget_high_water_mark(self.ctx.db.url)  # the restore is an audited rollback, not an attack
        return result
