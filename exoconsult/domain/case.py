"""The case file (format "exoconsult-case/1"): parse + validate JSON into an immutable Case, and back.

Every problem is collected with its JSON path, so a user fixes a file in one pass. A key set to null
("asked, not known") is kept as None; an absent key ("not asked") is simply not in the mapping. Both
count as missing for a rule. Quantities keep what was typed (value + unit, or a bare number meaning the
canonical unit) and the canonical value, so `case_to_json(parse_case(d)) == d` for a valid `d` that
states `assessed_on`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.patient import PatientData, validate_patient
from exoconsult.domain.translatable import FIELD_TERMS, QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.domain.units import plausibility_reason, suggested_units, to_canonical
from exoconsult.domain.vocabulary import (
    GROUP_FIELDS,
    HISTORY_FIELDS,
    PATIENT_FIELDS,
    FieldSpec,
    FieldType,
)

CASE_FORMAT = "exoconsult-case/1"
SUPPORTED_FORMATS = (CASE_FORMAT,)
_TOP_KEYS = ("format", "assessed_on", "patient", "history")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Quantity:
    """A measured value as entered (`unit` None = bare number in the canonical unit) plus canonical."""

    value: int | float
    unit: str | None
    canonical: float


Value = bool | int | float | str | date | Quantity | None
Entry = Mapping[str, Value]


@dataclass(frozen=True)
class CaseWarning:
    """A value the user must confirm (outside the plausible band): its JSON path in the file and why, as words
    a screen says in its own language (field ids in `why.lists`, named by the screen); str() is English."""

    path: str
    why: Reason

    def __str__(self) -> str:
        return f"{self.path}: {self.why.english()}"


@dataclass(frozen=True)
class Case:
    format: str
    assessed_on: date
    patient: Mapping[str, Value]  # present keys only; None = asked, not known
    history: Mapping[str, Value | tuple[Entry, ...]]  # repeatable groups are tuples of entries (or None)
    warnings: tuple[CaseWarning, ...] = ()  # plausibility warnings the user must confirm

    def value(self, field_id: str) -> Value:
        """Top-level history or patient value; None when absent or null."""
        if field_id in self.history:
            v = self.history[field_id]
            return None if isinstance(v, tuple) else v
        return self.patient.get(field_id)

    def entries(self, group: str) -> tuple[Entry, ...] | None:
        """Entries of a repeatable group; None when the group is absent or null."""
        v = self.history.get(group)
        return v if isinstance(v, tuple) else None

    def patient_data(self) -> PatientData:
        p = self.patient
        return PatientData(
            family_name=str(p.get("family_name") or ""), given_name=str(p.get("given_name") or ""),
            birth_date=p.get("birth_date") if isinstance(p.get("birth_date"), date) else None,  # type: ignore[arg-type]
            sex=str(p.get("sex") or "male"), mrn=str(p.get("mrn") or ""),
            national_id=str(p.get("national_id") or ""), phone=str(p.get("phone") or ""),
            email=str(p.get("email") or ""), preferred_language=str(p.get("preferred_language") or "tr"),
            needs_interpreter=bool(p.get("needs_interpreter") or False))


class CaseError(ValidationError):
    """The case file is invalid; `problems` maps each JSON path to why in English (all of them, in file
    order), `reasons` the same as words a screen says in its own language. A field a reason names is in its
    `lists` (context FIELD_TERMS) as the id the file uses, for the screen to name by its label."""


_LARGEST_INT = 10**15  # beyond this an int has no exact float and no clinical meaning (and float() may overflow)


def _is_number(v: object) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return -_LARGEST_INT < v < _LARGEST_INT
    return isinstance(v, float) and math.isfinite(v)


def _describe(v: object) -> Reason:
    """A value as the file writes it (never translated), or how large a huge number is."""
    if isinstance(v, int) and not isinstance(v, bool) and not -_LARGEST_INT < v < _LARGEST_INT:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "a number of about {digits} digits"),
                               digits=int(v.bit_length() * 0.30103) + 1)  # str() of a huge int may raise
    if isinstance(v, str):
        shown = f'"{v}"'
    else:
        shown = "null" if v is None else str(v).lower() if isinstance(v, bool) else repr(v)
    return Reason("{value}", {"value": shown}, context="ServiceMessages")


def _problem(template: str, raw: object = None, *, field: str | None = None, **values: object) -> Reason:
    """Why a value is refused: `template` marked in "ServiceMessages", {value} the value as written in the file,
    {field} the field id (a term the screen names by its label)."""
    return service_message(template, terms={"field": field} if field else None, terms_context=FIELD_TERMS,
                           parts={"value": _describe(raw)} if "{value}" in template else None, **values)


UNKNOWN_KEY = QT_TRANSLATE_NOOP("ServiceMessages", "unknown key")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not a number")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not an object")


class _Parser:
    def __init__(self, assessed_on_default: date) -> None:
        self.problems: dict[str, Reason] = {}
        self.warnings: list[CaseWarning] = []
        self.reference = assessed_on_default

    def err(self, path: str, why: Reason) -> None:
        self.problems.setdefault(path, why)

    def check_range(self, spec: FieldSpec, path: str, canonical: float, shown: object,
                    entered: tuple[float, str | None] | None = None) -> bool:
        if (spec.minimum is not None and canonical < spec.minimum) or (
                spec.maximum is not None and canonical > spec.maximum):
            unit = f" {spec.canonical_unit}" if spec.canonical_unit else ""
            # a unit mix-up is the usual cause: say which unit would fit
            alternatives = suggested_units(spec, *entered) if entered is not None else ()
            template = (QT_TRANSLATE_NOOP("ServiceMessages", "{field} {shown} is outside {low}-{high}{unit} — did "
                                          "you mean {units}?") if alternatives else
                        QT_TRANSLATE_NOOP("ServiceMessages", "{field} {shown} is outside {low}-{high}{unit}"))
            self.err(path, _problem(template, field=spec.id, shown=shown, low=float(spec.minimum),
                                    high=float(spec.maximum), unit=unit, units=" / ".join(alternatives)))
            return False
        return True

    def parse_date(self, path: str, raw: object, *, not_after: date | None) -> date | None:
        if not isinstance(raw, str) or not _ISO_DATE.match(raw):
            self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not a date; use YYYY-MM-DD"),
                                    raw))
            return None
        try:
            d = date.fromisoformat(raw)
        except ValueError:
            self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not a valid calendar date"),
                                    raw))
            return None
        if not_after is not None and d > not_after:
            self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{date} is after the assessment date "
                                                      "{assessed_on}"), date=raw, assessed_on=not_after.isoformat()))
            return None
        return d

    def parse_value(self, spec: FieldSpec, path: str, raw: object) -> Value:
        if raw is None:
            return None
        t = spec.type
        if t is FieldType.BOOL:
            if isinstance(raw, bool):
                return raw
            self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not true or false"), raw))
        elif t is FieldType.ENUM:
            if isinstance(raw, str) and raw in spec.values:
                return raw
            self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not one of {values}"), raw,
                                    values=", ".join(spec.values)))
        elif t is FieldType.TEXT:
            if not isinstance(raw, str):
                self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not text"), raw))
            elif spec.max_length is not None and len(raw) > spec.max_length:
                self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "is longer than {count} characters"),
                                        count=spec.max_length))
            else:
                return raw
        elif t is FieldType.DATE:
            return self.parse_date(path, raw, not_after=self.reference)
        elif t is FieldType.INT:
            if not (_is_number(raw) and isinstance(raw, int)):
                self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not a whole number"), raw))
            elif self.check_range(spec, path, raw, raw):
                self._warn_if_implausible(spec, path, raw, None)
                return raw
        elif t is FieldType.DECIMAL:
            if not _is_number(raw):
                self.err(path, _problem(NOT_A_NUMBER, raw))
            elif self.check_range(spec, path, float(raw), raw):  # type: ignore[arg-type]
                self._warn_if_implausible(spec, path, raw, None)  # type: ignore[arg-type]
                return raw  # type: ignore[return-value]
        else:
            return self.parse_quantity(spec, path, raw)
        return None

    def parse_quantity(self, spec: FieldSpec, path: str, raw: object) -> Quantity | None:
        unit: str | None = None
        value: object = raw
        if isinstance(raw, dict):
            for key in raw:
                if key not in ("value", "unit"):
                    self.err(f"{path}.{key}", _problem(QT_TRANSLATE_NOOP(
                        "ServiceMessages", "unknown key; a quantity has only value and unit")))
            if "value" not in raw or "unit" not in raw:
                self.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages",
                                                          'a quantity object needs both "value" and "unit"')))
                return None
            value, unit_raw = raw["value"], raw["unit"]
            accepted = ", ".join(u.symbol for u in spec.units)
            if not isinstance(unit_raw, str) or spec.unit(unit_raw) is None:
                self.err(f"{path}.unit", _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not accepted; use "
                                                                    "{accepted}"), unit_raw, accepted=accepted))
                return None
            unit = unit_raw
            path_value = f"{path}.value"
        else:
            path_value = path
        if not _is_number(value):
            self.err(path_value, _problem(NOT_A_NUMBER, value))
            return None
        number: int | float = value  # type: ignore[assignment]
        canonical = float(to_canonical(spec, number, unit))
        shown = f"{number} {unit or spec.canonical_unit}"
        if not self.check_range(spec, path_value, canonical, shown, (number, unit)):
            return None
        self._warn_if_implausible(spec, path, number, unit)
        return Quantity(number, unit, canonical)

    def _warn_if_implausible(self, spec: FieldSpec, path: str, value: float, unit: str | None) -> None:
        why = plausibility_reason(spec, value, unit)
        if why is not None:
            self.warnings.append(CaseWarning(path, why))

    def parse_block(self, path: str, raw: object, fields: Mapping[str, FieldSpec]) -> dict[str, Value]:
        if not isinstance(raw, dict):
            self.err(path, _problem(NOT_AN_OBJECT, raw))
            return {}
        out: dict[str, Value] = {}
        for key, item in raw.items():
            spec = fields.get(key)
            if spec is None:
                self.err(f"{path}.{key}", _problem(UNKNOWN_KEY))
                continue
            out[key] = self.parse_value(spec, f"{path}.{key}", item)
        return out


def _parse_patient(p: _Parser, raw: object) -> dict[str, Value]:
    values = p.parse_block("patient", raw, PATIENT_FIELDS)
    if not isinstance(raw, dict):
        return values
    if any(f"patient.{k}" in p.problems for k in values):
        return values  # type errors first; the patient rules below assume the types are right
    try:
        validate_patient(_patient_data(values), p.reference)
    except ValidationError as exc:
        for key, why in exc.as_given().items():
            # An unknown birth date is "missing" for the age rules, not a broken file.
            if key == "birth_date" and values.get("birth_date") is None:
                continue
            if key in values or key in ("family_name", "given_name", "mrn"):
                p.err(f"patient.{key}", why if isinstance(why, Reason) else Reason(why, context="ServiceMessages"))
    return values


def _patient_data(values: Mapping[str, Value]) -> PatientData:
    probe = Case(CASE_FORMAT, date.min, MappingProxyType(dict(values)), MappingProxyType({}))
    return probe.patient_data()


def _parse_history(p: _Parser, raw: object) -> dict[str, Value | tuple[Entry, ...]]:
    if not isinstance(raw, dict):
        p.err("history", _problem(NOT_AN_OBJECT, raw))
        return {}
    out: dict[str, Value | tuple[Entry, ...]] = {}
    for key, item in raw.items():
        path = f"history.{key}"
        if key in GROUP_FIELDS:
            if item is None:
                out[key] = None
            elif not isinstance(item, list):
                p.err(path, _problem(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is not a list"), item))
            else:
                out[key] = tuple(MappingProxyType(p.parse_block(f"{path}[{i}]", e, GROUP_FIELDS[key]))
                                 for i, e in enumerate(item))
        elif key in HISTORY_FIELDS:
            out[key] = p.parse_value(HISTORY_FIELDS[key], path, item)
        else:
            p.err(path, _problem(UNKNOWN_KEY))
    _cross_checks(p, out)
    return out


def _cross_checks(p: _Parser, history: Mapping[str, Value | tuple[Entry, ...]]) -> None:
    semen = history.get("semen_analyses")
    for i, entry in enumerate(semen if isinstance(semen, tuple) else ()):
        conc = entry.get("concentration_million_per_ml")
        if entry.get("sperm_seen") == "none" and isinstance(conc, int | float) and conc > 0:
            p.err(f"history.semen_analyses[{i}].concentration_million_per_ml", _problem(QT_TRANSLATE_NOOP(
                "ServiceMessages", "a concentration above 0 contradicts {field}: none"), field="sperm_seen"))
    if history.get("exogenous_testosterone_or_aas") in ("never", "current") and history.get(
            "testosterone_stopped_on") is not None:
        p.err("history.testosterone_stopped_on", _problem(QT_TRANSLATE_NOOP(
            "ServiceMessages", "a stop date contradicts {field}: {answer}"), field="exogenous_testosterone_or_aas",
            answer=history["exogenous_testosterone_or_aas"]))


def parse_case(data: object, *, today: date) -> Case:
    """Validate a decoded case JSON object; raise CaseError listing every problem by JSON path.

    `today` (in the clinic's time zone) is the default `assessed_on` when the file has none.
    """
    p = _Parser(today)
    if not isinstance(data, dict):
        raise CaseError({"$": _problem(QT_TRANSLATE_NOOP("ServiceMessages", "the case must be a JSON object"))})
    for key in data:
        if key not in _TOP_KEYS:
            p.err(key, _problem(UNKNOWN_KEY))
    fmt = data.get("format")
    if fmt not in SUPPORTED_FORMATS:
        supported = ", ".join(SUPPORTED_FORMATS)
        p.err("format", _problem(QT_TRANSLATE_NOOP("ServiceMessages", "missing; supported formats: {formats}"),
                                 formats=supported) if "format" not in data else _problem(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{value} is not supported; supported formats: {formats}"), fmt, formats=supported))
    if "assessed_on" in data:
        assessed = p.parse_date("assessed_on", data["assessed_on"], not_after=None)
        if assessed is not None:
            p.reference = assessed
    patient = _parse_patient(p, data["patient"]) if "patient" in data else {}
    if "patient" not in data:
        p.err("patient", _problem(QT_TRANSLATE_NOOP("ServiceMessages", "missing; the case needs a patient block")))
    history = _parse_history(p, data["history"]) if "history" in data else {}
    if "history" not in data:
        p.err("history", _problem(QT_TRANSLATE_NOOP("ServiceMessages",
                                                     "missing; the case needs a history block (it may be empty)")))
    if p.problems:
        raise CaseError(p.problems)
    return Case(CASE_FORMAT, p.reference, MappingProxyType(patient), MappingProxyType(history),
                tuple(p.warnings))


def _value_to_json(v: Value) -> Any:
    if isinstance(v, Quantity):
        return v.value if v.unit is None else {"value": v.value, "unit": v.unit}
    if isinstance(v, date):
        return v.isoformat()
    return v


def case_to_json(case: Case) -> dict[str, Any]:
    """The case in its exchange format (what "Export case" writes); parse_case reads it back equal."""
    history: dict[str, Any] = {}
    for key, v in case.history.items():
        if isinstance(v, tuple):
            history[key] = [{k: _value_to_json(x) for k, x in e.items()} for e in v]
        else:
            history[key] = _value_to_json(v)
    return {
        "format": case.format,
        "assessed_on": case.assessed_on.isoformat(),
        "patient": {k: _value_to_json(v) for k, v in case.patient.items()},
        "history": history,
    }
