"""The clinic passphrase and the clinic backup key it guards.

The admin chooses the clinic passphrase at setup. It is never stored: it locks the private half of the
clinic backup key pair (X25519), kept in keys/ next to its public half. Every backup is encrypted to the
public half, so the unattended daily backup needs no passphrase; opening a backup (restore, check) needs
the passphrase. The passphrase must be as hard to guess as a password (same rules); losing it loses every
backup, which setup and the README say in plain words.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from exoconsult.config import DataDir, make_private_dir
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.accounts.auth import password_reason
from exoconsult.storage.backup import fsync_dir
from exoconsult.storage.secret_box import BACKUP_KEY_PURPOSE, BackupKey, WrongSecret, new_backup_key, unlock

BACKUP_KEY_FILE = "clinic-backup-key.json"
# The demo's clinic passphrase (documented in the README): demo data only, never a real clinic's.
DEMO_PASSPHRASE = "tuesday lantern harbour quince"


def backup_key_path(data_dir: DataDir) -> Path:
    return data_dir.keys_dir / BACKUP_KEY_FILE


def passphrase_reason(passphrase: str, *, clinic_name: str = "") -> Reason | None:
    """Why a clinic passphrase is refused (the password rules: length, not guessable, not the clinic's name)."""
    return password_reason(passphrase, username="", display_name=clinic_name,
                           label=QT_TRANSLATE_NOOP("ServiceMessages", "The clinic passphrase"))


def create_backup_key(data_dir: DataDir, passphrase: str, *, clinic_name: str = "") -> BackupKey:
    """Make the clinic backup key, locked under `passphrase`; refuses a weak passphrase or a second key."""
    if (why := passphrase_reason(passphrase, clinic_name=clinic_name)):
        raise ValidationError({"passphrase": why})
    path = backup_key_path(data_dir)
    if path.exists():
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{path} already exists: this clinic has its backup key"), path=path))
    key = new_backup_key(passphrase)
    make_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(key.to_json(), fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    fsync_dir(path.parent)
    return key


def load_backup_key(data_dir: DataDir) -> BackupKey:
    path = backup_key_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "this clinic has no backup key ({path} is missing): an administrator sets the clinic "
            "passphrase with `exoconsult clinic-passphrase` (or restores the keys folder from a backup)"),
            path=path)) from None
    except (OSError, ValueError) as exc:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{path} cannot be read ({error})"),
                                               path=path, error=exc)) from None
    return BackupKey.from_json(data)


def passphrase_opens(key: BackupKey, passphrase: str) -> bool:
    try:
        unlock(key.private_locked, passphrase, purpose=BACKUP_KEY_PURPOSE)
    except WrongSecret:
        return False
    return True
