"""Bring a signed test patient to his procedure day: a released lot, a plan for today, and helpers to
walk the checklist. Used by the procedure service, CLI and GUI tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from exoconsult.domain import procedure_day as day
from exoconsult.services.procedure.checklist import ChecklistService
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.procedure.procedure_dto import ProcedureInput
from exoconsult.services.today.today import TodayService
from tests.consent_support import Ready, ready_for_consent, sign
from tests.services.lot_support import receipt

DETAILS = {"antithrombotic_plan": "takes none", "pain_score": "2", "followup_booked": "telephone check tomorrow"}


@dataclass
class Day:
    ready: Ready
    consent_document_id: str
    lot_id: int
    plan_id: int


def procedure_day_for(ctx, staff, clock, tmp_path, *, language: str = "tr", preferred: str = "tr",
                      mrn: str = "C-1", lot_number: str = "EXO-2611-A", patient: dict | None = None,
                      **consent: object) -> Day:
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language=language, preferred=preferred, mrn=mrn,
                              **(patient or {}))
    consent = sign(ctx, ready, **consent)
    lots = LotService(ctx)
    lot = lots.receive(ready.nurse, receipt(lot_number))
    lots.release(ready.urologist, lot.id)
    today = TodayService(ctx)
    plan = today.plan_procedure(ready.nurse, ready.patient_id, today.overview(ready.nurse).today)
    return Day(ready, consent.document_id, lot.id, plan.id)


def answer_part(ctx, d: Day, part: str, actor=None, skip: tuple[str, ...] = ()):
    checklist = ChecklistService(ctx)
    state = None
    for item in day.CHECKLIST:
        if item.part != part or item.key in skip:
            continue
        who = actor or (d.ready.urologist if "nurse" not in item.roles else d.ready.nurse)
        state = checklist.answer(who, d.plan_id, item.key, True, DETAILS.get(item.key, ""),
                                 lot_id=d.lot_id if item.needs_lot else None)
    return state


def procedure_input(clock, **overrides) -> ProcedureInput:
    now = clock.now()
    values = dict(started_at=now - timedelta(minutes=40), ended_at=now - timedelta(minutes=20),
                  anaesthetic_agent="lidocaine", anaesthetic_concentration="1%", anaesthetic_left_ml=5.0,
                  anaesthetic_right_ml=5.0, cord_block=True, skin_infiltration=True, needle_gauge=25,
                  left_volume_ml=0.5, right_volume_ml=0.5, left_sites=2, right_sites=2, assistant="Ayşe Nurse",
                  events=("pain",), events_note="", pain_score=2, discharged_at=now)
    values.update(overrides)
    return ProcedureInput(**values)
