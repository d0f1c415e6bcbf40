"""The first treated patients, about six months ago (the demo clock starts 200 days back): five men
registered, their histories, eligible assessments, explanations and consents, one lot received and
released, the five procedures on one morning with sealed notes, and their first week of follow-up as it
happened (the day-1 calls, one with a swelling, the day-7 visits, one missed) and one man lost to follow-up a month later.
Their later visits are entered by step_75. Ends about 145 days ago, before step_60's oldest consent (which
must have expired by now). They join `demo.patient_ids` only in step_75: the consent steps pick their own."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from exoconsult.domain.patient import PatientData

TZ = "Europe/Istanbul"  # the demo clinic's (step_10_clinic)
# (family, given, birth date, preferred language, MRN): the follow-up cohort; step_75 refers to them by MRN
COHORT = (
    ("Karaca", "Murat", (1987, 4, 18), "tr", "DEMO-0101"),
    ("Tekin", "Hasan", (1984, 9, 2), "tr", "DEMO-0102"),
    ("Yavuz", "Ali", (1990, 12, 11), "tr", "DEMO-0103"),
    ("Evans", "Daniel", (1986, 6, 29), "en", "DEMO-0104"),
    ("Sezer", "Burak", (1989, 2, 7), "tr", "DEMO-0105"),
)
LOST = "DEMO-0104"  # stops answering after the first week
MISSED_DAY7 = "DEMO-0103"
SWELLING_DAY1 = "DEMO-0102"
NO_COMPLAINTS = {"ae_pain": False, "ae_swelling_bruising": False, "ae_fever_infection": False, "ae_other": False}


def _local_today(ctx):
    return ctx.clock.now().astimezone(ZoneInfo(TZ)).date()


def record(service, actor, record_id: int, key: str, on, answers: dict) -> None:
    """A visit done on `on` and its record, entered as the follow-up screens do (nothing may be refused)."""
    visit = service.record_visit(actor, record_id, key, on)
    result = service.save_visit(actor, visit.visit_id, answers, visit.row_version)
    if result.refused:
        raise RuntimeError(f"demo follow-up refused: {dict(result.refused)}")


def seed(ctx, demo) -> None:
    from datetime import date

    from exoconsult.services.assessment.assessments import AssessmentService
    from exoconsult.services.demo.step_40_histories import write_history
    from exoconsult.services.demo.step_50_assessments import history_variant
    from exoconsult.services.demo.step_60_consents import DEMO_PROGRAMME, explain, sign_consent
    from exoconsult.services.demo.step_70_procedures import demo_lot, walk_procedure_day
    from exoconsult.services.followup.followup import FollowupService
    from exoconsult.services.history.history import HistoryService
    from exoconsult.services.history.patients import PatientService
    from exoconsult.services.procedure.lots import LotService
    from exoconsult.services.programme.programme import ProgrammeService
    from exoconsult.services.today.today import TodayService

    urologist, nurse = demo.actors.get("urologist"), demo.actors.get("nurse")
    if urologist is None or nurse is None:
        demo.notes.append("treated: no demo staff accounts")
        return
    ProgrammeService(ctx).update(demo.actors["admin"], DEMO_PROGRAMME)  # what these consents print (step_60's)
    patients, histories, assessments = PatientService(ctx), HistoryService(ctx), AssessmentService(ctx)
    cohort: dict[str, tuple[int, str, str]] = {}  # mrn -> (patient id, name, language)
    for n, (family, given, born, lang, mrn) in enumerate(COHORT):
        pid = patients.create(nurse, PatientData(
            family_name=family, given_name=given, birth_date=date(*born), sex="male", mrn=mrn,
            phone=f"+90 532 000 01{n:02d}", preferred_language=lang)).id
        history = history_variant(partner_age_years=30 + n, testis_right_volume_ml=7 + n, testis_left_volume_ml=8 + n)
        write_history(histories, nurse, urologist, pid, history, getattr(demo, "date_shift_days", 0))
        if assessments.run(urologist, pid).verdict != "eligible":
            demo.notes.append("treated: a cohort history was not judged eligible")
            return
        cohort[mrn] = (pid, f"{given} {family}", lang)
    for pid, _, lang in cohort.values():
        explain(ctx, urologist, pid, lang)
    lots = LotService(ctx)
    ctx.clock.advance(days=5)
    received = _local_today(ctx)
    lot = lots.receive(nurse, demo_lot("DEMO-2605-P", received, received + timedelta(days=180)))
    lots.release(urologist, lot.id)
    ctx.clock.advance(days=10)  # the reflection period (14 days by default) has passed
    for pid, name, lang in cohort.values():
        sign_consent(ctx, urologist, nurse, pid, lang, name)
    today_service, followup = TodayService(ctx), FollowupService(ctx)
    records: dict[str, int] = {}
    for mrn, (pid, _, _) in cohort.items():
        plan = today_service.plan_procedure(nurse, pid, _local_today(ctx))
        walk_procedure_day(ctx, nurse, urologist, plan.id, lot.id, 0.5)
        records[mrn] = followup.for_patient(nurse, pid)[-1].record_id
        ctx.clock.advance(minutes=20)
    lots.mark_used_up(nurse, lot.id)
    procedure_day = _local_today(ctx)
    ctx.clock.advance(days=1)  # the day-1 telephone checks: one man has a swollen, bruised scrotum
    for mrn, record_id in records.items():  # (step_85 records it as an adverse event learnt that day)
        answers = {**NO_COMPLAINTS, "ae_swelling_bruising": mrn == SWELLING_DAY1}
        record(followup, nurse, record_id, "day1_call", procedure_day + timedelta(days=1), answers)
    ctx.clock.advance(days=6)  # the day-7 visits
    for mrn, record_id in records.items():
        if mrn != MISSED_DAY7:
            record(followup, urologist, record_id, "day7", procedure_day + timedelta(days=7), {
                **NO_COMPLAINTS, "testis_volume_method": "prader", "scrotal_findings": ["normal"],
                "testis_right_volume_ml": 8, "testis_left_volume_ml": 9})
    ctx.clock.advance(days=4)  # the window has closed
    followup.mark_missed(nurse, records[MISSED_DAY7], "day7",
                         "Gelmedi; telefonla ulaşıldı, şikâyeti yok, iş nedeniyle şehir dışındaydı.")
    ctx.clock.advance(days=29)
    followup.mark_lost(nurse, records[LOST], _local_today(ctx),
                       "Three calls unanswered over two weeks; the reminder letter came back (moved, no new address).")
    demo.treated = records  # MRN -> procedure record id, for step_75
    demo.treated_patient_ids = [pid for pid, _, _ in cohort.values()]  # joins demo.patient_ids in step_75
    demo.notes.append(f"treated: {len(records)} patients treated about six months ago, their first week of "
                      "follow-up (one day-7 visit missed) and one lost to follow-up")
