"""Whole-case clinical vignettes with the verdict, fired rules and missing fields worked out by hand
from spec/eligibility-protocol.md (not recorded from the engine's output)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from exoconsult.rules.model import Protocol
from tests.unit.rules.builders import base_case, fired_ids, missing_fields, panel, run


@dataclass(frozen=True)
class Vignette:
    name: str
    history: dict[str, Any]  # replaces these history keys in the base case (... removes a key)
    outcome: str
    fired: list[str]
    missing: set[str] = field(default_factory=set)
    patient: dict[str, Any] = field(default_factory=dict)
    missing_at_least: bool = False  # True: `missing` must be included, others may be listed too

    def case(self) -> dict[str, Any]:
        data = base_case()
        data["patient"].update(self.patient)
        for key, value in self.history.items():
            if value is ...:
                data["history"].pop(key, None)
            else:
                data["history"][key] = value
        return data


def sa(seen: str, pellet: bool = True, day: str = "2026-06-01", volume: float = 2.6, ph: float = 7.5) -> dict[str, Any]:
    return {"date": day, "volume_ml": volume, "ph": ph, "centrifuged_pellet_examined": pellet, "sperm_seen": seen}


def mtese(day: str, found: bool = False) -> dict[str, Any]:
    return {"date": day, "technique": "micro_tese", "side": "bilateral", "sperm_found": found,
            "histology": "maturation_arrest_early"}


NO_RETRIEVAL = {"sperm_retrieval_attempts": []}
VIGNETTES = [
    Vignette("typical NOA after failed micro-TESE", {}, "eligible", []),
    Vignette("Klinefelter, raised FSH, low-normal T", {"karyotype": "47,XXY", "testis_right_volume_ml": 3,
             "testis_left_volume_ml": 3, "hormone_panels": [panel(fsh=38, lh=20, t=8.5)]},
             "eligible", ["GEN-KLINEFELTER"]),
    Vignette("complete AZFa deletion", {"y_microdeletion": "azfa"}, "ineligible", ["GEN-AZF-COMPLETE"]),
    Vignette("AZFb+c deletion", {"y_microdeletion": "azfbc"}, "ineligible", ["GEN-AZF-COMPLETE"]),
    Vignette("AZFc deletion with grade 2 varicocele", {"y_microdeletion": "azfc", "varicocele": "grade2"},
             "eligible", ["GEN-AZFC", "VARICOCELE"]),
    Vignette("CBAVD with normal FSH and testes, no retrieval", {
        "vas_deferens_palpable": "neither", "cftr": "positive", "hormone_panels": [panel(fsh=4, lh=4, t=18)],
        "testis_right_long_axis_cm": 4.8, "testis_left_long_axis_cm": 4.9, "testis_right_volume_ml": 18,
        "testis_left_volume_ml": 19, **NO_RETRIEVAL}, "ineligible",
        ["OA-CBAVD", "RET-NONE", "GEN-CFTR-POSITIVE", "OA-PATTERN"]),
    Vignette("obstructive pattern, never operated", {
        "hormone_panels": [panel(fsh=5.2, lh=4, t=16)], "testis_right_long_axis_cm": 4.9,
        "testis_left_long_axis_cm": 5.0, "testis_right_volume_ml": 20, "testis_left_volume_ml": 20, **NO_RETRIEVAL},
        "ineligible", ["RET-NONE", "OA-PATTERN"]),
    Vignette("obstructive pattern by Prader volume, axes not measured", {
        "hormone_panels": [panel(fsh=6, lh=4, t=16)], "testis_right_long_axis_cm": ..., "testis_left_long_axis_cm": ...,
        "testis_right_volume_ml": 18, "testis_left_volume_ml": 20, **NO_RETRIEVAL},
        "ineligible", ["RET-NONE", "OA-PATTERN"]),
    Vignette("hypogonadotropic hypogonadism", {"hormone_panels": [panel(fsh=0.4, lh=0.3, t=2.1)],
             "testis_right_volume_ml": 5, "testis_left_volume_ml": 5, **NO_RETRIEVAL},
             "ineligible", ["HH-CENTRAL", "RET-NONE"]),
    Vignette("hypogonadotropic, units from a foreign lab (mIU/mL, ng/dL)", {"hormone_panels": [panel(
        fsh={"value": 1.2, "unit": "mIU/mL"}, lh={"value": 1.0, "unit": "mIU/mL"},
        t={"value": 280, "unit": "ng/dL"})]}, "ineligible", ["HH-CENTRAL"]),
    Vignette("current anabolic steroid user", {"exogenous_testosterone_or_aas": "current",
             "hormone_panels": [panel(fsh=0.5, lh=0.4, t=35)]},
             "ineligible", ["TRT-CURRENT", "HH-LOW-GONADOTROPINS"]),
    Vignette("testosterone stopped 4 months ago", {"exogenous_testosterone_or_aas": "stopped",
             "testosterone_stopped_on": "2026-07-10"}, "ineligible", ["TRT-WASHOUT"]),
    Vignette("testosterone stopped 9 months ago", {"exogenous_testosterone_or_aas": "stopped",
             "testosterone_stopped_on": "2026-02-01"}, "needs_review", ["TRT-RECENT"]),
    Vignette("testosterone stopped 2 years ago", {"exogenous_testosterone_or_aas": "stopped",
             "testosterone_stopped_on": "2024-10-01"}, "eligible", []),
    Vignette("testosterone stopped, date unknown", {"exogenous_testosterone_or_aas": "stopped",
             "testosterone_stopped_on": None}, "incomplete", [], {"testosterone_stopped_on"}),
    Vignette("only one centrifuged analysis", {"semen_analyses": [sa("none")]}, "incomplete", [], {"semen_analyses"}),
    Vignette("two analyses without centrifugation", {"semen_analyses": [sa("none", False), sa("none", False)]},
             "incomplete", [], {"semen_analyses"}),
    Vignette("cryptozoospermia on the second sample", {
        "semen_analyses": [sa("none"), sa("rare_after_centrifugation", day="2026-07-01")]},
        "ineligible", ["AZO-SPERM-SEEN"], {"semen_analyses"}),
    Vignette("no hormone panel yet", {"hormone_panels": ...}, "incomplete", [],
             {"hormone_panels.fsh", "hormone_panels.lh", "hormone_panels.total_testosterone"}),
    Vignette("LH not measured but FSH high", {"hormone_panels": [panel(fsh=24, lh=...)]}, "eligible", []),
    Vignette("genetics not done", {"karyotype": "not_done", "y_microdeletion": "not_done"}, "incomplete", [],
             {"karyotype", "y_microdeletion"}),
    Vignette("no scrotal ultrasound", {"scrotal_ultrasound_done": False, "ultrasound_testicular_mass": ...,
             "ultrasound_microlithiasis": ...}, "incomplete", [],
             {"scrotal_ultrasound_done", "ultrasound_testicular_mass", "ultrasound_microlithiasis"}),
    Vignette("testicular mass on ultrasound", {"ultrasound_testicular_mass": True}, "ineligible", ["US-MASS"]),
    Vignette("microlithiasis in atrophic testes", {"ultrasound_microlithiasis": "limited"}, "needs_review",
             ["US-TM-RISK"]),
    Vignette("isolated microlithiasis, normal volumes", {"ultrasound_microlithiasis": "limited",
             "testis_right_volume_ml": 14, "testis_left_volume_ml": 15}, "needs_review", ["US-TM-RISK"]),
    Vignette("dual antiplatelet after stent, cannot pause", {"antithrombotic": "dual_antiplatelet",
             "antithrombotic_can_pause": False}, "ineligible", ["BLEED-ANTITHROMBOTIC"]),
    Vignette("aspirin that can be paused", {"antithrombotic": "aspirin", "antithrombotic_can_pause": True},
             "eligible", ["BLEED-PAUSE"]),
    Vignette("anticoagulant, pause not yet asked", {"antithrombotic": "anticoagulant"}, "incomplete", [],
             {"antithrombotic_can_pause"}),
    Vignette("17-year-old", {}, "ineligible", ["AGE-MIN"], patient={"birth_date": "2009-01-15"}),
    Vignette("66-year-old", {}, "needs_review", ["AGE-REVIEW"], patient={"birth_date": "1960-05-05"}),
    Vignette("no micro-TESE yet", NO_RETRIEVAL, "ineligible", ["RET-NONE"]),
    # 1.1.0 (the independent review's own vignettes)
    Vignette("micro-TESE found sperm", {"sperm_retrieval_attempts": [mtese("2025-03-10", found=True)]},
             "ineligible", ["RET-SPERM-FOUND"]),
    Vignette("sperm at a TESE in 2022, none at micro-TESE in 2025", {"sperm_retrieval_attempts": [
        {"date": "2022-05-01", "technique": "conventional_tese", "side": "left", "sperm_found": True},
        mtese("2025-03-10")]}, "needs_review", ["RET-EARLIER-SPERM"]),
    Vignette("low testosterone with low-normal FSH and LH", {"hormone_panels": [panel(fsh=1.8, lh=1.6, t=3.3)]},
             "needs_review", ["HH-SECONDARY-REVIEW"]),
    Vignette("low-volume acidic ejaculate", {"semen_analyses": [sa("none", volume=0.6, ph=6.6),
             sa("none", day="2026-07-01", volume=0.8, ph=6.8)]}, "needs_review", ["OA-SEMEN"]),
    Vignette("one vas deferens, CFTR variant", {"vas_deferens_palpable": "right_only", "cftr": "positive"},
             "needs_review", ["GEN-CFTR-POSITIVE", "OA-VAS-ONE-SIDE"]),
    Vignette("obstructive pattern after a failed PESA only", {
        "hormone_panels": [panel(fsh=5.2, lh=4, t=16)], "testis_right_long_axis_cm": 4.9,
        "testis_left_long_axis_cm": 5.0, "sperm_retrieval_attempts": [
            {"date": "2025-01-10", "technique": "pesa", "side": "bilateral", "sperm_found": False}]},
        "ineligible", ["RET-NONE", "OA-PATTERN"]),
    Vignette("aspirin that continues", {"antithrombotic": "aspirin", "antithrombotic_can_pause": False},
             "eligible", ["BLEED-ASPIRIN-CONTINUED"]),
    Vignette("micro-TESE two months ago", {"sperm_retrieval_attempts": [mtese("2026-09-15")]}, "needs_review",
             ["RET-RECENT"]),
    Vignette("two failed micro-TESEs, last 22 months ago",
             {"sperm_retrieval_attempts": [mtese("2023-02-01"), mtese("2025-01-15")]}, "eligible", []),
    Vignette("testicular cancer survivor after chemotherapy", {"testicular_cancer_history": True,
             "chemotherapy": True}, "needs_review", ["ONC-HISTORY"]),
    Vignette("active epididymitis and lidocaine allergy", {"active_genital_infection": True,
             "local_anaesthetic_allergy": True}, "ineligible", ["INF-ACTIVE", "LA-ALLERGY"]),
    Vignette("uncontrolled diabetes, partner not evaluated", {"uncontrolled_systemic_illness": True,
             "partner_evaluated": False}, "needs_review", ["SYS-ILLNESS", "PARTNER"]),
    Vignette("empty history", {k: ... for k in base_case()["history"]}, "incomplete", [],
             {"semen_analyses", "karyotype", "y_microdeletion", "scrotal_ultrasound_done", "hormone_panels.fsh",
              "hormone_panels.total_testosterone", "sperm_retrieval_attempts", "partner_evaluated"},
             missing_at_least=True),
]


def test_there_are_at_least_30_vignettes() -> None:
    assert len(VIGNETTES) >= 30 and len({v.name for v in VIGNETTES}) == len(VIGNETTES)


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.name for v in VIGNETTES])
def test_vignette(protocol: Protocol, vignette: Vignette) -> None:
    result = run(protocol, vignette.case())
    assert result.outcome.value == vignette.outcome
    assert fired_ids(result) == vignette.fired
    missing = set(missing_fields(result))
    if vignette.missing_at_least:
        assert vignette.missing <= missing
    else:
        assert missing == vignette.missing
