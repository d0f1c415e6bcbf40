"""Bring a test patient to the point of signing: clinic profile and seal key, an approved copy of the
forms, an eligible case imported and assessed, the explanation discussed and checked, and the reflection
period elapsed. Used by consent, printing and GUI tests."""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from pathlib import Path

from exoconsult.documents.keys import generate_clinic_identity
from exoconsult.domain.gates import TEACH_BACK_KEY_POINTS
from exoconsult.domain.people import Actor
from exoconsult.domain.signature import Point
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.consent.consent_dto import CapturedSignature, ConsentSubmission
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.demo.step_60_consents import DEMO_PROGRAMME
from exoconsult.services.explanation.comprehension import ComprehensionService
from exoconsult.services.explanation.explanation import ExplanationService
from exoconsult.services.history.cases import CaseService
from exoconsult.services.programme.programme import ProgrammeService
from tests.conftest import REPO, STAFF_PASSWORDS
from tests.unit.rules.builders import BASE_CASE


def approve_everything(ctx, staff: dict[str, Actor]) -> None:
    """The test urologist, named approver by the test admin, approves every content file of ctx.forms_dir
    that is not approved for its current bytes (through the real use cases)."""
    from exoconsult.services.accounts.grants import GrantService
    from exoconsult.services.content.content_approval import ContentApprovalService

    GrantService(ctx).set_content_approver(staff["admin"], staff["urologist"].user_id, True)
    service = ContentApprovalService(ctx)
    for file in service.overview(staff["urologist"]).files:
        if file.status != "approved":
            service.approve(staff["urologist"], file.kind, file.content_id, file.language, file.sha256,
                            STAFF_PASSWORDS["urologist"])


def approved_forms(ctx, staff: dict[str, Actor], target: Path) -> Path:
    """A copy of forms/ at `target` (made once), in use by ctx and approved by the test urologist."""
    if not target.exists():
        shutil.copytree(REPO / "forms", target)
    ctx.forms_dir = target
    approve_everything(ctx, staff)
    return target


def scribble(offset: float = 0.0) -> tuple[tuple[Point, ...], ...]:
    """A signature-like mark: two strokes well beyond the trivial-mark threshold."""
    first = tuple(Point(0.1 + i * 0.03, 0.5 + 0.2 * ((i % 4) - 1.5) / 1.5 + offset, i * 15, 0.6) for i in range(25))
    second = tuple(Point(0.2 + i * 0.02, 0.7 - i * 0.01, 400 + i * 15, 0.4) for i in range(15))
    return (first, second)


@dataclass
class Ready:
    patient_id: int
    language: str
    urologist: Actor
    nurse: Actor


def ready_for_consent(ctx, staff: dict[str, Actor], clock, tmp_path: Path, *, language: str = "tr",
                      mrn: str = "C-1", preferred: str = "tr", **patient: object) -> Ready:
    admin, nurse, urologist = staff["admin"], staff["nurse"], staff["urologist"]
    if not (ctx.data_dir.keys_dir / "clinic-seal-cert.pem").exists():
        generate_clinic_identity(ctx.data_dir.keys_dir, "Test Andrology Clinic", now=clock.now())
    SettingsService(ctx).update(admin, {"clinic_name": "Test Andrology Clinic", "clinic_phone": "+90 212 555 0000",
                                        "complication_phone": "+90 532 555 0101", "time_zone": "Europe/Istanbul"})
    ProgrammeService(ctx).update(admin, DEMO_PROGRAMME)  # every programme fact, in English and Turkish (item 3)
    approved_forms(ctx, staff, tmp_path / "approved-forms")
    case = copy.deepcopy(BASE_CASE)
    case["assessed_on"] = clock.now().date().isoformat()
    case["patient"].update(mrn=mrn, preferred_language=preferred, **patient)
    patient_id = CaseService(ctx).import_case(urologist, case).patient_id
    assert AssessmentService(ctx).run(urologist, patient_id).verdict == "eligible"
    explanation = ExplanationService(ctx)
    session = explanation.start(urologist, patient_id, language)
    for s in session.sections:
        explanation.mark_shown(urologist, session.id, s.section_id)
        explanation.set_discussed(urologist, session.id, s.section_id, True)
    check = ComprehensionService(ctx)
    while (q := check.state(urologist, session.id).next_question) is not None:
        check.answer(urologist, session.id, q.id, q.correct_option_id)
    for key in TEACH_BACK_KEY_POINTS:  # the teach-back gate (content release 1.1, item 10)
        check.record_teach_back(urologist, session.id, key, "restated")
    if explanation.get(urologist, session.id).interpreter_needed:
        explanation.record_presence(urologist, session.id, "interpreter", "Ayşe Çevirmen", language)
    clock.advance(days=15)  # past the 14-day reflection period
    return Ready(patient_id, language, urologist, nurse)


def submission(ctx, ready: Ready, **overrides) -> ConsentSubmission:
    prep = ConsentService(ctx).prepare(ready.urologist, ready.patient_id, ready.language)
    signatures = [CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                  CapturedSignature("urologist", "Dr. Deniz Uro", scribble(0.01), user_id=ready.urologist.user_id),
                  CapturedSignature("witness", "Ayşe Nurse", scribble(0.02), user_id=ready.nurse.user_id)]
    if any(s.role == "interpreter" for s in prep.signers):
        signatures.append(CapturedSignature("interpreter", "Ayşe Çevirmen", scribble(0.03), language=ready.language))
    values = dict(language=ready.language, initials={sid: "AY" for sid, _ in prep.sections},
                  optional_answers={cid: n % 2 == 0 for n, (cid, _) in enumerate(prep.optional_consents)},
                  signatures=tuple(signatures), product_lot="LOT-2026-11")
    values.update(overrides)
    return ConsentSubmission(**values)


def sign(ctx, ready: Ready, **overrides):
    """Signed by the urologist with the nurse as the staff witness, each with their own password."""
    return ConsentService(ctx).sign(ready.urologist, ready.patient_id, submission(ctx, ready, **overrides),
                                    STAFF_PASSWORDS["urologist"], witness_password=STAFF_PASSWORDS["nurse"])
