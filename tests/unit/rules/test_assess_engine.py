"""Engine behaviour: verdict precedence, ordering, units, unknown data, derived values, language."""

from __future__ import annotations

from types import MappingProxyType

from exoconsult.domain.case import parse_case
from exoconsult.rules.engine import assess
from exoconsult.rules.model import AllOf, AnyOf, Compare, Not, Protocol, Rule, RuleOutcome, Source, Verdict
from tests.unit.rules.builders import TODAY, base_case, fired_ids, missing_fields, panel, run, with_history


def test_base_case_is_eligible_with_derived_values(protocol: Protocol) -> None:
    result = run(protocol, base_case())
    assert result.outcome is Verdict.ELIGIBLE and not result.fired and not result.missing
    d = result.derived
    assert d["age_years"] == 38 and d["latest_fsh_iu_l"] == 24.1 and d["latest_fsh_date"] == "2026-07-20"
    assert d["negative_centrifuged_analyses"] == 2 and d["mean_testis_volume_ml"] == 8.5
    assert d["obstructive_pattern"] is False and d["central_pattern"] is False
    assert d["months_since_last_micro_tese"] == 20 and d["months_since_testosterone_stopped"] is None
    assert result.protocol.id == "exo-noa" and result.protocol.version == "1.1.0" and len(result.protocol.sha256) == 64


def test_ineligible_beats_incomplete(protocol: Protocol) -> None:
    data = with_history(ultrasound_testicular_mass=True, karyotype="not_done")
    result = run(protocol, data)
    assert result.outcome is Verdict.INELIGIBLE
    assert "karyotype" in missing_fields(result)  # still listed, so staff see everything at once


def test_incomplete_beats_needs_review(protocol: Protocol) -> None:
    result = run(protocol, with_history(bleeding_disorder=True, y_microdeletion="not_done"))
    assert result.outcome is Verdict.INCOMPLETE and fired_ids(result) == ["BLEED-DISORDER"]
    assert missing_fields(result) == {"y_microdeletion": ("GEN-YCMD-DONE",)}


def test_needs_review_beats_caution_and_cautions_alone_are_eligible(protocol: Protocol) -> None:
    assert run(protocol, with_history(varicocele="grade3", local_anaesthetic_allergy=True)).outcome is Verdict.NEEDS_REVIEW
    result = run(protocol, with_history(varicocele="grade3", partner_evaluated=False, y_microdeletion="azfc"))
    assert result.outcome is Verdict.ELIGIBLE
    assert fired_ids(result) == ["GEN-AZFC", "PARTNER", "VARICOCELE"]


def test_fired_sorted_by_severity_then_id(protocol: Protocol) -> None:
    data = with_history(varicocele="grade2", bleeding_disorder=True, active_malignancy=True,
                        active_genital_infection=True, local_anaesthetic_allergy=True)
    assert fired_ids(run(protocol, data)) == ["INF-ACTIVE", "ONC-ACTIVE", "BLEED-DISORDER", "LA-ALLERGY", "VARICOCELE"]


def test_absent_and_null_are_both_missing(protocol: Protocol) -> None:
    for data in (with_history(active_malignancy=...), with_history(active_malignancy=None)):
        result = run(protocol, data)
        assert result.outcome is Verdict.INCOMPLETE
        assert result.missing[0].field == "active_malignancy" and result.missing[0].needed_by == ("ONC-ACTIVE",)
        assert result.missing[0].message == "Needed to judge ONC-ACTIVE."


def test_missing_sorted_by_severity_and_lists_every_rule(protocol: Protocol) -> None:
    data = base_case()
    data["patient"]["birth_date"] = None
    data["history"].pop("partner_evaluated")
    data["history"]["karyotype"] = "not_done"
    result = run(protocol, data)
    assert [m.field for m in result.missing] == ["birth_date", "karyotype", "partner_evaluated"]
    assert result.missing[0].needed_by == ("AGE-MIN", "AGE-REVIEW")
    assert result.missing[1].message == "A karyotype is required before an experimental treatment."


def test_known_false_part_decides_without_asking_for_more(protocol: Protocol) -> None:
    # FSH 24 rules out the obstructive pattern: missing testis sizes must not be asked for by OA-PATTERN.
    data = with_history(testis_right_long_axis_cm=..., testis_left_long_axis_cm=...,
                        testis_right_volume_ml=..., testis_left_volume_ml=...)
    assert "OA-PATTERN" not in {r for m in run(protocol, data).missing for r in m.needed_by}
    # Antithrombotic "none": can_pause is not asked.
    assert run(protocol, with_history(antithrombotic="none", antithrombotic_can_pause=...)).outcome is Verdict.ELIGIBLE
    # Never took testosterone: no stop date needed.
    assert run(protocol, with_history(testosterone_stopped_on=...)).outcome is Verdict.ELIGIBLE


def test_unknown_when_deciding_part_missing(protocol: Protocol) -> None:
    # Normal FSH, no failed retrieval, left testis large, right size unknown: OA-PATTERN cannot be judged.
    result = run(protocol, with_history(hormone_panels=[panel(fsh=5)], testis_right_long_axis_cm=...,
                                        testis_left_long_axis_cm=..., testis_right_volume_ml=...,
                                        testis_left_volume_ml=20, sperm_retrieval_attempts=[]))
    needed = missing_fields(result)
    assert {"testis_right_volume_ml", "testis_right_long_axis_cm"} <= set(needed)
    assert needed["testis_right_volume_ml"] == ("OA-PATTERN",)
    stopped = run(protocol, with_history(exogenous_testosterone_or_aas="stopped"))
    assert missing_fields(stopped) == {"testosterone_stopped_on": ("TRT-WASHOUT", "TRT-RECENT")}


