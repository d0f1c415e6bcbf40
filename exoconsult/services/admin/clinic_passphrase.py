"""Changing the clinic passphrase (Administration > Backups, `exoconsult clinic-passphrase --change`).

The passphrase locks two things, and both are re-locked together: the recovery slot of the seal key (in
the clinic database, so for every workstation at once) and the private half of the clinic backup key
(keys/clinic-backup-key.json of this data folder). The backup key pair itself is kept, so new backups
are made as before. Backups made before the change carry the backup key as it was locked then: they
still open with the OLD passphrase only, which the admin is told to keep with those backups.
"""

from __future__ import annotations

import hashlib
import json
import os

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.admin.backup_key import backup_key_path, passphrase_reason
from exoconsult.services.core import seal_key
from exoconsult.services.core.clinic_settings import current_settings
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, requires
from exoconsult.storage.backup import fsync_dir
from exoconsult.storage.secret_box import BACKUP_KEY_PURPOSE, BackupKey, WrongSecret, lock, unlock


def _wrong_old() -> ValidationError:
    return ValidationError({"old_passphrase": service_message(QT_TRANSLATE_NOOP(
        "ServiceMessages", "The current clinic passphrase is not right."))})


class ClinicPassphraseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.BACKUP_MANAGE)
    def change(self, actor: Actor, old_passphrase: str, new_passphrase: str) -> bool:
        """Re-lock the recovery slot and the backup key under `new_passphrase`; audited. Returns whether this
        data folder held the backup key (a workstation that joined a clinic on PostgreSQL has none)."""
        settings = current_settings(self.ctx)
        if (why := passphrase_reason(new_passphrase, clinic_name=settings.clinic_name)):
            raise ValidationError({"new_passphrase": why})
        if new_passphrase == old_passphrase:
            raise ValidationError({"new_passphrase": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The new clinic passphrase must differ from the current one."))})
        path = backup_key_path(self.ctx.data_dir)
        relocked: BackupKey | None = None
        if path.is_file():
            key = BackupKey.from_json(json.loads(path.read_text(encoding="utf-8")))
            try:
                private = unlock(key.private_locked, old_passphrase, purpose=BACKUP_KEY_PURPOSE)
            except WrongSecret:
                raise _wrong_old() from None
            relocked = BackupKey(key.public, lock(private, new_passphrase, purpose=BACKUP_KEY_PURPOSE))
        in_database = seal_key.is_encrypted(self.ctx.db)
        data_key = None
        if in_database:
            try:
                data_key = seal_key.open_with_passphrase(self.ctx.db, old_passphrase)
            except ValidationError:
                raise _wrong_old() from None
        if relocked is None and data_key is None:
            raise ValidationError({"old_passphrase": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This clinic has no clinic passphrase yet: set it with `exoconsult "
                "clinic-passphrase` (without --change)."))})
        partial = path.with_name(path.name + ".partial")
        if relocked is not None:  # written beside the key first; put in place only once the database agrees
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(relocked.to_json(), fh, indent=1, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
        try:
            with self.ctx.uow(actor) as uow:
                if data_key is not None:
                    seal_key.put_slot(uow, data_key, seal_key.RECOVERY, new_passphrase)
                uow.audit("clinic_passphrase_changed", "clinic", "1", detail={
                    "recovery_slot": data_key is not None, "backup_key": relocked is not None,
                    "backup_public_key_sha256": hashlib.sha256(relocked.public).hexdigest() if relocked else None})
                uow.commit()
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        if relocked is not None:
            os.replace(partial, path)
            fsync_dir(path.parent)
        return relocked is not None
