"""A stored history as plain data, and the checks an edit must pass (pure; no storage, no services).

A `HistoryDoc` is the case-format `history` block (entries of repeatable groups in stored order) plus
one stable row key per entry ("r1", "r2"...), so an edit names an entry that does not move when the
entries are re-sorted by date. Values are stored exactly as entered (a quantity keeps its unit).
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exoconsult.domain import questionnaire as q
from exoconsult.domain.text import free_text_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.domain.units import plausibility_reason, to_canonical
from exoconsult.domain.vocabulary import REPEATABLE_GROUPS, FieldSpec, field_spec


class _Absent:
    """No answer stored at all (key absent = "not asked"); distinct from None ("asked, not known")."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self):
        return (_Absent, ())


ABSENT: Any = _Absent()


def same_value(a: Any, b: Any) -> bool:
    """Equality that tells true from 1 and 1 from 1.0 (as JSON does), and ABSENT from None."""
    if a is ABSENT or b is ABSENT:
        return a is b
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True) and type(a) is type(b)


@dataclass
class HistoryDoc:
    history: dict[str, Any] = field(default_factory=dict)
    row_keys: dict[str, list[str]] = field(default_factory=dict)
    next_row: int = 1

    def copy(self) -> HistoryDoc:
        return HistoryDoc(copy.deepcopy(self.history), copy.deepcopy(self.row_keys), self.next_row)

    @classmethod
    def from_case_history(cls, history: Mapping[str, Any]) -> HistoryDoc:
        doc = cls(history=copy.deepcopy(dict(history)))
        for group, entries in doc.history.items():
            if isinstance(entries, list):
                doc.row_keys[group] = [doc._new_key() for _ in entries]
        return doc

    def _new_key(self) -> str:
        key = f"r{self.next_row}"
        self.next_row += 1
        return key

    def entry(self, group: str, row: str) -> dict[str, Any] | None:
        keys = self.row_keys.get(group, [])
        if row not in keys:
            return None
        return self.history[group][keys.index(row)]

    def get(self, path: q.FieldPath) -> Any:
        scope = self.history if path.group is None else self.entry(path.group, path.row or "")
        if scope is None:
            return ABSENT
        return scope.get(path.field, ABSENT)

    def set(self, path: q.FieldPath, value: Any) -> None:
        scope = self.history if path.group is None else self.entry(path.group, path.row or "")
        if scope is None:
            raise KeyError(str(path))
        if path.group is None and path.field in REPEATABLE_GROUPS:
            # A whole group: [] = asked, there are none; None = asked, not known; ABSENT = not asked.
            if self.row_keys.get(path.field):
                raise ValueError(f"{path.field} has entries; remove them first")
            self.row_keys.pop(path.field, None)
            if value == []:
                self.row_keys[path.field] = []
        if value is ABSENT:
            scope.pop(path.field, None)
        else:
            scope[path.field] = copy.deepcopy(value)

    def add_row(self, group: str) -> str:
        entries = self.history.get(group)
        if not isinstance(entries, list):
            entries = self.history[group] = []
            self.row_keys[group] = []
        key = self._new_key()
        entries.append({})
        self.row_keys[group].append(key)
        return key

    def remove_row(self, group: str, row: str) -> dict[str, Any]:
        index = self.row_keys[group].index(row)
        self.row_keys[group].pop(index)
        return self.history[group].pop(index)

    def rows(self, group: str) -> list[tuple[str, dict[str, Any]]]:
        """Entries with their keys, sorted by date (undated entries last, in the order they were added)."""
        pairs = list(zip(self.row_keys.get(group, []), self.history.get(group) or [], strict=False))

        def order(pair: tuple[str, dict[str, Any]]) -> tuple[bool, str, int]:
            when = pair[1].get("date")
            return (not isinstance(when, str), when if isinstance(when, str) else "", int(pair[0][1:]))

        return sorted(pairs, key=order)


# --- checking one value --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueCheck:
    value: Any  # normalised value to store (numbers parsed, dates ISO)
    problem: str | None = None  # "invalid" | "range": refused
    message: str = ""  # why, in English (command line, logs)
    # outside the plausible band: store only when the user confirmed (words a screen says in its own language)
    warning_why: Reason | None = None
    why: Reason | None = None  # the same refusal as words a screen says in its own language

    @property
    def warning(self) -> str | None:
        """The plausibility warning in English (command line, logs, the audit trail)."""
        return self.warning_why.english() if self.warning_why is not None else None


def _refused(raw: Any, problem: str, why: Reason) -> ValueCheck:
    return ValueCheck(raw, problem, why.english(), why=why)


def _number_unreadable(question: q.Question) -> Reason:
    """Why a typed number cannot be read (the screens say exactly what is wrong while the user types; this is
    for the callers that send text without a screen)."""
    if question.type is q.QuestionType.INTEGER:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Enter a whole number, with the digits 0-9 only."))
    return service_message(QT_TRANSLATE_NOOP(
        "ServiceMessages", "Enter a number: the digits 0-9 with at most one decimal comma, no thousands separator."))


ENTER_A_DATE = QT_TRANSLATE_NOOP("ServiceMessages", "Enter a date as dd.mm.yyyy.")


