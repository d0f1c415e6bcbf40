"""Follow-up on SQLite and PostgreSQL: the schedule from the procedure date, a visit recorded and its
record entered field by field (units, ranges, hidden answers, roles), outcome events for the registry,
missed and lost, Today's lists, a withdrawal's data choice honoured, the reminder letter, the audit
(replay and triggers)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from exoconsult.definitions.content import load_withdrawal_text
from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.core.changes import Part, collect_changes
from exoconsult.services.followup.followup import FollowupService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.services.today.today import TodayService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import scribble
from tests.followup_support import treated_patient


@pytest.fixture
def t(ctx, staff, clock, tmp_path):
    return treated_patient(ctx, staff, clock, tmp_path)


def _followup(ctx, t):
    [fu] = FollowupService(ctx).for_patient(t.nurse, t.patient_id)
    return fu


def test_the_schedule_starts_from_the_procedure_date(ctx, t, clock):
    fu = _followup(ctx, t)
    assert fu.record_id == t.record_id and fu.schedule_version == "1.0.1"
    statuses = {v.key: (v.status, (v.due - fu.procedure_date).days) for v in fu.visits}
    assert statuses["day1_call"] == ("upcoming", 1) and statuses["day7"] == ("upcoming", 7)
    assert statuses["month3"][0] == "upcoming" and 89 <= statuses["month3"][1] <= 92
    [row] = [r for r in TodayService(ctx).overview(t.nurse).consultations if r.patient_id == t.patient_id]
    assert row.stage == "treated" and fu.procedure_date.isoformat() in row.stage_text  # not "consent signed"
    clock.advance(days=1)
    assert _followup(ctx, t).visit("day1_call").status == "due"
    clock.advance(days=2)
    assert _followup(ctx, t).visit("day1_call").status == "overdue"


def test_a_visit_recorded_and_its_record_entered_field_by_field(ctx, t, clock):
    service = FollowupService(ctx)
    clock.advance(days=92)
    fu = _followup(ctx, t)
    day = fu.visit("month3").first + timedelta(days=10)
    with pytest.raises(ValidationError, match="from the procedure"):
        service.record_visit(t.nurse, t.record_id, "month3", fu.procedure_date + timedelta(days=200))
    with collect_changes() as log:
        visit = service.record_visit(t.nurse, t.record_id, "month3", day)
    assert log.changes.touches(Part.FOLLOWUP, patient_id=t.patient_id)
    assert visit.status == "done" and visit.visit_date == day and visit.answers == {}
    saved = service.save_visit(t.nurse, visit.visit_id, {
        "centrifuged_pellet_examined": True, "sperm_seen": "present", "concentration_million_per_ml": "0,4",
        "fsh": {"value": 24.5, "unit": "mIU/mL"}, "total_testosterone": {"value": 60, "unit": "nmol/L"},
        "ph": 12, "ae_pain": False, "ae_swelling_bruising": False, "ae_fever_infection": False, "ae_other": False,
        "retrieval_done": True}, visit.row_version)
    answers = saved.visit.answers
    assert answers["concentration_million_per_ml"] == 0.4 and answers["fsh"] == {"value": 24.5, "unit": "mIU/mL"}
    assert set(saved.refused) == {"ph", "retrieval_done"}  # out of range; outcomes are the urologist's section
    assert saved.out_of_range == ("ph",)
    assert "ng/dL" in saved.warnings["total_testosterone"] and answers["total_testosterone"]["value"] == 60
    with pytest.raises(ValidationError, match="another workstation"):
        service.save_visit(t.nurse, visit.visit_id, {"ph": 7.2}, visit.row_version)
    after = service.save_visit(t.urologist, visit.visit_id, {
        "sperm_seen": "none", "retrieval_done": True, "retrieval_date": day.isoformat(),
        "retrieval_technique": "micro_tese", "retrieval_sperm_found": True, "retrieval_sperm_frozen": True,
        "icsi_done": False, "clinical_pregnancy": False, "pregnancy_outcome": "none",
        "ultrasound_findings": ["normal"]}, saved.visit.row_version)
    assert not after.refused
    assert "concentration_million_per_ml" not in after.visit.answers  # hidden once no sperm are seen
    [patient] = service.registry(t.nurse)
    assert [(e.kind, e.on) for e in patient.events] == [("sperm_retrieval", day)]
    assert patient.events[0].detail["sperm_found"] is True
    assert ("month3", "done", fu.visit("month3").due, day) in patient.visits
    assert verify_installation(ctx).ok


def test_missed_lost_and_the_lists_of_today(ctx, t, clock):
    service = FollowupService(ctx)
    with pytest.raises(ValidationError, match="cannot be missed yet"):
        service.mark_missed(t.nurse, t.record_id, "day7", "did not come")
    clock.advance(days=5)  # day 7's window opens on day 5; the day-1 call is overdue
    today = TodayService(ctx).overview(t.nurse).followup
    assert [(r.visit_key, r.status) for r in today.due_this_week] == [("day7", "due")]
    assert [r.visit_key for r in today.overdue] == ["day1_call"]
    with pytest.raises(ValidationError, match="Write why"):
        service.mark_missed(t.nurse, t.record_id, "day1_call", "  ")
    missed = service.mark_missed(t.nurse, t.record_id, "day1_call", "No answer to three calls")
    assert missed.status == "missed" and missed.missed_reason == "No answer to three calls"
    today = TodayService(ctx).overview(t.nurse).followup
    assert [r.visit_key for r in today.missed] == ["day1_call"] and not today.overdue
    fu = service.mark_lost(t.urologist, t.record_id, _followup(ctx, t).procedure_date + timedelta(days=4),
                           "Moved away; the telephone number is no longer in use")
    assert {v.key: v.status for v in fu.visits} == {"day1_call": "missed", "day7": "lost", "month3": "lost",
                                                    "month6": "lost", "month12": "lost"}
    assert TodayService(ctx).overview(t.nurse).followup.due_this_week == ()
    with pytest.raises(ValidationError, match="lost to follow-up"):
        service.reminder_letter(t.nurse, t.record_id)
    visit = service.record_visit(t.nurse, t.record_id, "day7", fu.procedure_date + timedelta(days=5))
    back = _followup(ctx, t)
    assert visit.status == "done" and back.lost_since is None and back.visit("month3").status == "upcoming"
    assert verify_installation(ctx).ok


def _withdraw(ctx, t, choice: str) -> None:
    consent = ConsentService(ctx).list(t.urologist, t.patient_id)[0]
    ids = [c.id for c in load_withdrawal_text(ctx.forms_dir, "tr").data_choices]
    ConsentService(ctx).withdraw(t.urologist, consent.document_id, {cid: cid == choice for cid in ids},
                                 CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                                 STAFF_PASSWORDS["urologist"], "")


def test_a_withdrawal_that_deletes_his_data_stops_every_request(ctx, t, clock):
    service = FollowupService(ctx)
    clock.advance(days=1)
    _withdraw(ctx, t, "delete")
    fu = _followup(ctx, t)
    assert fu.data_choice == "delete" and {v.status for v in fu.visits} == {"not_requested"}
    assert TodayService(ctx).overview(t.nurse).followup.due_this_week == ()
    with pytest.raises(ValidationError, match="deleted from the registry"):
        service.record_visit(t.nurse, t.record_id, "day1_call", fu.procedure_date + timedelta(days=1))
    with pytest.raises(ValidationError, match="no further requests"):
        service.reminder_letter(t.nurse, t.record_id)
    assert service.registry(t.nurse) == []


def test_a_withdrawal_that_keeps_his_data_keeps_the_follow_up(ctx, t, clock):
    clock.advance(days=1)
    _withdraw(ctx, t, "keep")
    fu = _followup(ctx, t)
    assert fu.data_choice == "keep" and fu.visit("day1_call").status == "due"
    assert [p.data_choice for p in FollowupService(ctx).registry(t.nurse)] == ["keep"]


def test_the_reminder_letter_is_printed_in_his_language_and_audited(ctx, t, clock):
    clock.advance(days=80)
    pdf = FollowupService(ctx).reminder_letter(t.nurse, t.record_id)
    assert pdf.startswith(b"%PDF")
    with ctx.db.connect() as conn:
        detail = conn.execute(text("SELECT detail FROM audit_entry WHERE entity = 'followup_reminder'")).scalar_one()
    assert json.loads(detail) == {"patient_id": t.patient_id, "visit": "month3", "language": "tr"}
    with pytest.raises(ValidationError, match="No open visit"):
        FollowupService(ctx).reminder_letter(t.nurse, t.record_id, "no_such_visit")


def test_visits_and_status_events_cannot_be_deleted_or_renamed(ctx, t, clock):
    service = FollowupService(ctx)
    clock.advance(days=2)
    service.mark_missed(t.nurse, t.record_id, "day1_call", "No answer")
    service.mark_lost(t.nurse, t.record_id, _followup(ctx, t).procedure_date + timedelta(days=2), "No answer")
    for statement in ("DELETE FROM followup_visit", "UPDATE followup_visit SET visit_key = 'day7'",
                      "DELETE FROM followup_status_event", "UPDATE followup_status_event SET reason = 'x'"):
        with ctx.db.connect(write=True) as conn, pytest.raises(Exception, match="write-once"):
            conn.execute(text(statement))
    with ctx.db.connect(write=True) as conn:  # what the triggers allow, done behind the app's back
        conn.execute(text("UPDATE followup_visit SET missed_reason = 'came after all'"))
        conn.commit()
    problems = verify_installation(ctx).problems
    assert [(p.entity, "missed_reason" in p.message) for p in problems] == [("followup_visit", True)]


def test_only_clinicians_record_follow_up(ctx, t, staff):
    with pytest.raises(PermissionDenied):
        FollowupService(ctx).mark_lost(staff["admin"], t.record_id, None, "x")
