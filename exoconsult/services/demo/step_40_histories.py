"""Demo histories for the patients step_50 (assessments) does not use: every section of the
questionnaire, every hormone unit (testosterone in nmol/L, ng/dL and ng/mL; FSH/LH in IU/L and mIU/mL;
prolactin, estradiol and AMH in both of theirs), null answers ("asked, not known"), and a spread of
pictures (eligible, needs review, ineligible, incomplete, nothing captured yet).

Entered as the screens enter them: the nurse captures the sections open to nurses, the urologist the
rest, through the history service (so everything is audited like real work).
"""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from typing import Any

from exoconsult.domain.people import Actor, Role

FIRST_PATIENT = 7  # step_50_assessments takes the first seven demo patients

_NEGATIVE_SEMEN = [
    {"date": "2026-05-04", "volume_ml": 2.5, "ph": 7.4, "abstinence_days": 3, "centrifuged_pellet_examined": True,
     "sperm_seen": "none"},
    {"date": "2026-06-22", "volume_ml": 3.0, "ph": 7.6, "abstinence_days": 5, "centrifuged_pellet_examined": True,
     "sperm_seen": "none"},
]
_NEGATIVE_UNREMARKABLE: dict[str, Any] = {
    "infertility_duration_months": 30, "infertility_type": "primary", "partner_age_years": 31,
    "partner_evaluated": True, "semen_analyses": _NEGATIVE_SEMEN,
    "hormone_panels": [
        {"date": "2026-06-25", "fsh": {"value": 21.5, "unit": "mIU/mL"}, "lh": {"value": 9.8, "unit": "mIU/mL"},
         "total_testosterone": {"value": 13.2, "unit": "nmol/L"}, "prolactin": {"value": 212, "unit": "mIU/L"},
         "estradiol": {"value": 95.5, "unit": "pmol/L"}, "inhibin_b": {"value": 18, "unit": "pg/mL"},
         "amh": {"value": 21.4, "unit": "pmol/L"}},
    ],
    "cryptorchidism": "none", "mumps_orchitis": False, "chemotherapy": False, "radiotherapy": False,
    "testicular_torsion": False, "testicular_cancer_history": False, "exogenous_testosterone_or_aas": "never",
    "antithrombotic": "none",
    "testis_volume_method": "prader", "testis_right_volume_ml": 10, "testis_left_volume_ml": 8,
    "testis_right_long_axis_cm": 3.6, "testis_left_long_axis_cm": 3.3, "vas_deferens_palpable": "both",
    "varicocele": "grade1", "scrotal_ultrasound_done": True, "ultrasound_testicular_mass": False,
    "ultrasound_microlithiasis": "none",
    "karyotype": "46,XY", "y_microdeletion": "none", "cftr": "negative",
    "sperm_retrieval_attempts": [
        {"date": "2025-11-18", "technique": "micro_tese", "side": "bilateral", "sperm_found": False,
         "histology": "sertoli_cell_only"},
    ],
    "bleeding_disorder": False, "local_anaesthetic_allergy": False, "active_genital_infection": False,
    "active_malignancy": False, "uncontrolled_systemic_illness": False,
}


def variant(**changes: Any) -> dict[str, Any]:
    """The unremarkable NOA history with answers replaced; `...` removes an answer."""
    history = copy.deepcopy(_NEGATIVE_UNREMARKABLE)
    for key, value in changes.items():
        if value is ...:
            history.pop(key, None)
        else:
            history[key] = value
    return history


def _panel(when: str, fsh, lh, testosterone, **more) -> dict[str, Any]:
    panel = {"date": when, "fsh": {"value": fsh[0], "unit": fsh[1]}, "lh": {"value": lh[0], "unit": lh[1]},
             "total_testosterone": {"value": testosterone[0], "unit": testosterone[1]}}
    panel.update({k: {"value": v[0], "unit": v[1]} for k, v in more.items()})
    return panel


_NURSE_ONLY = ("infertility_duration_months", "infertility_type", "partner_age_years", "partner_evaluated",
               "semen_analyses", "hormone_panels", "cryptorchidism", "mumps_orchitis", "exogenous_testosterone_or_aas",
               "antithrombotic")

