"""Clinic backups (DUR-9, DUR-10, DUR-12): one encrypted file holding the database, keys/, forms/ and
branding/; written without a passphrase, opened only with it; consistent while another process writes;
daily rotation keeps 14. Restore: tests/services/test_restore.py."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from exoconsult.config import DataDir
from exoconsult.domain.errors import PermissionDenied, StorageError, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.admin.backup import (
    BackupService,
    daily_backup_if_due,
    daily_dir,
    list_backups,
)
from exoconsult.services.admin.clinic_summary import read_summary
from exoconsult.services.admin.restore import check_backup, restore_unpacked, unpacked_backup
from exoconsult.services.clinic import open_context
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage.secret_box import WrongSecret
from tests.backup_support import PASSPHRASE, set_up_clinic
from tests.conftest import REPO, STAFF_PASSWORDS

WRITER = r"""
import sys
from datetime import date
from pathlib import Path
from exoconsult.config import DataDir
from exoconsult.domain.patient import PatientData
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.clinic import open_context
from exoconsult.services.history.patients import PatientService

ctx = open_context(DataDir(Path(sys.argv[1])))
nurse = AuthService(ctx).login("nurse", sys.stdin.readline().rstrip("\n"))
service = PatientService(ctx)
n = 0
while True:
    service.create(nurse, PatientData("Yazar", "Ali", date(1980, 1, 1), mrn=f"W{n:05d}"))
    print(f"ACK {n}", flush=True)
    n += 1
