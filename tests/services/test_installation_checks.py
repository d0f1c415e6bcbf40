"""`exoconsult doctor` / the Settings page checks: a healthy installation passes every check, and each
check finds the problem it claims to when that problem is made on purpose."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from exoconsult.config import DataDir
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.paths import fonts_dir, forms_dir
from exoconsult.services.admin.backup import daily_dir, make_backup
from exoconsult.services.admin.setup import AdminAccount, ClinicProfile, run_setup
from exoconsult.services.clinic import open_context
from exoconsult.services.integrity import disk_encryption, installation_checks
from exoconsult.services.integrity.disk_encryption import (
    ENCRYPTED,
    NOT_ENCRYPTED,
    UNKNOWN,
    Encryption,
    linux_encryption,
)
from exoconsult.services.integrity.installation_checks import (
    Installation,
    Status,
    installation_for,
    run_checks,
)
from tests.backup_support import PASSPHRASE


def _approved_forms(ctx, admin) -> None:
    """The clinic's own forms copy, approved by its medical director through the real use cases (which
    also write the folder's approvals.json that this check reads)."""
    from exoconsult.domain.people import Role
    from exoconsult.services.accounts.accounts import AccountService, UserFields
    from exoconsult.services.accounts.auth import AuthService
    from tests.conftest import STAFF_PASSWORDS
    from tests.consent_support import approve_everything

    ctx.forms_dir = ctx.data_dir.root / "forms"
    shutil.copytree(forms_dir(), ctx.forms_dir)
    AccountService(ctx).create_user(admin, UserFields("director", "Kemal Arslan", Role.UROLOGIST), STAFF_PASSWORDS["urologist"],
                                    must_change_password=False, clinic_passphrase=PASSPHRASE)
    urologist = AuthService(ctx).login("director", STAFF_PASSWORDS["urologist"])
    approve_everything(ctx, {"admin": admin, "urologist": urologist})


@pytest.fixture
def clinic(tmp_path, monkeypatch) -> Installation:
    """A set-up clinic with a fresh backup and approved content, on a disk the check is told is encrypted."""
    monkeypatch.setattr(installation_checks, "folder_encryption", lambda _f: Encryption(ENCRYPTED, "test volume"))
    dd = DataDir(tmp_path / "clinic").ensure()
    ctx = open_context(dd)
    try:
        setup = run_setup(ctx, ClinicProfile("Exo Clinic"), AdminAccount("admin", "Clinic Admin"), "correct horse battery",
                          PASSPHRASE)
        _approved_forms(ctx, setup.admin)
        daily_dir(dd).mkdir(parents=True)
        make_backup(ctx, daily_dir(dd), actor=SYSTEM_ACTOR, purpose="daily")
    finally:
        ctx.close()
    return dataclasses.replace(installation_for(dd), now=datetime.now(UTC) + timedelta(seconds=1))


def _result(inst: Installation, name: str):
    (found,) = [r for r in run_checks(inst) if r.name == name]
    return found


def test_a_healthy_installation_passes_every_check(clinic) -> None:
    results = run_checks(clinic)
    assert [r.name for r in results] == [name for name, _ in installation_checks.CHECKS]
    assert {r.name: r.status for r in results if r.status is not Status.OK} == {}
    assert all(r.line().startswith("[OK] ") for r in results)


def test_fonts_missing_or_damaged(clinic, tmp_path) -> None:
    broken = tmp_path / "fonts"
    shutil.copytree(fonts_dir(), broken)
    (broken / "DejaVuSans-Bold.ttf").unlink()
    (broken / "DejaVuSans.ttf").write_bytes(b"not a font")
    result = _result(dataclasses.replace(clinic, fonts_dir=broken), "Fonts")
    assert result.status is Status.PROBLEM
    assert "DejaVuSans-Bold.ttf is missing" in result.finding and "DejaVuSans.ttf cannot be read" in result.finding
    assert "reinstall" in result.line()


def test_database_missing_or_not_a_database(clinic) -> None:
    db_file = clinic.data_dir.db_path
    db_file.rename(db_file.with_suffix(".moved"))
    missing = run_checks(clinic)
    assert [(r.name, r.status) for r in missing if r.name in {"Database", "Schema", "Last backup"}] == [
        ("Database", Status.PROBLEM), ("Schema", Status.SKIPPED), ("Last backup", Status.SKIPPED)]
    assert "no database at" in missing[1].finding and "restore a backup" in missing[1].fix
    assert not db_file.exists(), "the check must not create a database"
    db_file.write_bytes(b"this is not a database" * 100)
    assert "cannot be opened" in _result(clinic, "Database").finding