# (label shown in the demo notes, history); one per patient from FIRST_PATIENT on, in order.
DEMO_HISTORIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("eligible: units nmol/L, mIU/mL, mIU/L, pmol/L", variant()),
    ("needs review: ultrasound method, microlithiasis with cryptorchidism, two panels in ng/dL and IU/L", variant(
        testis_volume_method="ultrasound", testis_right_volume_ml=7.4, testis_left_volume_ml=6.9,
        cryptorchidism="unilateral", ultrasound_microlithiasis="limited",
        hormone_panels=[_panel("2025-12-02", (18.0, "IU/L"), (8.1, "IU/L"), (295, "ng/dL")),
                        _panel("2026-07-01", (19.6, "IU/L"), (8.9, "mIU/mL"), (330, "ng/dL"),
                               prolactin=(9.5, "ng/mL"), estradiol=(24, "pg/mL"), amh=(1.9, "ng/mL"))],
        sperm_retrieval_attempts=[{"date": "2025-09-09", "technique": "micro_tese", "side": "bilateral",
                                   "sperm_found": False, "histology": "maturation_arrest_late"}])),
    ("ineligible: anabolic steroids stopped 3 months ago, anticoagulant that cannot be paused, T in ng/mL", variant(
        exogenous_testosterone_or_aas="stopped", testosterone_stopped_on="2026-08-20",
        antithrombotic="anticoagulant", antithrombotic_can_pause=False,
        hormone_panels=[_panel("2026-09-15", (3.1, "IU/L"), (1.2, "IU/L"), (2.4, "ng/mL"))])),
    ("needs review: aged over 60; aspirin that can be paused", variant(
        antithrombotic="aspirin", antithrombotic_can_pause=True, partner_age_years=44)),
    ("incomplete: only the nurse's sections captured so far", {k: v for k, v in variant().items() if k in _NURSE_ONLY}),
    ("ineligible: cryptozoospermia (sperm after centrifugation), later sperm present", variant(
        semen_analyses=[{**_NEGATIVE_SEMEN[0], "sperm_seen": "rare_after_centrifugation"},
                        {**_NEGATIVE_SEMEN[1], "sperm_seen": "present", "concentration_million_per_ml": 0.1}])),
    ("ineligible: vas deferens absent on both sides (CBAVD), CFTR positive, normal FSH", variant(
        vas_deferens_palpable="neither", cftr="positive", testis_right_volume_ml=18, testis_left_volume_ml=17,
        hormone_panels=[_panel("2026-06-10", (4.2, "IU/L"), (3.9, "IU/L"), (16.5, "nmol/L"))],
        sperm_retrieval_attempts=[])),
    ("eligible with cautions: Klinefelter 47,XXY, failed micro-TESE, varicocele grade 2", variant(
        karyotype="47,XXY", varicocele="grade2", testis_right_volume_ml=3, testis_left_volume_ml=3.5,
        hormone_panels=[_panel("2026-04-12", (38.2, "IU/L"), (22.4, "IU/L"), (240, "ng/dL"),
                               estradiol=(41, "pg/mL"), inhibin_b=(10, "pg/mL"))],
        sperm_retrieval_attempts=[{"date": "2024-10-01", "technique": "micro_tese", "side": "bilateral",
                                   "sperm_found": False, "histology": "tubular_hyalinization"}])),
    ("ineligible: central hypogonadism (low FSH, LH and testosterone)", variant(
        hormone_panels=[_panel("2026-08-08", (0.8, "mIU/mL"), (0.5, "mIU/mL"), (2.1, "nmol/L"),
                               prolactin=(14, "ng/mL"))])),
    ("needs review: treated testicular cancer (chemotherapy and radiotherapy)", variant(
        testicular_cancer_history=True, chemotherapy=True, radiotherapy=True, testis_left_volume_ml=1.5,
        testis_left_long_axis_cm=..., cftr="not_done")),
    ("incomplete: a minor; first visit, little captured", {
        "infertility_duration_months": 0, "infertility_type": "primary", "partner_evaluated": False,
        "cryptorchidism": "bilateral", "mumps_orchitis": None}),
    ("needs review: micro-TESE two months ago, mumps orchitis, torsion; partner's age not known", variant(
        mumps_orchitis=True, testicular_torsion=True, partner_age_years=None,
        sperm_retrieval_attempts=[
            {"date": "2023-02-14", "technique": "conventional_tese", "side": "left", "sperm_found": False,
             "histology": "hypospermatogenesis"},
            {"date": "2026-09-20", "technique": "micro_tese", "side": "bilateral", "sperm_found": False,
             "histology": "mixed"},
            {"date": "2022-06-01", "technique": "tesa", "side": "right", "sperm_found": False,
             "histology": "not_available"}])),
    # protocol 1.1.0's new rules, one patient each
    ("ineligible: micro-TESE found sperm (RET-SPERM-FOUND)", variant(
        sperm_retrieval_attempts=[{"date": "2025-11-05", "technique": "micro_tese", "side": "bilateral",
                                   "sperm_found": True, "histology": "hypospermatogenesis"}])),
    ("needs review: low testosterone with low-normal FSH and LH (HH-SECONDARY-REVIEW), T in ng/dL", variant(
        hormone_panels=[_panel("2026-07-14", (1.8, "IU/L"), (1.6, "IU/L"), (95, "ng/dL"), prolactin=(11, "ng/mL"))])),
    ("needs review: low-volume acidic ejaculate (OA-SEMEN), one vas deferens (OA-VAS-ONE-SIDE)", variant(
        vas_deferens_palpable="right_only",
        semen_analyses=[{**_NEGATIVE_SEMEN[0], "volume_ml": 0.6, "ph": 6.6},
                        {**_NEGATIVE_SEMEN[1], "volume_ml": 0.8, "ph": 6.8}])),
    # The last demo patient has no history yet: a new referral.
)

