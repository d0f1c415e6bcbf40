"""The checklist's stops on SQLite and PostgreSQL: a consent expired or withdrawn by the day stops it
outright; a recalled lot cannot be chosen and stops a checklist that had chosen it; a "no" needs its
reason and waits for the urologist, who stops the procedure or lets it continue with a written reason."""

from __future__ import annotations

import pytest

from exoconsult.definitions.content import load_withdrawal_text
from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.procedure.checklist import ChecklistService
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.procedure.procedures import ProcedureService
from exoconsult.services.today.today import TodayService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import scribble
from tests.procedure_support import answer_part, procedure_day_for, procedure_input
from tests.services.lot_support import receipt


@pytest.fixture
def d(ctx, staff, clock, tmp_path):
    return procedure_day_for(ctx, staff, clock, tmp_path)


def test_an_expired_consent_stops_the_checklist_outright(ctx, d, clock):
    checklist = ChecklistService(ctx)
    clock.advance(days=91)  # the consent is valid for 90 days
    plan = TodayService(ctx).plan_procedure(d.ready.nurse, d.ready.patient_id,
                                            TodayService(ctx).overview(d.ready.nurse).today)
    state = checklist.day(d.ready.nurse, plan.id)
    assert state.stage == "stopped" and "expired" in state.stopped and state.consent_status == "expired"
    assert state.stopped_why.english() == state.stopped  # the same words, for a screen in its own language
    assert TodayService(ctx).overview(d.ready.nurse).procedures[0].checklist.stopped_why == state.stopped_why
    with pytest.raises(ValidationError, match="stopped.*expired"):
        checklist.answer(d.ready.nurse, plan.id, "identity", True)


def test_a_withdrawn_consent_stops_it_even_half_way(ctx, d, clock):
    checklist = ChecklistService(ctx)
    answer_part(ctx, d, "before_anaesthesia", skip=("lot_chosen",))
    ids = [c.id for c in load_withdrawal_text(ctx.forms_dir, "tr").data_choices]
    ConsentService(ctx).withdraw(d.ready.urologist, d.consent_document_id, {cid: n == 0 for n, cid in enumerate(ids)},
                                 CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                                 STAFF_PASSWORDS["urologist"], "Karar değiştirdi.")
    state = checklist.day(d.ready.nurse, d.plan_id)
    assert state.stage == "stopped" and "withdrawn" in state.stopped
    with pytest.raises(ValidationError, match="withdrawn"):
        checklist.answer(d.ready.nurse, d.plan_id, "lot_chosen", True, lot_id=d.lot_id)
    with pytest.raises(ValidationError, match="stopped"):
        ProcedureService(ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock))


def test_a_recalled_lot_cannot_be_chosen_and_stops_a_checklist_that_chose_it(ctx, d, clock):
    checklist, lots = ChecklistService(ctx), LotService(ctx)
    answer_part(ctx, d, "before_anaesthesia")
    assert checklist.day(d.ready.nurse, d.plan_id).lot_id == d.lot_id
    lots.recall(d.ready.urologist, d.lot_id, "Manufacturer recall RC-7")
    state = checklist.day(d.ready.nurse, d.plan_id)
    assert state.stage == "stopped" and "RECALLED" in state.stopped
    assert state.stopped_why.lists_context == "Lots" and state.stopped_why.english() == state.stopped
    with pytest.raises(ValidationError, match="stopped"):
        ProcedureService(ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock))
    quarantined = lots.receive(d.ready.nurse, receipt("EXO-Q"))
    plan = TodayService(ctx).plan_procedure(d.ready.nurse, d.ready.patient_id, clock.now().date())
    for item in ("identity", "consent_valid"):
        checklist.answer(d.ready.nurse, plan.id, item, True)
    with pytest.raises(ValidationError, match="RECALLED"):
        checklist.answer(d.ready.nurse, plan.id, "lot_chosen", True, lot_id=d.lot_id)
    with pytest.raises(ValidationError, match="quarantine"):
        checklist.answer(d.ready.nurse, plan.id, "lot_chosen", True, lot_id=quarantined.id)


def test_a_no_needs_its_reason_and_the_urologists_decision(ctx, d, clock):
    checklist, procedures = ChecklistService(ctx), ProcedureService(ctx)
    nurse, urologist = d.ready.nurse, d.ready.urologist
    with pytest.raises(ValidationError, match="reason"):
        checklist.answer(nurse, d.plan_id, "no_fever_infection", False)
    state = checklist.answer(nurse, d.plan_id, "no_fever_infection", False, "37,9 °C ölçüldü")
    item = next(i for i in state.items if i.key == "no_fever_infection")
    assert item.waiting_for_decision and item.reason == "37,9 °C ölçüldü"
    answer_part(ctx, d, "before_anaesthesia", skip=("no_fever_infection",))
    with pytest.raises(ValidationError, match="before anaesthesia"):
        checklist.answer(urologist, d.plan_id, "read_aloud", True)
    with pytest.raises(PermissionDenied):
        checklist.decide(nurse, d.plan_id, "no_fever_infection", True, "ok")
    with pytest.raises(ValidationError, match="reason"):
        checklist.decide(urologist, d.plan_id, "no_fever_infection", True, " ")
    state = checklist.decide(urologist, d.plan_id, "no_fever_infection", True,
                             "Tekrar ölçümde 37,2 °C; genital enfeksiyon bulgusu yok, devam.")
    assert state.stage == "time_out"
    with pytest.raises(ValidationError, match="decided"):
        checklist.answer(nurse, d.plan_id, "no_fever_infection", True)
    answer_part(ctx, d, "time_out")
    procedures.record(urologist, d.plan_id, procedure_input(clock))

    # On another day, a "no" the urologist stops on ends the checklist.
    clock.advance(days=1)
    plan = TodayService(ctx).plan_procedure(nurse, d.ready.patient_id, clock.now().date())
    checklist.answer(nurse, plan.id, "anaesthetic_allergy", False, "Lidokaine alerji öyküsü")
    stopped = checklist.decide(urologist, plan.id, "anaesthetic_allergy", False, "Alerji değerlendirmesi yapılacak.")
    assert stopped.stage == "stopped" and "Alerji değerlendirmesi" in stopped.stopped
    with pytest.raises(ValidationError, match="stopped"):
        checklist.answer(nurse, plan.id, "identity", True)