def test_non_canonical_units(protocol: Protocol) -> None:
    low = {"value": 1.4, "unit": "mIU/mL"}
    central = run(protocol, with_history(hormone_panels=[panel(fsh=low, lh=low, t={"value": 299, "unit": "ng/dL"})]))
    assert fired_ids(central) == ["HH-CENTRAL"]
    assert central.derived["latest_testosterone_nmol_l"] == round(299 * 0.0347, 4)
    # 300 ng/dL = 10.41 nmol/L is not low: the gonadotropin rule asks for review instead
    not_low = run(protocol, with_history(hormone_panels=[panel(fsh=low, lh=low, t={"value": 300, "unit": "ng/dL"})]))
    assert fired_ids(not_low) == ["HH-LOW-GONADOTROPINS"]
    ng_ml = run(protocol, with_history(hormone_panels=[panel(fsh=low, lh=low, t={"value": 2.9, "unit": "ng/mL"})]))
    assert fired_ids(ng_ml) == ["HH-CENTRAL"]  # 2.9 x 3.47 = 10.06 nmol/L
    oa = run(protocol, with_history(hormone_panels=[panel(fsh={"value": 7.6, "unit": "mIU/mL"})],
                                    testis_right_long_axis_cm=4.8, testis_left_long_axis_cm=4.9,
                                    sperm_retrieval_attempts=[]))
    assert "OA-PATTERN" in fired_ids(oa)


def test_latest_panel_with_the_analyte_is_used(protocol: Protocol) -> None:
    panels = [panel(fsh=30, t=12, when="2026-01-10"), panel(fsh=1.0, lh=1.0, t=..., when="2026-09-01"),
              panel(fsh=..., lh=..., t=5, when="2026-03-01")]
    result = run(protocol, with_history(hormone_panels=panels))
    assert result.derived["latest_fsh_iu_l"] == 1.0 and result.derived["latest_fsh_date"] == "2026-09-01"
    assert result.derived["latest_testosterone_nmol_l"] == 5 and result.derived["latest_testosterone_date"] == "2026-03-01"
    assert fired_ids(result) == ["HH-CENTRAL"]


def test_undated_panels_cannot_be_ordered(protocol: Protocol) -> None:
    undated = [{"fsh": 3}, {"fsh": 30, "total_testosterone": 12}]
    result = run(protocol, with_history(hormone_panels=undated))
    assert "hormone_panels.date" in missing_fields(result) and result.outcome is Verdict.INCOMPLETE


def test_turkish_texts(protocol: Protocol) -> None:
    result = run(protocol, with_history(varicocele="grade2", karyotype="not_done"), lang="tr")
    assert result.fired[0].reason == "Klinik derece 2 veya 3 varikosel."
    assert result.missing[0].message == "Deneysel bir tedaviden önce karyotip analizi gereklidir."
    assert run(protocol, with_history(partner_evaluated=None), lang="tr").missing[0].message == (
        "Şu kural(lar)ın değerlendirilmesi için gerekli: PARTNER.")


def test_parameter_change_changes_verdict(protocol: Protocol) -> None:
    case = parse_case(base_case(), today=TODAY)
    stricter = protocol.with_parameters("0" * 64, review_age_years=35)
    result = assess(stricter, case)
    assert result.outcome is Verdict.NEEDS_REVIEW and fired_ids(result) == ["AGE-REVIEW"]
    assert result.protocol.sha256 == "0" * 64
    assert assess(protocol, case).outcome is Verdict.ELIGIBLE


def _one_rule_protocol(protocol: Protocol, when: object) -> Protocol:
    rule = Rule("T-1", RuleOutcome.NEEDS_REVIEW, when, (), MappingProxyType({"en": "r"}), MappingProxyType({"en": "a"}), "s")
    return Protocol(protocol.id, protocol.version, protocol.sha256, protocol.approval, protocol.languages,
                    protocol.parameters, (rule,), protocol.missing_message)


def test_grammar_operators(protocol: Protocol) -> None:
    case = parse_case(with_history(partner_age_years=33, varicocele="grade1"), today=TODAY)
    age = Compare(Source.FIELD, "partner_age_years", "lt", 34)

    def verdict(cond: object) -> Verdict:
        return assess(_one_rule_protocol(protocol, cond), case).outcome

    review, ok = Verdict.NEEDS_REVIEW, Verdict.ELIGIBLE
    assert verdict(age) is review and verdict(Not(age)) is ok
    for op, value, expected in (("eq", 33, review), ("ne", 33, ok), ("le", 33, review), ("lt", 33, ok),
                                ("ge", 33, review), ("gt", 33, ok)):
        assert verdict(Compare(Source.FIELD, "partner_age_years", op, value)) is expected, op
    assert verdict(Compare(Source.FIELD, "varicocele", "in", ("grade1", "grade2"))) is review
    assert verdict(Compare(Source.FIELD, "varicocele", "not_in", ("grade1",))) is ok
    assert verdict(Compare(Source.FIELD, "cftr", "answered")) is review
    assert verdict(Compare(Source.FIELD, "mumps_orchitis", "unanswered")) is ok
    assert verdict(Compare(Source.FIELD, "inhibin_b", "unanswered")) is review  # group fields are not top-level
    assert verdict(AllOf((age, Compare(Source.DERIVED, "age_years", "gt", 30)))) is review
    assert verdict(AnyOf((Not(age), Compare(Source.DERIVED, "age_years", "gt", 40)))) is ok
    unknown = Compare(Source.FIELD, "radiotherapy", "eq", True)
    missing_case = parse_case(with_history(radiotherapy=None), today=TODAY)
    assert assess(_one_rule_protocol(protocol, Not(unknown)), missing_case).outcome is Verdict.INCOMPLETE
