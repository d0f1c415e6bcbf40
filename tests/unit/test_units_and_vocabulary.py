"""Vocabulary contract and unit conversion (factors exactly as spec/case-format.md)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exoconsult.domain import units, vocabulary
from exoconsult.domain.vocabulary import FieldType, field_spec


def test_group_and_qualified_lookup() -> None:
    assert field_spec("hormone_panels.fsh") is field_spec("fsh")
    assert field_spec("fsh").group == "hormone_panels"
    assert field_spec("date") is None  # ambiguous: in all three groups
    assert field_spec("semen_analyses.date").type is FieldType.DATE
    assert field_spec("birth_date").group == "patient"
    assert field_spec("karyotype").values[0] == "46,XY"
    assert field_spec("no_such_field") is None
    assert vocabulary.is_known_field("semen_analyses")


def test_every_quantity_has_canonical_unit_first_and_ranges() -> None:
    for spec in vocabulary.ALL_FIELDS:
        if spec.type is FieldType.QUANTITY:
            assert spec.units and spec.units[0].multiply == 1.0 and spec.units[0].divide == 1.0
            assert spec.minimum == 0 and spec.maximum is not None
        if spec.type is FieldType.ENUM:
            assert spec.values and len(set(spec.values)) == len(spec.values)


@pytest.mark.parametrize(("analyte", "value", "unit", "expected"), [
    ("total_testosterone", 300, "ng/dL", 10.41),
    ("total_testosterone", 3.0, "ng/mL", 10.41),
    ("total_testosterone", 12.0, "nmol/L", 12.0),
    ("prolactin", 212, "mIU/L", 10.0),
    ("estradiol", 110.13, "pmol/L", 30.0),
    ("amh", 14.28, "pmol/L", 2.0),
    ("fsh", 24.1, "mIU/mL", 24.1),
    ("lh", 5, "mIU/mL", 5),
])
def test_spec_factors(analyte: str, value: float, unit: str, expected: float) -> None:
    assert units.to_canonical(analyte, value, unit) == pytest.approx(expected, rel=1e-9)


def test_unknown_unit_lists_accepted() -> None:
    with pytest.raises(units.UnitError, match=r'"nmol" is not accepted; use nmol/L, ng/dL, ng/mL'):
        units.to_canonical("total_testosterone", 10, "nmol")


def test_did_you_mean_ng_dl() -> None:
    msg = units.plausibility_warning("total_testosterone", 350, "nmol/L")
    assert msg is not None and "did you mean ng/dL" in msg and "total_testosterone 350 nmol/L" in msg
    assert units.plausibility_warning("total_testosterone", 350, "ng/dL") is None
    assert "did you mean mIU/L" in (units.plausibility_warning("prolactin", 300, "ng/mL") or "")
    low = units.plausibility_warning("total_testosterone", 3.5, "ng/dL") or ""
    assert "did you mean nmol/L (= 3.5 nmol/L) / ng/mL (= 12.15 nmol/L)?" in low
    # FSH has no unit that would make 150 plausible: warning without a hint, with the reason
    fsh = units.plausibility_warning("fsh", 150, "IU/L")
    assert fsh is not None and "did you mean" not in fsh
    why = units.plausibility_reason("fsh", 150, "IU/L")  # the same, as words a screen says in its language
    assert why is not None and why.english() == fsh and why.lists == {"field": ("fsh",)}
    assert why.parts["why"][0].template == "reliability-goals §7.2: FSH > 60 IU/L is rare even in testicular failure"
    assert units.plausibility_warning("fsh", 24.1, None) is None


@given(analyte=st.sampled_from(vocabulary.HORMONE_ANALYTES), data=st.data())
def test_round_trip(analyte: str, data: st.DataObject) -> None:
    spec = vocabulary.quantity_spec(analyte)
    unit = data.draw(st.sampled_from([u.symbol for u in spec.units]))
    value = data.draw(st.floats(min_value=0, max_value=1e5, allow_nan=False))
    back = units.from_canonical(spec, units.to_canonical(spec, value, unit), unit)
    assert math.isclose(back, value, rel_tol=1e-12, abs_tol=1e-12)
