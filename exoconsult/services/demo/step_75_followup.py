"""Follow-up at every stage, after the procedure day (the clock is back near now): the month-3 visits of
step_55's patients entered from their visit sheets and laboratory reports — one man with sperm in the
ejaculate (rare, after centrifugation), one whose sperm retrieval elsewhere found sperm, ICSI and a
clinical pregnancy, one visit missed (abroad), one overdue — their month-6 visits now due, one man lost to
follow-up, and this morning's patients' day-1 calls due tomorrow. Visit dates follow the procedure
dates, so the demo reads the same whenever it is built."""

from __future__ import annotations

from datetime import timedelta

from exoconsult.services.demo.step_55_treated import NO_COMPLAINTS, record

MONTH3_COMMON = {**NO_COMPLAINTS, "abstinence_days": 3, "volume_ml": 2.9, "ph": 7.5,
                 "centrifuged_pellet_examined": True, "testis_volume_method": "prader", "scrotal_findings": ["normal"],
                 "ultrasound_findings": ["normal"], "lh": {"value": 10.8, "unit": "IU/L"}}
NO_OUTCOME = {"retrieval_done": False, "icsi_done": False, "clinical_pregnancy": False, "pregnancy_outcome": "none"}


def seed(ctx, demo) -> None:
    from exoconsult.services.followup.followup import FollowupService

    treated = getattr(demo, "treated", None)
    urologist, nurse = demo.actors.get("urologist"), demo.actors.get("nurse")
    if not treated or urologist is None or nurse is None:
        demo.notes.append("follow-up: no treated demo patients")
        return
    demo.patient_ids.extend(getattr(demo, "treated_patient_ids", []))  # the consent steps are done with the list
    service = FollowupService(ctx)
    procedure_dates = {fu.record_id: fu.procedure_date for fu in service.clinic(nurse)}
    day = {mrn: procedure_dates[record_id] for mrn, record_id in treated.items()}
    # Sperm in the ejaculate at month 3: rare, only after centrifugation.
    record(service, urologist, treated["DEMO-0101"], "month3", day["DEMO-0101"] + timedelta(days=95), {
        **MONTH3_COMMON, **NO_OUTCOME, "sperm_seen": "rare_after_centrifugation",
        "fsh": {"value": 19.6, "unit": "IU/L"}, "total_testosterone": {"value": 13.1, "unit": "nmol/L"},
        "testis_right_volume_ml": 8, "testis_left_volume_ml": 9})
    # A micro-TESE elsewhere at two months found sperm; ICSI, embryo transfer and a clinical pregnancy.
    d = day["DEMO-0102"]
    record(service, urologist, treated["DEMO-0102"], "month3", d + timedelta(days=92), {
        **MONTH3_COMMON, "sperm_seen": "none", "fsh": {"value": 21.4, "unit": "mIU/mL"},
        "total_testosterone": {"value": 402, "unit": "ng/dL"}, "testis_right_volume_ml": 8,
        "testis_left_volume_ml": 8, "retrieval_done": True, "retrieval_date": (d + timedelta(days=60)).isoformat(),
        "retrieval_technique": "micro_tese", "retrieval_sperm_found": True, "retrieval_sperm_frozen": True,
        "retrieval_histology": "hypospermatogenesis", "icsi_done": True,
        "icsi_date": (d + timedelta(days=63)).isoformat(), "icsi_fertilisation": True, "icsi_embryo_transfer": True,
        "clinical_pregnancy": True, "clinical_pregnancy_date": (d + timedelta(days=88)).isoformat(),
        "pregnancy_outcome": "none"})
    service.mark_missed(nurse, treated["DEMO-0105"], "month3",
                        "Yurt dışındaydı; 6. ay kontrolüne geleceğini telefonda söyledi.")
    # DEMO-0103's month-3 visit stays overdue (nobody reached him yet); DEMO-0104 is lost to follow-up.
    counts = {}
    for fu in service.clinic(nurse):
        for v in fu.visits:
            counts[v.status] = counts.get(v.status, 0) + 1
    demo.notes.append("follow-up: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
                      + "; outcomes: sperm in the ejaculate (1), sperm at a later retrieval, ICSI and a clinical "
                        "pregnancy (1)")

