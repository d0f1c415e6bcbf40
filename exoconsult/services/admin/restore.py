"""Restore a whole clinic from one backup file: shown first, opened with the clinic passphrase, checked
whole, and only then put in place.

1. `preview_restore`: the backup's summary (readable without the passphrase) beside the current clinic's.
2. `unpacked_backup`: decrypt into a private folder inside the data folder and check everything: every
   member against the manifest, the database (integrity, schema, audit chain and replay, row counts and
   chain head equal to the manifest), the seal certificate against the fingerprint pinned in that
   database, the seal key against its certificate, the clinic's forms/ against the approvals in that
   database, the backup key against the one that encrypted the file.
3. `restore_unpacked`: a backup of another clinic (another certificate) over an existing clinic needs the
   other clinic's name typed as confirmation. The current database, keys/, forms/ and branding/ are moved
   aside into backups/replaced/clinic-<time>/ (never deleted), the backup's put in place, the database
   migrated, the restore audited, and the result checked again: keys, certificate and database agree.
Nothing in the data folder changes before step 3; a refused backup changes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from exoconsult.config import DataDir, make_private_dir
from exoconsult.definitions.content_files import APPROVALS_RECORD, content_files, read_approvals_record
from exoconsult.domain.content import ContentError
from exoconsult.domain.content_approval import CHANGED, approval_state
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.people import Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.admin.backup_key import BACKUP_KEY_FILE
from exoconsult.services.admin.clinic_keys import seal_identity_problems
from exoconsult.services.admin.clinic_summary import (
    DATABASE_MEMBER,
    FOLDERS,
    FORMAT,
    ClinicSummary,
    read_summary,
    settings_value,
    sqlite_file,
    summarise,
)
from exoconsult.services.core import content_approval as approvals
from exoconsult.services.core import seal_key
from exoconsult.storage import backup as files
from exoconsult.storage import clinic_backup_file as container
from exoconsult.storage import migrate
from exoconsult.storage.accounts import read_settings
from exoconsult.storage.content_approvals import approvals_in
from exoconsult.storage.db import Database
from exoconsult.storage.secret_box import BackupKey, WrongSecret
from exoconsult.storage.uow import UnitOfWork


@dataclass(frozen=True)
class RestorePreview:
    backup: ClinicSummary
    current: ClinicSummary | None  # None: this data folder holds no clinic yet
    same_clinic: bool


@dataclass(frozen=True)
class Unpacked:
    source: Path
    folder: Path
    summary: ClinicSummary
    public_key: bytes

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_MEMBER


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_database: Path | None  # the folder the previous clinic was moved into (never deleted)
    audit_head_seq: int
    summary: ClinicSummary


def current_clinic(data_dir: DataDir, database_url: str | None = None) -> ClinicSummary | None:
    """The clinic in this data folder as a summary, or None when there is no database yet."""
    db_file = sqlite_file(database_url or data_dir.database_url())
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return None
    facts = files.live_facts(db_file)
    if not facts.schema_revisions:
        return None
    db = Database(f"sqlite:///{db_file}")
    try:
        return summarise(db, facts, "")
    finally:
        db.dispose()


def same_clinic(current: ClinicSummary | None, backup: ClinicSummary) -> bool:
    """A clinic is its seal certificate: a backup of the same clinic pins the same fingerprint."""
    return current is None or not current.certificate_fingerprint \
        or current.certificate_fingerprint == backup.certificate_fingerprint


def preview_restore(data_dir: DataDir, src: Path, database_url: str | None = None) -> RestorePreview:
    backup = read_summary(Path(src))
    current = current_clinic(data_dir, database_url)
    return RestorePreview(backup, current, same_clinic(current, backup))


def check_unpacked(folder: Path, header: dict, manifest: dict) -> tuple[ClinicSummary, list[str]]:
    """Everything a restore relies on, checked on the unpacked copy (the manifest hashes were checked while
    unpacking). Returns the summary and the problems, one sentence each."""
    if header.get("format") != FORMAT or manifest.get("format") != FORMAT:
        return ClinicSummary.from_json(header.get("summary")), ["the backup's format is not one this version reads"]
    summary = ClinicSummary.from_json(manifest.get("summary"))
    problems = [] if header.get("summary") == manifest.get("summary") else \
        ["the summary shown before opening differs from the manifest inside (the header was altered)"]
    found, facts = files.check_copy(folder / DATABASE_MEMBER)
    problems += [p.describe() for p in found]
    if facts is None:
        return summary, problems
    if facts.row_counts != manifest.get("row_counts"):
        problems.append("the database's row counts differ from the manifest")
    if (facts.audit_head_seq, facts.audit_head_hash) != (summary.audit_head_seq, summary.audit_head_hash):
        problems.append("the database's audit chain head differs from the manifest")
    copy = files.ReadOnlyCopy(folder / DATABASE_MEMBER)
    try:
        settings = read_settings(copy)  # type: ignore[arg-type]
        if settings_value(settings, "clinic_name") != summary.clinic_name:
            problems.append("the clinic name in the database differs from the manifest")
        pinned = settings_value(settings, "certificate_fingerprint")
        if pinned != summary.certificate_fingerprint:
            problems.append("the certificate fingerprint pinned in the database differs from the manifest")
        problems += seal_identity_problems(folder / "keys", pinned, copy)
        problems += approval_problems(folder / "forms", copy)
    finally:
        copy.dispose()
    problems += _backup_key_problems(folder / "keys", header)
    return summary, problems


def approval_problems(forms: Path, database) -> list[str]:
    """The clinic's forms/ against the approvals in its database, one sentence per mismatch: a file whose
    approved version's bytes changed, or an approvals.json entry the database does not hold. (A file not
    approved yet is no mismatch: a new version may be waiting for its approval; the gates block it.)"""
    if not forms.is_dir():
        return []
    held = [approvals.recorded(row) for row in approvals_in(database)]
    files = content_files(forms)
    problems = [f"forms/{state.describe()}" for state in
                (approval_state(f, held) for f in files if not f.problem) if state.status == CHANGED]
    approved_paths = {a.path: {x.sha256 for x in held if x.path == a.path} for a in held}
    problems += [f"forms/{f.path}: approved, but cannot be loaded and matches no approval ({f.problem})"
                 for f in files if f.problem and f.sha256 not in approved_paths.get(f.path, {f.sha256})]
    try:
        listed = read_approvals_record(forms) or []
    except ContentError:
        return [*problems, f"forms/{APPROVALS_RECORD} cannot be read"]
    known = {(a.key, a.version, a.sha256) for a in held}
    problems += [f"forms/{APPROVALS_RECORD} lists an approval of {entry.path} ({entry.version}) that the database "
                 "does not hold" for entry in listed if (entry.key, entry.version, entry.sha256) not in known]
    return problems


def _backup_key_problems(keys: Path, header: dict) -> list[str]:
    path = keys / BACKUP_KEY_FILE
    if not path.is_file():
        return [f"keys/{BACKUP_KEY_FILE} is missing from the backup (later backups could not be made)"]
    import json

    try:
        inside = BackupKey.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, StorageError):
        return [f"keys/{BACKUP_KEY_FILE} in the backup cannot be read"]
    if inside.public != BackupKey.from_json(header.get("backup_key")).public:
        return [f"keys/{BACKUP_KEY_FILE} in the backup is not the key the backup was encrypted with"]
    return []


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    ok: bool
    problems: tuple[str, ...]
    summary: ClinicSummary | None


def check_backup(path: Path, passphrase: str, work_root: Path | None = None) -> BackupCheck:
    """Open and check a backup completely; change nothing (the decrypted copy is removed)."""
    try:
        with unpacked_backup(work_root, path, passphrase) as unpacked:
            return BackupCheck(Path(path), True, (), unpacked.summary)
    except StorageError as exc:
        try:
            summary = read_summary(Path(path))
        except StorageError:
            summary = None
        return BackupCheck(Path(path), False, (str(exc),), summary)


REFUSED = QT_TRANSLATE_NOOP("ServiceMessages", "The backup {name} was refused and nothing was changed: {problems}")


def error_text(error: Exception) -> str:
    """An error's English words, its Reason's when it has one (the detail of a refusal)."""
    why = getattr(error, "why", None)
    return why.english() if why is not None else str(error)

@contextmanager
def unpacked_backup(work_root: Path | None, src: Path, passphrase: str) -> Iterator[Unpacked]:
    """The backup decrypted and checked in a private folder under `work_root` (the data folder's backups/
    for a restore, so the final moves are renames on one disk; None = the system's temporary folder),
    removed afterwards. StorageError naming every problem when it is refused."""
    src = Path(src)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=None if work_root is None else make_private_dir(work_root)))
    try:
        try:
            header, manifest = container.unpack(src, passphrase, staging)
            summary, problems = check_unpacked(staging, header, manifest)
        except WrongSecret:
            raise WrongSecret(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The clinic passphrase does not open {name}; nothing was changed."),
                name=src.name)) from None
        except StorageError as exc:
            raise StorageError(why=service_message(REFUSED, name=src.name, problems=error_text(exc))) from None
        if problems:
            raise StorageError(why=service_message(REFUSED, name=src.name, problems="; ".join(problems)))
        yield Unpacked(src, staging, summary, BackupKey.from_json(header["backup_key"]).public)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def confirm_other_clinic(current: ClinicSummary | None, backup: ClinicSummary, typed_name: str | None) -> None:
    """Replacing one clinic by another needs the other clinic's name typed exactly."""
    if same_clinic(current, backup):
        return
    if (typed_name or "").strip() != backup.clinic_name:
        assert current is not None
        raise ValidationError({"confirm_clinic": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "This backup is of another clinic: {backup_name} (certificate {backup_certificate}), "
            "not {current_name} (certificate {current_certificate}). Restoring it replaces this clinic. To go ahead, "
            "type the backup's clinic name exactly: {name}"), backup_name=repr(backup.clinic_name),
            backup_certificate=backup.certificate_fingerprint, current_name=repr(current.clinic_name),
            current_certificate=current.certificate_fingerprint, name=backup.clinic_name)})


