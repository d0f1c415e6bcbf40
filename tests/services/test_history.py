"""History service: autosave with per-field conflicts, drafts that survive a restart, checks, roles,
audit with old and new values, and an audit replay that still reproduces every row (SQLite + PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from exoconsult.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.clinic import open_context
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import ABSENT, FieldChange
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage.orm import AuditEntryRow


@pytest.fixture
def patient_id(ctx, nurse) -> int:
    data = PatientData(family_name="Işık", given_name="Mehmet", birth_date=date(1988, 3, 14), mrn="H-0001")
    return PatientService(ctx).create(nurse, data).id


def audit(ctx, action: str) -> list[dict]:
    with ctx.db.connect() as conn:
        rows = conn.execute(select(AuditEntryRow).where(AuditEntryRow.action == action).order_by(AuditEntryRow.seq))
        return [dict(r._mapping) for r in rows]


def assert_verified(ctx) -> None:
    report = verify_installation(ctx)
    assert report.ok, [p.describe() for p in report.problems]


def test_save_read_back_and_audit_old_and_new(ctx, nurse, patient_id) -> None:
    service = HistoryService(ctx)
    assert service.get(nurse, patient_id).version == 0
    first = service.save_fields(nurse, patient_id, [FieldChange("infertility_duration_months", "36"),
                                                    FieldChange("infertility_type", "primary")])
    assert first.ok and first.saved == ("infertility_duration_months", "infertility_type")
    history = first.history
    assert history.version == 1 and history.source == "edit" and history.updated_by == "nurse"
    assert history.value("infertility_duration_months") == 36  # typed text stored as the integer
    second = service.save_fields(nurse, patient_id, [FieldChange("infertility_type", "secondary", "primary")])
    assert second.saved == ("infertility_type",)
    [change] = json.loads(audit(ctx, "history.change")[-1]["detail"])["changes"]
    assert (change["path"], change["old"], change["new"]) == ("infertility_type", "primary", "secondary")
    updates = [e for e in audit(ctx, "update") if e["entity"] == "history_version"]
    assert {"p": ["history", "infertility_type"], "b": "primary", "a": "secondary"} in json.loads(
        updates[-1]["after"])["changes"]  # the answer that changed, not the history document twice
    assert service.get(nurse, patient_id).value("infertility_type") == "secondary"
    assert_verified(ctx)


def test_quantities_keep_entered_unit_and_give_canonical(ctx, nurse, patient_id) -> None:
    service = HistoryService(ctx)
    row, _ = service.add_row(nurse, patient_id, "hormone_panels")
    result = service.save_fields(nurse, patient_id, [
        FieldChange(f"hormone_panels/{row}/total_testosterone", {"value": "300", "unit": "ng/dL"}),
        FieldChange(f"hormone_panels/{row}/fsh", {"value": 24.1, "unit": "mIU/mL"})])
    assert result.ok
    [panel] = result.history.groups["hormone_panels"]
    assert panel.values["total_testosterone"].entered == {"value": 300.0, "unit": "ng/dL"}
    assert panel.values["total_testosterone"].canonical == pytest.approx(10.41)
    assert panel.values["fsh"].canonical == pytest.approx(24.1)
    assert result.history.history["hormone_panels"] == [
        {"total_testosterone": {"value": 300.0, "unit": "ng/dL"}, "fsh": {"value": 24.1, "unit": "mIU/mL"}}]


def test_conflict_between_two_workstations_overwrites_nothing(ctx, data_dir, db_url, clock, nurse, urologist,
                                                              patient_id) -> None:
    here = HistoryService(ctx)
    before = here.get(nurse, patient_id)  # the nurse opens the empty history
    other_ctx = open_context(data_dir, db_url, clock=clock, forms_dir=ctx.forms_dir)
    try:
        there = HistoryService(other_ctx)
        assert there.save_fields(urologist, patient_id, [FieldChange("partner_age_years", 33)]).ok
    finally:
        other_ctx.close()
    # The nurse's later save of the same field started from what she read (nothing there yet).
    late = here.save_fields(nurse, patient_id, [
        FieldChange("partner_age_years", 35, before.value("partner_age_years")),
        FieldChange("partner_evaluated", True, before.value("partner_evaluated"))])
    assert late.saved == ("partner_evaluated",)  # the other field is not held back
    [conflict] = late.conflicts
    assert (conflict.path, conflict.base_value, conflict.stored_value, conflict.new_value) == (
        "partner_age_years", ABSENT, 33, 35)
    assert conflict.stored_by == "urologist"
    assert late.history.value("partner_age_years") == 33  # nothing overwritten silently
    assert late.drafted == ("partner_age_years",)
    [kept] = here.load_draft(nurse, patient_id).changes
    assert (kept.path, kept.new_value) == ("partner_age_years", 35)
    # Having seen both values, she keeps hers: saved against the value now stored; the draft empties.
    resolved = here.save_fields(nurse, patient_id, [FieldChange("partner_age_years", 35, conflict.stored_value)])
    assert resolved.saved == ("partner_age_years",) and resolved.history.value("partner_age_years") == 35
    assert here.load_draft(nurse, patient_id) is None
    assert_verified(ctx)


def test_drafts_survive_a_restart_and_are_private(ctx, data_dir, db_url, clock, nurse, urologist, patient_id) -> None:
    service = HistoryService(ctx)
    service.save_draft(nurse, patient_id, [FieldChange("infertility_duration_months", "3,5"),
                                           FieldChange("infertility_type", "primary")])
    service.save_draft(nurse, patient_id, [FieldChange("infertility_duration_months", "36")])
    ctx.close()  # the process is killed: nothing but the database survives
    reopened = open_context(data_dir, db_url, clock=clock, forms_dir=ctx.forms_dir)
    try:
        again = HistoryService(reopened)
        draft = again.load_draft(nurse, patient_id)
        assert [(c.path, c.new_value, c.base_value) for c in draft.changes] == [
            ("infertility_duration_months", "36", ABSENT), ("infertility_type", "primary", ABSENT)]
        assert again.load_draft(urologist, patient_id) is None  # drafts are their author's only
        assert again.get(nurse, patient_id).version == 0  # a draft is not part of the record
        again.discard_draft(nurse, patient_id, ["infertility_type"])
        assert [c.path for c in again.load_draft(nurse, patient_id).changes] == ["infertility_duration_months"]
        assert again.save_fields(nurse, patient_id, list(draft.changes[:1])).ok
        assert again.load_draft(nurse, patient_id) is None
        assert_verified(reopened)
    finally:
        reopened.close()


def test_hard_range_refused_and_plausibility_needs_confirmation(ctx, nurse, patient_id) -> None:
    service = HistoryService(ctx)
    row, _ = service.add_row(nurse, patient_id, "hormone_panels")
    path = f"hormone_panels/{row}/total_testosterone"
    refused = service.save_fields(nurse, patient_id, [FieldChange(f"hormone_panels/{row}/fsh", 250)])
    [problem] = refused.problems
    assert problem.kind == "range" and "0–200 IU/L" in problem.message and refused.saved == ()
    implausible = service.save_fields(nurse, patient_id, [FieldChange(path, {"value": 350, "unit": "ng/dL"}),
                                                          FieldChange(f"hormone_panels/{row}/lh", 65)])
    assert [(p.path, p.kind) for p in implausible.problems] == [(f"hormone_panels/{row}/lh", "plausibility")]
    typo = service.save_fields(nurse, patient_id, [FieldChange(path, {"value": 60, "unit": "nmol/L"},
                                                               {"value": 350, "unit": "ng/dL"})])
    [warning] = typo.problems
    assert warning.kind == "plausibility" and "did you mean ng/dL" in warning.message
    # the same as words a screen says in its own language, the field a term it names by its label
    assert warning.why is not None and warning.why.english() == warning.message
    assert warning.why.lists == {"field": ("total_testosterone",)} and warning.why.parts["shown"][0].english() == "60 nmol/L"
    assert typo.history.value(path) == {"value": 350, "unit": "ng/dL"}
    confirmed = service.save_fields(nurse, patient_id, [FieldChange(path, {"value": 60, "unit": "nmol/L"},
                                                                    {"value": 350, "unit": "ng/dL"}, confirmed=True)])
    assert confirmed.saved == (path,)
    change = json.loads(audit(ctx, "history.change")[-1]["detail"])["changes"][0]
    assert change["confirmed_warning"] and "plausible band" in change["confirmed_warning"]


def test_roles_per_section(ctx, nurse, urologist, admin, patient_id) -> None:
    service = HistoryService(ctx)
    with pytest.raises(PermissionDenied):
        service.save_fields(nurse, patient_id, [FieldChange("infertility_type", "primary"),
                                                FieldChange("karyotype", "46,XY")])
    with pytest.raises(PermissionDenied):
        service.add_row(nurse, patient_id, "sperm_retrieval_attempts")
    with pytest.raises(PermissionDenied):
        service.save_draft(nurse, patient_id, [FieldChange("active_malignancy", True)])
    with pytest.raises(PermissionDenied):
        service.get(admin, patient_id)
    assert service.get(nurse, patient_id).version == 0  # the refused batch wrote nothing
    assert service.save_fields(urologist, patient_id, [FieldChange("karyotype", "46,XY")]).ok
    with pytest.raises(ValidationError):
        service.save_fields(urologist, patient_id, [FieldChange("no_such_field", 1)])
    with pytest.raises(NotFound):
        service.get(nurse, 9999)


def test_answers_hidden_by_an_edit_are_cleared_and_audited(ctx, nurse, patient_id) -> None:
    service = HistoryService(ctx)
    service.save_fields(nurse, patient_id, [FieldChange("exogenous_testosterone_or_aas", "stopped"),
                                            FieldChange("testosterone_stopped_on", "01.02.2026"),
                                            FieldChange("antithrombotic", "aspirin"),
                                            FieldChange("antithrombotic_can_pause", True)])
    result = service.save_fields(nurse, patient_id, [FieldChange("exogenous_testosterone_or_aas", "never", "stopped")])
    assert result.cleared == ("testosterone_stopped_on",)
    assert result.history.value("testosterone_stopped_on") is ABSENT
    assert result.history.value("antithrombotic_can_pause") is True  # not a dependant of this edit
    detail = json.loads(audit(ctx, "history.change")[-1]["detail"])
    assert detail["cleared"] == [{"path": "testosterone_stopped_on", "old": "2026-02-01"}]
    assert_verified(ctx)


def test_rows_sort_by_date_keep_keys_and_remove_with_a_check(ctx, nurse, patient_id) -> None:
    service = HistoryService(ctx)
    first, _ = service.add_row(nurse, patient_id, "semen_analyses")
    second, _ = service.add_row(nurse, patient_id, "semen_analyses")
    service.save_fields(nurse, patient_id, [FieldChange(f"semen_analyses/{first}/date", "2026-06-01"),
                                            FieldChange(f"semen_analyses/{second}/date", "2026-01-15"),
                                            FieldChange(f"semen_analyses/{second}/sperm_seen", "none")])
    history = service.get(nurse, patient_id)
    assert [r.key for r in history.groups["semen_analyses"]] == [second, first]
    assert history.completion["semen_analyses"] == (3, 6)
    with pytest.raises(Conflict):
        service.remove_row(nurse, patient_id, "semen_analyses", second, expected={"date": "2026-01-15"})
    after = service.remove_row(nurse, patient_id, "semen_analyses", second,
                               expected={"date": "2026-01-15", "sperm_seen": "none"})
    assert [r.key for r in after.groups["semen_analyses"]] == [first]
    gone = service.save_fields(nurse, patient_id, [FieldChange(f"semen_analyses/{second}/ph", 7.2, ABSENT)])
    assert [c.path for c in gone.conflicts] == [f"semen_analyses/{second}/ph"]  # its entry was removed
    removed = json.loads(audit(ctx, "history.remove_row")[-1]["detail"])
    assert removed["old"] == {"date": "2026-01-15", "sperm_seen": "none"}
    assert_verified(ctx)


def test_dates_are_judged_in_the_clinic_time_zone_and_repeated_paths_count_once(ctx, clock, nurse, patient_id) -> None:
    from datetime import UTC, datetime

    service = HistoryService(ctx)
    clock.set(datetime(2026, 11, 24, 22, 30, tzinfo=UTC))  # already 25 November in Istanbul (UTC+3)
    row, _ = service.add_row(nurse, patient_id, "semen_analyses")
    result = service.save_fields(nurse, patient_id, [
        FieldChange(f"semen_analyses/{row}/date", "25.11.2026"),
        FieldChange("partner_age_years", 30), FieldChange("partner_age_years", 31)])  # typed on: newest wins
    assert result.ok and result.history.value("partner_age_years") == 31
    assert result.history.value(f"semen_analyses/{row}/date") == "2026-11-25"
    late = service.save_fields(nurse, patient_id, [FieldChange(f"semen_analyses/{row}/date", "26.11.2026",
                                                               "2026-11-25")])
    assert [p.kind for p in late.problems] == ["range"]


def test_a_conflict_seen_and_answered_keeps_the_acknowledged_base_in_the_draft(ctx, nurse, urologist,
                                                                               patient_id) -> None:
    service = HistoryService(ctx)
    assert service.save_fields(urologist, patient_id, [FieldChange("infertility_duration_months", 24)]).ok
    late = service.save_fields(nurse, patient_id, [FieldChange("infertility_duration_months", 30, ABSENT)])
    assert late.conflicts[0].stored_value == 24
    assert service.save_fields(urologist, patient_id, [FieldChange("infertility_duration_months", 26, 24)]).ok
    # The nurse answers the conflict against 24, but the urologist has moved on to 26 meanwhile.
    again = service.save_fields(nurse, patient_id, [FieldChange("infertility_duration_months", 30, 24)])
    assert [(c.base_value, c.stored_value) for c in again.conflicts] == [(24, 26)]
    [kept] = service.load_draft(nurse, patient_id).changes
    assert (kept.new_value, kept.base_value) == (30, 24)


def test_simultaneous_saves_of_one_field_give_one_save_and_one_conflict(ctx, nurse, urologist, patient_id) -> None:
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    service = HistoryService(ctx)
    assert service.save_fields(nurse, patient_id, [FieldChange("partner_age_years", 30)]).ok
    start = Barrier(2)

    def save(actor, value):
        start.wait()  # both read 30 and send their edit at the same moment
        return service.save_fields(actor, patient_id, [FieldChange("partner_age_years", value, 30)])

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(save, (nurse, urologist), (31, 32)))
    [winner] = [r for r in results if r.saved]
    [loser] = [r for r in results if r.conflicts]
    winning_value = 31 if winner is results[0] else 32
    assert loser.conflicts[0].stored_value == winning_value and loser.conflicts[0].new_value != winning_value
    assert service.get(nurse, patient_id).value("partner_age_years") == winning_value
    assert_verified(ctx)


def test_a_whole_group_can_be_marked_none_or_not_known(ctx, urologist, patient_id) -> None:
    service = HistoryService(ctx)
    marked = service.save_fields(urologist, patient_id, [FieldChange("sperm_retrieval_attempts", [])])
    assert marked.ok and marked.history.history == {"sperm_retrieval_attempts": []}
    assert marked.history.value("sperm_retrieval_attempts") == [] and marked.history.groups["sperm_retrieval_attempts"] == ()
    unknown = service.save_fields(urologist, patient_id, [FieldChange("sperm_retrieval_attempts", None, [])])
    assert unknown.ok and unknown.history.value("sperm_retrieval_attempts") is None
    row, _ = service.add_row(urologist, patient_id, "sperm_retrieval_attempts")
    refused = service.save_fields(urologist, patient_id, [FieldChange("sperm_retrieval_attempts", [], [{}])])
    assert [p.kind for p in refused.problems] == ["invalid"] and "has entries" in refused.problems[0].message
    wrong = service.save_fields(urologist, patient_id, [FieldChange("semen_analyses", [{"date": "2026-01-01"}])])
    assert "only be marked as none" in wrong.problems[0].message
    emptied = service.remove_row(urologist, patient_id, "sperm_retrieval_attempts", row)
    assert emptied.value("sperm_retrieval_attempts") == []  # the only entry removed: there are none
    assert_verified(ctx)


def test_same_value_saved_twice_is_no_conflict_and_settled_paths_leave_the_draft(ctx, nurse, urologist,
                                                                                 patient_id) -> None:
    service = HistoryService(ctx)
    assert service.save_fields(urologist, patient_id, [FieldChange("infertility_type", "primary")]).ok
    same = service.save_fields(nurse, patient_id, [FieldChange("infertility_type", "primary", ABSENT)])
    assert same.ok and same.saved == () and same.conflicts == ()
    service.save_fields(nurse, patient_id, [FieldChange("exogenous_testosterone_or_aas", "stopped"),
                                            FieldChange("testosterone_stopped_on", "31.02.2026")])
    assert [c.path for c in service.load_draft(nurse, patient_id).changes] == ["testosterone_stopped_on"]
    cleared = service.save_fields(nurse, patient_id, [FieldChange("exogenous_testosterone_or_aas", "never", "stopped")])
    assert cleared.ok and service.load_draft(nurse, patient_id) is None  # the hidden date's draft is gone too
