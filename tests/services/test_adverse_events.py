"""Adverse events on SQLite and PostgreSQL: recorded against the procedure and its lot, follow-ups
appended (earlier entries unchanged), bad input named field by field, the reporting deadline on Today
moving with the (fake) clock, audit replay clean, and the tables write-once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.adverse_events.events import AdverseEventService
from exoconsult.services.core.changes import Part, collect_changes
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.services.today.today import TodayService
from tests.adverse_event_support import assessment, event_input, treated_patient


@pytest.fixture
def d(ctx, staff, clock, tmp_path):
    return treated_patient(ctx, staff, clock, tmp_path)


def test_an_event_is_recorded_against_the_procedure_and_its_lot_and_followed_up(ctx, d, clock):
    service = AdverseEventService(ctx)
    nurse, urologist, pid = d.ready.nurse, d.ready.urologist, d.ready.patient_id
    today = TodayService(ctx).overview(nurse).today
    with collect_changes() as log:
        event = service.record(nurse, pid, event_input(today))
    assert log.changes.touches(Part.ADVERSE_EVENTS, patient_id=pid)
    assert "EXO-2611-A" in event.lot_label and event.procedure_date == today and event.recorded_by == "Ayşe Nurse"
    assert event.term_text == "Haematoma" and not event.serious and event.deadline is None
    assert event.pseudonym == service.for_patient(nurse, pid)[0].pseudonym  # "" until the clinic key exists

    clock.advance(days=3)
    later = service.follow_up(urologist, event.id, assessment(outcome="recovered", outcome_date=today + timedelta(days=2),
                                                              grade=1, note="Resolved with rest"))
    assert [(e.kind, e.grade, e.outcome) for e in later.entries] == [("initial", 2, "recovering"),
                                                                       ("follow-up", 1, "recovered")]
    assert later.entries[0] == event.entries[0]
    assert later.current.known_on == today + timedelta(days=3) and later.current.recorded_by == "Dr. Deniz Uro"
    assert verify_installation(ctx).ok
    with ctx.db.write_engine.connect() as conn:
        for statement in ("UPDATE adverse_event_entry SET grade = 5", "DELETE FROM adverse_event_entry",
                          "UPDATE adverse_event SET description = 'x'", "DELETE FROM adverse_event"):
            with pytest.raises(Exception, match="write-once"):
                conn.execute(text(statement))
            conn.rollback()


def test_bad_input_is_named_field_by_field_and_nothing_is_stored(ctx, d, staff):
    service = AdverseEventService(ctx)
    nurse, pid = d.ready.nurse, d.ready.patient_id
    today = TodayService(ctx).overview(nurse).today
    with pytest.raises(ValidationError) as bad:
        service.record(nurse, pid, event_input(today + timedelta(days=1), term="other", description=" "))
    assert set(bad.value.problems) == {"onset_date", "term_other", "description"}
    with pytest.raises(ValidationError) as bad:
        service.record(nurse, pid, event_input(today, assessment=assessment(grade=5, outcome="recovered",
                                                                            outcome_date=None)))
    assert set(bad.value.problems) == {"outcome_date"}
    with pytest.raises(ValidationError, match="go together"):
        service.record(nurse, pid, event_input(today, assessment=assessment(grade=5, outcome="recovering")))
    with pytest.raises(ValidationError, match="life-threatening"):
        service.record(nurse, pid, event_input(today, assessment=assessment(grade=4)))
    assert service.for_patient(nurse, pid) == []
    with pytest.raises(PermissionDenied):
        service.record(staff["admin"], pid, event_input(today))


def test_a_serious_event_shows_its_deadline_on_today_and_goes_overdue(ctx, d, clock):
    service, today_service = AdverseEventService(ctx), TodayService(ctx)
    nurse, pid = d.ready.nurse, d.ready.patient_id
    today = today_service.overview(nurse).today
    assert today_service.overview(nurse).sae_deadlines == ()
    serious = assessment(grade=3, serious_criteria=("hospitalisation",), relatedness="possible",
                         action_taken="Admitted for drainage")
    event = service.record(nurse, pid, event_input(today, assessment=serious))
    (due,) = today_service.overview(nurse).sae_deadlines
    assert (due.event_id, due.mrn, due.deadline.days, due.deadline.due_on) == (event.id, "C-1", 15,
                                                                               today + timedelta(days=15))
    clock.advance(days=16)
    (due,) = today_service.overview(nurse).sae_deadlines
    assert due.deadline.overdue and due.deadline.days_left == -1
    clock.advance(days=1)
    worse = service.follow_up(nurse, event.id, assessment(grade=4, serious_criteria=("hospitalisation",
                                                                                    "life_threatening"),
                                                          relatedness="possible"))
    assert (worse.deadline.days, worse.deadline.starts_on) == (15, today)  # the older clock is still unmet


def test_a_serious_event_gets_a_sealed_report_in_either_language_and_its_sendings_meet_the_deadline(ctx, d, clock):
    from pathlib import Path

    from exoconsult.services.adverse_events.ae_dto import SendingInput
    from exoconsult.services.adverse_events.sae_report import SaeReportService, repair_report_archive
    from exoconsult.services.integrity.document_check import check_document_id, check_pdf

    service, reports = AdverseEventService(ctx), SaeReportService(ctx)
    nurse, urologist, pid = d.ready.nurse, d.ready.urologist, d.ready.patient_id
    today = TodayService(ctx).overview(nurse).today
    mild = service.record(nurse, pid, event_input(today))
    with pytest.raises(ValidationError, match="not serious"):
        reports.issue(urologist, mild.id, "en")
    serious = assessment(grade=3, serious_criteria=("hospitalisation",), relatedness="possible", expected=False)
    event = service.record(nurse, pid, event_input(today, term="infection", assessment=serious))
    with pytest.raises(PermissionDenied):
        reports.issue(nurse, event.id, "tr")
    first = reports.issue(urologist, event.id, "tr")
    second = reports.issue(urologist, event.id, "en")
    pdf = reports.pdf(nurse, first.document_id)
    pseudonym = service.for_patient(nurse, pid)[-1].pseudonym
    assert pseudonym.startswith("P") and len(pseudonym) == 17  # the research export's, made by the first report
    result = check_pdf(ctx, pdf)
    assert result.valid and result.kind == "serious adverse event report" and result.status == "sealed, not yet sent"
    assert check_document_id(ctx, second.document_id).valid
    clock.advance(days=2)
    for recipient in ("manufacturer", "ethics_committee"):
        service_dto = reports.record_sending(nurse, second.document_id, SendingInput(
            recipient, "Demo Biologics pharmacovigilance", "email", today + timedelta(days=1)))
    assert service_dto.deadline.outstanding == ("health_authority",)
    assert [(s.recipient, s.recorded_by) for s in service_dto.sendings] == [("manufacturer", "Ayşe Nurse"),
                                                                          ("ethics_committee", "Ayşe Nurse")]
    with pytest.raises(ValidationError) as bad:
        reports.record_sending(nurse, second.document_id, SendingInput("press", " ", "pigeon", today - timedelta(days=1)))
    assert set(bad.value.problems) == {"recipient", "addressee", "channel", "sent_on"}
    done = reports.record_sending(nurse, second.document_id, SendingInput(
        "health_authority", "Sağlık Bakanlığı", "portal", today + timedelta(days=2)))
    assert done.deadline.met and TodayService(ctx).overview(nurse).sae_deadlines == ()
    assert "sent to ethics committee; health authority; manufacturer" in check_pdf(ctx, reports.pdf(nurse, second.document_id)).status
    Path(ctx.data_dir.archive_dir / "sae-reports" / f"sae-{first.document_id}.pdf").unlink()
    assert any("missing" in p.message for p in verify_installation(ctx).problems)
    repair_report_archive(ctx)
    assert verify_installation(ctx).ok
    with ctx.db.write_engine.connect() as conn:
        for statement in ("UPDATE sae_report SET language = 'en'", "DELETE FROM sae_report_sending"):
            with pytest.raises(Exception, match="write-once"):
                conn.execute(text(statement))
            conn.rollback()


def test_a_complaint_at_a_follow_up_visit_waits_until_it_is_recorded_as_an_adverse_event(ctx, d, clock):
    from exoconsult.services.followup.followup import FollowupService

    follow, service = FollowupService(ctx), AdverseEventService(ctx)
    nurse, pid = d.ready.nurse, d.ready.patient_id
    [fu] = follow.for_patient(nurse, pid)
    clock.advance(days=1)
    call = fu.procedure_date + timedelta(days=1)
    visit = follow.record_visit(nurse, fu.record_id, "day1_call", call)
    follow.save_visit(nurse, visit.visit_id, {"ae_pain": False, "ae_swelling_bruising": True,
                                              "ae_fever_infection": False, "ae_other": True,
                                              "ae_other_text": "Dizzy in the evening"}, visit.row_version)
    [complaint] = service.complaints(nurse, pid)
    assert (complaint.visit_key, complaint.visit_date, complaint.other_text) == ("day1_call", call,
                                                                                 "Dizzy in the evening")
    assert [q["en"] for q in complaint.questions] == ["Swelling or bruising of the scrotum?",
                                                      "Any other health problem since the procedure?"]
    service.record(nurse, pid, event_input(fu.procedure_date, term="swelling", source="visit", learnt_on=call))
    assert service.complaints(nurse, pid) == []
