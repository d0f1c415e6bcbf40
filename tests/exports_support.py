"""Treated patients for the export tests: each signed (with chosen optional answers), checked and recorded
on his procedure day, with identifiers distinctive enough to be searched for in every exported byte."""

from __future__ import annotations

from dataclasses import dataclass

from exoconsult.services.procedure.procedures import ProcedureService
from tests.procedure_support import Day, answer_part, procedure_day_for, procedure_input

# Distinctive identifiers (valid T.C. kimlik numbers: 10th and 11th digits are the checksums).
CANARIES = (
    dict(family_name="Zümrütoğlu", given_name="Şahinbey", birth_date="1987-04-19", national_id="10000000146",
         phone="+90 532 987 6543", email="sahinbey.zumrutoglu@example.org"),
    dict(family_name="Quellenhagen", given_name="İhsanoğlu", birth_date="1990-12-03", national_id="12345678950",
         phone="+90 505 111 2233", email="q.ihsan@example.net"),
    dict(family_name="Çağlayangil", given_name="Yiğitalp", birth_date="1984-07-28", national_id="98765432150",
         phone="0212 444 7788", email="yigitalp@example.com"),
)


@dataclass
class Treated:
    day: Day
    mrn: str
    identifiers: dict


def treat(ctx, staff, clock, tmp_path, n: int, *, registry: bool = True, events_note: str = "",
          sealed_note: bool = False, **consent) -> Treated:
    """Patient n (0, 1, 2) signed, checked and recorded today (registry answer as given); with
    `sealed_note`, also signed out and his procedure note sealed."""
    mrn = f"MRN-ZQX-{n}70{n}"
    answers = {"registry": registry, "publication": True, "recontact": False, "manufacturer": n % 2 == 0}
    d = procedure_day_for(ctx, staff, clock, tmp_path, mrn=mrn, lot_number=f"EXO-LOT-{n}", patient=CANARIES[n],
                          optional_answers=answers, **consent)
    answer_part(ctx, d, "before_anaesthesia", actor=d.ready.nurse)
    answer_part(ctx, d, "time_out")
    events = ("pain", "other") if events_note else ("pain",)
    ProcedureService(ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock, events=events,
                                                                                events_note=events_note))
    if sealed_note:
        answer_part(ctx, d, "sign_out", actor=d.ready.nurse)
        ProcedureService(ctx).issue_note(d.ready.urologist, d.plan_id)
    return Treated(d, mrn, {**CANARIES[n], "mrn": mrn})


def follow_up(ctx, clock, t: Treated, *, ae_description: str = "Skrotal şişlik, soğuk uygulama önerildi") -> None:
    """Three months on: his month-3 visit done (sperm seen, FSH, an outcome) and one adverse event."""
    from datetime import timedelta

    from exoconsult.services.adverse_events.ae_dto import AdverseEventInput, AssessmentInput
    from exoconsult.services.adverse_events.events import AdverseEventService
    from exoconsult.services.followup.followup import FollowupService

    nurse, urologist = t.day.ready.nurse, t.day.ready.urologist
    service = FollowupService(ctx)
    [fu] = service.for_patient(nurse, t.day.ready.patient_id)
    clock.advance(days=92)
    day = fu.visit("month3").first + timedelta(days=10)
    visit = service.record_visit(nurse, fu.record_id, "month3", day)
    saved = service.save_visit(urologist, visit.visit_id, {
        "centrifuged_pellet_examined": True, "sperm_seen": "present", "concentration_million_per_ml": 0.4,
        "fsh": {"value": 22.0, "unit": "IU/L"}, "ae_pain": False, "ae_swelling_bruising": True,
        "ae_fever_infection": False, "ae_other": False, "retrieval_done": False, "icsi_done": False,
        "clinical_pregnancy": False, "pregnancy_outcome": "none"}, visit.row_version)
    assert not saved.refused, saved.refused
    AdverseEventService(ctx).record(nurse, t.day.ready.patient_id, AdverseEventInput(
        onset_date=fu.procedure_date + timedelta(days=2), term="swelling", description=ae_description,
        assessment=AssessmentInput(grade=1, serious_criteria=(), relatedness="probable", expected=True,
                                   outcome="recovered", outcome_date=fu.procedure_date + timedelta(days=9)),
        learnt_on=fu.procedure_date + timedelta(days=3)))
