"""The procedure day in the demo: a lot register with a lot in every status (one recalled after a patient
received it, so the recall question has an answer), this morning's procedures of two patients whose consents are
valid, with their checklists and sealed notes (Turkish and English), and today's procedure for the patient
whose consent has expired, its checklist stopped by that. Lot data are invented and labelled as demo."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from exoconsult.services.procedure.procedure_dto import LotReceipt, ProcedureInput

TZ = "Europe/Istanbul"  # the demo clinic's (step_10_clinic)
COA = "Demo certificate of analysis (fictitious)"
DETAILS = {"antithrombotic_plan": "Kan sulandırıcı kullanmıyor", "pain_score": "2",
           "followup_booked": "Ertesi gün telefonla kontrol; 7. gün vizit"}


def demo_lot(number: str, received, expiry, *, temperature: float = -80.0) -> LotReceipt:
    return LotReceipt(product_name="DEMO-EXO (demo product)", manufacturer="Demo Biologics Ltd. (fictitious)",
                      lot_number=number, expiry_date=expiry, received_on=received, vials=6, volume_per_vial_ml=1.0,
                      temperature_on_receipt_c=temperature, storage_min_c=-90.0, storage_max_c=-60.0,
                      coa_reference=f"{COA} {number}")


def walk_procedure_day(ctx, nurse, urologist, plan_id: int, lot_id: int, volume: float) -> str:
    """The whole day for one patient: checklist, record, sign-out, sealed note. Returns the note's id."""
    from exoconsult.domain import procedure_day as day
    from exoconsult.services.procedure.checklist import ChecklistService
    from exoconsult.services.procedure.procedures import ProcedureService

    checklist, procedures = ChecklistService(ctx), ProcedureService(ctx)

    def part(name: str) -> None:
        for item in (i for i in day.CHECKLIST if i.part == name):
            who = nurse if "nurse" in item.roles else urologist
            checklist.answer(who, plan_id, item.key, True, DETAILS.get(item.key, ""),
                             lot_id=lot_id if item.needs_lot else None)
            ctx.clock.advance(seconds=5)

    part(day.BEFORE_ANAESTHESIA)
    part(day.TIME_OUT)
    start = ctx.clock.now()
    ctx.clock.advance(minutes=8)
    procedures.record(urologist, plan_id, ProcedureInput(
        started_at=start, ended_at=ctx.clock.now(), anaesthetic_agent="lidokain", anaesthetic_concentration="%1",
        anaesthetic_left_ml=5.0, anaesthetic_right_ml=5.0, cord_block=True, skin_infiltration=True, needle_gauge=25,
        left_volume_ml=volume, right_volume_ml=volume, left_sites=2, right_sites=2, assistant="",
        events=(), pain_score=2, discharged_at=None))
    ctx.clock.advance(minutes=3)
    part(day.SIGN_OUT)
    return procedures.issue_note(urologist, plan_id).document_id


def _local_today(ctx):
    return ctx.clock.now().astimezone(ZoneInfo(TZ)).date()


def seed(ctx, demo) -> None:
    """Runs in the last hour before now (the demo clock only moves forward, and the consents were signed
    earlier in step 60): this morning's lot work and two procedures, then today's stopped checklist."""
    from exoconsult.services.consent.consents import ConsentService
    from exoconsult.services.procedure.checklist import ChecklistService
    from exoconsult.services.procedure.lots import LotService
    from exoconsult.services.today.today import TodayService

    urologist, nurse = demo.actors.get("urologist"), demo.actors.get("nurse")
    real = getattr(demo, "real_clock", ctx.clock).now()
    if urologist is None or nurse is None:
        demo.notes.append("procedures: no demo staff accounts")
        return
    # step_60's consultations only: the men treated months ago (step_55) have consents that expired since
    consents = [c for c in ConsentService(ctx).list(urologist) if c.patient_id in demo.patient_ids]
    valid = [c for c in consents if c.status == "signed"]
    expired = [c for c in consents if c.status == "expired"]
    # The procedures happen on the clinic's real today: when the demo's clock is still on the day before
    # (a demo built just after local midnight), it moves to the start of today first.
    zone = ZoneInfo(TZ)
    real_today = real.astimezone(zone).date()
    if _local_today(ctx) < real_today:
        start_of_today = datetime.combine(real_today, time(0, 1), zone)
        if real - start_of_today >= timedelta(minutes=30):
            ctx.clock.set(start_of_today.astimezone(UTC))  # the clock keeps UTC, as every stored time
    if not valid or not expired or real - ctx.clock.now() < timedelta(minutes=30):
        demo.notes.append("procedures: not enough signed demo consents (or no time left before now)")
        return
    lots, today_service = LotService(ctx), TodayService(ctx)
    today = ctx.clock.now().astimezone(ZoneInfo(TZ)).date()
    earlier = today - timedelta(days=18)  # the delivery notes are dated when the lots arrived
    made = {n: lots.receive(nurse, demo_lot(n, earlier, earlier + timedelta(days=d), temperature=t))
            for n, d, t in (("DEMO-2611-A", 200, -80.0), ("DEMO-2611-B", 200, -78.0), ("DEMO-2610-C", 120, -79.0),
                            ("DEMO-2609-D", 17, -80.0), ("DEMO-2611-W", 200, -20.0))}
    for n in ("DEMO-2611-A", "DEMO-2611-B", "DEMO-2610-C"):
        lots.release(urologist, made[n].id)
    lots.discard(nurse, made["DEMO-2611-W"].id,
                 "Teslimatta soğuk zincir bozulmuş (-20 °C); üreticiye bildirildi, imha edildi.")
    lots.mark_used_up(nurse, made["DEMO-2610-C"].id)
    lots.mark_expired(nurse, made["DEMO-2609-D"].id)  # its expiry date was yesterday

    # This morning's procedures: Turkish (lot A, recalled afterwards) and, when there is one, English (lot B).
    english = next((c for c in valid if c.language == "en"), None)
    turkish = next((c for c in valid if c.language == "tr"), None)
    done = 0
    for consent, lot in ((turkish, "DEMO-2611-A"), (english, "DEMO-2611-B")):
        if consent is None:
            continue
        # the demo clock's own day: a demo built just after local midnight must not plan for the day before
        plan = today_service.plan_procedure(nurse, consent.patient_id, _local_today(ctx), consent.document_id)
        walk_procedure_day(ctx, nurse, urologist, plan.id, made[lot].id, 0.5)
        done += 1
    lots.recall(urologist, made["DEMO-2611-A"].id,
                "Üretici geri çağırması DEMO-RC-01 (kurgusal): endotoksin düzeyi sınırın üzerinde bulundu.")
    lots.receive(nurse, demo_lot("DEMO-2612-Q", today, today + timedelta(days=200)))  # waits in quarantine

    # The patient whose consent has expired is on today's list: his checklist stops at once.
    stopped = today_service.plan_procedure(nurse, expired[0].patient_id, _local_today(ctx), expired[0].document_id)
    state = ChecklistService(ctx).day(nurse, stopped.id)
    demo.notes.append(f"procedures: 6 lots (one recalled after use), {done} procedures with sealed notes, today's "
                      f"checklist {'stopped' if state.stopped else 'open'} for an expired consent")
