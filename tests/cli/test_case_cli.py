"""`exoconsult case export|import` as a signed-in user: exit codes, JSON-path errors, audit of the user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from exoconsult.cli import main
from exoconsult.services.history.cases import CaseService
from exoconsult.storage.orm import AuditEntryRow
from tests.conftest import STAFF_PASSWORDS

CASE = {
    "format": "exoconsult-case/1", "assessed_on": "2026-11-20",
    "patient": {"family_name": "Çelik", "given_name": "İsmail", "birth_date": "1983-01-09", "sex": "male",
                "mrn": "CLI-1", "preferred_language": "tr", "needs_interpreter": False},
    "history": {"infertility_type": "primary", "karyotype": "46,XY",
                "hormone_panels": [{"date": "2026-07-01", "fsh": {"value": 24.1, "unit": "mIU/mL"},
                                    "total_testosterone": {"value": 310, "unit": "ng/dL"}}]},
}


@pytest.fixture
def signed(sqlite_ctx, staff, data_dir, tmp_path: Path):
    """Common arguments: the test database (with real staff accounts) and a password file per user."""

    def args(user: str) -> list[str]:
        password_file = tmp_path / f"{user}.pw"
        password_file.write_text(STAFF_PASSWORDS[user] + "\n", encoding="utf-8")
        return ["--data-dir", str(data_dir.root), "--user", user, "--password-file", str(password_file)]

    return args


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_export_reproduces_the_history(signed, sqlite_ctx, urologist, tmp_path, capsys) -> None:
    source = tmp_path / "case.json"
    source.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "case", "import", str(source), *signed("urologist"))
    assert code == 0 and err == "" and "new patient" in out and "history version 1" in out
    exported_path = tmp_path / "out.json"
    code, out, _ = run(capsys, "case", "export", "--mrn", "CLI-1", str(exported_path), *signed("nurse"))
    assert code == 0
    exported = json.loads(exported_path.read_text(encoding="utf-8"))
    assert exported["history"] == CASE["history"] and exported["patient"] == CASE["patient"]
    with sqlite_ctx.db.connect() as conn:
        who = conn.execute(select(AuditEntryRow.action, AuditEntryRow.actor, AuditEntryRow.role)
                           .where(AuditEntryRow.action.like("case.%")).order_by(AuditEntryRow.seq)).all()
    assert [tuple(r) for r in who] == [("case.import", "urologist", "urologist"), ("case.export", "nurse", "nurse")]
    pid = CaseService(sqlite_ctx).find_patient(urologist, "CLI-1")
    code, _, _ = run(capsys, "case", "export", "--patient-id", str(pid), str(tmp_path / "again.json"), *signed("nurse"))
    assert code == 0 and json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))["history"] == CASE["history"]


def test_invalid_case_lists_every_path_and_imports_nothing(signed, tmp_path, capsys) -> None:
    bad = json.loads(json.dumps(CASE))
    bad["history"]["hormone_panels"][0]["fsh"]["unit"] = "nmol"
    bad["history"]["karyotpe"] = "46,XY"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(bad), encoding="utf-8")
    code, out, err = run(capsys, "case", "import", str(source), *signed("urologist"))
    assert code == 2 and out == ""
    assert f"{source}: history.hormone_panels[0].fsh.unit: " in err and f"{source}: history.karyotpe: unknown key" in err
    assert "nothing was imported" in err
    code, _, err = run(capsys, "case", "export", "--mrn", "CLI-1", str(tmp_path / "x.json"), *signed("nurse"))
    assert code == 2 and "no patient has MRN CLI-1" in err


def test_warnings_need_accept_and_nurses_cannot_import(signed, tmp_path, capsys) -> None:
    odd = json.loads(json.dumps(CASE))
    odd["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 310, "unit": "nmol/L"}
    source = tmp_path / "odd.json"
    source.write_text(json.dumps(odd), encoding="utf-8")
    code, _, err = run(capsys, "case", "import", str(source), *signed("urologist"))
    assert code == 2 and "outside 0-100 nmol/L" in err  # 310 nmol/L is past the hard range: an error
    odd["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 65, "unit": "nmol/L"}
    source.write_text(json.dumps(odd), encoding="utf-8")
    code, _, err = run(capsys, "case", "import", str(source), *signed("urologist"))
    assert code == 1 and "--accept-warnings" in err
    code, out, _ = run(capsys, "case", "import", str(source), "--accept-warnings", *signed("urologist"))
    assert code == 0 and "history version 1" in out
    code, _, err = run(capsys, "case", "import", str(source), *signed("nurse"))
    assert code == 1 and "may not case.import" in err


def test_wrong_password_and_unreadable_file(signed, tmp_path, capsys) -> None:
    source = tmp_path / "case.json"
    source.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "case", "import", str(source), *signed("urologist"))
    assert code == 2 and "not valid JSON: line 1" in err
    source.write_text(json.dumps(CASE), encoding="utf-8")
    args = signed("urologist")
    Path(args[-1]).write_text("wrong-password-here\n", encoding="utf-8")
    code, out, err = run(capsys, "case", "import", str(source), *args)
    assert code == 1 and out == ""
