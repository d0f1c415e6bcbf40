"""The performing urologist (content release 1.1, item 4): chosen per consultation from the clinic's
urologists (default: the one running it, never a nurse), printed on the consent, frozen with it, carried
into the procedure plan; only that urologist records the procedure. The added columns replay unchanged
for rows audited before they existed, and a value set outside the app is caught."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Actor, Role
from exoconsult.services.accounts.accounts import AccountService, UserFields
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.procedure.procedures import ProcedureService
from exoconsult.services.today.today import TodayService
from exoconsult.storage.integrity import check_replay
from tests.consent_support import ready_for_consent, sign
from tests.procedure_support import Day, answer_part, procedure_input
from tests.services.lot_support import receipt


def _second_urologist(ctx, admin) -> Actor:
    user = AccountService(ctx).create_user(admin, UserFields("ekaya", "Dr. Ece Kaya", Role.UROLOGIST),
                                           "tK9#qv2!Lm0@xR-uro", must_change_password=False)
    return Actor(user_id=user.id, username="ekaya", display_name="Dr. Ece Kaya", role=Role.UROLOGIST)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_performing_urologist_is_chosen_printed_frozen_and_planned(ctx, staff, clock, tmp_path):
    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    ece = _second_urologist(ctx, staff["admin"])
    consents = ConsentService(ctx)
    prep = consents.prepare(ready.urologist, ready.patient_id, "tr")
    assert dict(prep.urologists) == {ready.urologist.user_id: "Dr. Deniz Uro", ece.user_id: "Dr. Ece Kaya"}
    assert prep.performing_urologist_id == ready.urologist.user_id  # the one running the consultation
    as_nurse = consents.prepare(ready.nurse, ready.patient_id, "tr")  # never the signed-in nurse
    assert as_nurse.performing_urologist_id == ready.urologist.user_id  # who gave the explanation
    with pytest.raises(ValidationError) as info:
        sign(ctx, ready, performing_urologist_id=ready.nurse.user_id)
    assert "active urologist" in info.value.problems["performing_urologist"]

    summary = sign(ctx, ready, performing_urologist_id=ece.user_id)
    body = _text(consents.pdf(ready.urologist, summary.document_id))
    assert "Dr. Ece Kaya" in body and "Dr. Deniz Uro" in body  # performs / signs as the treating urologist
    with ctx.db.connect() as conn:
        assert conn.execute(text("SELECT performing_urologist_id FROM consent")).scalar() == ece.user_id
    with pytest.raises(Exception, match="write-once|refused"):  # frozen with the signed consent
        with ctx.db.connect(write=True) as conn:
            conn.execute(text(f"UPDATE consent SET performing_urologist_id = {ready.urologist.user_id}"))

    lots = LotService(ctx)
    lot = lots.receive(ready.nurse, receipt())
    lots.release(ready.urologist, lot.id)
    today = TodayService(ctx)
    plan = today.plan_procedure(ready.nurse, ready.patient_id, today.overview(ready.nurse).today)
    assert plan.performing_urologist == "Dr. Ece Kaya"
    assert [p.performing_urologist for p in today.overview(ready.nurse).procedures] == ["Dr. Ece Kaya"]
    d = Day(ready, summary.document_id, lot.id, plan.id)
    answer_part(ctx, d, "before_anaesthesia")
    answer_part(ctx, d, "time_out")
    procedures = ProcedureService(ctx)
    with pytest.raises(ValidationError) as info:
        procedures.record(ready.urologist, plan.id, procedure_input(clock))
    assert "The consent names Dr. Ece Kaya" in info.value.problems["performing_urologist"]
    day = procedures.record(ece, plan.id, procedure_input(clock))
    assert day.record_id is not None and day.performing_urologist == "Dr. Ece Kaya"
    assert verify_installation(ctx).ok


def test_rows_audited_before_the_column_replay_and_a_value_set_outside_is_caught(ctx, staff, clock, tmp_path):
    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    today = TodayService(ctx)
    # No consent yet: the plan names no one, and its audit entry has no performing_urologist_id at all —
    # exactly what every plan audited before migration 0014 looks like.
    plan = today.plan_procedure(ready.nurse, ready.patient_id, today.overview(ready.nurse).today)
    assert plan.performing_urologist == "" and check_replay(ctx.db) == []
    with ctx.db.connect(write=True) as conn:
        conn.execute(text(f"UPDATE procedure_plan SET performing_urologist_id = {ready.urologist.user_id}"))
        conn.commit()
    [problem] = check_replay(ctx.db)
    assert problem.entity == "procedure_plan" and "performing_urologist_id" in problem.message


def test_an_old_consent_names_its_signing_urologist_in_the_plan(ctx, staff, clock, tmp_path):
    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    summary = sign(ctx, ready)
    with ctx.db.connect(write=True) as conn:  # as migration 0014 leaves a consent signed before it
        conn.execute(text("DROP TRIGGER IF EXISTS consent_no_update" + ("" if ctx.db.is_sqlite else " ON consent")))
        conn.execute(text("UPDATE consent SET performing_urologist_id = NULL"))
        conn.commit()
    today = TodayService(ctx)
    plan = today.plan_procedure(ready.nurse, ready.patient_id, today.overview(ready.nurse).today,
                                summary.document_id)
    assert plan.performing_urologist == "Dr. Deniz Uro"
