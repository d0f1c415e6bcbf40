"""Case file parsing: every error with its JSON path, null vs absent, units kept, exact round trip."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exoconsult.domain.case import CaseError, Quantity, case_to_json, parse_case
from exoconsult.domain.vocabulary import quantity_spec
from tests.unit.rules.builders import BASE_CASE, TODAY, base_case


def problems(data: Any) -> dict[str, str]:
    with pytest.raises(CaseError) as info:
        parse_case(data, today=TODAY)
    return info.value.problems


def test_valid_case_parses_and_keeps_units() -> None:
    data = base_case()
    data["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 310, "unit": "ng/dL"}
    data["history"]["hormone_panels"][0]["fsh"] = 24.1
    case = parse_case(data, today=TODAY)
    t = case.entries("hormone_panels")[0]["total_testosterone"]
    assert t == Quantity(310, "ng/dL", pytest.approx(10.757))
    assert case.entries("hormone_panels")[0]["fsh"] == Quantity(24.1, None, 24.1)
    assert case.patient["birth_date"] == date(1988, 3, 2) and case.assessed_on == TODAY
    with pytest.raises(TypeError):
        case.history["karyotype"] = "47,XXY"  # type: ignore[index]


def test_bad_unit_names_the_path_and_accepted_units() -> None:
    data = base_case()
    data["history"]["hormone_panels"].append({"date": "2026-08-01", "total_testosterone": {"value": 12, "unit": "nmol"}})
    assert problems(data) == {
        "history.hormone_panels[1].total_testosterone.unit": '"nmol" is not accepted; use nmol/L, ng/dL, ng/mL'}


def test_every_error_is_collected() -> None:
    data = base_case()
    data["extra"] = 1
    data["patient"]["shoe_size"] = 44
    data["history"]["karyotpe"] = "46,XY"
    data["history"]["varicocele"] = "grade4"
    data["history"]["bleeding_disorder"] = "no"
    data["history"]["infertility_duration_months"] = 12.5
    data["history"]["testis_left_volume_ml"] = 61
    data["history"]["semen_analyses"][0]["ph"] = "7.2"
    data["history"]["semen_analyses"][1]["date"] = "15.07.2026"
    data["history"]["hormone_panels"][0]["fsh"] = {"value": 250, "unit": "IU/L"}
    data["history"]["hormone_panels"][0]["lh"] = {"value": 5}
    got = problems(data)
    assert got == {
        "extra": "unknown key",
        "patient.shoe_size": "unknown key",
        "history.karyotpe": "unknown key",
        "history.varicocele": '"grade4" is not one of none, subclinical, grade1, grade2, grade3',
        "history.bleeding_disorder": '"no" is not true or false',
        "history.infertility_duration_months": "12.5 is not a whole number",
        "history.testis_left_volume_ml": "testis_left_volume_ml 61 is outside 0-60 mL",
        "history.semen_analyses[0].ph": '"7.2" is not a number',
        "history.semen_analyses[1].date": '"15.07.2026" is not a date; use YYYY-MM-DD',
        "history.hormone_panels[0].fsh.value": "fsh 250 IU/L is outside 0-200 IU/L",
        "history.hormone_panels[0].lh": 'a quantity object needs both "value" and "unit"',
    }


def test_format_and_structure_errors() -> None:
    assert problems({"format": "exoconsult-case/2", "patient": BASE_CASE["patient"], "history": {}}) == {
        "format": '"exoconsult-case/2" is not supported; supported formats: exoconsult-case/1'}
    assert "format" in problems({"patient": BASE_CASE["patient"], "history": {}})
    assert problems([]) == {"$": "the case must be a JSON object"}
    assert problems({"format": "exoconsult-case/1", "patient": BASE_CASE["patient"], "history": {"semen_analyses": {}}}) \
        == {"history.semen_analyses": "{} is not a list"}
    assert set(problems({"format": "exoconsult-case/1"})) == {"patient", "history"}


def test_dates_and_patient_rules() -> None:
    data = base_case()
    data["assessed_on"] = "2026-02-30"
    assert problems(data) == {"assessed_on": '"2026-02-30" is not a valid calendar date'}
    data = base_case()
    data["history"]["semen_analyses"][0]["date"] = "2026-12-01"
    assert problems(data) == {"history.semen_analyses[0].date": "2026-12-01 is after the assessment date 2026-11-24"}
    data = base_case()
    data["patient"]["national_id"] = "12345678901"
    data["patient"]["family_name"] = "Yılmaz2"
    got = problems(data)
    assert set(got) == {"patient.national_id", "patient.family_name"}
    data = base_case()
    del data["patient"]["mrn"]
    assert problems(data) == {"patient.mrn": "MRN is required."}


def test_null_and_absent_birth_date_are_missing_not_errors() -> None:
    for value in (None, ...):
        data = base_case()
        if value is ...:
            del data["patient"]["birth_date"]
        else:
            data["patient"]["birth_date"] = None
        case = parse_case(data, today=TODAY)
        assert case.patient.get("birth_date") is None


def test_null_is_kept_distinct_from_absent() -> None:
    data = base_case()
    data["history"]["cftr"] = None
    del data["history"]["radiotherapy"]
    data["history"]["sperm_retrieval_attempts"] = None
    case = parse_case(data, today=TODAY)
    assert "cftr" in case.history and case.history["cftr"] is None
    assert "radiotherapy" not in case.history
    assert case.entries("sperm_retrieval_attempts") is None
    assert case_to_json(case) == data


def test_cross_field_contradictions() -> None:
    data = base_case()
    data["history"]["semen_analyses"][0]["concentration_million_per_ml"] = 0.5
    data["history"]["testosterone_stopped_on"] = "2026-01-01"
    assert set(problems(data)) == {"history.semen_analyses[0].concentration_million_per_ml",
                                   "history.testosterone_stopped_on"}


def test_plausibility_warnings_do_not_reject() -> None:
    data = base_case()
    data["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 60, "unit": "nmol/L"}
    case = parse_case(data, today=TODAY)
    assert [str(w) for w in case.warnings] == [
        "history.hormone_panels[0].total_testosterone: total_testosterone 60 nmol/L is outside the plausible band "
        "(0.5-50 nmol/L) — did you mean ng/dL (= 2.082 nmol/L)?"]
    (warning,) = case.warnings  # the same as words a screen says in its language, the field named by the screen
    assert warning.why.context == "ServiceMessages" and warning.why.lists == {"field": ("total_testosterone",)}
    parts = warning.why.parts
    assert {name: [p.english() for p in said] for name, said in parts.items()} == {
        "shown": ["60 nmol/L"], "band": ["0.5-50 nmol/L"], "options": ["ng/dL (= 2.082 nmol/L)"]}
    # the numbers stay numbers, for a screen to write with its own decimal mark
    assert parts["band"][0].numbers == {"low": 0.5, "high": 50.0}
    assert parts["options"][0].parts["number0"][0].numbers == {"number": 2.082}


def test_every_problem_is_a_reason_a_screen_translates_with_the_value_as_written() -> None:
    data = base_case()
    data["history"]["varicocele"] = "grade4"
    data["history"]["testis_left_volume_ml"] = 61
    data["history"]["semen_analyses"][0]["concentration_million_per_ml"] = 0.5
    data["history"]["semen_analyses"][1]["date"] = "15.07.2026"
    data["history"]["karyotpe"] = "46,XY"
    with pytest.raises(CaseError) as info:
        parse_case(data, today=TODAY)
    reasons = info.value.reasons
    assert set(reasons) == set(info.value.problems)  # every problem, none as bare English only
    assert {path: why.english() for path, why in reasons.items()} == info.value.problems
    assert all(why.context == "ServiceMessages" for why in reasons.values())
    varicocele = reasons["history.varicocele"]
    assert varicocele.template == "{value} is not one of {values}" and varicocele.values["values"].startswith("none,")
    assert varicocele.parts["value"][0].values == {"value": '"grade4"'}  # as the file writes it, never translated
    volume = reasons["history.testis_left_volume_ml"]
    assert volume.lists == {"field": ("testis_left_volume_ml",)} and volume.values["shown"] == "61"
    assert reasons["history.semen_analyses[0].concentration_million_per_ml"].lists == {"field": ("sperm_seen",)}
    assert reasons["history.karyotpe"].template == "unknown key"


def test_out_of_range_value_says_which_unit_fits() -> None:
    data = base_case()
    data["history"]["hormone_panels"][0]["total_testosterone"] = {"value": 350, "unit": "nmol/L"}
    assert problems(data) == {"history.hormone_panels[0].total_testosterone.value":
                              "total_testosterone 350 nmol/L is outside 0-100 nmol/L — did you mean ng/dL?"}


def test_non_finite_numbers_are_refused() -> None:
    data = base_case()
    data["history"]["testis_right_volume_ml"] = float("nan")
    assert problems(data) == {"history.testis_right_volume_ml": "nan is not a number"}


def test_assessed_on_defaults_to_today() -> None:
    data = base_case()
    del data["assessed_on"]
    case = parse_case(data, today=date(2027, 1, 2))
    assert case.assessed_on == date(2027, 1, 2)
    assert case_to_json(case)["assessed_on"] == "2027-01-02"


def test_export_import_round_trip_is_exact() -> None:
    data = base_case()
    data["patient"]["family_name"] = "Şahin-İnönü"
    data["history"]["hormone_panels"].append({"date": "2026-09-01", "fsh": 22, "prolactin": {"value": 300, "unit": "mIU/L"},
                                              "estradiol": {"value": 110, "unit": "pmol/L"}, "amh": None})
    case = parse_case(data, today=TODAY)
    exported = case_to_json(case)
    assert exported == data
    assert json.dumps(exported, ensure_ascii=False) == json.dumps(data, ensure_ascii=False)
    assert parse_case(json.loads(json.dumps(exported)), today=TODAY) == case


_ANALYTES = ("fsh", "lh", "total_testosterone", "prolactin", "estradiol", "amh")


@given(st.data())
def test_round_trip_of_random_quantities(data: st.DataObject) -> None:
    panel: dict[str, Any] = {"date": "2026-09-01"}
    for analyte in data.draw(st.sets(st.sampled_from(_ANALYTES), min_size=1)):
        spec = quantity_spec(analyte)
        unit = data.draw(st.sampled_from([None, *[u.symbol for u in spec.units]]))
        factor = 1.0 if unit is None else spec.unit(unit).multiply / spec.unit(unit).divide  # type: ignore[union-attr]
        value = data.draw(st.floats(min_value=0, max_value=spec.maximum / factor, allow_nan=False))  # type: ignore[operator]
        panel[analyte] = value if unit is None else {"value": value, "unit": unit}
    case_json = copy.deepcopy(BASE_CASE)
    case_json["history"]["hormone_panels"] = [panel]
    case = parse_case(case_json, today=TODAY)
    assert case_to_json(case) == case_json
    assert parse_case(case_to_json(case), today=TODAY) == case
