"""Hostile inputs from the reliability run (issue 21): each must end in one clear stderr line and exit 2
(forms lint: its documented 1 with file:line), within seconds, without reading a huge file into memory,
and without writing anything."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from exoconsult.cli import main
from exoconsult.storage.orm import AuditEntryRow
from tests.cli.test_case_cli import CASE, run
from tests.conftest import REPO
from tests.unit.rules.builders import base_case


def _one_line_exit_2(code: int, err: str) -> str:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("exoconsult: ") and "Traceback" not in err, err
    return lines[0]


def _files_under(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


def _case_text(**history_changes) -> str:
    case = base_case()
    case["history"].update(history_changes)
    return json.dumps(case)


HOSTILE_CASES = {
    "401-digit integer": (_case_text(partner_age_years=int("9" * 401)), "history.partner_age_years: number 999"),
    "100,000 nested arrays": (_case_text()[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than"),
    "40 nested objects": (_case_text()[:-1] + ', "x": ' + '{"a": ' * 40 + "1" + "}" * 40 + "}", "nested more than 32"),
    "duplicated history": (_case_text()[:-1] + ', "history": {}}', "$.history: key appears more than once"
                           .replace("$.", "")),
    "duplicated mrn": (_case_text().replace('"mrn": "A-1001"', '"mrn": "A-1001", "mrn": "OTHER"'),
                       "patient.mrn: key appears more than once"),
    "float overflowing to infinity": (_case_text(partner_age_years=0).replace('"partner_age_years": 0',
                                                                              '"partner_age_years": 1e999'),
                                      "history.partner_age_years: number 1e999 is out of range"),
    "NaN": (_case_text(partner_age_years=0).replace('"partner_age_years": 0', '"partner_age_years": NaN'),
            "NaN is not a number"),
}


@pytest.mark.parametrize("name", list(HOSTILE_CASES))
def test_assess_refuses_a_hostile_case_in_one_line(name, tmp_path, capsys) -> None:
    text, expected = HOSTILE_CASES[name]
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    code = main(["assess", str(path)])
    _, err = capsys.readouterr()
    assert expected in _one_line_exit_2(code, err)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("name", list(HOSTILE_CASES))
def test_case_import_refuses_a_hostile_case_and_writes_nothing(name, signed, sqlite_ctx, data_dir, tmp_path,
                                                               capsys) -> None:
    text, expected = HOSTILE_CASES[name]
    path = tmp_path / "case.json"
    path.write_text(text.replace('"A-1001"', '"HOSTILE-1"'), encoding="utf-8")
    with sqlite_ctx.db.connect() as conn:
        before = conn.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()
    code, out, err = run(capsys, "case", "import", str(path), *signed("urologist"))
    assert expected in _one_line_exit_2(code, err) and out == ""
    with sqlite_ctx.db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one() == before


def test_the_first_of_two_mrn_keys_can_not_silently_lose_to_the_second(tmp_path, capsys) -> None:
    """Before: the last key won, so a file naming two MRNs created a patient nobody had typed."""
    case = json.dumps(CASE).replace('"mrn": "CLI-1"', '"mrn": "CLI-1", "mrn": "CLI-2"')
    path = tmp_path / "c.json"
    path.write_text(case, encoding="utf-8")
    assert "patient.mrn" in _one_line_exit_2(main(["assess", str(path)]), capsys.readouterr().err)


def test_special_and_huge_files_are_refused_before_reading(tmp_path, capsys) -> None:
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:  # a sparse 2 GB file: costs no disk, and was read whole before
        fh.truncate(2 * 1024**3)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for argv, expected in ((["assess", "/dev/zero"], "/dev/zero: cannot read: not a regular file"),
                           (["assess", str(fifo)], "pipe.json: cannot read: not a regular file"),
                           (["assess", "/proc"], "/proc: cannot read: is a folder"),
                           (["assess", str(tmp_path / "nope.json")], "nope.json: cannot read: no such file")):
        started = time.monotonic()
        assert expected in _one_line_exit_2(main(argv), capsys.readouterr().err)
        assert time.monotonic() - started < 5


def test_verify_refuses_a_2_gb_pdf_in_seconds_and_without_reading_it(signed, data_dir, tmp_path, capsys) -> None:
    import resource

    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:
        fh.truncate(2 * 1024**3)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    code = main(["verify", str(huge), "--data-dir", str(data_dir.root)])
    line = _one_line_exit_2(code, capsys.readouterr().err)
    assert "huge.pdf: PDF is larger than 50 MB; refused" in line
    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100 * 1024  # kB: far below 2 GB


def test_a_missing_password_file_is_one_line(signed, tmp_path, capsys) -> None:
    args = signed("urologist")
    args[args.index("--password-file") + 1] = str(tmp_path / "missing.pw")
    (tmp_path / "c.json").write_text(json.dumps(CASE), encoding="utf-8")
    line = _one_line_exit_2(*run(capsys, "case", "import", str(tmp_path / "c.json"), *args)[::2])
    assert "missing.pw: cannot read: no such file" in line


@pytest.mark.parametrize("command", [["verify"], ["consents", "list", "--user", "nurse", "--password-stdin"],
                                     ["db", "status"], ["db", "upgrade"]])
def test_no_command_creates_a_data_folder_that_does_not_exist(command, tmp_path, capsys) -> None:
    missing = tmp_path / "typo"
    line = _one_line_exit_2(main([*command, "--data-dir", str(missing)]), capsys.readouterr().err)
    assert "no such data folder (nothing was created)" in line and not missing.exists()


def test_verify_refuses_a_folder_without_a_database(tmp_path, capsys) -> None:
    line = _one_line_exit_2(main(["verify", "--data-dir", str(tmp_path)]), capsys.readouterr().err)
    assert "holds no ExoConsult database" in line and list(tmp_path.iterdir()) == []


def test_backup_into_proc_is_one_line(signed, data_dir, capsys) -> None:
    line = _one_line_exit_2(main(["backup", "/proc", "--data-dir", str(data_dir.root), *signed("admin")[2:]]),
                            capsys.readouterr().err)
    assert "/proc" in line


def test_an_unreachable_postgresql_is_one_line_and_creates_nothing(tmp_path, capsys) -> None:
    started = time.monotonic()
    code = main(["demo", "--no-launch", "--data-dir", str(tmp_path / "new"),
                 "--database-url", "postgresql+psycopg://nobody@127.0.0.1:9/nowhere"])
    line = _one_line_exit_2(code, capsys.readouterr().err)
    assert "cannot reach the database postgresql+psycopg://nobody@127.0.0.1:9/nowhere" in line
    assert not (tmp_path / "new").exists() and time.monotonic() - started < 15


@pytest.mark.parametrize("bad, expected", [
    ("laughs", "anchor &a refused"),
    ("self", "anchor &x refused"),
    ("deep", "nest"),
    ("big", "larger than 1 MB"),
])
def test_forms_lint_refuses_anchors_depth_and_size_with_file_and_line(bad, expected, tmp_path) -> None:
    import shutil

    forms = tmp_path / "forms"
    shutil.copytree(REPO / "forms", forms)
    target = forms / "questionnaires" / "genetics.yaml"
    lines_before = target.read_text(encoding="utf-8").count("\n")
    if bad == "laughs":
        text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    elif bad == "self":
        text = "loop: &x [*x]\n"
    elif bad == "deep":
        text = "x: " + "[" * 100_000 + "]" * 100_000 + "\n"
    else:
        text = "# " + "x" * (2 * 1024 * 1024) + "\n"
    with open(target, "a", encoding="utf-8") as fh:
        fh.write("\n" + text)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "exoconsult", "forms", "lint", "--forms", str(forms)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 30
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    [problem] = [line for line in done.stdout.splitlines() if "genetics.yaml" in line]
    assert expected in problem
    if bad in ("laughs", "self"):
        assert f"genetics.yaml:{lines_before + 2}:" in problem


def test_ctrl_c_in_a_command_is_one_line(monkeypatch, capsys) -> None:
    import exoconsult.cli as cli

    def interrupted(_argv):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_main", interrupted)
    assert cli.main(["verify"]) == 130
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "interrupted" in err and "Traceback" not in err


@pytest.fixture
def signed(sqlite_ctx, staff, data_dir, tmp_path: Path):
    def args(user: str) -> list[str]:
        from tests.conftest import STAFF_PASSWORDS

        password_file = tmp_path / f"{user}.pw"
        password_file.write_text(STAFF_PASSWORDS[user] + "\n", encoding="utf-8")
        return ["--data-dir", str(data_dir.root), "--user", user, "--password-file", str(password_file)]

    return args
