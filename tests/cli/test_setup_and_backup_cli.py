"""`exoconsult setup` on an empty data folder (password from stdin or a file, never argv), then
`exoconsult backup DEST` and `exoconsult restore SRC`, each in its own process as an installer would."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PASSWORD = "installer chosen password"
PASSPHRASE = "quarry velvet monsoon ladder"
ADMIN = ("--user", "selin", "--password-stdin")
OPEN = ("--passphrase-stdin",)  # the passphrase is the line after the password


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exoconsult", *args], cwd=REPO, input=stdin, text=True,
                          capture_output=True, timeout=120)


def _setup(data: Path, *extra: str, stdin: str = PASSWORD + "\n" + PASSPHRASE + "\n",
           clinic: str = "Demo Andrology Clinic") -> subprocess.CompletedProcess:
    if "--passphrase-file" not in extra:
        extra = (*extra, "--passphrase-stdin")
    return _run("setup", "--data-dir", str(data), "--clinic-name", clinic, "--admin-username",
                "selin", "--admin-name", "Selin Yönetici", "--time-zone", "Europe/Istanbul", "--language", "en",
                "--complication-phone", "+90 532 555 0199", *extra, stdin=stdin)


def test_setup_on_an_empty_data_dir_with_the_password_on_stdin(tmp_path):
    data = tmp_path / "fresh"
    done = _setup(data, "--password-stdin")
    assert done.returncode == 0, done.stderr
    fingerprint = re.search(r"Certificate fingerprint \(SHA-256\): ([0-9A-F:]{95})", done.stdout).group(1)
    assert PASSWORD not in done.stdout + done.stderr
    for f in (data / "keys").iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    assert stat.S_IMODE((data / "exoconsult.sqlite").stat().st_mode) == 0o600
    from exoconsult.config import DataDir
    from exoconsult.services.accounts.auth import AuthService
    from exoconsult.services.admin.settings import SettingsService
    from exoconsult.services.clinic import open_context

    ctx = open_context(DataDir(data))
    try:
        admin = AuthService(ctx).login("selin", PASSWORD)
        settings = SettingsService(ctx).read(admin)
        assert (settings.certificate_fingerprint, settings.default_language) == (fingerprint, "en")
    finally:
        ctx.close()
    again = _setup(data, "--password-stdin")
    assert again.returncode == 2 and "already set up" in again.stderr
    assert _run("verify", "--data-dir", str(data)).returncode == 0


def test_setup_reads_the_password_from_a_file_and_refuses_a_short_one(tmp_path):
    pw_file = tmp_path / "pw"
    pw_file.write_text("too short\n")
    refused = _setup(tmp_path / "a", "--password-file", str(pw_file), stdin=PASSPHRASE + "\n")
    assert refused.returncode == 2 and "at least 12" in refused.stderr
    pw_file.write_text("password1234\n")
    refused = _setup(tmp_path / "a", "--password-file", str(pw_file), stdin=PASSPHRASE + "\n")
    assert refused.returncode == 2 and "one of the most common passwords" in refused.stderr
    assert not (tmp_path / "a" / "keys").exists()
    pw_file.write_text(PASSWORD + "\n")
    weak = _setup(tmp_path / "a", "--password-file", str(pw_file), stdin="password1234\n")
    assert weak.returncode == 2 and "passphrase: The clinic passphrase" in weak.stderr
    assert not (tmp_path / "a" / "keys").exists()
    assert _setup(tmp_path / "a", "--password-file", str(pw_file), stdin=PASSPHRASE + "\n").returncode == 0
    assert "BEGIN" not in (tmp_path / "a" / "keys" / "clinic-backup-key.json").read_text()


@pytest.mark.parametrize("argv", [["--password", PASSWORD], []])
def test_there_is_no_way_to_pass_the_password_on_the_command_line(tmp_path, argv):
    done = _setup(tmp_path / "b", *argv)
    assert done.returncode == 2 and not (tmp_path / "b" / "keys").exists()


def test_backup_and_restore_commands(tmp_path):
    data, usb = tmp_path / "clinic", tmp_path / "usb" / "new-folder"
    assert _setup(data, "--password-stdin").returncode == 0
    anonymous = _run("backup", "--data-dir", str(data), str(usb))
    assert anonymous.returncode == 2 and "--user" in anonymous.stderr and not usb.exists()
    made = _run("backup", "--data-dir", str(data), str(usb), *ADMIN, stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    [backup] = usb.iterdir()  # the folder was made; one file holds the whole clinic
    assert backup.name.startswith("exoconsult-backup-") and "encrypted and checked" in made.stdout
    summary = _run("restore", "--data-dir", str(data), "--check-only", str(backup))
    assert summary.returncode == 0 and "Demo Andrology Clinic" in summary.stdout and "passphrase" in summary.stdout
    checked = _run("restore", "--data-dir", str(data), "--check-only", *OPEN, str(backup), stdin=PASSPHRASE + "\n")
    assert checked.returncode == 0 and "OK:" in checked.stdout
    wrong_phrase = _run("restore", "--check-only", *OPEN, str(backup), stdin="not the passphrase\n")
    assert wrong_phrase.returncode == 1 and "passphrase does not open" in wrong_phrase.stdout
    new = tmp_path / "new-machine"
    anonymous = _run("restore", "--data-dir", str(new), str(backup))
    assert anonymous.returncode == 2 and "an admin signs in" in anonymous.stderr
    no_phrase = _run("restore", "--data-dir", str(new), str(backup), *ADMIN, stdin=PASSWORD + "\n")
    assert no_phrase.returncode == 2 and "clinic passphrase" in no_phrase.stderr
    wrong = _run("restore", "--data-dir", str(new), str(backup), *ADMIN, *OPEN, stdin="guess\n" + PASSPHRASE + "\n")
    assert wrong.returncode == 1 and "Sign-in failed" in wrong.stderr
    assert not (new / "exoconsult.sqlite").exists()
    restored = _run("restore", "--data-dir", str(new), str(backup), *ADMIN, *OPEN,
                    stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert restored.returncode == 0, restored.stderr
    assert "(no clinic yet)" in restored.stdout and "Restored Demo Andrology Clinic" in restored.stdout
    assert sorted(p.name for p in (new / "keys").iterdir()) == sorted(p.name for p in (data / "keys").iterdir())
    assert _run("verify", "--data-dir", str(new)).returncode == 0

    damaged = bytearray(backup.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    backup.write_bytes(bytes(damaged))
    before = (data / "exoconsult.sqlite").read_bytes()
    refused = _run("restore", "--data-dir", str(data), str(backup), *ADMIN, *OPEN,
                   stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert refused.returncode == 1 and "refused and nothing was changed" in refused.stderr
    assert (data / "exoconsult.sqlite").read_bytes() == before


def test_restoring_another_clinic_needs_its_name_typed(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    assert _setup(ours, "--password-stdin").returncode == 0
    assert _setup(theirs, "--password-stdin", clinic="Kadıköy Andrology").returncode == 0
    made = _run("backup", "--data-dir", str(theirs), str(tmp_path / "usb"), *ADMIN, stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    [backup] = (tmp_path / "usb").iterdir()
    before = (ours / "exoconsult.sqlite").read_bytes()
    refused = _run("restore", "--data-dir", str(ours), str(backup), *ADMIN, *OPEN,
                   stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert refused.returncode == 1 and "--replace-other-clinic" not in refused.stdout
    assert "ANOTHER clinic" in refused.stdout and "Kadıköy Andrology" in refused.stdout
    assert "Demo Andrology Clinic" in refused.stdout and "type the backup's clinic name" in refused.stderr
    assert (ours / "exoconsult.sqlite").read_bytes() == before
    done = _run("restore", "--data-dir", str(ours), str(backup), "--replace-other-clinic", "Kadıköy Andrology",
                *ADMIN, *OPEN, stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert done.returncode == 0, done.stderr
    assert "previous clinic (database, keys, forms, branding) was kept" in done.stdout
    assert _run("verify", "--data-dir", str(ours)).returncode == 0


def test_users_create_and_list_for_scripted_installs(tmp_path):
    data = tmp_path / "clinic"
    assert _setup(data, "--password-stdin").returncode == 0
    urologist = ("users", "create", "--data-dir", str(data), "--admin-username", "selin", "--password-stdin",
                 "--username", "deniz", "--name", "Deniz Aydın", "--role", "urologist", "--title", "Op. Dr.",
                 "--registration-number", "TTB-34-1")
    no_phrase = _run(*urologist, stdin=PASSWORD + "\n")  # a urologist seals: his key slot needs the passphrase
    assert no_phrase.returncode == 2 and "clinic_passphrase" in no_phrase.stderr
    made = _run(*urologist, *OPEN, stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    temporary = made.stdout.split("first sign-in): ")[1].strip()
    listed = _run("users", "list", "--data-dir", str(data), "--admin-username", "selin", "--password-stdin",
                  stdin=PASSWORD + "\n")
    assert "deniz\turologist\tactive\tOp. Dr. Deniz Aydın" in listed.stdout
    refused = _run("users", "list", "--data-dir", str(data), "--admin-username", "selin", "--password-stdin",
                   stdin="wrong password here\n")
    assert refused.returncode == 2 and "Sign-in failed" in refused.stderr
    from exoconsult.config import DataDir
    from exoconsult.services.accounts.auth import AuthService, PasswordChangeRequired
    from exoconsult.services.clinic import open_context

    ctx = open_context(DataDir(data))
    try:
        with pytest.raises(PasswordChangeRequired):
            AuthService(ctx).login("deniz", temporary)
    finally:
        ctx.close()


def test_a_clinic_without_a_backup_key_gets_one_with_clinic_passphrase(tmp_path):
    data = tmp_path / "older"
    assert _setup(data, "--password-stdin").returncode == 0
    (data / "keys" / "clinic-backup-key.json").unlink()  # as a clinic set up before backups were encrypted
    refused = _run("backup", "--data-dir", str(data), str(tmp_path / "usb"), *ADMIN, stdin=PASSWORD + "\n")
    assert refused.returncode == 1 and "exoconsult clinic-passphrase" in refused.stderr
    weak = _run("clinic-passphrase", "--data-dir", str(data), *ADMIN, *OPEN, stdin=PASSWORD + "\npassword1234\n")
    assert weak.returncode == 2 and "passphrase" in weak.stderr
    done = _run("clinic-passphrase", "--data-dir", str(data), *ADMIN, *OPEN, stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert done.returncode == 0, done.stderr
    again = _run("clinic-passphrase", "--data-dir", str(data), *ADMIN, *OPEN, stdin=PASSWORD + "\n" + PASSPHRASE + "\n")
    assert again.returncode == 1 and "already" in again.stderr
    made = _run("backup", "--data-dir", str(data), str(tmp_path / "usb"), *ADMIN, stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
