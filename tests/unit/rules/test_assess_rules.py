"""Every exo-noa rule: one case where it fires and one just across its threshold where it does not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from exoconsult.rules.model import Protocol, RuleOutcome
from tests.unit.rules.builders import base_case, fired_ids, missing_fields, panel, run, with_history

Case = dict[str, Any]


def born(day: str) -> Case:
    data = base_case()
    data["patient"]["birth_date"] = day
    return data


def semen(*seen: str, pellet: bool = True) -> list[dict[str, Any]]:
    return [{"date": f"2026-0{6 + i}-01", "centrifuged_pellet_examined": pellet, "sperm_seen": s}
            for i, s in enumerate(seen)]


def attempt(technique: str = "micro_tese", when: str = "2025-03-10", found: bool = False) -> dict[str, Any]:
    return {"date": when, "technique": technique, "side": "bilateral", "sperm_found": found,
            "histology": "sertoli_cell_only"}


def semen_values(volume: float | None, ph: float | None,
                 other: tuple[float | None, float | None] | None = None) -> Case:
    """Two negative centrifuged analyses; the first with this volume and pH, the second with `other`'s."""
    rows = semen("none", "none")
    for row, (v, p) in zip(rows, ((volume, ph), other or (2.5, 7.5)), strict=True):
        row.update({k: x for k, x in (("volume_ml", v), ("ph", p)) if x is not None})
    return with_history(semen_analyses=rows)


def obstructive(fsh: float = 7.6, right: float = 4.7, left: float = 4.7, **extra: Any) -> Case:
    changes: dict[str, Any] = {"sperm_retrieval_attempts": [], **extra}
    return with_history(hormone_panels=[panel(fsh=fsh)], testis_right_long_axis_cm=right,
                        testis_left_long_axis_cm=left, **changes)


def stopped(on: str) -> Case:
    return with_history(exogenous_testosterone_or_aas="stopped", testosterone_stopped_on=on)


def tm(right: float = 12, left: float = 12, micro: str = "limited", crypt: str = "none") -> Case:
    return with_history(ultrasound_microlithiasis=micro, testis_right_volume_ml=right, testis_left_volume_ml=left,
                        cryptorchidism=crypt)