DEMO_NURSE = Actor(user_id=0, username="demo", display_name="Demo nurse", role=Role.NURSE)
DEMO_UROLOGIST = Actor(user_id=0, username="demo", display_name="Demo urologist", role=Role.UROLOGIST)


def _check(result, what: str) -> None:
    if not result.ok:  # demo data must be valid; name the paths only (never the values)
        paths = [c.path for c in result.conflicts] + [p.path for p in result.problems]
        raise RuntimeError(f"demo history {what} was refused at {', '.join(paths)}")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def shift_dates(value: Any, days: int) -> Any:
    """The demo's clock runs in the past (step_05_clock); its history dates move with it so that every
    interval, and so every verdict, is the same as if it were entered today."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    if isinstance(value, dict):
        return {k: shift_dates(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [shift_dates(v, days) for v in value]
    return value


def write_history(service, nurse: Actor, urologist: Actor, patient_id: int, history: dict[str, Any],
                  shift_days: int = 0) -> None:
    """Enter a case `history` block as the screens do: each section by a role allowed to capture it."""
    from exoconsult.services.history.history_dto import FieldChange

    history = shift_dates(history, shift_days)

    q = service.questionnaire()
    by_actor: dict[str, list[FieldChange]] = {"nurse": [], "urologist": []}
    for key, value in history.items():
        if isinstance(value, list):
            continue
        section = q.section_for(key)
        who = "nurse" if section is not None and section.may_capture(Role.NURSE) else "urologist"
        by_actor[who].append(FieldChange(key, value))
    for who, actor in (("nurse", nurse), ("urologist", urologist)):
        if by_actor[who]:
            _check(service.save_fields(actor, patient_id, by_actor[who]), who)
    for group, entries in history.items():
        if not isinstance(entries, list):
            continue
        section = q.repeat_section(group)
        actor = nurse if section is not None and section.may_capture(Role.NURSE) else urologist
        if not entries:  # asked, and there are none (e.g. no retrieval ever attempted)
            _check(service.save_fields(actor, patient_id, [FieldChange(group, [])]), group)
        for entry in entries:
            row_key, _ = service.add_row(actor, patient_id, group)
            _check(service.save_fields(actor, patient_id, [FieldChange(f"{group}/{row_key}/{k}", v)
                                                           for k, v in entry.items()]), group)


def seed(ctx, demo) -> None:
    from exoconsult.services.history.history import HistoryService

    service = HistoryService(ctx)
    nurse = demo.actors.get("nurse", DEMO_NURSE)
    urologist = demo.actors.get("urologist", DEMO_UROLOGIST)
    targets = demo.patient_ids[FIRST_PATIENT:FIRST_PATIENT + len(DEMO_HISTORIES)]
    for patient_id, (_label, history) in zip(targets, DEMO_HISTORIES, strict=False):
        write_history(service, nurse, urologist, patient_id, history, getattr(demo, "date_shift_days", 0))
    demo.notes.append(f"histories: {len(targets)} more patients with histories covering every section and unit")
