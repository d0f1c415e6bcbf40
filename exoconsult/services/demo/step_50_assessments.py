"""Demo assessments: patients showing each verdict of exo-noa, one needs_review resolved to proceed, and one
assessment made stale by a later history edit.

Histories go in through the history service (as the history screens write them: step_40's writer), then a
urologist runs the assessment. step_40 leaves the first seven demo patients to this step. The histories here are also the reference cases of the assessment tests and benchmark.
"""

from __future__ import annotations

import copy
from typing import Any

# A 38-year-old-style work-up with confirmed NOA, raised FSH, small testes, a failed micro-TESE and
# everything exo-noa reads answered: judged eligible with nothing fired.
ELIGIBLE_HISTORY: dict[str, Any] = {
    "infertility_duration_months": 36, "infertility_type": "primary", "partner_age_years": 33,
    "partner_evaluated": True,
    "semen_analyses": [
        {"date": "2026-06-01", "volume_ml": 2.8, "ph": 7.6, "abstinence_days": 3,
         "centrifuged_pellet_examined": True, "sperm_seen": "none"},
        {"date": "2026-07-15", "volume_ml": 3.1, "ph": 7.5, "abstinence_days": 4,
         "centrifuged_pellet_examined": True, "sperm_seen": "none"},
    ],
    "hormone_panels": [
        {"date": "2026-07-20", "fsh": {"value": 24.1, "unit": "IU/L"}, "lh": {"value": 11.2, "unit": "IU/L"},
         "total_testosterone": {"value": 310, "unit": "ng/dL"}},
    ],
    "testis_volume_method": "prader", "testis_right_volume_ml": 8, "testis_left_volume_ml": 9,
    "testis_right_long_axis_cm": 3.5, "testis_left_long_axis_cm": 3.6,
    "vas_deferens_palpable": "both", "varicocele": "none",
    "scrotal_ultrasound_done": True, "ultrasound_testicular_mass": False, "ultrasound_microlithiasis": "none",
    "karyotype": "46,XY", "y_microdeletion": "none", "cftr": "not_done",
    "sperm_retrieval_attempts": [
        {"date": "2025-03-10", "technique": "micro_tese", "side": "bilateral", "sperm_found": False,
         "histology": "sertoli_cell_only"},
    ],
    "cryptorchidism": "none", "mumps_orchitis": False, "chemotherapy": False, "radiotherapy": False,
    "testicular_torsion": False, "testicular_cancer_history": False,
    "exogenous_testosterone_or_aas": "never", "antithrombotic": "none", "bleeding_disorder": False,
    "local_anaesthetic_allergy": False, "active_genital_infection": False, "active_malignancy": False,
    "uncontrolled_systemic_illness": False,
}


def history_variant(**changes: Any) -> dict[str, Any]:
    """The eligible history with some answers replaced; a value of ... removes the answer."""
    history = copy.deepcopy(ELIGIBLE_HISTORY)
    for key, value in changes.items():
        if value is ...:
            history.pop(key, None)
        else:
            history[key] = value
    return history


# verdict the demo shows -> the history that produces it
DEMO_HISTORIES: dict[str, dict[str, Any]] = {
    "eligible": history_variant(),
    "eligible_with_caution": history_variant(varicocele="grade2", y_microdeletion="azfc"),
    "needs_review": history_variant(karyotype="other_abnormal"),
    "needs_review_resolved": history_variant(local_anaesthetic_allergy=True),
    "ineligible": history_variant(y_microdeletion="azfa"),
    "incomplete": history_variant(y_microdeletion="not_done", scrotal_ultrasound_done=..., ultrasound_testicular_mass=...),
    "stale": history_variant(),
}

# Written by the clinic's urologist, in Turkish (free text prints as written, in any document language).
RESOLUTION_REASON = ("Lidokain alerjisi yalnızca döküntü olarak doğrulandı; anestezi uzmanı izlem altında "
                     "artikain planlıyor, işlem yapılabilir.")


def seed(ctx, demo) -> None:
    from exoconsult.services.assessment.assessments import AssessmentService
    from exoconsult.services.demo.step_40_histories import (
        DEMO_NURSE,
        DEMO_UROLOGIST,
        FIRST_PATIENT,
        write_history,
    )
    from exoconsult.services.history.history import HistoryService
    from exoconsult.services.history.history_dto import FieldChange

    nurse = demo.actors.get("nurse", DEMO_NURSE)
    urologist = demo.actors.get("urologist", DEMO_UROLOGIST)
    history_service, assessments = HistoryService(ctx), AssessmentService(ctx)
    mine = demo.patient_ids[:FIRST_PATIENT]
    if len(mine) < len(DEMO_HISTORIES):
        demo.notes.append("assessments: not enough demo patients for every verdict")
        return
    for pid, (label, history) in zip(mine, DEMO_HISTORIES.items(), strict=False):
        write_history(history_service, nurse, urologist, pid, history, getattr(demo, "date_shift_days", 0))
        assessment = assessments.run(urologist, pid)
        if label == "needs_review_resolved":
            assessments.resolve(urologist, assessment.id, "proceed", RESOLUTION_REASON)
        if label == "stale":
            # the partner's age is corrected after the assessment: the assessment shown is now stale
            history_service.save_fields(nurse, pid, [FieldChange("partner_age_years", 34, base_value=33)])
    # step_40's patients with a history get their verdict too, so the patient list shows a spread
    others = 0
    for pid in demo.patient_ids[FIRST_PATIENT:]:
        if history_service.get(urologist, pid).version:
            assessments.run(urologist, pid)
            others += 1
    demo.notes.append(f"assessments: {len(DEMO_HISTORIES)} patients showing every verdict (one review resolved "
                      f"to proceed, one stale after a history edit), and {others} more")