# (rule, builder of a case where it fires, builder of the nearest case where it does not)
CASES: list[tuple[str, Callable[[], Case], Callable[[], Case]]] = [
    ("AGE-MIN", lambda: born("2008-11-25"), lambda: born("2008-11-24")),  # 17 vs 18 on 2026-11-24
    ("AGE-REVIEW", lambda: born("1965-11-24"), lambda: born("1965-11-25")),  # 61 vs 60
    ("AZO-SPERM-SEEN", lambda: with_history(semen_analyses=semen("none", "rare_after_centrifugation")),
     lambda: with_history(semen_analyses=semen("none", "none"))),
    ("AZO-SPERM-SEEN", lambda: with_history(semen_analyses=semen("present")),
     lambda: with_history(semen_analyses=semen("none", "none", "none"))),
    ("AZO-CONFIRMED", lambda: with_history(semen_analyses=semen("none") + semen("none", pellet=False)),
     lambda: with_history(semen_analyses=semen("none", "none"))),
    ("OA-CBAVD", lambda: with_history(vas_deferens_palpable="neither"),
     lambda: with_history(vas_deferens_palpable="left_only")),
    ("OA-PATTERN", lambda: obstructive(fsh=7.6), lambda: obstructive(fsh=7.7)),
    ("OA-PATTERN", lambda: obstructive(right=4.7), lambda: obstructive(right=4.6)),
    ("OA-PATTERN", lambda: obstructive(right=..., left=..., testis_right_volume_ml=15, testis_left_volume_ml=15),
     lambda: obstructive(right=..., left=..., testis_right_volume_ml=15, testis_left_volume_ml=14.9)),
    ("OA-PATTERN", lambda: obstructive(sperm_retrieval_attempts=[attempt("tesa", found=True)]),
     lambda: obstructive(sperm_retrieval_attempts=[attempt("tesa", found=False)])),
    # 1.1.0: a failed PESA/MESA does not rule obstruction out; a failed testicular retrieval does
    ("OA-PATTERN", lambda: obstructive(sperm_retrieval_attempts=[attempt("pesa", found=False)]),
     lambda: obstructive(sperm_retrieval_attempts=[attempt("conventional_tese", found=False)])),
    ("OA-PATTERN", lambda: obstructive(sperm_retrieval_attempts=[attempt("mesa", found=False)]),
     lambda: obstructive(sperm_retrieval_attempts=[attempt("mesa", found=False), attempt("tesa", found=False)])),
    ("OA-SEMEN", lambda: semen_values(0.9, 6.9), lambda: semen_values(1.0, 6.9)),  # volume at the limit
    ("OA-SEMEN", lambda: semen_values(0.9, 6.9), lambda: semen_values(0.9, 7.0)),  # pH at the limit
    ("OA-SEMEN", lambda: semen_values(0.5, 6.5, other=(None, 6.8)), lambda: semen_values(2.0, 6.5, other=(0.5, None))),
    ("OA-SEMEN", lambda: semen_values(0.4, 6.2, other=(None, None)), lambda: semen_values(2.0, 7.5, other=(None, None))),
    ("OA-VAS-ONE-SIDE", lambda: with_history(vas_deferens_palpable="left_only"),
     lambda: with_history(vas_deferens_palpable="both")),
    ("OA-VAS-ONE-SIDE", lambda: with_history(vas_deferens_palpable="right_only"),
     lambda: with_history(vas_deferens_palpable="neither")),
    ("HORM-PANEL", lambda: with_history(hormone_panels=[panel(t=...)]), lambda: with_history(hormone_panels=[panel()])),
    ("HORM-PANEL", lambda: with_history(hormone_panels=[]), lambda: with_history(hormone_panels=[panel(lh=...)])),
    ("HH-CENTRAL", lambda: with_history(hormone_panels=[panel(fsh=1.4, lh=1.4, t=10.3)]),
     lambda: with_history(hormone_panels=[panel(fsh=1.4, lh=1.4, t=10.4)])),
    ("HH-CENTRAL", lambda: with_history(hormone_panels=[panel(fsh=1.4, lh=1.4, t=3)]),
     lambda: with_history(hormone_panels=[panel(fsh=1.4, lh=1.5, t=3)])),
    ("HH-LOW-GONADOTROPINS", lambda: with_history(hormone_panels=[panel(fsh=1.4, lh=1.4, t=10.4)]),
     lambda: with_history(hormone_panels=[panel(fsh=1.5, lh=1.4, t=10.4)])),
    # the review's man: T 3.3 nmol/L, FSH 1.8, LH 1.6 IU/L passed 1.0.0 without a word
    ("HH-SECONDARY-REVIEW", lambda: with_history(hormone_panels=[panel(fsh=1.8, lh=1.6, t=3.3)]),
     lambda: with_history(hormone_panels=[panel(fsh=1.4, lh=1.4, t=3.3)])),  # HH-CENTRAL fires instead
    ("HH-SECONDARY-REVIEW", lambda: with_history(hormone_panels=[panel(fsh=3.0, lh=3.0, t=10.3)]),
     lambda: with_history(hormone_panels=[panel(fsh=3.1, lh=3.0, t=10.3)])),
    ("HH-SECONDARY-REVIEW", lambda: with_history(hormone_panels=[panel(fsh=2.0, lh=3.0, t=10.3)]),
     lambda: with_history(hormone_panels=[panel(fsh=2.0, lh=3.1, t=10.3)])),
    ("HH-SECONDARY-REVIEW", lambda: with_history(hormone_panels=[panel(fsh=2.0, lh=2.0, t=10.3)]),
     lambda: with_history(hormone_panels=[panel(fsh=2.0, lh=2.0, t=10.4)])),
    ("HH-SECONDARY-REVIEW", lambda: with_history(hormone_panels=[panel(  # units: 290 ng/dL = 10.06 nmol/L
        fsh={"value": 2.5, "unit": "mIU/mL"}, lh={"value": 2.5, "unit": "mIU/mL"}, t={"value": 290, "unit": "ng/dL"})]),
     lambda: with_history(hormone_panels=[panel(
         fsh={"value": 2.5, "unit": "mIU/mL"}, lh={"value": 2.5, "unit": "mIU/mL"}, t={"value": 300, "unit": "ng/dL"})])),
    ("TRT-CURRENT", lambda: with_history(exogenous_testosterone_or_aas="current"),
     lambda: with_history(exogenous_testosterone_or_aas="never")),
    ("TRT-WASHOUT", lambda: stopped("2026-05-25"), lambda: stopped("2026-05-24")),  # 5 vs 6 whole months
    ("TRT-RECENT", lambda: stopped("2025-11-25"), lambda: stopped("2025-11-24")),  # 11 vs 12 months
    ("TRT-RECENT", lambda: stopped("2026-05-24"), lambda: stopped("2026-05-25")),  # 6 (review) vs 5 (washout)
    ("GEN-KARYOTYPE-DONE", lambda: with_history(karyotype="not_done"), lambda: with_history(karyotype="46,XY")),
    ("GEN-YCMD-DONE", lambda: with_history(y_microdeletion="not_done"), lambda: with_history(y_microdeletion="none")),
    *[("GEN-AZF-COMPLETE", (lambda v=v: with_history(y_microdeletion=v)), lambda: with_history(y_microdeletion="azfc"))
      for v in ("azfa", "azfb", "azfbc", "azfabc")],
    ("GEN-CFTR-POSITIVE", lambda: with_history(cftr="positive"), lambda: with_history(cftr="negative")),
    ("GEN-CFTR-POSITIVE", lambda: with_history(cftr="positive"), lambda: with_history(cftr=...)),  # absent = not done
    ("GEN-AZFC", lambda: with_history(y_microdeletion="azfc"), lambda: with_history(y_microdeletion="none")),
    ("GEN-AZFC", lambda: with_history(y_microdeletion="partial"), lambda: with_history(y_microdeletion="azfb")),
    ("GEN-KLINEFELTER", lambda: with_history(karyotype="47,XXY"), lambda: with_history(karyotype="46,XY")),
    ("GEN-KLINEFELTER", lambda: with_history(karyotype="mosaic_klinefelter"),
     lambda: with_history(karyotype="other_abnormal")),
    ("GEN-OTHER", lambda: with_history(karyotype="other_abnormal"), lambda: with_history(karyotype="47,XXY")),
    ("RET-NONE", lambda: with_history(sperm_retrieval_attempts=[]),
     lambda: with_history(sperm_retrieval_attempts=[attempt()])),
    ("RET-NONE", lambda: with_history(sperm_retrieval_attempts=[attempt("conventional_tese")]),
     lambda: with_history(sperm_retrieval_attempts=[attempt("conventional_tese"), attempt()])),
    ("RET-NONE", lambda: with_history(sperm_retrieval_attempts=[attempt("pesa"), attempt("tesa")]),
     lambda: with_history(sperm_retrieval_attempts=[attempt("pesa"), attempt(when="2024-02-02")])),
    ("RET-SPERM-FOUND", lambda: with_history(sperm_retrieval_attempts=[attempt(found=True)]),
     lambda: with_history(sperm_retrieval_attempts=[attempt(found=False)])),
    ("RET-SPERM-FOUND", lambda: with_history(sperm_retrieval_attempts=[
        attempt(when="2024-01-01"), attempt("tesa", when="2025-06-01", found=True)]),
     lambda: with_history(sperm_retrieval_attempts=[  # the later one is a PESA: not testicular
         attempt(when="2024-01-01"), attempt("pesa", when="2025-06-01", found=True)])),
    ("RET-SPERM-FOUND", lambda: with_history(sperm_retrieval_attempts=[
        attempt(when="2024-01-01"), attempt("conventional_tese", when="2025-06-01", found=True)]),
     lambda: with_history(sperm_retrieval_attempts=[  # found earlier, not at the latest: RET-EARLIER-SPERM
         attempt("conventional_tese", when="2024-01-01", found=True), attempt(when="2025-06-01")])),
    ("RET-EARLIER-SPERM", lambda: with_history(sperm_retrieval_attempts=[
        attempt("conventional_tese", when="2024-01-01", found=True), attempt(when="2025-06-01")]),
     lambda: with_history(sperm_retrieval_attempts=[
         attempt("conventional_tese", when="2024-01-01", found=False), attempt(when="2025-06-01")])),
    ("RET-EARLIER-SPERM", lambda: with_history(sperm_retrieval_attempts=[
        attempt("tesa", when="2023-01-01", found=True), attempt(when="2025-06-01")]),
     lambda: with_history(sperm_retrieval_attempts=[  # an earlier PESA with sperm is epididymal
         attempt("pesa", when="2023-01-01", found=True), attempt(when="2025-06-01")])),
    ("RET-RECENT", lambda: with_history(sperm_retrieval_attempts=[attempt(when="2026-05-25")]),
     lambda: with_history(sperm_retrieval_attempts=[attempt(when="2026-05-24")])),
    ("RET-RECENT", lambda: with_history(sperm_retrieval_attempts=[attempt(when="2024-01-01"), attempt(when="2026-10-01")]),
     lambda: with_history(sperm_retrieval_attempts=[attempt(when="2024-01-01"), attempt("tesa", when="2026-10-01")])),
    ("US-DONE", lambda: with_history(scrotal_ultrasound_done=False), lambda: with_history(scrotal_ultrasound_done=True)),
    ("US-MASS", lambda: with_history(ultrasound_testicular_mass=True),
     lambda: with_history(ultrasound_testicular_mass=False)),
    # 1.1.0: any microlithiasis (spermatogenic failure is itself an EAU higher-risk group)
    ("US-TM-RISK", lambda: tm(right=14, left=15, micro="limited"), lambda: tm(right=14, left=15, micro="none")),
    ("US-TM-RISK", lambda: tm(micro="extensive"), lambda: tm(micro="none")),
    ("ONC-HISTORY", lambda: with_history(testicular_cancer_history=True),
     lambda: with_history(testicular_cancer_history=False)),
    ("ONC-ACTIVE", lambda: with_history(active_malignancy=True), lambda: with_history(active_malignancy=False)),
    ("INF-ACTIVE", lambda: with_history(active_genital_infection=True),
     lambda: with_history(active_genital_infection=False)),
    ("BLEED-DISORDER", lambda: with_history(bleeding_disorder=True), lambda: with_history(bleeding_disorder=False)),
    *[("BLEED-ANTITHROMBOTIC", (lambda d=d: with_history(antithrombotic=d, antithrombotic_can_pause=False)),
       lambda: with_history(antithrombotic="aspirin", antithrombotic_can_pause=False))
      for d in ("other_antiplatelet", "dual_antiplatelet", "anticoagulant")],
    ("BLEED-ANTITHROMBOTIC", lambda: with_history(antithrombotic="anticoagulant", antithrombotic_can_pause=False),
     lambda: with_history(antithrombotic="anticoagulant", antithrombotic_can_pause=True)),
    ("BLEED-PAUSE", lambda: with_history(antithrombotic="aspirin", antithrombotic_can_pause=True),
     lambda: with_history(antithrombotic="aspirin", antithrombotic_can_pause=False)),
    ("BLEED-PAUSE", lambda: with_history(antithrombotic="dual_antiplatelet", antithrombotic_can_pause=True),
     lambda: with_history(antithrombotic="none", antithrombotic_can_pause=True)),
    ("BLEED-ASPIRIN-CONTINUED", lambda: with_history(antithrombotic="aspirin", antithrombotic_can_pause=False),
     lambda: with_history(antithrombotic="aspirin", antithrombotic_can_pause=True)),
    ("BLEED-ASPIRIN-CONTINUED", lambda: with_history(antithrombotic="aspirin", antithrombotic_can_pause=False),
     lambda: with_history(antithrombotic="other_antiplatelet", antithrombotic_can_pause=False)),
    ("LA-ALLERGY", lambda: with_history(local_anaesthetic_allergy=True),
     lambda: with_history(local_anaesthetic_allergy=False)),
    ("SYS-ILLNESS", lambda: with_history(uncontrolled_systemic_illness=True),
     lambda: with_history(uncontrolled_systemic_illness=False)),
    ("VARICOCELE", lambda: with_history(varicocele="grade2"), lambda: with_history(varicocele="grade1")),
    ("VARICOCELE", lambda: with_history(varicocele="grade3"), lambda: with_history(varicocele="subclinical")),
    ("PARTNER", lambda: with_history(partner_evaluated=False), lambda: with_history(partner_evaluated=True)),
]


