"""Offline by construction, and `exoconsult verify` exit codes (0 holds, 1 wrong, 2 cannot run)."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys

import pytest

from exoconsult.cli import main
from tests.conftest import REPO


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkAttempt(f"network access attempted: {args!r}")

    class RefusingSocket(socket.socket):
        """Network families are refused; AF_UNIX stays (asyncio's self-pipe, used by pyHanko, is local)."""

        def __init__(self, family=socket.AF_INET, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6):
                refuse(family, *args)
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", RefusingSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == [], f"network was attempted: {attempts}"


def test_demo_seeding_and_verify_never_open_a_socket(tmp_path, no_network, capsys):
    data = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(data), "--no-launch"]) == 0
    assert main(["verify", "--data-dir", str(data)]) == 0
    assert "OK:" in capsys.readouterr().out


def test_verify_exit_codes(tmp_path, capsys):
    data = tmp_path / "d"
    assert main(["demo", "--data-dir", str(data), "--no-launch"]) == 0
    assert main(["verify", "--data-dir", str(data)]) == 0
    conn = sqlite3.connect(data / "exoconsult.sqlite")
    conn.execute("UPDATE patient SET given_name = 'Edited' WHERE mrn = 'DEMO-0003'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["verify", "--data-dir", str(data)]) == 1
    out = capsys.readouterr().out
    assert "patient" in out and "given_name" in out and "FAILED" in out
    conn = sqlite3.connect(data / "exoconsult.sqlite")  # a database an older version wrote (not migrated yet)
    conn.execute("UPDATE alembic_version SET version_num = '0011_followup'")
    conn.commit()
    conn.close()
    assert main(["verify", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "older than this version" in err and "exoconsult db upgrade" in err and "no such table" not in err
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "exoconsult.sqlite").write_bytes(b"this is not a database" * 100)
    assert main(["verify", "--data-dir", str(tmp_path / "junk")]) == 2
    assert "exoconsult:" in capsys.readouterr().err


def test_help_lists_subcommands_and_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "exoconsult", "--help"], cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    for command in ("verify", "demo", "db"):
        assert command in result.stdout


def test_data_dir_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXOCONSULT_DATA_DIR", str(tmp_path / "env-data"))
    assert main(["db", "upgrade"]) == 2 and not (tmp_path / "env-data").exists()  # a typo is not a new clinic
    assert "no such data folder" in capsys.readouterr().err
    (tmp_path / "env-data").mkdir()
    assert main(["db", "upgrade"]) == 0
    assert (tmp_path / "env-data" / "exoconsult.sqlite").exists()
