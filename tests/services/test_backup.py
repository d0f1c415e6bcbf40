"""Backups (DUR-9..DUR-12): consistent while another process writes, verified before use, restore
refuses damaged or mismatched copies and keeps the replaced database, daily rotation keeps 14."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from exoconsult.config import DataDir
from exoconsult.domain.errors import PermissionDenied, StorageError
from exoconsult.domain.patient import PatientData
from exoconsult.services.admin.backup import (
    BackupService,
    check_backup,
    daily_backup_if_due,
    daily_dir,
    list_backups,
    manifest_path_for,
    restore_backup,
)
from exoconsult.services.clinic import open_context
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
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


def _patients(sqlite_ctx, nurse, n: int) -> None:
    service = PatientService(sqlite_ctx)
    for i in range(n):
        service.create(nurse, PatientData("Kaya", f"Ali{chr(97 + i)}", date(1980, 1, 1 + i), mrn=f"K{i}"))


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _count(ctx, table: str) -> int:
    with ctx.db.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_backup_now_writes_a_verified_owner_only_copy_and_manifest(sqlite_ctx, admin, nurse, usb):
    _patients(sqlite_ctx, nurse, 3)
    result = BackupService(sqlite_ctx).backup_now(admin, usb)
    assert result.path.name.startswith("exoconsult-backup-20261124T09") and result.path.suffix == ".sqlite"
    manifest = json.loads(result.manifest_path.read_text())
    assert manifest["row_counts"]["patient"] == 3 and manifest["row_counts"]["app_user"] == 3
    assert manifest["schema_revisions"] and manifest["sha256"] == result.sha256
    assert manifest["audit_head"]["seq"] == result.audit_head_seq
    for f in (result.path, result.manifest_path):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert check_backup(result.path).ok
    with sqlite_ctx.db.connect() as conn:
        [row] = conn.execute(text("SELECT actor, detail FROM audit_entry WHERE action = 'backup'")).all()
    assert row.actor == "admin" and result.sha256 in row.detail


def test_only_admins_back_up(sqlite_ctx, nurse, urologist, usb):
    for actor in (nurse, urologist):
        with pytest.raises(PermissionDenied):
            BackupService(sqlite_ctx).backup_now(actor, usb)


def test_a_backup_taken_while_another_process_writes_restores_consistently(sqlite_ctx, admin, nurse, usb,
                                                                          tmp_path, clock):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(sqlite_ctx.data_dir.root)], cwd=REPO,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        writer.stdin.write(STAFF_PASSWORDS["nurse"] + "\n")
        writer.stdin.flush()
        acked_before: list[int] = []
        backups = []
        for _ in range(3):
            acked = 0
            while acked < 15:
                line = writer.stdout.readline()
                assert line.startswith("ACK"), (line, writer.stderr.read() if writer.poll() is not None else "")
                acked += 1
            acked_before.append(int(line.split()[1]) + 1)
            backups.append(BackupService(sqlite_ctx).backup_now(admin, usb))
            clock.advance(seconds=1)
        assert writer.poll() is None, "the writer must still be running after the backups"
    finally:
        writer.kill()
        writer.wait()
    for n, (result, minimum) in enumerate(zip(backups, acked_before, strict=True)):
        assert check_backup(result.path).ok
        target = DataDir(tmp_path / f"restored-{n}")
        restore_backup(target, result.path, actor=admin, now=clock.now())
        restored = open_context(target, clock=clock)
        try:
            report = verify_installation(restored)
            assert report.ok, [p.describe() for p in report.problems]
            assert _count(restored, "patient") >= minimum
            assert _count(restored, "patient") == result.row_counts["patient"]
        finally:
            restored.close()


def test_restore_refuses_a_backup_with_flipped_bytes_and_changes_nothing(sqlite_ctx, admin, nurse, usb):
    _patients(sqlite_ctx, nurse, 3)
    result = BackupService(sqlite_ctx).backup_now(admin, usb)
    data = bytearray(result.path.read_bytes())
    for offset in (4096 + 100, len(data) // 2, len(data) - 50):
        data[offset] ^= 0xFF
    result.path.write_bytes(bytes(data))
    before = sqlite_ctx.data_dir.db_path.read_bytes()
    check = check_backup(result.path)
    assert not check.ok and "SHA-256" in " ".join(check.problems)
    with pytest.raises(StorageError, match="refused and nothing was changed"):
        BackupService(sqlite_ctx).restore(admin, result.path)
    assert sqlite_ctx.data_dir.db_path.read_bytes() == before
    assert not (sqlite_ctx.data_dir.backups_dir / "replaced").exists()


def test_restore_refuses_a_manifest_that_does_not_match(sqlite_ctx, admin, nurse, usb):
    _patients(sqlite_ctx, nurse, 2)
    result = BackupService(sqlite_ctx).backup_now(admin, usb)
    manifest = json.loads(result.manifest_path.read_text())
    manifest["row_counts"]["patient"] = 5
    result.manifest_path.write_text(json.dumps(manifest))
    assert "row counts differ" in " ".join(check_backup(result.path).problems)
    with pytest.raises(StorageError):
        BackupService(sqlite_ctx).restore(admin, result.path)
    manifest_path_for(result.path).unlink()
    assert "manifest" in " ".join(check_backup(result.path).problems)


def test_restore_refuses_a_copy_whose_audit_was_edited_even_with_a_matching_hash(sqlite_ctx, admin, nurse, usb):
    """Someone edits the backup and rewrites the manifest hash: the audit replay still catches it."""
    import hashlib
    import sqlite3

    _patients(sqlite_ctx, nurse, 2)
    result = BackupService(sqlite_ctx).backup_now(admin, usb)
    conn = sqlite3.connect(result.path)
    conn.execute("UPDATE patient SET family_name = 'Forged' WHERE mrn = 'K0'")
    conn.commit()
    conn.close()
    manifest = json.loads(result.manifest_path.read_text())
    manifest["sha256"] = hashlib.sha256(result.path.read_bytes()).hexdigest()
    result.manifest_path.write_text(json.dumps(manifest))
    check = check_backup(result.path)
    assert not check.ok and "family_name" in " ".join(check.problems)


def test_restore_keeps_the_replaced_database_and_brings_back_the_old_state(sqlite_ctx, admin, nurse, usb):
    _patients(sqlite_ctx, nurse, 2)
    result = BackupService(sqlite_ctx).backup_now(admin, usb)
    PatientService(sqlite_ctx).create(nurse, PatientData("Sonra", "Gelen", date(1990, 1, 1), mrn="LATE"))
    restored = BackupService(sqlite_ctx).restore(admin, result.path)
    assert restored.replaced_database is not None and restored.replaced_database.exists()
    assert stat.S_IMODE(os.stat(restored.replaced_database).st_mode) == 0o600
    assert _count(sqlite_ctx, "patient") == 2  # this context reopens on the restored file
    assert verify_installation(sqlite_ctx).ok
    with sqlite_ctx.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'restore'")).scalar() == 1


def test_daily_backup_runs_once_per_clinic_day_and_keeps_the_last_14(sqlite_ctx, nurse, clock):
    clock.set(datetime(2026, 11, 1, 5, 0, tzinfo=UTC))  # 08:00 in Istanbul
    made = []
    for _ in range(20):
        first = daily_backup_if_due(sqlite_ctx)
        assert first is not None
        made.append(first.path.name)
        clock.advance(hours=10)
        assert daily_backup_if_due(sqlite_ctx) is None  # same clinic day: nothing more
        clock.advance(hours=14)
    kept = [p.name for p in list_backups(daily_dir(sqlite_ctx.data_dir))]
    assert kept == made[-14:]
    assert all(manifest_path_for(daily_dir(sqlite_ctx.data_dir) / n).exists() for n in kept)
    assert len(list(daily_dir(sqlite_ctx.data_dir).glob("*.manifest.json"))) == 14


def test_the_clinic_day_follows_the_clinic_time_zone(sqlite_ctx, clock):
    clock.set(datetime(2026, 11, 1, 20, 0, tzinfo=UTC))  # 23:00 in Istanbul
    assert daily_backup_if_due(sqlite_ctx) is not None
    clock.advance(hours=2)  # 01:00 next day in Istanbul, still 1 November in some zones
    assert daily_backup_if_due(sqlite_ctx) is not None
    clock.advance(hours=2)
    assert daily_backup_if_due(sqlite_ctx) is None


def test_postgresql_backups_are_refused_with_a_clear_message(tmp_path, admin):
    with pytest.raises(StorageError, match="pg_dump"):
        restore_backup(DataDir(tmp_path / "d"), tmp_path / "x.sqlite", database_url="postgresql+psycopg://u@h/db",
                       actor=admin, now=datetime.now(UTC))
