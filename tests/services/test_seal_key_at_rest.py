"""The seal key is never stored in clear (issue 21 item 2): setup leaves it encrypted in the clinic database,
each urologist's slot opens with his password (at sign-in or at a signature's password re-entry), the
clinic passphrase is the recovery, a password change or an admin reset re-locks the slot, and someone
holding only the files (database included) cannot seal. A data folder of the version that kept the slots
in keys/ has them moved into the database at its next start."""

from __future__ import annotations

import shutil

import pytest

from exoconsult.config import DataDir
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR, Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.accounts.auth import AuthService, PasswordChangeRequired
from exoconsult.services.core import seal_key
from exoconsult.storage.db import Database
from exoconsult.storage.seal_key_store import store_slot
from tests.backup_support import PASSPHRASE
from tests.conftest import STAFF_PASSWORDS

NEW_PASSWORD = "walnut sextant cobalt meadow"



def test_setup_leaves_no_private_key_in_clear_anywhere_in_the_data_folder(clinic):
    ctx, _ = clinic
    for path in ctx.data_dir.root.rglob("*"):
        if path.is_file():
            assert b"PRIVATE KEY" not in path.read_bytes(), path
    assert seal_key.is_encrypted(ctx.db)
    assert not (ctx.data_dir.keys_dir / seal_key.SLOTS_FILE).exists()  # in the database, not in keys/


def test_a_urologist_opens_the_key_at_sign_in_and_loses_it_at_sign_out(clinic):
    ctx, staff = clinic
    keys, uro = ctx.data_dir.keys_dir, staff["urologist"]
    with pytest.raises(StorageError, match="cannot open the clinic's seal key"):
        seal_key.sealing_identity(ctx.db, keys, uro.user_id)
    actor = AuthService(ctx).login("urologist", STAFF_PASSWORDS["urologist"])
    identity = seal_key.sealing_identity(ctx.db, keys, actor.user_id)
    assert identity.certificate.public_key() == identity.private_key.public_key()
    AuthService(ctx).logout(actor)
    with pytest.raises(StorageError):
        seal_key.sealing_identity(ctx.db, keys, actor.user_id)


def test_the_files_alone_cannot_seal(clinic, tmp_path):
    """A copy of the data folder and of the database, without any password or the passphrase: no slot
    opens, nothing seals."""
    ctx, staff = clinic
    stolen = DataDir(tmp_path / "stolen")
    shutil.copytree(ctx.data_dir.root, stolen.root)
    # SQLite: the database file came with the folder; PostgreSQL: the attacker reads the server's tables
    database = Database(f"sqlite:///{stolen.db_path}") if ctx.db.is_sqlite else ctx.db
    seal_key.forget_all()  # another process: nothing is held in memory
    try:
        for user_id in (staff["urologist"].user_id, staff["admin"].user_id, staff["nurse"].user_id, 1):
            with pytest.raises(StorageError):
                seal_key.sealing_identity(database, stolen.keys_dir, user_id)
            assert seal_key.open_with_password(database, user_id, "guessed password 123") is None
        with pytest.raises(ValidationError):
            seal_key.open_with_passphrase(database, "not the clinic passphrase")
    finally:
        if database is not ctx.db:
            database.dispose()


def test_creating_a_urologist_needs_the_clinic_passphrase_a_nurse_does_not(clinic):
    ctx, staff = clinic
    accounts, admin = AccountService(ctx), staff["admin"]
    fields = UserFields("deniz", "Deniz Aydın", Role.UROLOGIST, "Op. Dr.", "TTB-1")
    for given, words in ((None, "Give the clinic passphrase"), ("wrong passphrase here", "not right")):
        with pytest.raises(ValidationError) as refused:
            accounts.create_user(admin, fields, "harbour quartz lime seven", clinic_passphrase=given)
        assert words in refused.value.problems["clinic_passphrase"]
    assert "deniz" not in [u.username for u in accounts.list_users(admin)]
    made = accounts.create_user(admin, fields, "harbour quartz lime seven", clinic_passphrase=PASSPHRASE)
    assert seal_key.has_slot(ctx.db, made.id)
    nurse = accounts.create_user(admin, UserFields("ece", "Ece Nurse", Role.NURSE), "velvet canyon oak nineteen")
    assert not seal_key.has_slot(ctx.db, nurse.id)
    # the first sign-in's own password takes over the slot; the admin's first password no longer opens it
    with pytest.raises(PasswordChangeRequired):
        AuthService(ctx).login("deniz", "harbour quartz lime seven")
    AuthService(ctx).change_password_at_login("deniz", "harbour quartz lime seven", NEW_PASSWORD)
    assert seal_key.open_with_password(ctx.db, made.id, NEW_PASSWORD) is not None
    assert seal_key.open_with_password(ctx.db, made.id, "harbour quartz lime seven") is None
    seal_key.sealing_identity(ctx.db, ctx.data_dir.keys_dir, made.id)  # held for this session


