"""`exoconsult clinic-passphrase --change` in its own process: the password, the current passphrase and the
new one on standard input; the old passphrase no longer works afterwards, and the output says old backups
still need it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

PASSWORD = "installer chosen password"
PASSPHRASE = "quarry velvet monsoon ladder"
NEW_PASSPHRASE = "orchard copper whistle ninety"


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exoconsult", *args], cwd=REPO, input=stdin, text=True,
                          capture_output=True, timeout=180)


def _change(data, old: str, new: str) -> subprocess.CompletedProcess:
    return _run("clinic-passphrase", "--change", "--data-dir", str(data), "--user", "selin", "--password-stdin",
                "--passphrase-stdin", stdin=f"{PASSWORD}\n{old}\n{new}\n")


def test_change_the_clinic_passphrase_on_the_command_line(tmp_path):
    data = tmp_path / "clinic"
    made = _run("setup", "--data-dir", str(data), "--clinic-name", "Demo Andrology Clinic", "--admin-username",
                "selin", "--admin-name", "Selin Yönetici", "--password-stdin", "--passphrase-stdin",
                stdin=f"{PASSWORD}\n{PASSPHRASE}\n")
    assert made.returncode == 0, made.stderr
    done = _change(data, PASSPHRASE, NEW_PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert "OLD passphrase" in done.stdout and NEW_PASSPHRASE not in done.stdout + done.stderr
    again = _change(data, PASSPHRASE, "yet another long passphrase")
    assert again.returncode == 2 and "not right" in again.stderr and "nothing was changed" in again.stderr
    assert _change(data, NEW_PASSPHRASE, PASSPHRASE).returncode == 0  # the new one is the current one now
