"""The questionnaire domain: conditions, visibility, completion, typed entry (INP-4/5) and value checks
through the questionnaire's own questions (every unit conversion via the form path)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exoconsult.definitions.questionnaire import load_questionnaire
from exoconsult.domain import questionnaire as qn
from exoconsult.domain.history_values import ABSENT, HistoryDoc, canonical_of, check_value, same_value

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def q() -> qn.Questionnaire:
    return load_questionnaire(REPO / "forms")


def hormone(q: qn.Questionnaire, analyte: str) -> qn.Question:
    return q.repeat_section("hormone_panels").question(analyte)


# --- every accepted unit, converted through the form's question ---------------------------------------
UNIT_CASES = [
    ("fsh", 24.1, "IU/L", 24.1), ("fsh", 24.1, "mIU/mL", 24.1),
    ("lh", 7.5, "IU/L", 7.5), ("lh", 7.5, "mIU/mL", 7.5),
    ("total_testosterone", 12.0, "nmol/L", 12.0), ("total_testosterone", 300, "ng/dL", 10.41),
    ("total_testosterone", 3.0, "ng/mL", 10.41),
    ("prolactin", 10.0, "ng/mL", 10.0), ("prolactin", 212, "mIU/L", 10.0),
    ("estradiol", 30.0, "pg/mL", 30.0), ("estradiol", 110.13, "pmol/L", 30.0),
    ("inhibin_b", 80, "pg/mL", 80),
    ("amh", 2.0, "ng/mL", 2.0), ("amh", 14.28, "pmol/L", 2.0),
]


def test_unit_cases_cover_every_unit_the_form_accepts(q: qn.Questionnaire) -> None:
    offered = {(qq.id, unit) for qq in q.repeat_section("hormone_panels").questions for unit in qq.units}
    assert offered == {(a, u) for a, _, u, _ in UNIT_CASES}


@pytest.mark.parametrize(("analyte", "value", "unit", "canonical"), UNIT_CASES)
def test_every_unit_conversion_via_the_form(q, analyte, value, unit, canonical) -> None:
    question = hormone(q, analyte)
    check = check_value(question, "hormone_panels", {"value": value, "unit": unit}, today=TODAY)
    assert check.problem is None and check.warning is None
    assert check.value == {"value": value, "unit": unit}  # entered value and unit are what is stored
    assert canonical_of(question, "hormone_panels", check.value) == pytest.approx(canonical, rel=1e-9)


def test_bare_number_is_the_canonical_unit(q) -> None:
    question = hormone(q, "total_testosterone")
    assert check_value(question, "hormone_panels", 12.5, today=TODAY).value == 12.5
    assert canonical_of(question, "hormone_panels", 12.5) == 12.5


def test_unknown_unit_lists_the_accepted_ones(q) -> None:
    check = check_value(hormone(q, "total_testosterone"), "hormone_panels", {"value": 3, "unit": "nmol"}, today=TODAY)
    assert check.problem == "invalid" and "nmol/L, ng/dL, ng/mL" in check.message


@pytest.mark.parametrize(("value", "unit", "problem"), [
    (100, "nmol/L", None), (100.01, "nmol/L", "range"), (-0.01, "nmol/L", "range"), (0, "nmol/L", None),
    (2881, "ng/dL", None), (2882, "ng/dL", "range"),  # 2881 ng/dL = 99.97 nmol/L; 2882 = 100.005
    (28.8, "ng/mL", None), (28.9, "ng/mL", "range"),
])
def test_hard_range_is_checked_in_the_canonical_unit(q, value, unit, problem) -> None:
    question = hormone(q, "total_testosterone")
    check = check_value(question, "hormone_panels", {"value": value, "unit": unit}, today=TODAY)
    assert check.problem == problem
    if problem == "range":
        assert "outside the allowed range 0–100 nmol/L" in check.message


def test_implausible_testosterone_warns_with_a_unit_hint(q) -> None:
    check = check_value(hormone(q, "total_testosterone"), "hormone_panels", {"value": 65, "unit": "nmol/L"},
                        today=TODAY)
    assert check.problem is None and check.warning and "did you mean ng/dL" in check.warning


@pytest.mark.parametrize(("text", "expected"), [
    ("12,5", 12.5), ("12.5", 12.5), ("0,125", 0.125), ("7", 7.0), (" 3,0 ", 3.0), ("-1,5", -1.5),
])
def test_decimal_comma_and_point(text: str, expected: float) -> None:
    assert qn.parse_number(text) == expected


@pytest.mark.parametrize("text", ["1.234", "1,234", "1,234.5", "12.5.3", "١٢", "12,", "", "1e3", "12 5"])
def test_grouped_or_ambiguous_numbers_are_refused(text: str) -> None:
    with pytest.raises(qn.EntryError):
        qn.parse_number(text)


def test_typed_text_is_accepted_by_the_value_check(q) -> None:
    volume = q.section("examination_imaging").question("testis_right_volume_ml")
    assert check_value(volume, None, "12,5", today=TODAY).value == 12.5
    assert check_value(volume, None, "1.234", today=TODAY).problem == "invalid"
    months = q.section("infertility_partner").question("infertility_duration_months")
    assert check_value(months, None, "24", today=TODAY).value == 24
    assert check_value(months, None, 2.5, today=TODAY).problem == "invalid"
    assert check_value(months, None, 601, today=TODAY).problem == "range"
    assert check_value(months, None, True, today=TODAY).problem == "invalid"


def test_dates(q) -> None:
    when = q.repeat_section("semen_analyses").question("date")
    assert check_value(when, "semen_analyses", "03.02.2026", today=TODAY).value == "2026-02-03"
    assert check_value(when, "semen_analyses", "2026-02-03", today=TODAY).value == "2026-02-03"
    assert check_value(when, "semen_analyses", "25.11.2026", today=TODAY).problem == "range"
    assert check_value(when, "semen_analyses", "31.02.2026", today=TODAY).problem == "invalid"
    assert check_value(when, "semen_analyses", "02/03/2026", today=TODAY).problem == "invalid"


def test_choices_and_yes_no(q) -> None:
    kind = q.section("infertility_partner").question("infertility_type")
    assert check_value(kind, None, "primary", today=TODAY).problem is None
    assert check_value(kind, None, "tertiary", today=TODAY).problem == "invalid"
    evaluated = q.section("infertility_partner").question("partner_evaluated")
    assert check_value(evaluated, None, False, today=TODAY).value is False
    assert check_value(evaluated, None, "No", today=TODAY).problem == "invalid"
    assert check_value(evaluated, None, None, today=TODAY).value is None  # asked, not known


def test_conditions() -> None:
    answers = {"a": "stopped", "n": 5, "b": True, "t": {"value": 300, "unit": "ng/dL"}}
    assert qn.evaluate(qn.Compare("a", "eq", "stopped"), answers)
    assert qn.evaluate(qn.Compare("a", "in", ("x", "stopped")), answers)
    assert qn.evaluate(qn.Compare("missing", "ne", "x"), answers)  # asked until answered "x"
    assert qn.evaluate(qn.Compare("missing", "not_in", ("x",)), answers)
    assert not qn.evaluate(qn.Compare("missing", "in", ("x",)), answers)
    assert not qn.evaluate(qn.Compare("missing", "eq", "x"), answers)
    assert qn.evaluate(qn.Compare("missing", "unanswered"), answers)
    assert qn.evaluate(qn.AllOf((qn.Compare("n", "ge", 5), qn.Compare("b", "eq", True))), answers)
    assert qn.evaluate(qn.AnyOf((qn.Compare("n", "gt", 5), qn.Not(qn.Compare("b", "eq", False)))), answers)
    assert not qn.evaluate(qn.Compare("b", "gt", 0), answers)  # booleans are not ordered
    # quantities compare in the canonical unit: 300 ng/dL = 10.41 nmol/L
    assert qn.evaluate(qn.Compare("total_testosterone", "lt", 10.5), {"total_testosterone": answers["t"]})
    assert qn.referenced_questions(qn.AllOf((qn.Compare("a", "eq", 1), qn.Not(qn.Compare("b", "answered"))))) == ("a", "b")


def test_visibility_and_completion(q) -> None:
    risk = q.section("risk_factors")
    pause = q.section("medicines").question("antithrombotic_can_pause")
    assert qn.visible(pause, {}) and not qn.visible(pause, {"antithrombotic": "none"})
    assert qn.visible(pause, {"antithrombotic": "aspirin"})
    stop = risk.question("testosterone_stopped_on")
    assert not qn.visible(stop, {"exogenous_testosterone_or_aas": "never"})
    assert qn.visible(stop, {"exogenous_testosterone_or_aas": "stopped"})
    history = {"cryptorchidism": "none", "mumps_orchitis": False, "chemotherapy": None,
               "exogenous_testosterone_or_aas": "stopped"}
    assert qn.section_completion(risk, history) == (3, 8)  # null is not an answer; stop date now required
    semen = q.section("semen_analyses")
    assert qn.section_completion(semen, {}) == (0, 0)
    rows = {"semen_analyses": [{"date": "2026-01-01", "centrifuged_pellet_examined": True, "sperm_seen": "present"},
                               {"sperm_seen": "none"}]}
    assert qn.section_completion(semen, rows) == (3 + 1, 4 + 3)
    assert qn.hidden_answers(risk, {"exogenous_testosterone_or_aas": "never", "testosterone_stopped_on": "2026-01-01"}) \
        == ("testosterone_stopped_on",)


def test_field_paths() -> None:
    assert qn.FieldPath.parse("fsh") == qn.FieldPath("fsh")
    assert str(qn.FieldPath.parse("hormone_panels/r12/fsh")) == "hormone_panels/r12/fsh"
    for bad in ("", "a/b", "hormone_panels/x1/fsh", "hormone_panels/r0/fsh", "a/r1/"):
        with pytest.raises(ValueError):
            qn.FieldPath.parse(bad)


def test_history_doc_rows_keep_keys_and_sort_by_date() -> None:
    doc = HistoryDoc.from_case_history({"hormone_panels": [{"date": "2026-05-01"}, {"date": "2025-01-01"}, {}]})
    assert doc.row_keys == {"hormone_panels": ["r1", "r2", "r3"]}
    assert [k for k, _ in doc.rows("hormone_panels")] == ["r2", "r1", "r3"]
    doc.remove_row("hormone_panels", "r2")
    assert doc.add_row("hormone_panels") == "r4"  # keys are never reused
    assert doc.get(qn.FieldPath("date", "hormone_panels", "r1")) == "2026-05-01"
    assert doc.get(qn.FieldPath("date", "hormone_panels", "r2")) is ABSENT


def test_same_value_tells_types_apart() -> None:
    assert not same_value(True, 1) and not same_value(1, 1.0) and not same_value(None, ABSENT)
    assert same_value({"value": 3, "unit": "IU/L"}, {"unit": "IU/L", "value": 3}) and same_value(ABSENT, ABSENT)
