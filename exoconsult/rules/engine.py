"""Assess a case against an eligibility protocol (pure; one assessment takes well under a millisecond).

Conditions are judged by the one condition evaluator (exoconsult.domain.conditions) with three-valued
logic: a comparison whose operand is missing is "unknown"; all/any let a known false/true part decide (so
a rule that clearly does not apply never asks for more data). A rule that stays unknown cannot be judged:
the fields that made it unknown are reported missing.

Verdict precedence (spec/eligibility-protocol.md): ineligible > incomplete > needs_review > eligible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from exoconsult.domain import conditions
from exoconsult.domain.case import Case, Quantity
from exoconsult.domain.conditions import Evaluator, Unanswered
from exoconsult.rules.derived import DERIVED, NO_MISSING, NOT_APPLICABLE, UNKNOWN, Result
from exoconsult.rules.model import (
    SEVERITY,
    Compare,
    Condition,
    Protocol,
    Rule,
    RuleOutcome,
    Source,
    Verdict,
)
from exoconsult.rules.texts import render


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

    def field(self, name: str) -> Result:
        v = self.case.value(name)
        if v is None:
            return UNKNOWN, frozenset((name,))
        return (v.canonical if isinstance(v, Quantity) else v), NO_MISSING

    def absent(self, field: str) -> bool:
        """Is a rule's `reads` entry missing from the case (null or not asked)?"""
        if "." not in field:
            if field in ("semen_analyses", "hormone_panels", "sperm_retrieval_attempts"):
                return self.case.entries(field) is None
            return self.case.value(field) is None
        group, name = field.split(".", 1)
        return not any(e.get(name) is not None for e in self.case.entries(group) or ())


# A rule that cannot be judged reports its missing fields (see exoconsult.domain.conditions).
RULES_UNANSWERED = Unanswered.UNKNOWN


def compile_condition(cond: Condition) -> Evaluator:
    """Turn a condition tree into a closure over an assessment context (three-valued result)."""
    return conditions.compile_condition(cond, _compile_compare)


def _compile_compare(cmp: Compare) -> Evaluator:
    name, param, literal = cmp.name, cmp.param, cmp.value
    derived = cmp.source is Source.DERIVED

    def operand(ctx: _Context) -> Result:
        return ctx.derived(name) if derived else ctx.field(name)

    if param is None:
        return conditions.comparison(cmp.op, operand, RULES_UNANSWERED, value=literal)

    def parameter(ctx: _Context) -> Any:
        return ctx.params[param]
    return conditions.comparison(cmp.op, operand, RULES_UNANSWERED, lookup=parameter)


# Compiled rules per rules tuple (with_parameters() keeps the tuple, so a parameter change recompiles
# nothing). Keyed by id() and checked by identity, so a dead tuple's reused id cannot match.
_COMPILED: dict[int, tuple[tuple[Rule, ...], tuple[Evaluator, ...]]] = {}


def _compiled(rules: tuple[Rule, ...]) -> tuple[Evaluator, ...]:
    hit = _COMPILED.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    if len(_COMPILED) > 64:
        _COMPILED.clear()
    evaluators = tuple(compile_condition(r.when) for r in rules)
    _COMPILED[id(rules)] = (rules, evaluators)
    return evaluators


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
    for rule, holds in zip(protocol.rules, _compiled(protocol.rules), strict=True):
        truth, missing = holds(ctx)
        if truth is True and rule.outcome is RuleOutcome.MISSING_DATA:
            fields = [f for f in rule.reads if ctx.absent(f)] or list(rule.reads)
            message = render(_text(rule.action, lang) or _text(rule.reason, lang), protocol.values, lang)
            for f in fields:
                needed.setdefault(f, []).append(rule)
                data_messages.setdefault(f, message)
        elif truth is True:
            fired.append((rule, FiredRule(rule.id, rule.outcome.value, render(_text(rule.reason, lang), protocol.values, lang),
                                          render(_text(rule.action, lang), protocol.values, lang), rule.source)))
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
