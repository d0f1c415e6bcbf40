"""Changing the clinic passphrase (issue 15, after item 5): the seal key's recovery slot and the backup key
are re-locked together, audited; the old passphrase opens neither afterwards, while backups made before
the change still need the old one."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from exoconsult.domain.errors import ValidationError
from exoconsult.services.accounts.accounts import AccountService
from exoconsult.services.admin.backup import BackupService
from exoconsult.services.admin.backup_key import load_backup_key, passphrase_opens
from exoconsult.services.admin.clinic_passphrase import ClinicPassphraseService
from exoconsult.services.admin.restore import check_backup
from exoconsult.services.core import seal_key
from exoconsult.storage.orm import AuditEntryRow
from tests.backup_support import PASSPHRASE

NEW_PASSPHRASE = "orchard copper whistle ninety"



def test_a_wrong_current_or_unfit_new_passphrase_changes_nothing(clinic):
    ctx, staff = clinic
    service, admin = ClinicPassphraseService(ctx), staff["admin"]
    before = ctx.data_dir.keys_dir.joinpath("clinic-backup-key.json").read_bytes()
    for old, new, field in ((NEW_PASSPHRASE, "another long passphrase here", "old_passphrase"),
                            (PASSPHRASE, "short", "new_passphrase"),
                            (PASSPHRASE, PASSPHRASE, "new_passphrase")):
        with pytest.raises(ValidationError) as refused:
            service.change(admin, old, new)
        assert field in refused.value.problems
    assert ctx.data_dir.keys_dir.joinpath("clinic-backup-key.json").read_bytes() == before
    assert seal_key.open_with_passphrase(ctx.db, PASSPHRASE)


def test_the_new_passphrase_opens_the_recovery_slot_and_the_backup_key_the_old_one_neither(clinic, tmp_path):
    ctx, staff = clinic
    admin = staff["admin"]
    old_backup = BackupService(ctx).backup_now(admin, tmp_path / "usb") if ctx.db.is_sqlite else None
    assert ClinicPassphraseService(ctx).change(admin, PASSPHRASE, NEW_PASSPHRASE) is True
    assert seal_key.open_with_passphrase(ctx.db, NEW_PASSPHRASE)
    with pytest.raises(ValidationError):
        seal_key.open_with_passphrase(ctx.db, PASSPHRASE)
    key = load_backup_key(ctx.data_dir)
    assert passphrase_opens(key, NEW_PASSPHRASE) and not passphrase_opens(key, PASSPHRASE)
    # an admin resetting a urologist's password now gives the new passphrase
    temporary = AccountService(ctx).reset_password(admin, staff["urologist"].user_id, NEW_PASSPHRASE)
    assert seal_key.open_with_password(ctx.db, staff["urologist"].user_id, temporary) is not None
    with ctx.db.connect() as conn:
        rows = conn.execute(select(AuditEntryRow.action, AuditEntryRow.detail)).all()
    changed = [json.loads(d) for a, d in rows if a == "clinic_passphrase_changed"]
    assert changed == [{"recovery_slot": True, "backup_key": True,
                        "backup_public_key_sha256": changed[0]["backup_public_key_sha256"]}]
    assert {"slot": "recovery"} in [json.loads(d) for a, d in rows if a == "seal_key_slot_set"]
    if old_backup is not None:  # backups made before still need the old passphrase; new ones the new
        assert check_backup(old_backup.path, PASSPHRASE).ok
        assert not check_backup(old_backup.path, NEW_PASSPHRASE).ok
        new_backup = BackupService(ctx).backup_now(admin, tmp_path / "usb-2")
        assert check_backup(new_backup.path, NEW_PASSPHRASE).ok
        assert not check_backup(new_backup.path, PASSPHRASE).ok
