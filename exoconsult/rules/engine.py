"""Assess a case against an eligibility protocol (pure; one assessment takes well under a millisecond).

Conditions are judged with three-valued logic: a comparison whose operand is missing is "unknown"; all/any
let a known false/true part decide (so a rule that clearly does not apply never asks for more data).
A rule that stays unknown cannot be judged: the fields that made it unknown are reported missing.

Verdict precedence (spec/eligibility-protocol.md): ineligible > incomplete > needs_review > eligible.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from exoconsult.domain.case import Case, Quantity
from exoconsult.rules.derived import DERIVED, NO_MISSING, NOT_APPLICABLE, UNKNOWN, Result
from exoconsult.rules.model import (
    SEVERITY,
    AnyOf,
    Compare,
    Condition,
    Not,
    Protocol,
    Rule,
    RuleOutcome,
    Source,
    Verdict,
)

_OPS: Mapping[str, Callable[[Any, Any], bool]] = MappingProxyType({
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le, "gt": operator.gt,
    "ge": operator.ge, "in": lambda a, b: a in b, "not_in": lambda a, b: a not in b,
})

Tri = tuple[bool | None, frozenset[str]]


@dataclass(frozen=True)
class ProtocolRef:
    id: str
    version: str
    sha256: str


@dataclass(frozen=True)
class FiredRule:
    rule: str
    outcome: str
    reason: str
    action: str
    source: str


@dataclass(frozen=True)
class MissingField:
    field: str
    needed_by: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class Assessment:
    """The result of `exoconsult assess` (spec/case-format.md, "Output of exoconsult assess")."""

    outcome: Verdict
    protocol: ProtocolRef
    fired: tuple[FiredRule, ...]
    missing: tuple[MissingField, ...]
    derived: Mapping[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "protocol": {"id": self.protocol.id, "version": self.protocol.version, "sha256": self.protocol.sha256},
            "fired": [{"rule": f.rule, "outcome": f.outcome, "reason": f.reason, "action": f.action,
                       "source": f.source} for f in self.fired],
            "missing": [{"field": m.field, "needed_by": list(m.needed_by), "message": m.message}
                        for m in self.missing],
            "derived": dict(self.derived),
        }


class _Context:
    """One case under one protocol; derived values are computed at most once."""

    def __init__(self, protocol: Protocol, case: Case) -> None:
        self.params = protocol.values
        self.case = case
        self.cache: dict[str, Result] = {}

    def derived(self, name: str) -> Result:
        hit = self.cache.get(name)
        if hit is None:
            hit = self.cache[name] = DERIVED[name].compute(self)
        return hit

    def operand(self, cmp: Compare) -> Result:
        if cmp.source is Source.DERIVED:
            return self.derived(cmp.name)
        v = self.case.value(cmp.name)
        if v is None:
            return UNKNOWN, frozenset((cmp.name,))
        return (v.canonical if isinstance(v, Quantity) else v), NO_MISSING

    def holds(self, cond: Condition) -> Tri:
        if isinstance(cond, Compare):
            value, missing = self.operand(cond)
            if cond.op == "answered":
                return value is not UNKNOWN, NO_MISSING
            if cond.op == "unanswered":
                return value is UNKNOWN, NO_MISSING
            if value is UNKNOWN:
                return None, missing
            if value is NOT_APPLICABLE:
                return False, NO_MISSING
            other = self.params[cond.param] if cond.param is not None else cond.value
            return _OPS[cond.op](value, other), NO_MISSING
        if isinstance(cond, Not):
            inner, missing = self.holds(cond.item)
            return (None, missing) if inner is None else (not inner, NO_MISSING)
        decisive = isinstance(cond, AnyOf)  # the value that settles the node on its own
        missing: frozenset[str] = NO_MISSING
        for item in cond.items:
            truth, m = self.holds(item)
            if truth is decisive:
                return decisive, NO_MISSING
            if truth is None:
                missing = missing | m
        return (None, missing) if missing else (not decisive, NO_MISSING)

    def absent(self, field: str) -> bool:
        """Is a rule's `reads` entry missing from the case (null or not asked)?"""
        if "." not in field:
            if field in ("semen_analyses", "hormone_panels", "sperm_retrieval_attempts"):
                return self.case.entries(field) is None
            return self.case.value(field) is None
        group, name = field.split(".", 1)
        return not any(e.get(name) is not None for e in self.case.entries(group) or ())


def _text(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


def _json_value(value: object) -> Any:
    if value is UNKNOWN or value is NOT_APPLICABLE:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)  # display only; rules compare the unrounded value
    return value


def _order(rule: Rule) -> tuple[int, str]:
    return -SEVERITY[rule.outcome], rule.id


def assess(protocol: Protocol, case: Case, lang: str = "en") -> Assessment:
    """Judge `case` by every rule of `protocol`; texts in `lang` (English when a text lacks it)."""
    ctx = _Context(protocol, case)
    fired: list[tuple[Rule, FiredRule]] = []
    needed: dict[str, list[Rule]] = {}
    data_messages: dict[str, str] = {}  # field -> message of a "(missing data)" rule that names it
    for rule in protocol.rules:
        truth, missing = ctx.holds(rule.when)
        if truth is True and rule.outcome is RuleOutcome.MISSING_DATA:
            fields = [f for f in rule.reads if ctx.absent(f)] or list(rule.reads)
            message = _text(rule.action, lang) or _text(rule.reason, lang)
            for f in fields:
                needed.setdefault(f, []).append(rule)
                data_messages.setdefault(f, message)
        elif truth is True:
            fired.append((rule, FiredRule(rule.id, rule.outcome.value, _text(rule.reason, lang),
                                          _text(rule.action, lang), rule.source)))
        elif truth is None:
            for f in missing:
                needed.setdefault(f, []).append(rule)
    fired.sort(key=lambda pair: _order(pair[0]))
    missing_out = []
    for field, rules in needed.items():
        rules.sort(key=_order)
        ids = tuple(dict.fromkeys(r.id for r in rules))
        message = data_messages.get(field) or _text(protocol.missing_message, lang).format(rules=", ".join(ids))
        missing_out.append((_order(rules[0]), field, MissingField(field, ids, message)))
    missing_out.sort(key=lambda t: (t[0], t[1]))
    outcomes = {r.outcome for r, _ in fired}
    if RuleOutcome.INELIGIBLE in outcomes:
        verdict = Verdict.INELIGIBLE
    elif missing_out:
        verdict = Verdict.INCOMPLETE
    elif RuleOutcome.NEEDS_REVIEW in outcomes:
        verdict = Verdict.NEEDS_REVIEW
    else:
        verdict = Verdict.ELIGIBLE
    derived = {name: _json_value(ctx.derived(name)[0]) for name in DERIVED}
    return Assessment(verdict, ProtocolRef(protocol.id, protocol.version, protocol.sha256),
                      tuple(f for _, f in fired), tuple(m for _, _, m in missing_out), MappingProxyType(derived))