def test_sqlite_settings_not_in_force(clinic, monkeypatch) -> None:
    from exoconsult.storage import health

    real = health.read_sqlite_pragmas
    monkeypatch.setattr(health, "read_sqlite_pragmas", lambda conn: {**real(conn), "synchronous": 0})
    result = _result(clinic, "Database")
    assert result.status is Status.PROBLEM and "synchronous=0 (needs 2)" in result.finding
    assert "network share" in result.fix


@pytest.mark.parametrize(("revision", "says"), [("0006_consent", "start ExoConsult once"),
                                                 ("9999_from_the_future", "install the newer version")])
def test_schema_behind_or_ahead(clinic, revision, says) -> None:
    with sqlite3.connect(clinic.data_dir.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    result = _result(clinic, "Schema")
    assert result.status is Status.PROBLEM and says in result.fix + result.finding


def test_seal_key_missing_foreign_or_readable_by_others(clinic) -> None:
    keys = clinic.data_dir.keys_dir
    assert not (keys / "clinic-seal-key.pem").exists()  # setup keeps the key encrypted only
    assert not (keys / "clinic-seal-key.json").exists()  # ... in the clinic database
    other = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    with sqlite3.connect(clinic.data_dir.db_path) as conn:
        [original] = conn.execute("SELECT public_key FROM seal_key").fetchone()
        conn.execute("UPDATE seal_key SET public_key = ?", (other.decode(),))
    assert "not the key of the seal certificate" in _result(clinic, "Seal key").finding
    with sqlite3.connect(clinic.data_dir.db_path) as conn:
        conn.execute("UPDATE seal_key SET public_key = ?", (original,))
    result = _result(clinic, "Seal key")
    assert result.status is Status.OK and "encrypted" in result.finding and "clinic database" in result.finding
    (keys / "clinic-seal-cert.pem").unlink()
    result = _result(clinic, "Seal key")
    assert result.status is Status.PROBLEM and "clinic-seal-cert.pem missing" in result.finding


def test_a_seal_key_kept_in_clear_is_a_warning(tmp_path) -> None:
    from exoconsult.documents.keys import generate_clinic_identity

    dd = DataDir(tmp_path / "older").ensure()
    generate_clinic_identity(dd.keys_dir, "Older Clinic", now=datetime.now(UTC))
    result = _result(installation_for(dd), "Seal key")
    assert result.status is Status.WARNING and "stored in clear" in result.finding


def test_clinic_content_not_approved_or_broken(clinic) -> None:
    consent = clinic.forms_dir / "consent" / "tr.md"
    consent.write_text(consent.read_text(encoding="utf-8").replace('version: "3.1.0"', 'version: "3.1.1"'), encoding="utf-8")
    result = _result(clinic, "Clinic content")
    assert result.status is Status.WARNING and "consent/tr.md" in result.finding and "DRAFT" in result.fix
    consent.write_text(consent.read_text(encoding="utf-8").replace('version: "3.1.1"', 'version: "3.1.0"') + "\n", encoding="utf-8")
    result = _result(clinic, "Clinic content")
    assert result.status is Status.PROBLEM and "consent/tr.md: changed since its approval" in result.finding
    (clinic.forms_dir / "protocols" / "exo-noa" / "protocol.yaml").write_text("rules: [", encoding="utf-8")
    result = _result(clinic, "Clinic content")
    assert result.status is Status.PROBLEM and "forms lint" in result.fix


def test_backup_never_made_or_too_old(clinic, tmp_path) -> None:
    late = dataclasses.replace(clinic, now=clinic.now + timedelta(days=3))
    assert _result(late, "Last backup").status is Status.WARNING
    later = dataclasses.replace(clinic, now=clinic.now + timedelta(days=8))
    result = _result(later, "Last backup")
    assert result.status is Status.PROBLEM and "8 days ago" in result.finding
    fresh = DataDir(tmp_path / "fresh").ensure()
    ctx = open_context(fresh)
    run_setup(ctx, ClinicProfile("New Clinic"), AdminAccount("admin", "Clinic Admin"), "correct horse battery",
                  PASSPHRASE)
    ctx.close()
    assert "no backup has been made yet" in _result(installation_for(fresh), "Last backup").finding


def test_free_disk_space_low(clinic, monkeypatch) -> None:
    usage = shutil.disk_usage(clinic.data_dir.root)
    monkeypatch.setattr(installation_checks.shutil, "disk_usage", lambda _p: usage._replace(free=100 * 1024**2))
    result = _result(clinic, "Free disk space")
    assert result.status is Status.PROBLEM and "0.1 GB free" in result.finding
    monkeypatch.setattr(installation_checks.shutil, "disk_usage", lambda _p: usage._replace(free=1024**3))
    assert _result(clinic, "Free disk space").status is Status.WARNING


def test_clock_before_the_audit_trail_or_implausible(clinic) -> None:
    behind = _result(dataclasses.replace(clinic, now=clinic.now - timedelta(hours=2)), "Clock")
    assert behind.status is Status.PROBLEM and "before the newest audit entry" in behind.finding
    stale = _result(dataclasses.replace(clinic, now=datetime(2020, 1, 1, tzinfo=UTC)), "Clock")
    assert stale.status is Status.PROBLEM and "time zone" in stale.fix


def test_data_folder_not_on_an_encrypted_disk(clinic, monkeypatch) -> None:
    monkeypatch.setattr(installation_checks, "folder_encryption", lambda _f: Encryption(NOT_ENCRYPTED, "plain disk"))
    result = _result(clinic, "Disk encryption")
    assert result.status is Status.WARNING and "NOT on an encrypted disk" in result.finding
    assert result.fix == disk_encryption.how_to_encrypt()


MOUNTINFO = """\
22 1 0:21 / /proc rw - proc proc rw
30 1 253:1 / / rw,relatime - ext4 /dev/mapper/vg-root rw
31 30 8:1 / /boot rw - ext4 /dev/sda1 rw
32 30 0:40 / /srv/overlay rw - overlay overlay rw
"""


def _fake_sysfs(root: Path, crypt_under_lvm: bool) -> Path:
    block = root / "block"
    for name in ("dm-0", "dm-1", "sda", "sda1", "sda2"):
        (block / name).mkdir(parents=True)
    (block / "dm-1" / "slaves").mkdir()
    (block / "dm-1" / "slaves" / "dm-0").mkdir()  # the LVM volume sits on dm-0
    (block / "dm-0" / "slaves").mkdir()
    (block / "dm-0" / "slaves" / "sda2").mkdir()
    (block / "dm-0" / "dm").mkdir()
    (block / "dm-0" / "dm" / "uuid").write_text("CRYPT-LUKS2-abc-luks" if crypt_under_lvm else "LVM-xyz", encoding="ascii")
    return block


def _device(source: str) -> str:
    return "dm-1" if source == "/dev/mapper/vg-root" else source.removeprefix("/dev/")


def test_linux_luks_is_found_under_lvm_and_a_plain_disk_is_not(tmp_path) -> None:
    home = Path("/home/clinic/data")
    encrypted = linux_encryption(home, MOUNTINFO, _fake_sysfs(tmp_path / "a", True), _device)
    assert encrypted.state == ENCRYPTED and "/dev/mapper/vg-root" in encrypted.detail
    assert linux_encryption(home, MOUNTINFO, _fake_sysfs(tmp_path / "b", False), _device).state == NOT_ENCRYPTED
    assert linux_encryption(Path("/boot/x"), MOUNTINFO, _fake_sysfs(tmp_path / "c", True), _device).state == NOT_ENCRYPTED
    assert linux_encryption(Path("/srv/overlay/data"), MOUNTINFO, tmp_path / "c" / "block", _device).state == UNKNOWN


def test_qt_that_cannot_load_its_platform_plugin(monkeypatch) -> None:
    from exoconsult.cli.doctor import qt_check

    assert qt_check().status is Status.OK  # offscreen, as in every test
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    result = qt_check()
    assert result.status is Status.PROBLEM and "no-such-platform" in result.finding
    assert "QT_QPA_PLATFORM" in result.fix


def test_local_settings_with_an_unknown_key_or_broken_json(clinic) -> None:
    path = clinic.data_dir.local_settings_path
    path.write_text('{"database_url": "", "databse_url": "postgresql://typo"}', encoding="utf-8")
    result = _result(clinic, "Local settings")
    assert result.status is Status.PROBLEM and "unknown key 'databse_url'" in result.finding
    assert "README" in result.fix
    path.write_text('{"database_url": ', encoding="utf-8")
    assert "not valid JSON (line 1" in _result(clinic, "Local settings").finding
    path.write_text('{"database_url": ""}', encoding="utf-8")
    assert _result(clinic, "Local settings").status is Status.OK


def test_clinic_settings_with_an_unknown_key_or_an_invalid_value(clinic) -> None:
    with sqlite3.connect(clinic.data_dir.db_path) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('retired_option', 'true')")
        conn.execute("""INSERT INTO setting (key, value) VALUES ('programme', '{"costs.total": "1", "costs.totl": "2"}')""")
        conn.execute("UPDATE setting SET value = '99' WHERE key = 'idle_lock_minutes'")
        if not conn.execute("SELECT 1 FROM setting WHERE key = 'idle_lock_minutes'").fetchone():
            conn.execute("INSERT INTO setting (key, value) VALUES ('idle_lock_minutes', '99')")
    result = _result(clinic, "Clinic settings")
    assert result.status is Status.WARNING
    assert "retired_option" in result.finding and "idle_lock_minutes" in result.finding
    assert "programme.costs.totl" in result.finding and "programme.costs.total" not in result.finding