def spec_for(question: q.Question, group: str | None) -> FieldSpec | None:
    return field_spec(question.id if group is None else f"{group}.{question.id}")


def _number(raw: Any, integer: bool) -> int | float:
    if isinstance(raw, str):
        return q.parse_number(raw, integer=integer)
    if isinstance(raw, bool) or not isinstance(raw, int | float) or (isinstance(raw, int) and abs(raw) >= 10**15) \
            or (isinstance(raw, float) and not math.isfinite(raw)):
        raise q.entry_error(QT_TRANSLATE_NOOP("ServiceMessages", "{text} is not a number"), "not_number", text=repr(raw))
    if integer and not isinstance(raw, int):
        if float(raw).is_integer():
            return int(raw)
        raise q.entry_error(QT_TRANSLATE_NOOP("ServiceMessages", "{text} is not a whole number"), "not_integer",
                            text=repr(raw))
    return raw


def _range_reason(question: q.Question, shown: str, canonical: float) -> Reason | None:
    low, high = question.minimum, question.maximum
    if (low is not None and canonical < low) or (high is not None and canonical > high):
        unit = f" {question.canonical_unit}" if question.canonical_unit else ""
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{value} is outside the allowed range "
                                                 "{low}–{high}{unit}."), value=shown, low=float(low),
                               high=float(high), unit=unit)
    return None


def check_value(question: q.Question, group: str | None, raw: Any, *, today: date) -> ValueCheck:
    """Whether `raw` may be stored as the answer to `question` (None = asked, not known)."""
    if raw is None:
        return ValueCheck(None)
    t = question.type
    try:
        if t is q.QuestionType.INFO:
            return _refused(raw, "invalid", service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                              "This item takes no answer.")))
        if t is q.QuestionType.YES_NO:
            if not isinstance(raw, bool):
                return _refused(raw, "invalid", service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Answer yes or no.")))
            return ValueCheck(raw)
        if t is q.QuestionType.SINGLE_CHOICE:
            if not isinstance(raw, str) or raw not in question.option_values():
                return _refused(raw, "invalid", service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Choose one of the answers offered.")))
            return ValueCheck(raw)
        if t is q.QuestionType.MULTI_CHOICE:
            if not isinstance(raw, list) or len(set(map(str, raw))) != len(raw) or any(
                    not isinstance(v, str) or v not in question.option_values() for v in raw):
                return _refused(raw, "invalid", service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Choose among the answers offered, each at most once.")))
            return ValueCheck(list(raw))
        if t is q.QuestionType.TEXT:
            why = (free_text_reason(raw, QT_TRANSLATE_NOOP("ServiceMessages", "The text")) if isinstance(raw, str)
                   else service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Enter text.")))
            return _refused(raw, "invalid", why) if why else ValueCheck(raw)
        if t is q.QuestionType.DATE:
            when = raw if isinstance(raw, date) else q.parse_date_text(raw) if isinstance(raw, str) else None
            if when is None:
                return _refused(raw, "invalid", service_message(ENTER_A_DATE))
            if when > today:
                return _refused(raw, "range", service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "{date} is in the future."), date=when.strftime('%d.%m.%Y')))
            return ValueCheck(when.isoformat())
        spec = spec_for(question, group)
        if t is q.QuestionType.QUANTITY:
            if isinstance(raw, Mapping):
                if set(raw) != {"value", "unit"}:
                    return _refused(raw, "invalid", service_message(QT_TRANSLATE_NOOP(
                        "ServiceMessages", "Give the value with its unit.")))
                unit = raw["unit"]
                if unit not in question.units:
                    return _refused(raw, "invalid", service_message(QT_TRANSLATE_NOOP(
                        "ServiceMessages", "The unit {unit} is not accepted here; use {units}."), unit=unit,
                        units=", ".join(question.units)))
                number = _number(raw["value"], integer=False)
                stored: Any = {"value": number, "unit": unit}
            else:
                unit, number = None, _number(raw, integer=False)
                stored = number
            canonical = to_canonical(spec or question.id, number, unit)
            shown = f"{number:g} {unit or question.canonical_unit}"
        else:
            number = _number(raw, integer=t is q.QuestionType.INTEGER)
            unit, stored, canonical = None, number, number
            shown = f"{number:g}" + (f" {question.canonical_unit}" if question.canonical_unit else "")
        out_of_range = _range_reason(question, shown, canonical)
        if out_of_range:
            return _refused(stored, "range", out_of_range)
        return ValueCheck(stored, warning_why=plausibility_reason(spec, number, unit) if spec is not None else None)
    except q.EntryError:
        return _refused(raw, "invalid", service_message(ENTER_A_DATE) if t is q.QuestionType.DATE
                        else _number_unreadable(question))


def canonical_of(question: q.Question | None, group: str | None, value: Any) -> Any:
    """The number in the canonical unit for quantities (else the value itself)."""
    if question is not None and question.type is q.QuestionType.QUANTITY and value is not None:
        spec = spec_for(question, group)
        if isinstance(value, Mapping):
            return float(to_canonical(spec or question.id, value["value"], value["unit"]))
        return float(value)
    return value
