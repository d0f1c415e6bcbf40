"""`exoconsult forms lint` over the shipped forms/ (clean) and over broken copies (problems listed, exit 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exoconsult.cli import main
from exoconsult.definitions.lint import lint_forms
from tests.conftest import REPO


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(REPO / "forms", target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def test_the_shipped_forms_are_clean() -> None:
    assert lint_forms(REPO / "forms") == []


def test_cli_reports_forms_ok(capsys) -> None:
    assert main(["forms", "lint", "--forms", str(REPO / "forms")]) == 0
    assert capsys.readouterr().out.strip().endswith("forms OK")


def test_cli_lists_problems_from_every_part_and_exits_1(forms_copy: Path, capsys) -> None:
    section = forms_copy / "questionnaires" / "medicines.yaml"
    section.write_text(section.read_text(encoding="utf-8").replace('value: "none", label', "value: none, label", 1)
                       .replace('tr: "Kullanmıyor"', 'tr: ""', 1), encoding="utf-8")
    shutil.rmtree(forms_copy / "protocols")
    assert main(["forms", "lint", "--forms", str(forms_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("questionnaires/medicines.yaml:") and ".label.tr" in line for line in out)
    assert any(line.startswith("protocols/") for line in out)
    assert out[-1].startswith(f"{len(out) - 1} problem(s) in ")


def test_a_questionnaire_that_disagrees_with_the_vocabulary_fails_lint(forms_copy: Path) -> None:
    section = forms_copy / "questionnaires" / "semen_analyses.yaml"
    section.write_text(section.read_text(encoding="utf-8").replace("    max: 15\n", "    max: 20\n"), encoding="utf-8")
    problems = lint_forms(forms_copy)
    assert len(problems) == 1 and "volume_ml: hard range must be min 0, max 15" in problems[0]
