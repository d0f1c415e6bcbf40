"""Text that goes into a sealed record is refused by the service itself when the document font cannot
draw it (emoji print as empty boxes), not only by the screens: a CLI, script or older screen that skips
the screen's check still cannot put it into an irreversible record. Nothing is written on refusal."""

from __future__ import annotations

from datetime import date

import pytest

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.core.printable import print_problem
from exoconsult.services.demo.step_50_assessments import DEMO_HISTORIES
from exoconsult.services.explanation.explanation import ExplanationService
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from tests.consent_support import approved_forms
from tests.services.test_assessments import InMemoryHistory

EMOJI_REASON = "Genetics reviewed the karyotype with the couple 👍 and advise proceeding."


def test_print_problem_names_the_characters_and_accepts_turkish():
    assert print_problem("Hasta ışık, ğ, ş, ç, ö, ü, İ harflerini yazdı.") is None
    why = print_problem("ok 😀")
    assert why is not None and "😀" in why and "cannot print" in why
    assert print_problem("a\x07b") == "contains an invisible or control character"


def test_a_review_reason_with_emoji_is_refused_and_nothing_is_resolved(ctx, staff, urologist, nurse, tmp_path):
    approved_forms(ctx, staff, tmp_path / "forms")
    source = InMemoryHistory(ctx)
    service = AssessmentService(ctx, case_source=source)
    pid = PatientService(ctx).create(nurse, PatientData(family_name="Kaya", given_name="Ali",
                                                        birth_date=date(1990, 1, 2), mrn="PR-1")).id
    source.put(pid, DEMO_HISTORIES["needs_review"])
    a = service.run(urologist, pid)
    with pytest.raises(ValidationError) as refused:
        service.resolve(urologist, a.id, "proceed", EMOJI_REASON)
    assert "👍" in refused.value.problems["reason"]
    assert service.get(urologist, a.id).resolution is None
    assert verify_installation(ctx).ok


def test_explanation_texts_that_print_refuse_emoji(ctx, urologist, nurse):
    pid = PatientService(ctx).create(nurse, PatientData(family_name="Işık", given_name="Mehmet",
                                                        birth_date=date(1988, 3, 14), mrn="PR-2")).id
    service = ExplanationService(ctx)
    session = service.start(urologist, pid)
    with pytest.raises(ValidationError) as refused:
        service.shorten_reflection(urologist, session.id, 2, "Travels abroad next week 🛫 for work.")
    assert "🛫" in refused.value.problems["reason"]
    with pytest.raises(ValidationError) as refused:
        service.add_patient_question(urologist, session.id, "Will it hurt? 😟", "Local anaesthesia is used.")
    assert "question" in refused.value.problems
    after = service.get(urologist, session.id)
    assert after.reflection_override_days is None and not after.questions
