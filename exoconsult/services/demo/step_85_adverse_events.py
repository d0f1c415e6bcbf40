"""Adverse events in the demo, after the procedures and their follow-up: this morning's patient who
received the lot recalled later in the day (step_70) rang in the afternoon with fever and was admitted — a
serious event whose report is sealed in Turkish and English and sent to the manufacturer, the ethics
committee and the health authority; the other patient of the morning had a vasovagal reaction on the
table; and, when the follow-up cohort exists (step_55), one man's swelling found at the day-1 call and
recovered by the day-7 visit. Everything goes through the real use cases; the clinical story is invented."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from exoconsult.services.adverse_events.ae_dto import AdverseEventInput, AssessmentInput, SendingInput

TZ = "Europe/Istanbul"  # the demo clinic's (step_10_clinic)
FEVER = AdverseEventInput(
    onset_date=None, term="infection", source="telephone",  # type: ignore[arg-type]
    description="Akşam 38,9 °C ateş ve titreme, sol hemiskrotumda kızarıklık ve hassasiyet; acile çağrıldı. "
                "Kan kültürü alındı. Aynı gün, kullanılan lot üretici tarafından geri çağrıldı (endotoksin).",
    assessment=AssessmentInput(grade=3, serious_criteria=("hospitalisation",), relatedness="probable", expected=True,
                               outcome="recovering", action_taken="Yatırıldı; IV antibiyotik (seftriakson), "
                                                                  "skrotal destek, parasetamol"))
FAINT = AdverseEventInput(
    onset_date=None, term="vasovagal", source="procedure_day",  # type: ignore[arg-type]
    description="Felt faint with pallor and sweating just after the right-sided cord block; lay flat, legs raised; "
                "recovered within 5 minutes; the procedure was completed.",
    assessment=AssessmentInput(grade=1, serious_criteria=(), relatedness="certain", expected=True,
                               outcome="recovered", action_taken="Supine position, legs raised, observation"))
SENDINGS = (("manufacturer", "Demo Biologics Ltd. – farmakovijilans (kurgusal)", "email", "en"),
            ("ethics_committee", "Demo Klinik Araştırmalar Etik Kurulu (kurgusal)", "hand", "tr"),
            ("health_authority", "Sağlık Bakanlığı bildirim portalı (kurgusal)", "portal", "tr"))


def _today(ctx):
    return ctx.clock.now().astimezone(ZoneInfo(TZ)).date()


def _step(ctx, demo, minutes: int) -> None:
    """Move the demo clock on, never past the real now."""
    real = getattr(demo, "real_clock", ctx.clock).now()
    if real - ctx.clock.now() > timedelta(minutes=minutes + 1):
        ctx.clock.advance(minutes=minutes)


def _morning_patients(ctx, urologist, patient_ids):
    """(patient id, lot number) of everyone treated today, from their procedure days."""
    from exoconsult.services.procedure.checklist import ChecklistService
    from exoconsult.services.procedure.lots import LotService

    checklist, lots, today = ChecklistService(ctx), LotService(ctx), _today(ctx)
    found = []
    for pid in patient_ids:
        days = [d for d in checklist.for_patient(urologist, pid) if d.record_id and d.planned_on == today]
        if days:
            found.append((pid, lots.get(urologist, days[0].lot_id).lot_number))
    return found


def seed(ctx, demo) -> None:
    from dataclasses import replace

    from exoconsult.services.adverse_events.events import AdverseEventService
    from exoconsult.services.adverse_events.sae_report import SaeReportService

    urologist, nurse = demo.actors.get("urologist"), demo.actors.get("nurse")
    if urologist is None or nurse is None:
        demo.notes.append("adverse events: no demo staff accounts")
        return
    events, reports, today = AdverseEventService(ctx), SaeReportService(ctx), _today(ctx)
    morning = _morning_patients(ctx, urologist, demo.patient_ids)
    made, serious = 0, 0
    for pid, lot in morning:
        if lot == "DEMO-2611-A" and not serious:  # the recalled lot
            _step(ctx, demo, 20)
            event = events.record(nurse, pid, replace(FEVER, onset_date=today))
            _step(ctx, demo, 10)
            english = reports.issue(urologist, event.id, "en")
            turkish = reports.issue(urologist, event.id, "tr")
            for recipient, addressee, channel, language in SENDINGS:
                _step(ctx, demo, 5)
                document = english if language == "en" else turkish
                reports.record_sending(nurse, document.document_id, SendingInput(recipient, addressee, channel, today))
            serious += 1
        else:
            events.record(nurse, pid, replace(FAINT, onset_date=today,
                                              assessment=replace(FAINT.assessment, outcome_date=today)))
        made += 1
    made += _cohort_event(ctx, demo, events, urologist, nurse)
    demo.notes.append(f"adverse events: {made} recorded, {serious} serious with its report sealed in Turkish and "
                      f"English and sent to the manufacturer, the ethics committee and the health authority")


def _cohort_event(ctx, demo, events, urologist, nurse) -> int:
    """A swelling at the day-1 call of the first treated men (step_55), recovered by day 7."""
    from exoconsult.services.procedure.checklist import ChecklistService

    record_id = getattr(demo, "treated", {}).get("DEMO-0102")
    for pid in getattr(demo, "treated_patient_ids", []):
        days = [d for d in ChecklistService(ctx).for_patient(urologist, pid) if d.record_id == record_id]
        if not days:
            continue
        day0 = days[0].planned_on
        first = AssessmentInput(grade=1, serious_criteria=(), relatedness="probable", expected=True,
                                outcome="recovering", action_taken="Soğuk uygulama, skrotal destek önerildi")
        event = events.record(nurse, pid, AdverseEventInput(
            onset_date=day0, term="swelling", source="telephone", learnt_on=day0 + timedelta(days=1),
            description="1. gün telefon kontrolünde sol skrotumda hafif şişlik ve morarma bildirdi; ateş yok.",
            assessment=first))
        events.follow_up(urologist, event.id, AssessmentInput(
            grade=1, serious_criteria=(), relatedness="probable", expected=True, outcome="recovered",
            outcome_date=day0 + timedelta(days=6), known_on=day0 + timedelta(days=7),
            note="7. gün muayenesinde şişlik geçmiş."))
        return 1
    return 0
