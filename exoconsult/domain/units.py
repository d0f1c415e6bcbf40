"""Unit conversion for hormone quantities, exactly as spec/case-format.md states the factors.

Testosterone ng/dL x 0.0347 and ng/mL x 3.47 -> nmol/L; prolactin mIU/L / 21.2 -> ng/mL; estradiol
pmol/L / 3.671 -> pg/mL; AMH pmol/L / 7.14 -> ng/mL; FSH/LH mIU/mL x 1 -> IU/L. The factors live in
the vocabulary (one place); this module applies them and explains likely unit mix-ups.
"""

from __future__ import annotations

from exoconsult.domain.translatable import (
    FIELD_TERMS,
    QT_TRANSLATE_NOOP,
    Reason,
    number_english,
    quantity,
    service_message,
)
from exoconsult.domain.vocabulary import AcceptedUnit, FieldSpec, FieldType, field_spec


class UnitError(ValueError):
    """A unit the field does not accept; the message lists the accepted ones."""


def _spec(field: FieldSpec | str) -> FieldSpec:
    if isinstance(field, FieldSpec):
        return field
    spec = field_spec(field)
    if spec is None:
        raise KeyError(f"unknown field {field!r}")
    return spec


def accepted_units(field: FieldSpec | str) -> tuple[str, ...]:
    return tuple(u.symbol for u in _spec(field).units)


def _unit(spec: FieldSpec, unit: str | None) -> AcceptedUnit:
    if not spec.units:
        raise UnitError(f"{spec.id} has no unit")
    if unit is None:
        return spec.units[0]
    found = spec.unit(unit)
    if found is None:
        raise UnitError(f'"{unit}" is not accepted; use {", ".join(accepted_units(spec))}')
    return found


def to_canonical(field: FieldSpec | str, value: float, unit: str | None = None) -> float:
    """Value in the field's canonical unit; `unit=None` means the value already is canonical."""
    u = _unit(_spec(field), unit)
    if u.multiply == 1.0 and u.divide == 1.0:
        return value
    return value * u.multiply / u.divide


def from_canonical(field: FieldSpec | str, value: float, unit: str | None = None) -> float:
    """Inverse of to_canonical: a canonical value expressed in `unit`."""
    u = _unit(_spec(field), unit)
    if u.multiply == 1.0 and u.divide == 1.0:
        return value
    return value * u.divide / u.multiply


def in_plausible_band(field: FieldSpec | str, canonical: float) -> bool:
    spec = _spec(field)
    if spec.plausible_min is not None and canonical < spec.plausible_min:
        return False
    return not (spec.plausible_max is not None and canonical > spec.plausible_max)


def suggested_units(field: FieldSpec | str, value: float, unit: str | None = None) -> tuple[str, ...]:
    """Other accepted units in which `value` would fall inside the plausible band (likely intended)."""
    spec = _spec(field)
    entered = _unit(spec, unit).symbol if spec.units else None
    return tuple(u.symbol for u in spec.units
                 if u.symbol != entered and in_plausible_band(spec, to_canonical(spec, value, u.symbol)))


def _fmt(x: float) -> float:
    """A computed value rounded to 4 significant digits, as the warnings show it (12.145 → 12.15)."""
    return float(f"{x:.4g}")


def plausibility_reason(field: FieldSpec | str, value: float, unit: str | None = None) -> Reason | None:
    """None when the value is plausible; otherwise what the user must confirm, as words a screen says in its
    own language (the field id a term it names by its label), with a "did you mean" hint when another
    accepted unit would make it plausible, else why the band is what it is.

    e.g. ``total_testosterone 350 nmol/L is outside the plausible band (0.5-50 nmol/L) — did you mean ng/dL
    (= 12.15 nmol/L)?``
    """
    spec = _spec(field)
    if spec.type not in (FieldType.QUANTITY, FieldType.DECIMAL, FieldType.INT):
        return None
    canonical = to_canonical(spec, value, unit) if spec.type is FieldType.QUANTITY else value
    if in_plausible_band(spec, canonical):
        return None
    shown_unit = (unit or spec.canonical_unit or "").strip()
    low = _fmt(spec.plausible_min) if spec.plausible_min is not None else _fmt(spec.minimum or 0)
    high = _fmt(spec.plausible_max) if spec.plausible_max is not None else _fmt(spec.maximum or 0)
    # numbers go as numbers (a screen writes "0,5" in Turkish); units, the file's own words, as written
    band = Reason("{low}-{high} {unit}" if spec.canonical_unit else "{low}-{high}",
                  {"low": number_english(low), "high": number_english(high), "unit": spec.canonical_unit or ""},
                  context="ServiceMessages", numbers={"low": low, "high": high})
    said = {"terms": {"field": spec.id}, "terms_context": FIELD_TERMS}
    parts: dict[str, Reason | tuple[Reason, ...]] = {"shown": quantity(_fmt(value), shown_unit), "band": band}
    hints = suggested_units(spec, value, unit) if spec.type is FieldType.QUANTITY else ()
    if hints:  # every accepted unit that would make the number plausible; the user knows which it was
        options = Reason(" / ".join(f"{{unit{i}}} (= {{number{i}}})" for i in range(len(hints))),
                         {f"unit{i}": alt for i, alt in enumerate(hints)}, context="ServiceMessages",
                         parts={f"number{i}": (quantity(_fmt(to_canonical(spec, value, alt)), spec.canonical_unit or ""),)
                                for i, alt in enumerate(hints)})
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{field} {shown} is outside the plausible band "
                                                 "({band}) — did you mean {options}?"),
                               parts={**parts, "options": options}, **said)
    if spec.plausible_why:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{field} {shown} is outside the plausible band "
                                                 "({band}): {why}"),
                               parts={**parts, "why": service_message(spec.plausible_why)}, **said)
    return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{field} {shown} is outside the plausible band "
                                             "({band})"), parts=parts, **said)


def plausibility_warning(field: FieldSpec | str, value: float, unit: str | None = None) -> str | None:
    """plausibility_reason in English (command line, logs, the audit trail); None when plausible."""
    why = plausibility_reason(field, value, unit)
    return None if why is None else why.english()
