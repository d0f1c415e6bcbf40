"""Restore compares the clinic's approved content (issue 15 items 2 and 6): the forms/ files in a backup must
match the approvals in the backup's database. An approved text changed inside the backup, or an
approvals.json entry the database does not hold, refuses the restore like every other mismatch; a text
not approved yet is no mismatch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exoconsult.domain.errors import StorageError
from exoconsult.services.admin.backup import BackupService
from exoconsult.services.admin.restore import check_backup
from exoconsult.storage import clinic_backup_file as container
from tests.backup_support import PASSPHRASE, set_up_clinic
from tests.conftest import REPO
from tests.consent_support import approve_everything
from tests.services.test_restore import _repack

CONSENT = Path("consent") / "tr.md"


@pytest.fixture
def clinic(sqlite_ctx):
    staff = set_up_clinic(sqlite_ctx)
    own = sqlite_ctx.data_dir.root / "forms"
    shutil.copytree(REPO / "forms", own)
    sqlite_ctx.forms_dir = own
    approve_everything(sqlite_ctx, staff)  # records the approvals in the database and in forms/approvals.json
    return sqlite_ctx, staff


def _tamper_approved_text(folder: Path) -> None:
    """The issue's experiment: "takes away none of your legal rights" made "takes away some", version kept."""
    text = folder / "forms" / CONSENT
    body = text.read_text(encoding="utf-8")
    assert "yasal haklarınızdan hiçbirini ortadan kaldırmaz" in body
    text.write_text(body.replace("yasal haklarınızdan hiçbirini ortadan kaldırmaz",
                                 "yasal haklarınızdan bazılarını ortadan kaldırır"), encoding="utf-8")


def _break_an_approved_text(folder: Path) -> None:
    text = folder / "forms" / CONSENT
    text.write_text(text.read_text(encoding="utf-8") + "\nEk paragraf.\n", encoding="utf-8")


def _list_an_unknown_approval(folder: Path) -> None:
    record = folder / "forms" / "approvals.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["approvals"].append(dict(data["approvals"][0], sha256="0" * 64))
    record.write_text(json.dumps(data), encoding="utf-8")


def _a_new_version_waiting_for_approval(folder: Path) -> None:
    text = folder / "forms" / CONSENT
    body = text.read_text(encoding="utf-8")
    body = body.replace('version: "3.1.0"', 'version: "3.1.1"', 1)
    text.write_text(body.replace("İmzalanmış formun bir kopyası size verilecektir.",
                                 "İmzalanmış formun bir kopyası size hemen verilecektir."), encoding="utf-8")


@pytest.mark.parametrize(("tamper", "message"), [
    (_tamper_approved_text, f"forms/{CONSENT.as_posix()}: changed since its approval"),
    (_break_an_approved_text, f"forms/{CONSENT.as_posix()}: approved, but cannot be loaded"),
    (_list_an_unknown_approval, "forms/approvals.json lists an approval of"),
])
def test_forms_that_do_not_match_the_approvals_refuse_the_restore(clinic, tmp_path, tamper, message):
    ctx, staff = clinic
    good = BackupService(ctx).backup_now(staff["admin"], tmp_path / "usb")
    assert check_backup(good.path, PASSPHRASE).ok
    bad = _repack(ctx, good.path, tmp_path / "usb" / f"exoconsult-backup-bad{container.SUFFIX}", tamper,
                  recompute="all")  # the manifest agrees: only the approvals can tell
    before = ctx.data_dir.db_path.read_bytes()
    shown = check_backup(bad, PASSPHRASE)
    assert not shown.ok and message in shown.problems[0]
    with pytest.raises(StorageError, match="refused and nothing was changed") as refused:
        BackupService(ctx).restore(staff["admin"], bad, PASSPHRASE)
    assert message in str(refused.value)
    assert ctx.data_dir.db_path.read_bytes() == before


def test_a_text_not_yet_approved_is_no_mismatch(clinic, tmp_path):
    ctx, staff = clinic
    assert 'version: "3.1.0"' in (ctx.forms_dir / CONSENT).read_text(encoding="utf-8")
    good = BackupService(ctx).backup_now(staff["admin"], tmp_path / "usb")
    pending = _repack(ctx, good.path, tmp_path / "usb" / f"exoconsult-backup-pending{container.SUFFIX}",
                      _a_new_version_waiting_for_approval, recompute="all")
    assert check_backup(pending, PASSPHRASE).ok