"""


@pytest.fixture
def clinic(sqlite_ctx):
    return sqlite_ctx, set_up_clinic(sqlite_ctx)


def _patients(ctx, nurse, n: int, first: str = "Ali") -> None:
    service = PatientService(ctx)
    for i in range(n):
        service.create(nurse, PatientData("Kaya", f"{first}{chr(97 + i)}", date(1980, 1, 1 + i), mrn=f"K{first}{i}"))


@pytest.fixture
def usb(tmp_path):
    return tmp_path / "usb"  # not created: backup makes its destination folder


def _count(ctx, table: str) -> int:
    with ctx.db.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_a_backup_is_one_encrypted_owner_only_file_holding_the_whole_clinic(clinic, usb):
    ctx, staff = clinic
    _patients(ctx, staff["nurse"], 3, first="Zeynepcanary")
    (ctx.data_dir.root / "forms").mkdir(exist_ok=True)  # setup makes the clinic's copy
    (ctx.data_dir.root / "forms" / "clinic-note.md").write_text("approved text", encoding="utf-8")
    result = BackupService(ctx).backup_now(staff["admin"], usb)
    assert usb.is_dir() and list(usb.iterdir()) == [result.path]  # one file, the folder was created
    assert result.path.name.startswith("exoconsult-backup-20261124T09") and result.path.suffix == ".exobackup"
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    raw = result.path.read_bytes()
    assert b"Zeynepcanary" not in raw and b"SQLite format 3" not in raw and b"BEGIN CERTIFICATE" not in raw
    assert b"PRIVATE KEY" not in raw
    summary = read_summary(result.path)  # readable without the passphrase: no patient data in it
    assert (summary.clinic_name, summary.patients, summary.consents) == ("Exo Clinic Ankara", 3, 0)
    assert summary.certificate_fingerprint.count(":") == 31 and summary.audit_head_seq == result.audit_head_seq
    check = check_backup(result.path, PASSPHRASE)
    assert check.ok, check.problems
    with unpacked_backup(None, result.path, PASSPHRASE) as unpacked:
        names = sorted(p.relative_to(unpacked.folder).as_posix() for p in unpacked.folder.rglob("*") if p.is_file())
    assert {"database/exoconsult.sqlite", "forms/clinic-note.md", "keys/clinic-backup-key.json",
            "keys/clinic-seal-cert.pem"} <= set(names)
    assert "keys/clinic-seal-key.json" not in names  # the encrypted seal key travels inside the database
    clinic_forms = ctx.data_dir.root / "forms"
    assert {n for n in names if n.startswith("forms/")} == {
        "forms/" + p.relative_to(clinic_forms).as_posix() for p in clinic_forms.rglob("*") if p.is_file()}
    assert not [n for n in names if n.split("/")[0] not in ("database", "keys", "forms", "branding")]
    with ctx.db.connect() as conn:
        [row] = conn.execute(text("SELECT actor, detail FROM audit_entry WHERE action = 'backup'")).all()
    assert row.actor == "admin" and result.sha256 in row.detail


def test_without_the_passphrase_a_backup_does_not_open(clinic, usb):
    ctx, staff = clinic
    result = BackupService(ctx).backup_now(staff["admin"], usb)
    check = check_backup(result.path, "not the clinic passphrase at all")
    assert not check.ok and "passphrase does not open" in check.problems[0] and "nothing was changed" in check.problems[0]
    assert check.summary is not None and check.summary.clinic_name == "Exo Clinic Ankara"
    with pytest.raises(WrongSecret):
        with unpacked_backup(None, result.path, "not the clinic passphrase at all"):
            pass


@pytest.mark.parametrize("damage", ["flip", "truncate", "append", "header"])
def test_a_damaged_or_altered_backup_is_refused(clinic, usb, damage):
    ctx, staff = clinic
    _patients(ctx, staff["nurse"], 2)
    result = BackupService(ctx).backup_now(staff["admin"], usb)
    data = bytearray(result.path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        del data[-5000:]
    elif damage == "append":
        data += b"\x00" * 10
    else:  # the clear summary claims more patients: it is bound to the payload, so the backup refuses
        data[:] = data.replace(b'"patients":2', b'"patients":9')
    result.path.write_bytes(bytes(data))
    check = check_backup(result.path, PASSPHRASE)
    assert not check.ok, damage
    assert "refused and nothing was changed" in check.problems[0]


def test_backup_refuses_a_file_or_system_folder_as_destination(clinic, tmp_path):
    ctx, staff = clinic
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    for dest, words in ((a_file, "is not a folder"), (tmp_path / "proc-link", "system folder")):
        if dest.name == "proc-link":
            dest.symlink_to("/proc")
        with pytest.raises(ValidationError, match=words):
            BackupService(ctx).backup_now(staff["admin"], dest)


def test_only_admins_back_up(clinic, usb):
    ctx, staff = clinic
    for actor in (staff["nurse"], staff["urologist"]):
        with pytest.raises(PermissionDenied):
            BackupService(ctx).backup_now(actor, usb)


def test_a_clinic_without_a_backup_key_is_told_how_to_make_one(sqlite_ctx, admin, usb):
    with pytest.raises(StorageError, match="clinic-passphrase"):
        BackupService(sqlite_ctx).backup_now(admin, usb)


def test_a_backup_taken_while_another_process_writes_restores_consistently(clinic, usb, tmp_path, clock):
    ctx, staff = clinic
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ctx.data_dir.root)], cwd=REPO,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        writer.stdin.write(STAFF_PASSWORDS["nurse"] + "\n")
        writer.stdin.flush()
        acked_before: list[int] = []
        backups = []
        for _ in range(2):
            acked = 0
            while acked < 15:
                line = writer.stdout.readline()
                assert line.startswith("ACK"), (line, writer.stderr.read() if writer.poll() is not None else "")
                acked += 1
            acked_before.append(int(line.split()[1]) + 1)
            backups.append(BackupService(ctx).backup_now(staff["admin"], usb))
            clock.advance(seconds=1)
        assert writer.poll() is None, "the writer must still be running after the backups"
    finally:
        writer.kill()
        writer.wait()
    for n, (result, minimum) in enumerate(zip(backups, acked_before, strict=True)):
        target = DataDir(tmp_path / f"restored-{n}")
        with unpacked_backup(target.ensure().backups_dir, result.path, PASSPHRASE) as unpacked:
            restore_unpacked(target, unpacked, actor=staff["admin"], now=clock.now())
        restored = open_context(target, clock=clock)
        try:
            report = verify_installation(restored)
            assert report.ok, [p.describe() for p in report.problems]
            assert _count(restored, "patient") >= minimum
            assert _count(restored, "patient") == result.summary.patients
        finally:
            restored.close()


def test_daily_backup_runs_once_per_clinic_day_and_keeps_the_last_14(clinic, clock):
    ctx, _ = clinic
    clock.set(datetime(2026, 11, 1, 5, 0, tzinfo=UTC))  # 08:00 in Istanbul
    made = []
    for _ in range(16):
        first = daily_backup_if_due(ctx)
        assert first is not None
        made.append(first.path.name)
        clock.advance(hours=10)
        assert daily_backup_if_due(ctx) is None  # same clinic day: nothing more
        clock.advance(hours=14)
    kept = [p.name for p in list_backups(daily_dir(ctx.data_dir))]
    assert kept == made[-14:]
    assert sorted(p.name for p in daily_dir(ctx.data_dir).iterdir()) == kept
    assert check_backup(daily_dir(ctx.data_dir) / kept[-1], PASSPHRASE).ok  # the unattended one opens too


def test_the_clinic_day_follows_the_clinic_time_zone(clinic, clock):
    ctx, _ = clinic
    clock.set(datetime(2026, 11, 1, 20, 0, tzinfo=UTC))  # 23:00 in Istanbul
    assert daily_backup_if_due(ctx) is not None
    clock.advance(hours=2)  # 01:00 next day in Istanbul, still 1 November in some zones
    assert daily_backup_if_due(ctx) is not None
    clock.advance(hours=2)
    assert daily_backup_if_due(ctx) is None


def test_postgresql_backups_are_refused_with_a_clear_message(ctx, admin, tmp_path):
    if ctx.db.is_sqlite:
        pytest.skip("the PostgreSQL refusal")
    with pytest.raises(StorageError, match="pg_dump"):
        BackupService(ctx).backup_now(admin, tmp_path / "usb")
    with pytest.raises(StorageError, match="pg_dump"):
        BackupService(ctx).restore(admin, tmp_path / "x.exobackup", PASSPHRASE)
    assert daily_backup_if_due(ctx) is None


def test_backup_files_hold_no_clear_password_or_passphrase(clinic, usb):
    ctx, staff = clinic
    result = BackupService(ctx).backup_now(staff["admin"], usb)
    raw = result.path.read_bytes()
    assert PASSPHRASE.encode() not in raw and STAFF_PASSWORDS["admin"].encode() not in raw
    key_file = (ctx.data_dir.keys_dir / "clinic-backup-key.json").read_bytes()
    assert PASSPHRASE.encode() not in key_file and stat.S_IMODE(os.stat(ctx.data_dir.keys_dir / "clinic-backup-key.json").st_mode) == 0o600