def restore_unpacked(data_dir: DataDir, unpacked: Unpacked, *, actor: Actor, now: datetime,
                     database_url: str | None = None, replace_other_clinic: str | None = None,
                     close=None) -> RestoreResult:
    """Put a checked backup in place (see the module text). `close` releases an open context's connections."""
    url = database_url or data_dir.database_url()
    db_file = sqlite_file(url)
    current = current_clinic(data_dir, url)
    confirm_other_clinic(current, unpacked.summary, replace_other_clinic)
    if close is not None:
        close()
    seal_key.forget_all()
    aside = make_private_dir(data_dir.backups_dir / "replaced" / f"clinic-{now.strftime('%Y%m%dT%H%M%S%fZ')}")
    moved = _move_current_aside(data_dir, db_file, aside)
    files.put_in_place(unpacked.database, db_file)
    for folder in FOLDERS:
        if (unpacked.folder / folder).is_dir():
            os.replace(unpacked.folder / folder, data_dir.root / folder)
    files.fsync_dir(data_dir.root)
    db = Database(url)
    try:
        migrate.upgrade(db, data_dir.backups_dir, now=now)
        with UnitOfWork(db, actor, _FixedClock(now)) as uow:
            uow.audit("restore", "database", "1", detail={
                "from": unpacked.source.name, "backup_created_at": unpacked.summary.created_at,
                "backup_audit_head_seq": unpacked.summary.audit_head_seq,
                "replaced_clinic": None if current is None else current.clinic_name,
                "other_clinic_confirmed": not same_clinic(current, unpacked.summary),
                "previous_clinic_kept_in": aside.name if moved else None})
            uow.commit()
        seal_key.adopt_slots_file(db, data_dir.keys_dir, _FixedClock(now))  # a backup made before the key moved
        pinned = settings_value(read_settings(db), "certificate_fingerprint")
        problems = seal_identity_problems(data_dir.keys_dir, pinned, db) + approval_problems(data_dir.root / "forms", db)
    finally:
        db.dispose()
    if problems:  # cannot happen after the checks above unless the disk lies; say so loudly
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "after the restore the keys, forms and database disagree: {problems}"),
            problems="; ".join(problems)))
    return RestoreResult(unpacked.source, aside if moved else None, unpacked.summary.audit_head_seq, unpacked.summary)


def _move_current_aside(data_dir: DataDir, db_file: Path, aside: Path) -> bool:
    moved = False
    if db_file.exists() and db_file.stat().st_size > 0:
        try:
            files.checkpoint(db_file)
        except Exception:  # noqa: BLE001 - a damaged database is moved aside as it is
            pass
        files.move_database_aside(db_file, aside / db_file.name)
        moved = True
    for folder in FOLDERS:
        if (data_dir.root / folder).exists():
            os.replace(data_dir.root / folder, aside / folder)
            moved = True
    return moved


class _FixedClock:
    def __init__(self, when: datetime) -> None:
        self._when = when

    def now(self) -> datetime:
        return self._when