def _rule_triggered(protocol: Protocol, rule_id: str, data: Case) -> bool:
    rule = next(r for r in protocol.rules if r.id == rule_id)
    result = run(protocol, data)
    if rule.outcome is RuleOutcome.MISSING_DATA:
        return any(rule_id in needed for needed in missing_fields(result).values())
    return rule_id in fired_ids(result)


@pytest.mark.parametrize(("rule_id", "fires", "quiet"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_and_just_across_threshold_does_not(protocol: Protocol, rule_id: str,
                                                        fires: Callable[[], Case], quiet: Callable[[], Case]) -> None:
    assert _rule_triggered(protocol, rule_id, fires())
    assert not _rule_triggered(protocol, rule_id, quiet())


def test_every_protocol_rule_is_covered(protocol: Protocol) -> None:
    assert {r.id for r in protocol.rules} == {c[0] for c in CASES}


@pytest.mark.parametrize("rule_id", sorted({c[0] for c in CASES}))
def test_fired_rule_outcome_matches_the_spec_table(protocol: Protocol, rule_id: str) -> None:
    expected = {
        "AGE-MIN": "ineligible", "AGE-REVIEW": "needs_review", "AZO-SPERM-SEEN": "ineligible",
        "AZO-CONFIRMED": "missing_data", "OA-CBAVD": "ineligible", "OA-PATTERN": "needs_review",
        "HORM-PANEL": "missing_data", "HH-CENTRAL": "ineligible", "HH-LOW-GONADOTROPINS": "needs_review",
        "TRT-CURRENT": "ineligible", "TRT-WASHOUT": "ineligible", "TRT-RECENT": "needs_review",
        "GEN-KARYOTYPE-DONE": "missing_data", "GEN-YCMD-DONE": "missing_data", "GEN-AZF-COMPLETE": "ineligible",
        "GEN-AZFC": "caution", "GEN-KLINEFELTER": "caution", "GEN-OTHER": "needs_review",
        "RET-NONE": "ineligible", "RET-RECENT": "needs_review", "RET-SPERM-FOUND": "ineligible",
        "RET-EARLIER-SPERM": "needs_review", "OA-SEMEN": "needs_review", "OA-VAS-ONE-SIDE": "needs_review",
        "GEN-CFTR-POSITIVE": "needs_review", "HH-SECONDARY-REVIEW": "needs_review",
        "BLEED-ASPIRIN-CONTINUED": "caution", "US-DONE": "missing_data",
        "US-MASS": "ineligible", "US-TM-RISK": "needs_review", "ONC-HISTORY": "needs_review",
        "ONC-ACTIVE": "ineligible", "INF-ACTIVE": "ineligible", "BLEED-DISORDER": "needs_review",
        "BLEED-ANTITHROMBOTIC": "ineligible", "BLEED-PAUSE": "caution", "LA-ALLERGY": "needs_review",
        "SYS-ILLNESS": "needs_review", "VARICOCELE": "caution", "PARTNER": "caution",
    }
    rule = next(r for r in protocol.rules if r.id == rule_id)
    assert rule.outcome.value == expected[rule_id]
    assert rule.reason["en"] and rule.reason["tr"] and rule.action["en"] and rule.action["tr"] and rule.source


def test_oa_semen_needs_one_analysis_with_both_volume_and_ph(protocol: Protocol) -> None:
    """An analysis lacking volume or pH is not judged; when none has both, the rule is missing data."""
    no_values = missing_fields(run(protocol, with_history(semen_analyses=semen("none", "none"))))
    assert no_values == {"semen_analyses.volume_ml": ("OA-SEMEN",), "semen_analyses.ph": ("OA-SEMEN",)}
    split = missing_fields(run(protocol, semen_values(0.5, None, other=(None, 6.5))))
    assert split == {"semen_analyses.volume_ml": ("OA-SEMEN",), "semen_analyses.ph": ("OA-SEMEN",)}
    assert missing_fields(run(protocol, semen_values(2.0, 7.5, other=(None, None)))) == {}
