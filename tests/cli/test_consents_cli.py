"""`exoconsult consents list|export` and `exoconsult verify FILE.pdf` on a demo data folder."""

from __future__ import annotations

import json

import pytest

from exoconsult.cli import main


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "data"
    assert main(["demo", "--data-dir", str(root), "--no-launch"]) == 0
    from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS

    for user in ("nurse", "admin"):
        (root.parent / f"{user}.pw").write_text(DEMO_ACCOUNTS[user][4] + "\n", encoding="utf-8")
    return root


def _as(demo_dir, user: str = "nurse") -> list[str]:
    """Sign-in arguments of a demo account (public demo passwords)."""
    return ["--user", user, "--password-file", str(demo_dir.parent / f"{user}.pw")]


def _list(demo_dir, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["consents", "list", "--json", "--data-dir", str(demo_dir), *_as(demo_dir)]) == 0
    return json.loads(capsys.readouterr().out)


def test_list_shows_every_status_and_language(demo_dir, capsys):
    rows = _list(demo_dir, capsys)
    assert {r["status"] for r in rows} >= {"signed", "withdrawn", "expired"}
    assert {r["language"] for r in rows} == {"en", "tr"}
    assert all(r["archive_path"].endswith(".pdf") and r["mrn"].startswith("DEMO-") for r in rows)
    assert main(["consents", "list", "--data-dir", str(demo_dir), *_as(demo_dir)]) == 0
    assert "document id" in capsys.readouterr().out


def test_export_then_verify_is_valid_and_a_changed_copy_is_not(demo_dir, tmp_path, capsys):
    signed = next(r for r in _list(demo_dir, capsys) if r["status"] == "signed")
    out = tmp_path / "copy.pdf"
    assert main(["consents", "export", signed["document_id"], str(out), "--data-dir", str(demo_dir), *_as(demo_dir)]) == 0
    assert out.read_bytes() == open(signed["archive_path"], "rb").read()
    capsys.readouterr()
    assert main(["verify", str(out), "--data-dir", str(demo_dir)]) == 0
    report = capsys.readouterr().out
    assert "seal:      valid" in report and "identical to the archived consent" in report and "status:    signed" in report
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x20
    tampered.write_bytes(bytes(data))
    assert main(["verify", str(tampered), "--data-dir", str(demo_dir)]) == 1
    assert "NOT VALID" in capsys.readouterr().out
    assert main(["consents", "export", signed["document_id"], str(out), "--data-dir", str(demo_dir), *_as(demo_dir)]) == 1


def test_verify_reports_a_withdrawn_consent_and_cannot_run_on_a_missing_file(demo_dir, tmp_path, capsys):
    withdrawn = next(r for r in _list(demo_dir, capsys) if r["status"] == "withdrawn")
    assert main(["verify", withdrawn["archive_path"], "--data-dir", str(demo_dir)]) == 0
    assert "status:    withdrawn" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "nope.pdf"), "--data-dir", str(demo_dir)]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_verify_without_a_file_checks_every_archived_document(demo_dir, capsys):
    capsys.readouterr()
    assert main(["verify", "--data-dir", str(demo_dir)]) == 0
    assert "archived documents" in capsys.readouterr().out


def _audit(demo_dir, action: str, entity: str) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(demo_dir / "exoconsult.sqlite") as conn:
        return conn.execute("SELECT actor, role FROM audit_entry WHERE action = ? AND entity = ? ORDER BY seq",
                            (action, entity)).fetchall()


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["export", "DOC", "x.pdf"]])
def test_no_consent_data_without_a_signed_in_user(demo_dir, tmp_path, capsys, command) -> None:
    """Before: anyone at the keyboard got every MRN (unaudited) or a sealed consent (audited as "system")."""
    with pytest.raises(SystemExit) as stopped:
        main(["consents", *command, "--data-dir", str(demo_dir)])
    assert stopped.value.code == 2 and "--user" in capsys.readouterr().err
    (tmp_path / "wrong.pw").write_text("not-the-password-at-all\n", encoding="utf-8")
    code = main(["consents", *command, "--data-dir", str(demo_dir), "--user", "nurse", "--password-file",
                 str(tmp_path / "wrong.pw")])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and "Sign-in failed" in err


def test_the_admin_sees_no_consent_list_and_every_read_names_the_person(demo_dir, tmp_path, capsys) -> None:
    code = main(["consents", "list", "--data-dir", str(demo_dir), *_as(demo_dir, "admin")])
    out, err = capsys.readouterr()
    assert code == 1 and "DEMO-" not in out and "may not consent.view" in err
    before = len(_audit(demo_dir, "view", "consent_list"))
    signed = next(r for r in _list(demo_dir, capsys) if r["status"] == "signed")
    assert _audit(demo_dir, "view", "consent_list")[before:] == [("nurse", "nurse")]
    out_file = tmp_path / "exported.pdf"
    assert main(["consents", "export", signed["document_id"], str(out_file), "--data-dir", str(demo_dir),
                 *_as(demo_dir)]) == 0
    assert _audit(demo_dir, "export", "consent_document")[-1] == ("nurse", "nurse")
