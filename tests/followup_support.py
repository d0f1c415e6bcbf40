"""A treated test patient: signed, his procedure recorded today, ready for follow-up. Used by the
follow-up service and GUI tests."""

from __future__ import annotations

from dataclasses import dataclass

from exoconsult.services.procedure.procedures import ProcedureService
from tests.procedure_support import Day, answer_part, procedure_day_for, procedure_input


@dataclass
class Treated:
    day: Day
    record_id: int

    @property
    def patient_id(self) -> int:
        return self.day.ready.patient_id

    @property
    def nurse(self):
        return self.day.ready.nurse

    @property
    def urologist(self):
        return self.day.ready.urologist


def treated_patient(ctx, staff, clock, tmp_path, **kwargs) -> Treated:
    d = procedure_day_for(ctx, staff, clock, tmp_path, **kwargs)
    answer_part(ctx, d, "before_anaesthesia")
    answer_part(ctx, d, "time_out")
    state = ProcedureService(ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock))
    return Treated(d, state.record_id)
