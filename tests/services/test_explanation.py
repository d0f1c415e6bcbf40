"""Explanation records: sections, questions, presence, the comprehension check (wrong → feedback →
returns later → pass), teach-back, completion time, reflection shortening; all audited and replayable."""

from __future__ import annotations

from datetime import date

import pytest

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.explanation.comprehension import ComprehensionService
from exoconsult.services.explanation.explanation import ExplanationService
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation


@pytest.fixture
def patient_id(ctx, nurse) -> int:
    return PatientService(ctx).create(nurse, PatientData(
        family_name="Işık", given_name="Mehmet", birth_date=date(1988, 3, 14), mrn="EXP-1",
        preferred_language="tr")).id


@pytest.fixture
def session(ctx, urologist, patient_id):
    return ExplanationService(ctx).start(urologist, patient_id)


def _pass_check(ctx, urologist, session_id):
    service = ComprehensionService(ctx)
    while (q := service.state(urologist, session_id).next_question) is not None:
        service.answer(urologist, session_id, q.id, q.correct_option_id)


def _discuss_all(ctx, urologist, dto):
    service = ExplanationService(ctx)
    for s in dto.sections:
        service.mark_shown(urologist, dto.id, s.section_id)
        dto = service.set_discussed(urologist, dto.id, s.section_id, True)
    return dto


def test_starting_uses_the_patients_preferred_language_and_lists_all_sections(session):
    assert session.language == "tr"
    assert [s.section_id for s in session.sections] == ["results", "exosomes", "known", "unknown", "procedure",
                                                        "risks", "alternatives", "costs", "choices", "followup",
                                                        "people"]
    assert not any(s.discussed for s in session.sections)
    assert session.interpreter_needed is False  # Turkish patient, Turkish-speaking clinician (default)


def test_showing_and_discussing_records_times_and_notes(ctx, urologist, session, clock):
    service = ExplanationService(ctx)
    service.mark_shown(urologist, session.id, "risks")
    clock.advance(minutes=3)
    service.mark_shown(urologist, session.id, "risks")
    service.set_notes(urologist, session.id, "risks", "Asked about pain; explained the cord block.")
    dto = service.set_discussed(urologist, session.id, "risks", True)
    risks = dto.section("risks")
    assert risks.shown_count == 2 and risks.first_shown_at < risks.last_shown_at == clock.now()
    assert risks.discussed and risks.discussed_at == clock.now()
    assert "cord block" in risks.notes
    dto = service.set_discussed(urologist, session.id, "risks", False)
    assert not dto.section("risks").discussed and dto.section("risks").discussed_at is None


def test_patient_questions_are_recorded_with_the_answer_given(ctx, urologist, session):
    dto = ExplanationService(ctx).add_patient_question(urologist, session.id, "Will it hurt?",
                                                       "A local anaesthetic is used; some pain afterwards.", "procedure")
    assert [(q.question, q.section_id) for q in dto.questions] == [("Will it hurt?", "procedure")]
    with pytest.raises(ValidationError):
        ExplanationService(ctx).add_patient_question(urologist, session.id, "  ", "x")


def test_a_wrong_answer_shows_the_correct_one_and_the_question_returns_after_the_others(ctx, urologist, session):
    _discuss_all(ctx, urologist, session)
    service = ComprehensionService(ctx)
    first = service.state(urologist, session.id).next_question
    wrong = next(o.id for o in first.options if o.id != first.correct_option_id)
    outcome = service.answer(urologist, session.id, first.id, wrong)
    assert not outcome.correct and outcome.correct_option_id == first.correct_option_id
    assert outcome.explanation and outcome.correct_option_text
    assert outcome.state.next_question.id != first.id and not outcome.state.passed
    asked = []
    while (q := service.state(urologist, session.id).next_question) is not None:
        asked.append(q.id)
        service.answer(urologist, session.id, q.id, q.correct_option_id)
    assert asked[-1] == first.id and asked.count(first.id) == 1
    final = service.state(urologist, session.id)
    assert final.passed and final.pending == 0
    retries = [a for a in final.attempts if a.question_id == first.id]
    assert [(a.attempt, a.correct) for a in retries] == [(1, False), (2, True)]


def test_only_the_question_being_asked_can_be_answered(ctx, urologist, session):
    _discuss_all(ctx, urologist, session)
    service = ComprehensionService(ctx)
    current = service.state(urologist, session.id).next_question
    from exoconsult.services.explanation.explanation_content import comprehension_for

    other = next(q for q in comprehension_for(ctx, "tr").questions if q.id != current.id)
    with pytest.raises(ValidationError) as info:
        service.answer(urologist, session.id, other.id, other.correct_option_id)
    assert "not the question being asked" in info.value.problems["question"]
    assert service.state(urologist, session.id).attempts == ()


def test_completion_time_is_set_when_all_discussed_and_check_passed_and_cleared_if_reopened(ctx, urologist, session, clock):
    dto = _discuss_all(ctx, urologist, session)
    assert dto.completed_at is None
    clock.advance(minutes=5)
    _pass_check(ctx, urologist, session.id)
    service = ExplanationService(ctx)
    assert service.get(urologist, session.id).completed_at == clock.now()
    reopened = service.set_discussed(urologist, session.id, "costs", False)
    assert reopened.completed_at is None


