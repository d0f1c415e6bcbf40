"""Clinic backups: "Back up now" to a chosen folder (e.g. a USB stick), an automatic backup at the first
start of each day (the last 14 kept), and restore (services/admin/restore.py).

A backup is ONE encrypted file, `exoconsult-backup-<UTC stamp>.exobackup`, holding the whole clinic: a
consistent snapshot of the database (the encrypted seal key and its slots inside), keys/ (the seal
certificate, the backup key), the clinic's
own forms/ copy, branding/ and a manifest (the summary below, app and schema version, row counts, the audit
chain head, the SHA-256 of every member). Clinic settings live in the database and travel with it;
local-settings.json is this workstation's own (which database to use) and is not part of a backup.

Encrypted to the clinic backup public key (services/admin/backup_key.py), so the daily backup needs no
passphrase and opening one needs the clinic passphrase. Only the summary is readable without it, so a
restore can show what it would restore: clinic name, certificate fingerprint, time, versions, counts of
patients and consents and the chain head. No name, no record.

Before the file is written the snapshot is checked (integrity, audit chain and replay); after, the file is
read back and every member's SHA-256 compared with the manifest. PostgreSQL installations are backed up by
the database server; the app refuses rather than pretend.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from exoconsult.config import DataDir, make_private_dir
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR, Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.admin.backup_key import load_backup_key
from exoconsult.services.admin.clinic_summary import (
    DATABASE_MEMBER,
    FOLDERS,
    FORMAT,
    ClinicSummary,
    sqlite_file,
    summarise,
)
from exoconsult.services.admin.restore import check_backup, preview_restore, restore_unpacked, unpacked_backup
from exoconsult.services.core.clinic_settings import current_settings
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, requires
from exoconsult.storage import backup as files
from exoconsult.storage import clinic_backup_file as container

PREFIX = "exoconsult-backup-"
SUFFIX = container.SUFFIX
DAILY_KEEP = 14


@dataclass(frozen=True)
class BackupResult:
    path: Path
    sha256: str
    created_at: datetime
    summary: ClinicSummary

    @property
    def audit_head_seq(self) -> int:
        return self.summary.audit_head_seq


def _stamp(when: datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S%fZ")


def clinic_members(data_dir: DataDir, snapshot: Path) -> list[tuple[str, Path]]:
    """(name in the backup, file) for the database snapshot and every file of keys/, forms/, branding/."""
    members = [(DATABASE_MEMBER, snapshot)]
    for folder in FOLDERS:
        root = data_dir.root / folder
        if root.is_dir():
            members += [(f"{folder}/{p.relative_to(root).as_posix()}", p) for p in sorted(root.rglob("*"))
                        if p.is_file() and not p.is_symlink()]
    return members


def build_manifest(summary: ClinicSummary, facts: files.SnapshotFacts, members: list[tuple[str, Path]],
                   purpose: str) -> dict:
    return {"format": FORMAT, "summary": summary.to_json(), "purpose": purpose,
            "row_counts": facts.row_counts,
            "members": {name: container.member_digest(path) for name, path in members}}


def prepare_destination(dest_dir: Path) -> Path:
    """The folder to write into, created when missing; a file, device or system folder is refused clearly."""
    dest_dir = Path(dest_dir)
    resolved = dest_dir.resolve()
    if resolved.parts[:2] in (("/", "proc"), ("/", "sys"), ("/", "dev")):
        raise ValidationError({"destination": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{folder} is a system folder, not a place for backups."), folder=dest_dir)})
    if dest_dir.exists() and not dest_dir.is_dir():
        raise ValidationError({"destination": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{folder} is not a folder."), folder=dest_dir)})
    try:
        dest_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise ValidationError({"destination": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "cannot create the folder {folder}: {error}"), folder=dest_dir,
            error=exc.strerror or exc)}) from None
    return dest_dir


def make_backup(ctx: ServiceContext, dest_dir: Path, *, actor: Actor, purpose: str = "manual") -> BackupResult:
    """Snapshot, check, pack, encrypt, read back and audit. Raises StorageError if anything does not check
    (a partial file is removed; the clinic's data is never touched)."""
    db_file = sqlite_file(ctx.db.url)
    dest_dir = prepare_destination(dest_dir)
    key = load_backup_key(ctx.data_dir)
    now = ctx.clock.now()
    path = dest_dir / f"{PREFIX}{_stamp(now)}{SUFFIX}"
    if path.exists():
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{name} already exists"),
                                               name=path.name))
    # The clear snapshot stays inside the (owner-only) data folder and is deleted when packed.
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=make_private_dir(ctx.data_dir.backups_dir)) as work:
        snapshot = Path(work) / "exoconsult.sqlite"
        facts = files.snapshot_sqlite(db_file, snapshot)
        problems, _ = files.check_copy(snapshot)
        if problems:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the database snapshot failed its checks; no backup was written: {problems}"),
                problems="; ".join(p.describe() for p in problems)))
        copy = files.ReadOnlyCopy(snapshot)
        try:
            summary = summarise(copy, facts, now.isoformat(timespec="microseconds"))
        finally:
            copy.dispose()
        members = clinic_members(ctx.data_dir, snapshot)
        manifest = build_manifest(summary, facts, members, purpose)
        try:
            file_key = container.write_backup(path, {"format": FORMAT, "summary": summary.to_json()}, key,
                                              manifest, members)
        except OSError as exc:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "cannot write the backup into {folder}: {error}"), folder=dest_dir,
                error=exc.strerror or exc)) from None
    try:
        container.verify_written(path, file_key)
    except StorageError as exc:
        path.unlink(missing_ok=True)
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup failed its read-back check and was removed: {error}"), error=exc)) from None
    digest = files.sha256_file(path)
    with ctx.uow(actor) as uow:
        uow.audit("backup", "database", "1", detail={"file": path.name, "sha256": digest, "purpose": purpose,
                                                      "audit_head_seq": facts.audit_head_seq})
        uow.commit()
    return BackupResult(path, digest, now, summary)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def daily_dir(data_dir: DataDir) -> Path:
    return data_dir.backups_dir / "daily"


