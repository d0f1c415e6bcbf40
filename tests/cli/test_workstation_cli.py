"""`exoconsult workstation join` in its own process, as an installer of a second workstation would run it:
the first workstation set up against a PostgreSQL database, the second joins it with the passphrase."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import PG_URL, REPO, _pg_database, _pg_drop

PASSWORD = "installer chosen password"
PASSPHRASE = "quarry velvet monsoon ladder"


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exoconsult", *args], cwd=REPO, input=stdin, text=True,
                          capture_output=True, timeout=180)


def test_join_needs_a_postgresql_database_url(tmp_path):
    missing = _run("workstation", "join", "--data-dir", str(tmp_path / "b"), "--passphrase-stdin", stdin=PASSPHRASE)
    assert missing.returncode == 2 and "--database-url" in missing.stderr
    sqlite = _run("workstation", "join", "--data-dir", str(tmp_path / "b"), "--database-url",
                  f"sqlite:///{tmp_path / 'a.sqlite'}", "--passphrase-stdin", stdin=PASSPHRASE)
    assert sqlite.returncode == 2 and "PostgreSQL" in sqlite.stderr and "nothing was written" in sqlite.stderr
    assert not (tmp_path / "b" / "local-settings.json").exists()


@pytest.mark.postgres
def test_a_second_workstation_joins_with_the_clinic_passphrase(tmp_path):
    if not PG_URL:
        pytest.skip("set EXOCONSULT_TEST_PG_URL to run on PostgreSQL (CI does)")
    url = _pg_database()
    try:
        first = _run("setup", "--data-dir", str(tmp_path / "a"), "--database-url", url, "--clinic-name",
                     "Demo Andrology Clinic", "--admin-username", "selin", "--admin-name", "Selin Yönetici",
                     "--password-stdin", "--passphrase-stdin", stdin=f"{PASSWORD}\n{PASSPHRASE}\n")
        assert first.returncode == 0, first.stderr
        fingerprint = re.search(r"Certificate fingerprint \(SHA-256\): ([0-9A-F:]{95})", first.stdout).group(1)
        wrong = _run("workstation", "join", "--data-dir", str(tmp_path / "b"), "--database-url", url,
                     "--passphrase-stdin", stdin="not the clinic passphrase\n")
        assert wrong.returncode == 2 and "not right" in wrong.stderr
        joined = _run("workstation", "join", "--data-dir", str(tmp_path / "b"), "--database-url", url,
                      "--passphrase-stdin", stdin=PASSPHRASE + "\n")
        assert joined.returncode == 0, joined.stderr
        assert "joined Demo Andrology Clinic" in joined.stdout and fingerprint in joined.stdout
        assert PASSPHRASE not in joined.stdout + joined.stderr
        settings = json.loads((tmp_path / "b" / "local-settings.json").read_text(encoding="utf-8"))
        assert settings == {"database_url": url}
        doctor = _run("doctor", "--data-dir", str(tmp_path / "b"))
        assert "[OK] Seal key" in doctor.stdout and "in the clinic database" in doctor.stdout, doctor.stdout
    finally:
        _pg_drop(url)
