"""`exoconsult content approver|approve|status`, `forms lint` with and without `--data-dir` and `verify`,
each in its own process as a scripted install would run them: the issue's tampered-text experiment fails
in lint and verify once the text was approved through the app's mechanism."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

ADMIN_PASSWORD = "installer chosen password"
DIRECTOR_PASSWORD = "medical director password"
PASSPHRASE = "quarry velvet monsoon ladder"  # the clinic passphrase setup asks for (the line after the password)


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exoconsult", *args], cwd=REPO, input=stdin, text=True,
                          capture_output=True, timeout=180)


def _clinic(data: Path, tmp_path: Path) -> tuple[Path, Path]:
    done = _run("setup", "--data-dir", str(data), "--clinic-name", "Exo Clinic", "--admin-username", "selin",
                "--admin-name", "Selin Yönetici", "--time-zone", "Europe/Istanbul", "--language", "en",
                "--complication-phone", "+90 532 555 0199", "--password-stdin", "--passphrase-stdin",
                stdin=ADMIN_PASSWORD + "\n" + PASSPHRASE + "\n")
    assert done.returncode == 0, done.stderr
    from exoconsult.config import DataDir
    from exoconsult.domain.people import Role
    from exoconsult.services.accounts.accounts import AccountService, UserFields
    from exoconsult.services.accounts.auth import AuthService
    from exoconsult.services.clinic import open_context

    ctx = open_context(DataDir(data))
    try:
        admin = AuthService(ctx).login("selin", ADMIN_PASSWORD)
        AccountService(ctx).create_user(admin, UserFields("kemal", "Kemal Arslan", Role.UROLOGIST, "Prof. Dr."),
                                        DIRECTOR_PASSWORD, must_change_password=False,
                                        clinic_passphrase=PASSPHRASE)  # a urologist gets his seal key slot
    finally:
        ctx.close()
    admin_pw, director_pw = tmp_path / "admin.pw", tmp_path / "director.pw"
    admin_pw.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    director_pw.write_text(DIRECTOR_PASSWORD + "\n", encoding="utf-8")
    return admin_pw, director_pw


def test_scripted_approval_then_the_tampered_text_fails_lint_and_verify(tmp_path):
    data = tmp_path / "clinic"
    admin_pw, director_pw = _clinic(data, tmp_path)
    forms = data / "forms"
    d = ("--data-dir", str(data))
    status = _run("content", "status", *d)
    assert status.returncode == 1 and status.stdout.count("not_approved") == 10

    refused = _run("content", "approve", "consent", "exo-consent", "en", *d, "--user", "kemal",
                   "--password-file", str(director_pw))
    assert refused.returncode == 1 and "not granted to this account" in refused.stderr
    granted = _run("content", "approver", "kemal", *d, "--user", "selin", "--password-file", str(admin_pw))
    assert granted.returncode == 0 and "granted to kemal" in granted.stdout, granted.stderr
    done = _run("content", "approve", "consent", "exo-consent", "en", *d, "--user", "kemal",
                "--password-file", str(director_pw))
    assert done.returncode == 0 and "approved by Prof. Dr. Kemal Arslan" in done.stdout, done.stderr
    assert "consent\texo-consent\ten\t3.1.0\tapproved" in _run("content", "status", *d).stdout
    assert (forms / "consent" / "en.md").is_file(), "the first approval gives the clinic its own forms copy"
    _approve_the_rest(data)  # the same use case in-process (one process per file is slow on a busy machine)
    assert _run("content", "status", *d).returncode == 0
    assert _run("forms", "lint", "--forms", str(forms)).stdout.strip() == "forms OK"
    assert _run("forms", "lint", *d).stdout.strip() == "forms OK"

    consent = forms / "consent" / "en.md"
    consent.write_text(consent.read_text(encoding="utf-8").replace(
        "does not take away any of your legal rights", "takes away some of your legal rights"), encoding="utf-8")
    for lint in (_run("forms", "lint", "--forms", str(forms)), _run("forms", "lint", *d)):
        assert lint.returncode == 1
        assert "consent/en.md: changed since its approval by Prof. Dr. Kemal Arslan on " in lint.stdout
    verify = _run("verify", *d)
    assert verify.returncode != 0 and "consent/en.md: changed since its approval" in verify.stdout + verify.stderr
    status = _run("content", "status", *d)
    assert status.returncode == 1 and "consent\texo-consent\ten\t3.1.0\tchanged" in status.stdout
    # A hand-made entry in approvals.json fools lint without the database, never lint with it.
    import hashlib
    import json

    record = json.loads((forms / "approvals.json").read_text(encoding="utf-8"))
    approved = next(a for a in record["approvals"] if a["path"] == "consent/en.md")
    forged = dict(approved, sha256=hashlib.sha256(consent.read_bytes()).hexdigest())
    record["approvals"].append(forged)
    (forms / "approvals.json").write_text(json.dumps(record), encoding="utf-8")
    assert _run("forms", "lint", "--forms", str(forms)).returncode == 0
    with_database = _run("forms", "lint", *d).stdout
    assert "consent/en.md: changed since its approval" in with_database
    assert "approvals.json: lists an approval of consent/en.md (3.1.0" in with_database


def _approve_the_rest(data: Path) -> None:
    from exoconsult.config import DataDir
    from exoconsult.services.accounts.auth import AuthService
    from exoconsult.services.clinic import open_context
    from exoconsult.services.content.content_approval import ContentApprovalService

    ctx = open_context(DataDir(data))
    try:
        director = AuthService(ctx).login("kemal", DIRECTOR_PASSWORD)
        service = ContentApprovalService(ctx)
        for f in service.overview(director).files:
            if f.status != "approved":
                service.approve(director, f.kind, f.content_id, f.language, f.sha256, DIRECTOR_PASSWORD)
    finally:
        ctx.close()
