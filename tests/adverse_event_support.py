"""A treated test patient (checklist, record, sealed note) and adverse-event inputs, valid by default.
Used by the adverse-event service, report and GUI tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from exoconsult.services.adverse_events.ae_dto import AdverseEventInput, AssessmentInput
from exoconsult.services.procedure.procedures import ProcedureService
from tests.procedure_support import Day, answer_part, procedure_day_for, procedure_input


def treated_patient(ctx, staff, clock, tmp_path, **kwargs) -> Day:
    d = procedure_day_for(ctx, staff, clock, tmp_path, **kwargs)
    answer_part(ctx, d, "before_anaesthesia")
    answer_part(ctx, d, "time_out")
    ProcedureService(ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock))
    answer_part(ctx, d, "sign_out")
    ProcedureService(ctx).issue_note(d.ready.urologist, d.plan_id)
    return d


def assessment(**overrides) -> AssessmentInput:
    base = AssessmentInput(grade=2, serious_criteria=(), relatedness="probable", expected=True,
                           outcome="recovering", action_taken="Paracetamol; scrotal support", note="")
    return replace(base, **overrides)


def event_input(onset: date, **overrides) -> AdverseEventInput:
    base = AdverseEventInput(onset_date=onset, term="haematoma", source="telephone",
                             description="Left hemiscrotal swelling and bruising since the evening of the procedure.",
                             assessment=assessment())
    return replace(base, **overrides)