def test_teach_back_is_recorded_per_key_point_latest_counts(ctx, urologist, session):
    service = ComprehensionService(ctx)
    service.record_teach_back(urologist, session.id, "experimental_status", "re_explained")
    recorded = service.record_teach_back(urologist, session.id, "experimental_status", "restated",
                                         "Bu tedavi deneysel, kanıtlanmış değil.")
    assert [(t.key_point, t.result) for t in recorded] == [("experimental_status", "restated")]
    with pytest.raises(ValidationError):
        service.record_teach_back(urologist, session.id, "not-a-key-point", "restated")


def test_interpreter_is_needed_when_languages_differ_and_is_recorded(ctx, urologist, patient_id):
    dto = ExplanationService(ctx).start(urologist, patient_id, "en")
    assert dto.interpreter_needed  # clinician works in Turkish
    with pytest.raises(ValidationError) as info:
        ExplanationService(ctx).record_presence(urologist, dto.id, "interpreter", "Ayşe Çevirmen", "")
    assert "language" in info.value.problems
    dto = ExplanationService(ctx).record_presence(urologist, dto.id, "interpreter", "Ayşe Çevirmen", "en")
    assert [(p.role, p.name, p.language) for p in dto.presence] == [("interpreter", "Ayşe Çevirmen", "en")]


def test_shortening_the_reflection_needs_a_reason_and_a_urologist_and_happens_once(ctx, urologist, nurse, session):
    service = ExplanationService(ctx)
    with pytest.raises(ValidationError) as info:
        service.shorten_reflection(urologist, session.id, 2, "too short")
    assert "reason" in info.value.problems
    with pytest.raises(ValidationError):
        service.shorten_reflection(urologist, session.id, 14, "Patient travels abroad for work next week.")
    with pytest.raises(PermissionDenied):
        service.shorten_reflection(nurse, session.id, 2, "Patient travels abroad for work next week.")
    dto = service.shorten_reflection(urologist, session.id, 2, "Patient travels abroad for work next week.")
    assert dto.reflection_override_days == 2 and "abroad" in dto.reflection_reason
    with pytest.raises(ValidationError):
        service.shorten_reflection(urologist, session.id, 1, "Changed plans again, travelling sooner.")


def test_nurse_may_view_but_not_deliver(ctx, nurse, urologist, session):
    assert ExplanationService(ctx).get(nurse, session.id).id == session.id
    with pytest.raises(PermissionDenied):
        ExplanationService(ctx).set_discussed(nurse, session.id, "risks", True)


def test_everything_is_audited_and_replays(ctx, urologist, session):
    _discuss_all(ctx, urologist, session)
    _pass_check(ctx, urologist, session.id)
    ComprehensionService(ctx).record_teach_back(urologist, session.id, "no_guarantee", "restated")
    report = verify_installation(ctx)
    assert report.ok, [p.describe() for p in report.problems]


def test_presentation_builds_section_one_from_the_case_and_fills_placeholders(ctx, staff, clock, tmp_path):
    from tests.consent_support import ready_for_consent

    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    session = ExplanationService(ctx).current(ready.urologist, ready.patient_id, "tr")
    shown = ExplanationService(ctx).presentation(ready.urologist, session.id)
    results = shown.sections[0]
    assert results.id == "results" and results.generated
    text = " ".join(results.generated)
    assert "24,1" in text  # FSH 24.1 IU/L with a Turkish decimal comma
    everything = " ".join(b.plain_text() for s in shown.sections for b in s.blocks)
    assert "Test Andrology Clinic" in everything or "+90 532 555 0101" in everything
    assert "{" not in everything  # every placeholder filled (or marked as not recorded)


def test_information_pack_is_marked_not_a_consent_on_every_page_and_audited(ctx, staff, clock, tmp_path):
    import io

    from pypdf import PdfReader

    from exoconsult.services.printing.information_pack import InformationPackService
    from tests.consent_support import ready_for_consent

    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    pdf = InformationPackService(ctx).pdf(ready.nurse, ready.patient_id)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 1 and all("Yalnızca bilgilendirme" in p for p in pages)
    assert "Ahmet Yılmaz" in pages[0]
    from sqlalchemy import text as sql

    with ctx.db.connect() as conn:
        actions = [r[0] for r in conn.execute(sql("SELECT action FROM audit_entry ORDER BY seq"))]
    assert actions[-1] == "print_information_pack"


def test_the_check_starts_only_after_every_section_is_discussed(ctx, urologist, session):
    """Content release 1.1, item 11."""
    service = ComprehensionService(ctx)
    q = service.state(urologist, session.id).next_question
    with pytest.raises(ValidationError) as info:
        service.answer(urologist, session.id, q.id, q.correct_option_id)
    assert "Mark every section discussed" in info.value.problems["question"]
    _discuss_all(ctx, urologist, session)
    assert service.answer(urologist, session.id, q.id, q.correct_option_id).correct


def test_options_are_shuffled_per_attempt_and_a_reasked_question_changes_order(ctx, urologist, session):
    """Content release 1.1, item 11: the right answer is not always in one place."""
    _discuss_all(ctx, urologist, session)
    service = ComprehensionService(ctx)
    first = service.state(urologist, session.id).next_question
    shown_first = [o.id for o in first.options]
    places = set()
    wrong = next(o.id for o in first.options if o.id != first.correct_option_id)
    service.answer(urologist, session.id, first.id, wrong)
    while (q := service.state(urologist, session.id).next_question) is not None:
        places.add([o.id for o in q.options].index(q.correct_option_id))
        if q.id == first.id:
            assert [o.id for o in q.options] != shown_first  # asked again: a different order
        service.answer(urologist, session.id, q.id, q.correct_option_id)
    assert len(places) >= 2  # over the questions, the right answer is shown in more than one place
