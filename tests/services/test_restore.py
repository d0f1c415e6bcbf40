"""Restore (DUR-11, issue 15 item 6): shows what it restores, refuses another clinic without a typed
confirmation, refuses a backup whose keys, certificate, forms or database do not match each other or the
manifest (one test per mismatch), keeps what it replaces, and moves a clinic to a new computer with every
archived consent still verifying there."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from exoconsult.config import DataDir
from exoconsult.documents.keys import generate_clinic_identity
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.admin.backup import (
    FORMAT,
    BackupService,
    ClinicSummary,
    build_manifest,
)
from exoconsult.services.admin.backup_key import load_backup_key
from exoconsult.services.admin.backup_sign_in import sign_in_with_backup_accounts
from exoconsult.services.admin.clinic_summary import read_summary
from exoconsult.services.admin.restore import preview_restore, restore_unpacked, unpacked_backup
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.clinic import open_context
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.document_check import check_pdf
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage import backup as files
from exoconsult.storage import clinic_backup_file as container
from tests.backup_support import PASSPHRASE, set_up_clinic
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, sign


@pytest.fixture
def clinic(sqlite_ctx):
    return sqlite_ctx, set_up_clinic(sqlite_ctx)


def _patient(ctx, nurse, mrn: str) -> None:
    from datetime import date

    PatientService(ctx).create(nurse, PatientData("Kaya", "Ali", date(1980, 1, 1), mrn=mrn))


def _count(ctx, table: str) -> int:
    with ctx.db.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_restore_shows_both_clinics_then_brings_back_the_old_state_and_keeps_the_replaced_one(clinic, tmp_path):
    ctx, staff = clinic
    _patient(ctx, staff["nurse"], "A1")
    backup = BackupService(ctx).backup_now(staff["admin"], tmp_path / "usb")
    _patient(ctx, staff["nurse"], "LATE")
    preview = BackupService(ctx).preview(staff["admin"], backup.path)
    assert preview.same_clinic and (preview.backup.patients, preview.current.patients) == (1, 2)
    assert preview.backup.certificate_fingerprint == preview.current.certificate_fingerprint
    old_cert = (ctx.data_dir.keys_dir / "clinic-seal-cert.pem").read_bytes()
    result = BackupService(ctx).restore(staff["admin"], backup.path, PASSPHRASE)
    assert _count(ctx, "patient") == 1  # this context reopens on the restored database
    assert verify_installation(ctx).ok
    kept = result.replaced_database
    assert kept is not None and (kept / "exoconsult.sqlite").is_file()
    assert (kept / "keys" / "clinic-seal-cert.pem").read_bytes() == old_cert
    with ctx.db.connect() as conn:
        [detail] = conn.execute(text("SELECT detail FROM audit_entry WHERE action = 'restore'")).scalars().all()
    assert json.loads(detail)["other_clinic_confirmed"] is False


def _other_clinic_backup(tmp_path: Path, clock) -> Path:
    other = DataDir(tmp_path / "other-clinic")
    octx = open_context(other, clock=clock)
    try:
        staff = set_up_clinic(octx, "Kadıköy Andrology")
        for n in range(3):
            _patient(octx, staff["nurse"], f"O{n}")
        return BackupService(octx).backup_now(staff["admin"], tmp_path / "other-usb").path
    finally:
        octx.close()


def test_another_clinics_backup_needs_its_name_typed_and_then_keys_and_settings_agree(clinic, tmp_path, clock):
    ctx, staff = clinic
    _patient(ctx, staff["nurse"], "MINE")
    src = _other_clinic_backup(tmp_path, clock)
    preview = BackupService(ctx).preview(staff["admin"], src)
    assert not preview.same_clinic and preview.backup.clinic_name == "Kadıköy Andrology"
    before = ctx.data_dir.db_path.read_bytes()
    for typed in (None, "Exo Clinic Ankara", "kadıköy andrology"):
        with pytest.raises(ValidationError, match="another clinic") as refused:
            BackupService(ctx).restore(staff["admin"], src, PASSPHRASE, replace_other_clinic=typed)
        assert "Kadıköy Andrology" in str(refused.value) and "Exo Clinic Ankara" in str(refused.value)
    assert ctx.data_dir.db_path.read_bytes() == before and not (ctx.data_dir.backups_dir / "replaced").exists()
    BackupService(ctx).restore(staff["admin"], src, PASSPHRASE, replace_other_clinic="Kadıköy Andrology")
    assert _count(ctx, "patient") == 3
    settings = SettingsService(ctx).read(staff["admin"])
    cert = ctx.data_dir.keys_dir / "clinic-seal-cert.pem"
    from exoconsult.documents.keys import certificate_fingerprint
    from exoconsult.documents.seal_facts import load_clinic_certificate

    assert settings.clinic_name == "Kadıköy Andrology" and cert.is_file()
    assert certificate_fingerprint(load_clinic_certificate(ctx.data_dir.keys_dir)) == settings.certificate_fingerprint
    with ctx.db.connect() as conn:
        [detail] = conn.execute(text("SELECT detail FROM audit_entry WHERE action = 'restore'")).scalars().all()
    assert json.loads(detail)["other_clinic_confirmed"] is True


def _repack(ctx, src: Path, dest: Path, tamper, *, recompute: str) -> Path:
    """Unpack a good backup, let `tamper` change the unpacked folder, and pack it again with the clinic's
    own backup key (what an insider holding the public key could do); the manifest is recomputed ("all"),
    recomputed with one row count wrong ("counts"), or kept ("none")."""
    with unpacked_backup(None, src, PASSPHRASE) as unpacked:
        folder = unpacked.folder
        header = container.read_header(src)
        old_manifest = None
        with unpacked_backup(None, src, PASSPHRASE) as again:
            old_manifest = json.loads(json.dumps(_manifest_of(again)))
        tamper(folder)
        members = [(p.relative_to(folder).as_posix(), p) for p in sorted(folder.rglob("*")) if p.is_file()]
        summary = ClinicSummary.from_json(header["summary"])
        facts = files.ReadOnlyCopy(folder / "database/exoconsult.sqlite").facts()
        manifest = build_manifest(summary, facts, members, "manual")
        if recompute == "counts":
            manifest["row_counts"]["patient"] += 1
        elif recompute == "none":
            manifest = old_manifest
        container.write_backup(dest, {"format": FORMAT, "summary": header["summary"]}, load_backup_key(ctx.data_dir),
                               manifest, members)
    return dest


def _manifest_of(unpacked) -> dict:
    members = {p.relative_to(unpacked.folder).as_posix(): container.member_digest(p)
               for p in unpacked.folder.rglob("*") if p.is_file()}
    facts = files.ReadOnlyCopy(unpacked.database).facts()
    return {"format": FORMAT, "summary": unpacked.summary.to_json(), "purpose": "manual",
            "row_counts": facts.row_counts, "members": members}


def _stranger_cert(folder: Path) -> None:
    stranger = generate_clinic_identity(Path(tempfile.mkdtemp()) / "keys", "Stranger", now=_NOW)
    shutil.copyfile(stranger.cert_path, folder / "keys" / "clinic-seal-cert.pem")


def _stranger_key_only(folder: Path) -> None:
    """The encrypted seal key swapped for another one (its public half tells, no secret needed)."""
    from cryptography.hazmat.primitives import serialization

    stranger = generate_clinic_identity(Path(tempfile.mkdtemp()) / "keys", "Exo Clinic Ankara", now=_NOW)
    public = stranger.private_key.public_key().public_bytes(serialization.Encoding.PEM,
                                                             serialization.PublicFormat.SubjectPublicKeyInfo)
    conn = sqlite3.connect(folder / "database" / "exoconsult.sqlite")  # the key is in the database
    conn.execute("UPDATE seal_key SET public_key = ?", (public.decode(),))
    conn.commit()
    conn.close()


def _edit_forms(folder: Path) -> None:
    (folder / "forms" / "consent.md").write_text("takes away some of your legal rights", encoding="utf-8")


def _drop_a_patient(folder: Path) -> None:
    conn = sqlite3.connect(folder / "database" / "exoconsult.sqlite")
    conn.execute("DROP TRIGGER IF EXISTS patient_no_delete")
    conn.execute("DELETE FROM patient WHERE mrn = 'A1'")
    conn.commit()
    conn.close()


def _nothing(folder: Path) -> None:
    pass


def _other_backup_key(folder: Path) -> None:
    from exoconsult.storage.secret_box import new_backup_key

    (folder / "keys" / "clinic-backup-key.json").write_text(json.dumps(new_backup_key(PASSPHRASE).to_json()))


_NOW = None


@pytest.mark.parametrize(("tamper", "recompute", "message"), [
    (_stranger_cert, "all", "is not the one the database pins"),
    (_stranger_key_only, "all", "seal key is not the key of the seal certificate"),
    (_edit_forms, "none", "forms/consent.md in the backup differs from its manifest"),
    (_drop_a_patient, "none", "database/exoconsult.sqlite in the backup differs from its manifest"),
    (_nothing, "counts", "row counts differ from the manifest"),
    (_drop_a_patient, "all", "[database]"),
    (_other_backup_key, "all", "not the key the backup was encrypted with"),
])
def test_a_backup_whose_parts_do_not_match_is_refused_and_nothing_changes(clinic, tmp_path, clock, tamper,
                                                                          recompute, message):
    global _NOW
    _NOW = clock.now()
    ctx, staff = clinic
    _patient(ctx, staff["nurse"], "A1")
    (ctx.data_dir.root / "forms").mkdir(exist_ok=True)  # setup makes the clinic's copy
    (ctx.data_dir.root / "forms" / "consent.md").write_text("does not take away any of your legal rights")
    good = BackupService(ctx).backup_now(staff["admin"], tmp_path / "usb")
    bad = _repack(ctx, good.path, tmp_path / "usb" / f"exoconsult-backup-bad{container.SUFFIX}", tamper,
                  recompute=recompute)
    before = ctx.data_dir.db_path.read_bytes()
    with pytest.raises(StorageError, match="refused and nothing was changed") as refused:
        BackupService(ctx).restore(staff["admin"], bad, PASSPHRASE)
    assert message in str(refused.value)
    assert ctx.data_dir.db_path.read_bytes() == before and not (ctx.data_dir.backups_dir / "replaced").exists()


def test_an_old_unencrypted_backup_is_refused_clearly(clinic, tmp_path):
    ctx, staff = clinic
    old = tmp_path / "exoconsult-backup-20250101T000000000000Z.sqlite"
    files.snapshot_sqlite(ctx.data_dir.db_path, old)
    with pytest.raises(StorageError, match="older unencrypted backup"):
        read_summary(old)
    with pytest.raises(StorageError, match="older unencrypted backup"):
        BackupService(ctx).restore(staff["admin"], old, PASSPHRASE)


def test_move_to_a_new_computer_every_archived_consent_verifies_there(sqlite_ctx, clock, tmp_path):
    ctx = sqlite_ctx
    staff = set_up_clinic(ctx, "Test Andrology Clinic")
    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    first = sign(ctx, ready)
    assert first is not None
    backup = BackupService(ctx).backup_now(staff["admin"], tmp_path / "usb")
    archived_here = sorted(p.name for p in (ctx.data_dir.archive_dir / "consents").iterdir())
    assert archived_here

    new_pc = DataDir(tmp_path / "new-computer")
    assert preview_restore(new_pc, backup.path).current is None
    with unpacked_backup(new_pc.ensure().backups_dir, backup.path, PASSPHRASE) as unpacked:
        admin = sign_in_with_backup_accounts(unpacked.database, "admin", STAFF_PASSWORDS["admin"])
        restore_unpacked(new_pc, unpacked, actor=admin, now=clock.now())
    moved = open_context(new_pc, clock=clock, forms_dir=ctx.forms_dir)
    try:
        report = verify_installation(moved)
        assert report.ok, [p.describe() for p in report.problems]
        archive = sorted((new_pc.archive_dir / "consents").iterdir())
        assert [p.name for p in archive] == archived_here  # rebuilt from the database at start
        for pdf in archive:
            result = check_pdf(moved, pdf.read_bytes())
            assert result.valid and not result.certificate_warnings, (pdf.name, result)
        # and the urologist seals there with his own password: the encrypted key came along
        from exoconsult.services.accounts.auth import AuthService
        from exoconsult.services.core import seal_key

        seal_key.forget_all()
        urologist = AuthService(moved).login("urologist", STAFF_PASSWORDS["urologist"])
        assert seal_key.sealing_identity(moved.db, new_pc.keys_dir, urologist.user_id).certificate is not None
    finally:
        moved.close()
