"""First-run setup (HIP-1: no built-in account) and the typed clinic settings (PWD-6 idle lock bounds)."""

from __future__ import annotations

import os
import stat
from dataclasses import replace

import pytest
from sqlalchemy import text

from exoconsult.domain.errors import Conflict, PermissionDenied, ValidationError
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.admin.setup import AdminAccount, ClinicProfile, is_set_up, run_setup, setup_status
from exoconsult.services.core.clinic_settings import current_settings

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PROFILE = ClinicProfile(clinic_name="Demo Andrology Clinic", time_zone="Europe/Istanbul", default_language="tr",
                        clinician_language="en", paper_size="Letter", clinic_address="Demo Sokak 1\nİstanbul",
                        clinic_phone="+90 212 555 0100", complication_phone="+90 532 555 0199", logo=PNG)
ADMIN = AdminAccount("selin", "Selin Yönetici")
PASSWORD = "first admin password"
PASSPHRASE = "orchard tungsten ribbon falcon"


def test_setup_creates_profile_admin_and_owner_only_signing_identity(ctx):
    assert not is_set_up(ctx) and not setup_status(ctx).is_set_up
    result = run_setup(ctx, PROFILE, ADMIN, PASSWORD, PASSPHRASE)
    assert is_set_up(ctx)
    s = current_settings(ctx)
    assert (s.clinic_name, s.paper_size, s.clinician_language, s.complication_phone) == (
        "Demo Andrology Clinic", "Letter", "en", "+90 532 555 0199")
    assert s.certificate_fingerprint == result.certificate_fingerprint and len(s.certificate_fingerprint) == 95
    keys = ctx.data_dir.keys_dir
    for f in keys.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert result.certificate_path.parent == keys
    assert AuthService(ctx).login("SELIN", PASSWORD) == result.admin
    assert SettingsService(ctx).logo_path(result.admin).read_bytes() == PNG
    with ctx.db.connect() as conn:
        actions = [r[0] for r in conn.execute(text("SELECT action FROM audit_entry ORDER BY seq"))]
    assert "setup_completed" in actions and "account_created" in actions
    from exoconsult.services.admin.backup_key import load_backup_key, passphrase_opens

    key = load_backup_key(ctx.data_dir)
    assert passphrase_opens(key, PASSPHRASE) and not passphrase_opens(key, PASSWORD)


def test_setup_refuses_a_weak_clinic_passphrase_or_the_admins_password_as_one(ctx):
    for passphrase, words in (("password1234", "clinic passphrase"), ("Demo Andrology Clinic 1", "part of the name"),
                              (PASSWORD, "must not be the admin's password")):
        with pytest.raises(ValidationError) as info:
            run_setup(ctx, PROFILE, ADMIN, PASSWORD, passphrase)
        assert words in info.value.problems["passphrase"]
    assert not is_set_up(ctx) and not ctx.data_dir.keys_dir.exists()


def test_setup_refuses_to_run_twice(ctx):
    run_setup(ctx, PROFILE, ADMIN, PASSWORD, PASSPHRASE)
    with pytest.raises(Conflict):
        run_setup(ctx, PROFILE, AdminAccount("other", "Other Admin"), PASSWORD, PASSPHRASE)


def test_invalid_setup_changes_nothing_and_names_every_problem(ctx):
    bad = replace(PROFILE, clinic_name=" ", time_zone="Mars/Olympus", paper_size="A5")
    with pytest.raises(ValidationError) as info:
        run_setup(ctx, bad, AdminAccount("x", ""), "short", "short")
    assert {"clinic_name", "time_zone", "paper_size", "admin_username", "admin_display_name", "password",
            "passphrase"} <= set(info.value.problems)
    assert not is_set_up(ctx) and not ctx.data_dir.keys_dir.exists()


def test_an_existing_key_from_an_earlier_installation_is_not_overwritten(ctx):
    ctx.data_dir.keys_dir.mkdir(mode=0o700)
    (ctx.data_dir.keys_dir / "clinic-seal-key.pem").write_bytes(b"old key")
    with pytest.raises(Conflict, match="earlier installation"):
        run_setup(ctx, PROFILE, ADMIN, PASSWORD, PASSPHRASE)
    assert (ctx.data_dir.keys_dir / "clinic-seal-key.pem").read_bytes() == b"old key"
    assert not is_set_up(ctx)


@pytest.mark.parametrize(("key", "value"), [
    ("idle_lock_minutes", 0), ("idle_lock_minutes", 16), ("idle_lock_minutes", None), ("idle_lock_minutes", True),
    ("idle_lock_minutes", "5"), ("time_zone", "Europe/Atlantis"), ("time_zone", "../../etc/passwd"),
    ("default_language", "de"), ("paper_size", "A3"), ("witness_required", "yes"), ("clinic_name", ""),
    ("complication_phone", "call me"), ("certificate_fingerprint", "AA"), ("no_such_setting", 1),
])
def test_bad_settings_are_refused(ctx, admin, key, value):
    with pytest.raises(ValidationError) as info:
        SettingsService(ctx).update(admin, {key: value})
    assert key in info.value.problems


def test_settings_defaults_and_update(ctx, admin, nurse):
    service = SettingsService(ctx)
    s = service.read(nurse)
    assert (s.idle_lock_minutes, s.reflection_days, s.consent_validity_days, s.witness_required) == (5, 14, 90, True)
    updated = service.update(admin, {"idle_lock_minutes": 15, "witness_required": False, "time_zone": "Europe/London"})
    assert (updated.idle_lock_minutes, updated.witness_required, updated.time_zone) == (15, False, "Europe/London")
    assert service.read(nurse).idle_lock_minutes == 15
    service.update(admin, {"idle_lock_minutes": 1})
    with ctx.db.connect() as conn:
        rows = conn.execute(text("SELECT before, after FROM audit_entry WHERE entity = 'setting' AND entity_id = "
                                 "'idle_lock_minutes' ORDER BY seq")).all()
    assert [(r.before, r.after) for r in rows] == [(None, '{"key":"idle_lock_minutes","value":"15"}'),
                                                   (None, '{"changes":[{"a":"1","b":"15","p":["value"]}],"n":1,'
                                                          '"~diff":1}')]  # an update stores what changed


def test_only_admins_change_settings(ctx, nurse, urologist):
    for actor in (nurse, urologist):
        with pytest.raises(PermissionDenied):
            SettingsService(ctx).update(actor, {"idle_lock_minutes": 10})


@pytest.mark.parametrize(("data", "why"), [
    (b"GIF89a" + b"\x00" * 10, "PNG or JPEG"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "PNG or JPEG"),
    (b"", "empty"),
    (PNG + b"\x00" * (2 * 1024 * 1024), "2 MB"),
])
def test_logo_is_checked_by_magic_bytes_and_size(ctx, admin, data, why):
    with pytest.raises(ValidationError) as info:
        SettingsService(ctx).set_logo(admin, data)
    assert why in info.value.problems["logo"]


def test_a_jpeg_logo_is_stored_owner_only_and_a_changed_file_is_not_used(ctx, admin, nurse):
    service = SettingsService(ctx)
    service.set_logo(admin, JPEG)
    path = service.logo_path(nurse)
    assert path is not None and path.suffix == ".jpg" and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    path.write_bytes(JPEG + b"tampered")
    assert service.logo_path(nurse) is None
    service.remove_logo(admin)
    assert service.logo_path(nurse) is None