def _backup_day(path: Path, zone: ZoneInfo) -> str | None:
    stamp = path.name[len(PREFIX):].removesuffix(SUFFIX)
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date().isoformat()
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Path]:
    """Backups in a folder, oldest first (the UTC stamp in the name sorts by time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def daily_backup_if_due(ctx: ServiceContext, *, keep: int = DAILY_KEEP) -> BackupResult | None:
    """At the first start of each clinic day, back up into <data dir>/backups/daily and keep the newest
    `keep`. Returns None when today's backup exists or the database is PostgreSQL."""
    if files.sqlite_path(ctx.db.url) is None:
        return None
    zone = ZoneInfo(current_settings(ctx).time_zone)
    folder = make_private_dir(daily_dir(ctx.data_dir))
    today = ctx.clock.now().astimezone(zone).date().isoformat()
    if any(_backup_day(p, zone) == today for p in list_backups(folder)):
        return None
    result = make_backup(ctx, folder, actor=SYSTEM_ACTOR, purpose="daily")
    for old in list_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return result


def current_summary(ctx: ServiceContext) -> ClinicSummary:
    """The clinic as it is now, in the same terms as a backup's summary."""
    return summarise(ctx.db, files.live_facts(sqlite_file(ctx.db.url)), "")


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.BACKUP_MANAGE)
    def backup_now(self, actor: Actor, dest_dir: Path) -> BackupResult:
        return make_backup(self.ctx, Path(dest_dir), actor=actor, purpose="manual")

    @requires(Permission.BACKUP_MANAGE)
    def set_passphrase(self, actor: Actor, passphrase: str) -> bool:
        """For a clinic set up before backups were encrypted: make its backup key under a new clinic
        passphrase (refused when it already has one: a passphrase is never silently replaced), and encrypt
        its seal key if it is still in clear (True then)."""
        from exoconsult.services.admin.backup_key import create_backup_key
        from exoconsult.services.core import seal_key

        settings = current_settings(self.ctx)
        key = create_backup_key(self.ctx.data_dir, passphrase, clinic_name=settings.clinic_name)
        keys = self.ctx.data_dir.keys_dir
        # Such a clinic also keeps its seal key in clear: the same passphrase becomes its recovery slot, and
        # each urologist gets his own slot when an admin resets his password (which asks for the passphrase).
        converted = not seal_key.is_encrypted(self.ctx.db) and (keys / seal_key.KEY_FILE).is_file()
        with self.ctx.uow(actor) as uow:
            uow.audit("backup_key_created", "clinic", "1", detail={"public_key_sha256": _sha256(key.public)})
            if converted:
                seal_key.encrypt_clear_key(uow, keys, passphrase)
                uow.audit("seal_key_encrypted", "clinic", "1", detail={"slots": ["recovery"]})
            uow.commit()
        if converted:
            seal_key.remove_clear_key(keys)
        return converted

    @requires(Permission.BACKUP_MANAGE)
    def list_daily(self, actor: Actor) -> list[Path]:
        return list_backups(daily_dir(self.ctx.data_dir))

    @requires(Permission.BACKUP_MANAGE)
    def preview(self, actor: Actor, path: Path):
        """The backup's summary beside the current clinic's (no passphrase needed)."""
        return preview_restore(self.ctx.data_dir, Path(path), self.ctx.db.url)

    @requires(Permission.BACKUP_MANAGE)
    def check(self, actor: Actor, path: Path, passphrase: str):
        return check_backup(Path(path), passphrase, self.ctx.data_dir.backups_dir)

    @requires(Permission.BACKUP_MANAGE)
    def restore(self, actor: Actor, path: Path, passphrase: str, replace_other_clinic: str | None = None):
        """Replace the whole clinic with a checked backup. Other workstations must be closed first; this
        context's connections are closed and reopen on the restored database."""
        from exoconsult.services.core.external_anchors import forget_high_water_mark

        sqlite_file(self.ctx.db.url)  # PostgreSQL: refused before anything is opened
        with unpacked_backup(self.ctx.data_dir.backups_dir, Path(path), passphrase) as unpacked:
            result = restore_unpacked(self.ctx.data_dir, unpacked, actor=actor, now=self.ctx.clock.now(),
                                      database_url=self.ctx.db.url, replace_other_clinic=replace_other_clinic,
                                      close=self.ctx.db.dispose)
        forget_high_water_mark(self.ctx.db.url)  # the restore is an audited rollback, not an attack
        return result
