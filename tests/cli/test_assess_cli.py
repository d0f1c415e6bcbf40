"""`exoconsult assess`: JSON verdict on stdout, exit 0 for any verdict, 2 + one stderr line for a bad file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from exoconsult.cli import main
from exoconsult.rules.derived import months_between
from tests.conftest import REPO
from tests.unit.rules.builders import PROTOCOL_DIR, base_case, with_history


def _write(tmp_path: Path, data: Any, name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["assess", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_eligible_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, str(_write(tmp_path, base_case())))
    assert code == 0 and err == ""
    verdict = json.loads(out)
    assert verdict["outcome"] == "eligible"
    assert verdict["protocol"]["id"] == "exo-noa" and verdict["protocol"]["version"] == "1.1.0"
    assert set(verdict) == {"outcome", "protocol", "fired", "missing", "derived"}
    assert verdict["derived"]["age_years"] == 38


def test_every_verdict_exits_zero_and_turkish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = {"ineligible": with_history(y_microdeletion="azfa"), "incomplete": with_history(karyotype="not_done"),
             "needs_review": with_history(bleeding_disorder=True)}
    for expected, data in cases.items():
        code, out, _ = _run(capsys, str(_write(tmp_path, data)), "--lang", "tr", "--protocol", str(PROTOCOL_DIR))
        verdict = json.loads(out)
        assert code == 0 and verdict["outcome"] == expected
    assert verdict["fired"] == [{"rule": "BLEED-DISORDER", "outcome": "needs_review", "reason": "Kanama bozukluğu.",
                                 "action": "Hematoloji görüşü alın.",
                                 "source": verdict["fired"][0]["source"]}]


def test_plausibility_warning_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_case()
    data["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 60, "unit": "nmol/L"}
    code, out, _ = _run(capsys, str(_write(tmp_path, data)))
    assert code == 0 and "did you mean ng/dL" in json.loads(out)["warnings"][0]


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "not valid JSON: line 1 column 2"),
    ('{"format": NaN}', "not valid JSON"),
])
def test_unreadable_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err and expected in err


def test_invalid_case_names_file_and_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_case()
    data["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 12, "unit": "nmol"}
    data["history"]["karyotpe"] = "46,XY"
    path = _write(tmp_path, data)
    code, out, err = _run(capsys, str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err == (f'exoconsult: {path}: history.hormone_panels[0].total_testosterone.unit: "nmol" is not '
                   "accepted; use nmol/L, ng/dL, ng/mL (and 1 more: history.karyotpe: unknown key)\n")


def test_missing_file_and_bad_protocol(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(tmp_path / "nope.json"))
    assert code == 2 and "nope.json: cannot read" in err and err.count("\n") == 1
    case = _write(tmp_path, base_case())
    code, _, err = _run(capsys, str(case), "--protocol", str(tmp_path))
    assert code == 2 and "protocol" in err and err.count("\n") == 1


def test_subprocess_python_m_exoconsult(tmp_path: Path) -> None:
    good = _write(tmp_path, with_history(varicocele="grade3"), "good.json")
    bad = _write(tmp_path, {"format": "exoconsult-case/9", "patient": base_case()["patient"], "history": {}}, "bad.json")
    ok = subprocess.run([sys.executable, "-m", "exoconsult", "assess", str(good)], cwd=REPO,
                        capture_output=True, text=True, timeout=60, check=False)
    assert ok.returncode == 0, ok.stderr
    verdict = json.loads(ok.stdout)
    assert verdict["outcome"] == "eligible" and [f["rule"] for f in verdict["fired"]] == ["VARICOCELE"]
    fault = subprocess.run([sys.executable, "-m", "exoconsult", "assess", str(bad)], cwd=REPO,
                           capture_output=True, text=True, timeout=60, check=False)
    assert fault.returncode == 2 and fault.stdout == ""
    assert fault.stderr.splitlines() == [f'exoconsult: {bad}: format: "exoconsult-case/9" is not supported; '
                                         "supported formats: exoconsult-case/1"]


def test_assessed_on_defaults_to_today_in_the_time_zone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = base_case()
    del data["assessed_on"]
    code, out, _ = _run(capsys, str(_write(tmp_path, data)), "--time-zone", "Europe/Istanbul")
    today = datetime.now(ZoneInfo("Europe/Istanbul")).date()
    assert code == 0 and json.loads(out)["derived"]["months_since_last_micro_tese"] == months_between(
        date(2025, 3, 10), today)
    code, _, err = _run(capsys, str(_write(tmp_path, data)), "--time-zone", "Mars/Olympus")
    assert code == 2 and "unknown time zone 'Mars/Olympus'" in err
