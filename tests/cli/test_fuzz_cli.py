"""Property-based fuzz (hypothesis) of the case loader and the command-line arguments: whatever the input,
the result is data or a clear refusal (one line, exit 2), never a traceback, and nothing is written."""

from __future__ import annotations

import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from exoconsult.bounded_input import InputRefused, load_json_strict
from exoconsult.cli import main
from exoconsult.domain.case import CaseError, parse_case
from exoconsult.storage.orm import AuditEntryRow
from tests.unit.rules.builders import base_case

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30)


def _mutated_case(draw_path: list[str], value: object) -> dict:
    """The base case with one value (found by following keys) replaced: near-valid files reach deep code."""
    case = base_case()
    node: object = case
    for key in draw_path[:-1]:
        if isinstance(node, dict) and key in node and isinstance(node[key], dict):
            node = node[key]
    if isinstance(node, dict):
        node[draw_path[-1]] = value
    return case


case_keys = st.sampled_from(["history", "patient", "format", "assessed_on", "partner_age_years", "mrn",
                             "semen_analyses", "hormone_panels", "birth_date", "testis_right_volume_ml"])


def _load_then_parse(text: str) -> None:
    try:
        data = load_json_strict(text, "case.json")
    except InputRefused as exc:
        assert "\n" not in str(exc) and str(exc).startswith("case.json")
        return
    try:
        parse_case(data, today=date(2026, 12, 1))
    except CaseError as exc:
        assert exc.problems


@FUZZ
@given(st.text(max_size=300))
@example('{"a": 1, "a": 2}')
@example("[" * 5000 + "]" * 5000)
@example('{"x": ' + "9" * 401 + "}")
def test_any_text_is_data_or_a_clear_refusal(text: str) -> None:
    _load_then_parse(text)


@FUZZ
@given(st.lists(case_keys, min_size=1, max_size=3), json_values)
@example(["history"], {"\n": 10**15})  # found by hypothesis: a key with a line break split the message
def test_a_case_with_any_value_anywhere_is_data_or_a_clear_refusal(path: list[str], value: object) -> None:
    _load_then_parse(json.dumps(_mutated_case(path, value), allow_nan=True))


def _tree(root: Path) -> dict[str, bytes]:
    # The database is compared by its audit; the command's own log (logs/) is meant to be written.
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and not p.name.startswith("exoconsult.sqlite") and p.relative_to(root).parts[0] != "logs"}


def _audit_count(ctx) -> int:
    with ctx.db.connect() as conn:
        return conn.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()


COMMANDS = [["assess"], ["case", "import"], ["case", "export"], ["consents", "list"], ["consents", "export"],
            ["verify"], ["forms", "lint"], ["db", "status"], ["users", "list"], ["backup"], ["restore", "--check-only"]]
OPTIONS = ["--json", "--lang", "--protocol", "--time-zone", "--mrn", "--patient-id", "--accept-warnings", "--forms",
           "--password-file", "--password-stdin", "--check-only", "--admin-username", "--user", "-h", "--"]


@pytest.fixture
def arena(sqlite_ctx, staff, data_dir, tmp_path, monkeypatch):
    """An installation with staff, a working folder that must stay empty, and hostile files to name."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    (hostile / "dup.json").write_text('{"format": "exoconsult-case/1", "format": "x"}', encoding="utf-8")
    (hostile / "deep.json").write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    (hostile / "big.json").write_text('{"x": ' + "9" * 401 + "}", encoding="utf-8")
    (hostile / "wrong-pw").write_text("not the password\n", encoding="utf-8")
    os.mkfifo(hostile / "fifo")
    files = [str(p) for p in sorted(hostile.iterdir())] + ["/dev/zero", "/proc", "/proc/self/environ",
                                                            str(tmp_path / "missing")]
    return sqlite_ctx, data_dir, cwd, hostile, files


@FUZZ
@given(data=st.data())
def test_any_command_line_ends_in_a_clear_error_and_writes_nothing(arena, data, capsys, monkeypatch) -> None:
    ctx, data_dir, cwd, hostile, files = arena
    tokens = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(files),
                       st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="/\x00"),
                               min_size=1, max_size=12).map(lambda t: "x" + t))
    argv = [*data.draw(st.sampled_from(COMMANDS)), *data.draw(st.lists(tokens, max_size=6)),
            "--data-dir", data.draw(st.sampled_from([str(data_dir.root), str(cwd / "no-such-folder")]))]
    monkeypatch.setattr("sys.stdin", io.StringIO(data.draw(st.sampled_from(["", "wrong password\n", "x" * 10_000]))))
    before_tree, before_audit = _tree(data_dir.root), _audit_count(ctx)
    capsys.readouterr()
    usage_error = False
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: usage error (2) or --help (0)
        code, usage_error = exc.code, True
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code not in (0, 1):
        assert code == 2, (argv, err)
        lines = err.strip().split("\n")  # not splitlines: argv text may hold \x1e and the like
        if usage_error:  # argparse: the usage (may wrap), then one "error:" line
            assert lines[-1].startswith("exoconsult") and ": error: " in lines[-1], (argv, err)
        else:
            assert len(lines) == 1 and lines[0].startswith("exoconsult: "), (argv, err)
    assert list(cwd.iterdir()) == [] and _tree(data_dir.root) == before_tree, argv
    new_entries = _audit_count(ctx) - before_audit
    # A failed sign-in is itself audited (that is writing on purpose); nothing else may be.
    assert new_entries == 0 or "sign" in err.lower() or "password" in err.lower(), (argv, err)