def test_a_password_change_relocks_and_a_reset_needs_the_passphrase(clinic):
    ctx, staff = clinic
    keys, uro = ctx.db, staff["urologist"]
    AccountService(ctx).change_own_password(uro, STAFF_PASSWORDS["urologist"], NEW_PASSWORD)
    assert seal_key.open_with_password(keys, uro.user_id, NEW_PASSWORD) is not None
    assert seal_key.open_with_password(keys, uro.user_id, STAFF_PASSWORDS["urologist"]) is None
    with pytest.raises(ValidationError) as refused:
        AccountService(ctx).reset_password(staff["admin"], uro.user_id)
    assert "clinic_passphrase" in refused.value.problems
    temporary = AccountService(ctx).reset_password(staff["admin"], uro.user_id, PASSPHRASE)
    assert seal_key.open_with_password(keys, uro.user_id, temporary) is not None
    assert seal_key.open_with_password(keys, uro.user_id, NEW_PASSWORD) is None


def test_a_slot_cannot_be_moved_to_another_account(clinic):
    ctx, staff = clinic
    data = seal_key._read(ctx.db)
    with ctx.uow(SYSTEM_ACTOR) as uow:  # someone with write access to the database copies the slot
        store_slot(uow.session, f"user-{staff['nurse'].user_id}", data["slots"][f"user-{staff['urologist'].user_id}"],
                   uow.now())
        uow.commit()
    assert seal_key.open_with_password(ctx.db, staff["nurse"].user_id, STAFF_PASSWORDS["urologist"]) is None


def test_an_older_clinics_clear_key_is_encrypted_when_it_gets_its_clinic_passphrase(ctx, staff):
    """A clinic set up before the key was encrypted: `clinic-passphrase` (BackupService.set_passphrase) also
    encrypts its seal key, with the passphrase as the recovery slot; a urologist gets his slot by a reset."""
    from datetime import UTC, datetime

    from exoconsult.documents.keys import KEY_FILE, generate_clinic_identity
    from exoconsult.services.admin.backup import BackupService
    from exoconsult.storage.orm import AuditEntryRow

    seal_key.forget_all()
    keys = ctx.data_dir.keys_dir
    generate_clinic_identity(keys, "Older Clinic", now=datetime.now(UTC))
    assert (keys / KEY_FILE).is_file() and not seal_key.is_encrypted(ctx.db)
    assert BackupService(ctx).set_passphrase(staff["admin"], PASSPHRASE) is True
    assert seal_key.is_encrypted(ctx.db) and not (keys / KEY_FILE).exists()
    for path in ctx.data_dir.root.rglob("*"):
        if path.is_file():
            assert b"PRIVATE KEY" not in path.read_bytes(), path
    assert seal_key.identity_with_passphrase(ctx.db, keys, PASSPHRASE).certificate is not None
    uro = staff["urologist"]
    assert seal_key.open_with_password(ctx.db, uro.user_id, STAFF_PASSWORDS["urologist"]) is None  # no slot yet
    temporary = AccountService(ctx).reset_password(staff["admin"], uro.user_id, PASSPHRASE)
    assert seal_key.open_with_password(ctx.db, uro.user_id, temporary) is not None
    with ctx.db.connect() as conn:
        from sqlalchemy import select

        actions = set(conn.execute(select(AuditEntryRow.action)).scalars())
    assert {"backup_key_created", "seal_key_encrypted"} <= actions
    seal_key.forget_all()


def test_the_slots_file_of_an_older_version_moves_into_the_database_at_start(clinic):
    """A data folder of the version that kept the slots in keys/clinic-seal-key.json: at the next start the
    file moves into the database (audited) and is removed; the urologist's password still opens his slot."""
    import json

    from sqlalchemy import delete, select

    from exoconsult.services.clinic import open_context
    from exoconsult.storage.orm import AuditEntryRow
    from exoconsult.storage.seal_key_store import SealKeyRow, SealKeySlotRow

    ctx, staff = clinic
    keys = ctx.data_dir.keys_dir
    as_it_was = seal_key._read(ctx.db)
    older = {k: v for k, v in as_it_was.items() if k != "certificate"}  # that file had no certificate
    (keys / seal_key.SLOTS_FILE).write_text(json.dumps(older), encoding="utf-8")
    with ctx.uow(SYSTEM_ACTOR) as uow:  # the database as the older version left it: no key inside
        uow.session.execute(delete(SealKeySlotRow))
        uow.session.execute(delete(SealKeyRow))
        uow.commit()
    assert not seal_key.is_encrypted(ctx.db)
    reopened = open_context(ctx.data_dir, ctx.db.url, clock=ctx.clock, forms_dir=ctx.forms_dir)
    try:
        assert seal_key._read(reopened.db) == as_it_was
        assert not (keys / seal_key.SLOTS_FILE).exists()
        uro = staff["urologist"]
        assert seal_key.open_with_password(reopened.db, uro.user_id, STAFF_PASSWORDS["urologist"]) is not None
        with reopened.db.connect() as conn:
            actions = list(conn.execute(select(AuditEntryRow.action)).scalars())
        assert actions.count("seal_key_moved_to_database") == 1
    finally:
        reopened.close()
