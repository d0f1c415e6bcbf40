"""The follow-up schedule: the shipped data, due dates and windows from the procedure date (a moved date,
month ends, the window's edges), each visit's status, and the lint of a broken schedule or visit record."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from exoconsult.definitions.followup import lint_followup, load_schedule, load_visit_form
from exoconsult.domain.followup import (
    Recorded,
    VisitStatus,
    add_months,
    due_date,
    next_open_visit,
    plan_visits,
    window,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def schedule():
    return load_schedule(REPO / "forms")


def test_the_shipped_schedule_is_the_default_of_the_programme(schedule):
    assert [v.key for v in schedule.visits] == ["day1_call", "day7", "month3", "month6", "month12"]
    assert schedule.visit("day1_call").contact == "telephone"
    assert [(v.days, v.months) for v in schedule.visits] == [(1, 0), (7, 0), (0, 3), (0, 6), (0, 12)]
    ultrasound = [v.key for v in schedule.visits if "ultrasound" in v.sections]
    semen = [v.key for v in schedule.visits if "semen_analysis" in v.sections and "hormones" in v.sections]
    assert ultrasound == ["month3", "month12"] and semen == ["month3", "month6", "month12"]
    assert not schedule.approved  # only a clinic approves it


def test_due_dates_and_windows_from_the_procedure_date(schedule):
    day = date(2026, 3, 10)
    plan = {v.key: (due_date(day, v), window(day, v)) for v in schedule.visits}
    assert plan["day1_call"] == (date(2026, 3, 11), (date(2026, 3, 11), date(2026, 3, 12)))
    assert plan["day7"] == (date(2026, 3, 17), (date(2026, 3, 15), date(2026, 3, 20)))
    assert plan["month3"] == (date(2026, 6, 10), (date(2026, 5, 27), date(2026, 6, 24)))
    assert plan["month12"] == (date(2027, 3, 10), (date(2027, 2, 8), date(2027, 4, 9)))


def test_a_moved_procedure_date_moves_every_open_visit(schedule):
    before = plan_visits(schedule, date(2026, 3, 10), date(2026, 3, 1), {})
    after = plan_visits(schedule, date(2026, 3, 24), date(2026, 3, 1), {})
    assert [(b.key, (a.due - b.due).days) for b, a in zip(before, after, strict=True)] == [
        ("day1_call", 14), ("day7", 14), ("month3", 14), ("month6", 14), ("month12", 14)]


def test_months_end_on_the_last_day_a_short_month_has():
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)  # leap year
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 10, 15), 12) == date(2027, 10, 15)


def test_the_window_edges_count_as_inside(schedule):
    day = date(2026, 3, 10)
    first, last = window(day, schedule.visit("month3"))

    def status_on(today):
        return {v.key: v.status for v in plan_visits(schedule, day, today, {})}["month3"]

    assert status_on(date.fromordinal(first.toordinal() - 1)) is VisitStatus.UPCOMING
    assert status_on(first) is VisitStatus.DUE
    assert status_on(last) is VisitStatus.DUE
    assert status_on(date.fromordinal(last.toordinal() + 1)) is VisitStatus.OVERDUE


def test_recorded_lost_and_not_requested_visits(schedule):
    day, today = date(2026, 1, 5), date(2026, 4, 20)
    recorded = {"day1_call": Recorded("done", date(2026, 1, 6)), "day7": Recorded("missed", date(2026, 1, 20))}
    plain = {v.key: v.status for v in plan_visits(schedule, day, today, recorded)}
    assert plain == {"day1_call": "done", "day7": "missed", "month3": "overdue", "month6": "upcoming",
                     "month12": "upcoming"}
    lost = {v.key: v.status for v in plan_visits(schedule, day, today, recorded, lost_since=date(2026, 4, 1))}
    assert lost == {"day1_call": "done", "day7": "missed", "month3": "lost", "month6": "lost", "month12": "lost"}
    stopped = plan_visits(schedule, day, today, recorded, stopped_since=date(2026, 2, 1))
    assert [v.status for v in stopped][2:] == [VisitStatus.NOT_REQUESTED] * 3
    assert next_open_visit(stopped) is None
    assert next_open_visit(plan_visits(schedule, day, today, recorded)).key == "month3"


def test_due_this_week_means_open_or_opening_within_seven_days(schedule):
    day = date(2026, 3, 10)
    month3 = window(day, schedule.visit("month3"))[0]  # 27 May
    visits = {v.key: v for v in plan_visits(schedule, day, date(2026, 5, 20), {})}
    assert visits["month3"].due_soon(date(2026, 5, 20))
    visits = {v.key: v for v in plan_visits(schedule, day, date(2026, 5, 19), {})}
    assert not visits["month3"].due_soon(date(2026, 5, 19)) and month3 == date(2026, 5, 27)


def test_the_visit_record_reuses_the_history_fields_and_asks_every_outcome():
    form = load_visit_form(REPO / "forms")
    hormones = form.section("hormones")
    assert hormones.question("total_testosterone").units == ("nmol/L", "ng/dL", "ng/mL")
    assert hormones.question("fsh").plausible_max == 60  # the history's band, one definition
    outcome_ids = {q.id for q in form.section("outcomes").questions}
    assert {"retrieval_histology", "icsi_embryo_transfer", "clinical_pregnancy", "pregnancy_outcome",
            "congenital_anomaly"} <= outcome_ids


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "forms" / "followup", tmp_path / "followup")
    return tmp_path


def edit(forms: Path, name: str, old: str, new: str) -> None:
    path = forms / "followup" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_lint_passes_the_shipped_folder(forms):
    assert lint_followup(forms) == []


def test_lint_names_overlapping_windows_and_unknown_sections_and_placeholders(forms):
    edit(forms, "schedule.yaml", "    days: 7\n    window_before_days: 2", "    days: 7\n    window_before_days: 6")
    edit(forms, "schedule.yaml", 'sections: ["examination", "adverse_event_questions"]',
         'sections: ["examination", "x_ray"]')
    edit(forms, "schedule.yaml", "It is due on {due}", "It is due on {due_day}")
    found = lint_followup(forms)
    assert any("visits[1]: its window starts before the window of 'day1_call' ends" in p for p in found), found
    assert any("visit 'day7' asks section 'x_ray'" in p for p in found), found
    assert any("unknown placeholder(s) due_day" in p for p in found), found


def test_lint_refuses_a_visit_field_with_another_unit_or_an_unknown_id(forms):
    edit(forms, "visit_hormones.yaml", 'units: ["IU/L", "mIU/mL"]\n    min: 0\n    max: 200\n  - id: "lh"',
         'units: ["mIU/mL"]\n    min: 0\n    max: 200\n  - id: "lh"')
    edit(forms, "visit_ultrasound.yaml", 'id: "ultrasound_note"', 'id: "ultrasound_comment"')
    found = lint_followup(forms)
    assert any("visit_hormones.yaml" in p and "units must be ['IU/L', 'mIU/mL']" in p for p in found), found
    assert any("'ultrasound_comment' is not a follow-up field" in p for p in found), found


def test_a_bare_yes_in_the_schedule_is_refused_with_its_line(forms):
    edit(forms, "schedule.yaml", 'contact: "telephone"', "contact: yes")
    lines = (forms / "followup" / "schedule.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.strip() == "contact: yes")
    assert lint_followup(forms) == [f"followup/schedule.yaml:{line}: visits[0].contact: Input should be "
                                    "'telephone' or 'visit'"]
