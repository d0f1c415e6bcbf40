"""The one evaluator of the closed condition grammar used by questionnaire `show_if` and protocol rules.

A condition is a comparison (a leaf) or all/any/not of conditions. The two languages differ only in their
leaves: a questionnaire comparison names a question (`q`), a protocol comparison a case field or a
derived value and may compare with a protocol parameter. Each caller therefore supplies how a leaf reads
its operand and its wanted value; everything else is here, once:

* three-valued (Kleene) logic: a result is True, False or None ("cannot be judged") together with the
  fields whose absence made it None. all/any let a known false/true part decide, so a condition that
  clearly does not hold never asks for more data; `not` keeps None;
* what each operator means for a known value;
* what a comparison with an unanswered operand means (`Unanswered`, the one real difference):

  - `Unanswered.UNKNOWN` (protocol rules): it cannot be judged. The rule then reports the fields as
    missing instead of firing or being passed over.
  - `Unanswered.MATCHES_NOTHING` (questionnaire show_if): an unanswered question equals no value, so
    eq/in and the order comparisons are false and ne/not_in are true: "asked when X is not none" is
    asked while X is still open. The result is then never None.

`answered`/`unanswered` test presence itself and are never None. A derived value may also be
NOT_APPLICABLE ("the question does not arise"): every comparison with it is false, never missing.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import Any


class _Marker:
    def __init__(self, name: str) -> None:
        self._name = name

    def __repr__(self) -> str:
        return self._name


UNKNOWN = _Marker("UNKNOWN")  # an operand with no value: the question is unanswered (absent or null)
NOT_APPLICABLE = _Marker("NOT_APPLICABLE")  # a derived value for a question that does not arise
NO_MISSING: frozenset[str] = frozenset()

Result = tuple[object, frozenset[str]]  # an operand: (value | UNKNOWN | NOT_APPLICABLE, missing field ids)
Truth = tuple[bool | None, frozenset[str]]  # (True | False | None, fields that made it None)
Evaluator = Callable[[Any], Truth]  # judges a condition against the caller's context (answers, a case...)

ORDER_OPS: tuple[str, ...] = ("lt", "le", "gt", "ge")
VALUE_OPS: tuple[str, ...] = ("eq", "ne", "in", "not_in", *ORDER_OPS)
PRESENCE_OPS: tuple[str, ...] = ("answered", "unanswered")
NEGATIVE_OPS: tuple[str, ...] = ("ne", "not_in")  # hold for an unanswered operand under MATCHES_NOTHING

TRUE: Truth = (True, NO_MISSING)
FALSE: Truth = (False, NO_MISSING)


class Unanswered(StrEnum):
    """What a comparison (other than answered/unanswered) with an unanswered operand means."""

    UNKNOWN = "unknown"  # cannot be judged: None, with the operand's missing fields (protocol rules)
    MATCHES_NOTHING = "matches_nothing"  # equals no value: ne/not_in true, all else false (show_if)


@dataclass(frozen=True)
class AllOf:
    items: tuple[Any, ...]  # conditions of one grammar


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Any, ...]


@dataclass(frozen=True)
class Not:
    item: Any


_PLAIN_ORDERABLE = frozenset({int, float, str, date})  # fast path; subclasses take the isinstance check


def _ordered(test: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def order(got: Any, want: Any) -> bool:
        if got.__class__ not in _PLAIN_ORDERABLE and (
                isinstance(got, bool) or not isinstance(got, int | float | str | date)):
            return False
        try:
            return test(got, want)
        except TypeError:  # e.g. a date against a number: no order, so the comparison does not hold
            return False
    return order


# in/not_in receive their values as a tuple (see _values)
_TESTS: Mapping[str, Callable[[Any, Any], bool]] = MappingProxyType({
    "eq": operator.eq, "ne": operator.ne,
    "in": lambda got, values: got in values, "not_in": lambda got, values: got not in values,
    "lt": _ordered(operator.lt), "le": _ordered(operator.le), "gt": _ordered(operator.gt), "ge": _ordered(operator.ge),
})
_MEMBERSHIP_OPS = ("in", "not_in")


def _values(want: Any) -> tuple[Any, ...]:
    return tuple(want or ())


def holds(op: str, got: Any, want: Any) -> bool:
    """A value operator applied to a known value. in/not_in take a sequence of values (None = none). An
    order comparison holds only between numbers, texts or dates, never booleans; anything else is false."""
    return bool(_TESTS[op](got, _values(want) if op in _MEMBERSHIP_OPS else want))


def comparison(op: str, read: Callable[[Any], Result], unanswered: Unanswered, *, value: Any = None,
               lookup: Callable[[Any], Any] | None = None) -> Evaluator:
    """A leaf evaluator: `read(context)` gives the operand; it is compared with `value`, or with
    `lookup(context)` when given (a protocol parameter)."""
    if op == "answered":
        return lambda context: TRUE if read(context)[0] is not UNKNOWN else FALSE
    if op == "unanswered":
        return lambda context: TRUE if read(context)[0] is UNKNOWN else FALSE
    if op not in _TESTS:
        raise ValueError(f"unknown comparison operator {op!r}")
    test = _TESTS[op]
    if_unanswered: Truth | None = None
    if unanswered is Unanswered.MATCHES_NOTHING:
        if_unanswered = TRUE if op in NEGATIVE_OPS else FALSE
    if lookup is None:
        want = _values(value) if op in _MEMBERSHIP_OPS else value

        def compare(context: Any) -> Truth:
            got, missing = read(context)
            if got is UNKNOWN:
                return (None, missing) if if_unanswered is None else if_unanswered
            if got is NOT_APPLICABLE:
                return FALSE
            return TRUE if test(got, want) else FALSE
        return compare
    find = lookup if op not in _MEMBERSHIP_OPS else lambda context: _values(lookup(context))

    def compare_with_lookup(context: Any) -> Truth:
        got, missing = read(context)
        if got is UNKNOWN:
            return (None, missing) if if_unanswered is None else if_unanswered
        if got is NOT_APPLICABLE:
            return FALSE
        return TRUE if test(got, find(context)) else FALSE
    return compare_with_lookup


@lru_cache(maxsize=8192)  # conditions are frozen and hashable: each tree is compiled once per leaf compiler
def compile_condition(condition: Any, leaf: Callable[[Any], Evaluator]) -> Evaluator:
    """Turn a condition tree into one evaluator; `leaf` compiles the grammar's comparisons."""
    if isinstance(condition, Not):
        inner = compile_condition(condition.item, leaf)

        def negate(context: Any) -> Truth:
            truth, missing = inner(context)
            return (None, missing) if truth is None else (not truth, NO_MISSING)
        return negate
    if not isinstance(condition, AllOf | AnyOf):
        return leaf(condition)
    items = tuple(compile_condition(c, leaf) for c in condition.items)
    decisive = isinstance(condition, AnyOf)  # the value that settles the node on its own
    settled: Truth = (decisive, NO_MISSING)
    otherwise: Truth = (not decisive, NO_MISSING)

    def combine(context: Any) -> Truth:
        missing: frozenset[str] = NO_MISSING
        for item in items:
            truth, m = item(context)
            if truth is decisive:
                return settled
            if truth is None:
                missing = missing | m
        return (None, missing) if missing else otherwise
    return combine
