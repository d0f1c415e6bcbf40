"""Shared builders for rule tests: a complete case of a typical candidate, and a loaded exo-noa protocol.

The base case is a 38-year-old man with confirmed NOA (two negative centrifuged analyses), raised FSH,
small testes, a failed micro-TESE 20 months ago and a full work-up: exo-noa judges him `eligible` with
nothing fired. Tests change one thing at a time.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from exoconsult.domain.case import parse_case
from exoconsult.rules.engine import Assessment, assess
from exoconsult.rules.model import Protocol

REPO = Path(__file__).resolve().parents[3]
PROTOCOL_DIR = REPO / "forms" / "protocols" / "exo-noa"
TODAY = date(2026, 11, 24)

BASE_CASE: dict[str, Any] = {
    "format": "exoconsult-case/1",
    "assessed_on": "2026-11-24",
    "patient": {"family_name": "Yılmaz", "given_name": "Ahmet", "birth_date": "1988-03-02", "sex": "male",
                "mrn": "A-1001", "preferred_language": "tr"},
    "history": {
        "infertility_duration_months": 36, "infertility_type": "primary",
        "partner_age_years": 33, "partner_evaluated": True,
        "semen_analyses": [
            {"date": "2026-06-01", "volume_ml": 2.8, "ph": 7.6, "abstinence_days": 3,
             "centrifuged_pellet_examined": True, "sperm_seen": "none"},
            {"date": "2026-07-15", "volume_ml": 3.1, "ph": 7.5, "abstinence_days": 4,
             "centrifuged_pellet_examined": True, "sperm_seen": "none"},
        ],
        "hormone_panels": [
            {"date": "2026-07-20", "fsh": {"value": 24.1, "unit": "IU/L"}, "lh": {"value": 11.2, "unit": "IU/L"},
             "total_testosterone": {"value": 10.7, "unit": "nmol/L"}},
        ],
        "testis_volume_method": "prader",
        "testis_right_volume_ml": 8, "testis_left_volume_ml": 9,
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
    },
}


def base_case() -> dict[str, Any]:
    return copy.deepcopy(BASE_CASE)


def with_history(**changes: Any) -> dict[str, Any]:
    """The base case with history keys replaced; a value of ... (Ellipsis) removes the key."""
    data = base_case()
    for key, value in changes.items():
        if value is ...:
            data["history"].pop(key, None)
        else:
            data["history"][key] = value
    return data


def panel(fsh: Any = 24.1, lh: Any = 11.2, t: Any = 10.7, when: str = "2026-07-20") -> dict[str, Any]:
    out: dict[str, Any] = {"date": when}
    for key, value in (("fsh", fsh), ("lh", lh), ("total_testosterone", t)):
        if value is not ...:
            out[key] = value
    return out


def run(protocol: Protocol, data: dict[str, Any], lang: str = "en") -> Assessment:
    return assess(protocol, parse_case(data, today=TODAY), lang=lang)


def fired_ids(result: Assessment) -> list[str]:
    return [f.rule for f in result.fired]


def missing_fields(result: Assessment) -> dict[str, tuple[str, ...]]:
    return {m.field: m.needed_by for m in result.missing}
