"""Eligibility protocol as frozen domain objects: the closed condition grammar, rules, parameters.

The grammar is closed on purpose (no expressions, no eval): a condition is a comparison of one
operand (a case field or a named derived value) with a literal or a protocol parameter, or all/any/not
of conditions. all/any/not and the operators are shared with the questionnaire's show_if
(exoconsult.domain.conditions); the comparison below is the protocol's own. Everything a clinic can
change is data in forms/protocols/<id>/protocol.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from exoconsult.domain.conditions import ORDER_OPS as ORDER_OPS
from exoconsult.domain.conditions import PRESENCE_OPS as PRESENCE_OPS
from exoconsult.domain.conditions import VALUE_OPS, AllOf, AnyOf, Not


class RuleOutcome(StrEnum):
    INELIGIBLE = "ineligible"
    MISSING_DATA = "missing_data"  # "(missing data)" rules: when they fire, their fields are reported missing
    NEEDS_REVIEW = "needs_review"
    CAUTION = "caution"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NEEDS_REVIEW = "needs_review"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"


# Higher = more severe; used to sort fired and missing entries (spec: by severity, then rule id).
SEVERITY: Mapping[RuleOutcome, int] = MappingProxyType({
    RuleOutcome.INELIGIBLE: 3, RuleOutcome.MISSING_DATA: 2, RuleOutcome.NEEDS_REVIEW: 1, RuleOutcome.CAUTION: 0,
})

COMPARE_OPS = VALUE_OPS  # the operators and their meaning are exoconsult.domain.conditions

Literal = bool | int | float | str | tuple[str, ...]


class Source(StrEnum):
    FIELD = "field"  # a top-level history field or a patient field, by id
    DERIVED = "derived"  # a named value computed from the case (see rules.derived)


@dataclass(frozen=True)
class Compare:
    """`<source name> <op> <value | parameter>`; answered/unanswered take neither."""

    source: Source
    name: str
    op: str
    value: Literal | None = None
    param: str | None = None


Condition = Compare | AllOf | AnyOf | Not


@dataclass(frozen=True)
class Rule:
    id: str
    outcome: RuleOutcome
    when: Condition
    reads: tuple[str, ...]  # qualified field ids (or group names) the rule needs
    reason: Mapping[str, str]  # language -> text
    action: Mapping[str, str]
    source: str


@dataclass(frozen=True)
class Parameter:
    name: str
    default: int | float
    unit: str = ""
    note: str = ""


@dataclass(frozen=True)
class Approval:
    approved_by: str  # empty: the clinic has not approved the protocol
    approved_on: str
    note: str = ""

    @property
    def approved(self) -> bool:
        return bool(self.approved_by.strip())


@dataclass(frozen=True)
class Protocol:
    id: str
    version: str
    sha256: str
    approval: Approval
    languages: tuple[str, ...]
    parameters: Mapping[str, Parameter]
    rules: tuple[Rule, ...]
    missing_message: Mapping[str, str]  # language -> template with {rules}
    values: Mapping[str, int | float] = field(default_factory=dict)  # parameter values in force

    def __post_init__(self) -> None:
        if not self.values:
            object.__setattr__(self, "values",
                               MappingProxyType({n: p.default for n, p in self.parameters.items()}))

    def with_parameters(self, sha256: str, **changes: int | float) -> Protocol:
        """A copy with some parameter values changed (the clinic's edit); sha256 is the edited file's."""
        unknown = set(changes) - set(self.parameters)
        if unknown:
            raise KeyError(f"unknown parameter(s): {', '.join(sorted(unknown))}")
        return replace(self, sha256=sha256, values=MappingProxyType({**self.values, **changes}))


def walk(cond: Condition) -> list[Compare]:
    """Every comparison in a condition tree, in order."""
    if isinstance(cond, Compare):
        return [cond]
    if isinstance(cond, Not):
        return walk(cond.item)
    return [c for item in cond.items for c in walk(item)]
