"""Never lose typing: a killed process loses at most the field being edited, and two workstations
editing the same history are told about the conflict and shown both values."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from history_support import DialogAnswers, make_page, make_patient

from exoconsult.gui.history import history_dialogs
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import ABSENT

pytestmark = pytest.mark.gui

CHILD = Path(__file__).with_name("history_kill_child.py")
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def answers(monkeypatch) -> DialogAnswers:
    log = DialogAnswers()
    monkeypatch.setattr(history_dialogs, "run_dialog", log)
    return log


def _read_until(process: subprocess.Popen, wanted: str, seconds: float = 60.0) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if line.strip() == wanted:
            return lines
    raise AssertionError(f"child never printed {wanted}; got {lines}; stderr: {process.stderr.read()[-2000:]}")


def test_killed_while_editing_reopens_with_everything_but_the_field_being_typed(
        qtbot, sqlite_ctx, data_dir, nurse, urologist, session_as, runner, answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir.root),
         str(REPO / "forms"), str(urologist.user_id), urologist.username, str(urologist.role), str(patient_id)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)
    try:
        lines = _read_until(child, "EDITING")
        assert lines[:3] == ["SAVED", "HELD", "EDITING"]
        # When the process is killed mid-edit (no chance to save anything more)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    # Then reopening the patient shows everything that was typed before the field being edited
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    form = page.page_for("infertility_partner").form
    assert form.widget_for("infertility_duration_months").value() == 27
    assert form.widget_for("infertility_type").value() == "primary"
    assert form.widget_for("partner_evaluated").value() is True
    # ... including the unconfirmed value, restored from the private draft, with a banner saying so
    assert form.widget_for("partner_age_years").value() == 60
    assert not page.view.banner.isHidden()
    assert "restored" in page.view.banner_label.text()
    assert "not saved yet" in form.message("partner_age_years")
    service = HistoryService(sqlite_ctx)
    assert service.get(urologist, patient_id).value("partner_age_years") is ABSENT  # needs a confirmation
    assert answers.seen == []  # nothing is asked behind the user's back on opening
    # When the user saves the restored input, the unusual value is asked about, then stored
    answers.clicks = ["keepValue"]
    page.view.dismiss_button.click()
    assert "Partner's age" in answers.texts[0]
    assert service.get(urologist, patient_id).value("partner_age_years") == 60
    assert page.view.banner.isHidden()
    draft = service.load_draft(urologist, patient_id)
    assert draft is None or not draft.changes


def _two_workstations(qtbot, sqlite_ctx, session_as, runner, nurse, urologist):
    patient_id = make_patient(sqlite_ctx, nurse)
    first = make_page(qtbot, sqlite_ctx, session_as(nurse), runner, patient_id)
    second = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    # Both open the same empty history; the nurse saves first
    duration = first.question("infertility_duration_months")
    duration.edit.setText("24")
    duration.changed.emit()
    first.flush()
    # The urologist, who never saw 24, types 36 into the same field
    theirs = second.question("infertility_duration_months")
    theirs.edit.setText("36")
    theirs.changed.emit()
    return patient_id, first, second


def test_conflict_shows_both_values_and_keep_theirs_overwrites_nothing(qtbot, sqlite_ctx, session_as, runner,
                                                                       nurse, urologist, answers):
    patient_id, _first, second = _two_workstations(qtbot, sqlite_ctx, session_as, runner, nurse, urologist)
    answers.clicks = ["keepTheirs"]
    second.flush()
    (dialog,) = answers.seen
    assert dialog.mine_label.text() == "36"
    assert dialog.theirs_label.text() == "24"
    assert "Saved by nurse at" in answers.texts[0]
    service = HistoryService(sqlite_ctx)
    assert service.get(urologist, patient_id).value("infertility_duration_months") == 24
    assert second.question("infertility_duration_months").value() == 24
    draft = service.load_draft(urologist, patient_id)
    assert draft is None or not draft.changes


def test_conflict_use_mine_is_a_new_save_over_the_value_shown(qtbot, sqlite_ctx, session_as, runner, nurse,
                                                              urologist, answers):
    patient_id, first, second = _two_workstations(qtbot, sqlite_ctx, session_as, runner, nurse, urologist)
    answers.clicks = ["useMine"]
    second.flush()
    assert len(answers.seen) == 1
    service = HistoryService(sqlite_ctx)
    assert service.get(urologist, patient_id).value("infertility_duration_months") == 36
    assert second.status_text().startswith("Saved ")
    # The first workstation, editing again from its stale 24, is told in turn (nothing silent)
    answers.clicks = ["keepTheirs"]
    stale = first.question("infertility_duration_months")
    stale.edit.setText("25")
    stale.changed.emit()
    first.flush()
    assert len(answers.seen) == 2
    assert answers.seen[1].theirs_label.text() == "36"
    assert service.get(nurse, patient_id).value("infertility_duration_months") == 36
