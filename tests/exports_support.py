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
