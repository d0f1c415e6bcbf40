"""The one condition evaluator: its three-valued logic, its operators, and the one thing questionnaire
show_if and protocol rules do differently (what an unanswered question means), tested on the evaluator
itself and through both of its users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

import pytest

from exoconsult.definitions.protocol import load_protocol
from exoconsult.domain import questionnaire as qn
from exoconsult.domain.case import parse_case
from exoconsult.domain.conditions import (
    NO_MISSING,
    NOT_APPLICABLE,
    UNKNOWN,
    AllOf,
    AnyOf,
    Not,
    Unanswered,
    comparison,
    compile_condition,
    holds,
)
from exoconsult.rules import engine
from exoconsult.rules import model as rules
from tests.unit.rules.builders import PROTOCOL_DIR, TODAY, with_history


@dataclass(frozen=True)
class Leaf:
    """A minimal grammar for the tests: the operand is looked up by name in a dict context."""

    name: str
    op: str
    value: Any = None


def _leaf(unanswered: Unanswered):
    def compile_leaf(leaf: Leaf):
        def read(values: dict[str, Any]) -> tuple[object, frozenset[str]]:
            got = values.get(leaf.name, UNKNOWN)
            return (got, frozenset((leaf.name,))) if got is UNKNOWN else (got, NO_MISSING)
        return comparison(leaf.op, read, unanswered, value=leaf.value)
    return compile_leaf


RULES_LEAF, SHOW_IF_LEAF = _leaf(Unanswered.UNKNOWN), _leaf(Unanswered.MATCHES_NOTHING)


def judge(condition: Any, values: dict[str, Any], leaf=RULES_LEAF):
    return compile_condition(condition, leaf)(values)


@pytest.mark.parametrize(("condition", "rules_result", "show_if_result"), [
    (Leaf("x", "eq", "none"), (None, {"x"}), (False, set())),
    (Leaf("x", "ne", "none"), (None, {"x"}), (True, set())),
    (Leaf("x", "in", ("a", "b")), (None, {"x"}), (False, set())),
    (Leaf("x", "not_in", ("a", "b")), (None, {"x"}), (True, set())),
    (Leaf("x", "gt", 3), (None, {"x"}), (False, set())),
    (Not(Leaf("x", "eq", "none")), (None, {"x"}), (True, set())),
    (Leaf("x", "answered"), (False, set()), (False, set())),
    (Leaf("x", "unanswered"), (True, set()), (True, set())),
])
def test_an_unanswered_operand_is_unknown_for_rules_and_matches_nothing_for_show_if(
        condition, rules_result, show_if_result):
    truth, missing = judge(condition, {}, RULES_LEAF)
    assert (truth, set(missing)) == rules_result
    truth, missing = judge(condition, {}, SHOW_IF_LEAF)
    assert (truth, set(missing)) == show_if_result


def test_the_difference_through_both_users():
    # show_if: "asked when varicocele is not none" is asked while varicocele is still open
    assert qn.evaluate(qn.Compare("varicocele", "ne", "none"), {}) is True
    assert qn.evaluate(qn.Compare("varicocele", "eq", "none"), {}) is False
    assert qn.evaluate(qn.Not(qn.Compare("varicocele", "eq", "none")), {}) is True
    # a rule with the same comparison cannot be judged: varicocele is reported missing
    protocol = load_protocol(PROTOCOL_DIR)
    rule = rules.Rule("T-1", rules.RuleOutcome.NEEDS_REVIEW, rules.Compare(rules.Source.FIELD, "varicocele", "ne", "none"),
                      ("varicocele",), MappingProxyType({"en": "r"}), MappingProxyType({"en": "a"}), "s")
    one_rule = rules.Protocol(protocol.id, protocol.version, protocol.sha256, protocol.approval, protocol.languages,
                              protocol.parameters, (rule,), protocol.missing_message)
    result = engine.assess(one_rule, parse_case(with_history(varicocele=...), today=TODAY))
    assert result.outcome is rules.Verdict.INCOMPLETE
    assert [(m.field, m.needed_by) for m in result.missing] == [("varicocele", ("T-1",))]


def test_a_known_part_decides_all_and_any_even_when_another_is_unknown():
    unknown, yes, no = Leaf("x", "eq", 1), Leaf("y", "eq", 1), Leaf("y", "eq", 2)
    values = {"y": 1}
    assert judge(AllOf((unknown, no)), values) == (False, NO_MISSING)
    assert judge(AnyOf((unknown, yes)), values) == (True, NO_MISSING)
    assert judge(AllOf((unknown, yes)), values) == (None, frozenset({"x"}))
    assert judge(AnyOf((unknown, no, Leaf("z", "gt", 0))), values) == (None, frozenset({"x", "z"}))
    assert judge(AllOf(()), values) == (True, NO_MISSING) and judge(AnyOf(()), values) == (False, NO_MISSING)


def test_not_applicable_makes_every_comparison_false_and_counts_as_answered():
    values = {"x": NOT_APPLICABLE}
    for op, value in (("eq", 1), ("ne", 1), ("in", (1,)), ("not_in", (1,)), ("lt", 1), ("ge", 1)):
        assert judge(Leaf("x", op, value), values) == (False, NO_MISSING), op
    assert judge(Leaf("x", "answered"), values) == (True, NO_MISSING)


def test_operators_on_known_values():
    assert holds("eq", 3, 3.0) and holds("ne", "a", "b") and holds("in", "a", ("a",)) and holds("not_in", "a", None)
    assert holds("lt", 2, 2.5) and holds("le", date(2020, 1, 1), date(2020, 1, 1)) and holds("gt", "b", "a")
    assert not holds("ge", True, 0)  # booleans have no order
    assert not holds("lt", date(2020, 1, 1), 5)  # no order between a date and a number
    assert not holds("gt", None, 0) and not holds("lt", ["x"], 1)
    with pytest.raises(ValueError):
        comparison("like", lambda _: (1, NO_MISSING), Unanswered.UNKNOWN)


def test_protocol_parameters_are_looked_up_each_time():
    def read(values: dict[str, Any]) -> tuple[object, frozenset[str]]:
        return values["x"], NO_MISSING
    above = comparison("gt", read, Unanswered.UNKNOWN, lookup=lambda values: values["limit"])
    assert above({"x": 5, "limit": 4}) == (True, NO_MISSING)
    assert above({"x": 5, "limit": 6}) == (False, NO_MISSING)
    inside = comparison("in", read, Unanswered.UNKNOWN, lookup=lambda values: values["allowed"])
    assert inside({"x": "a", "allowed": ["a", "b"]}) == (True, NO_MISSING)
    assert inside({"x": "a", "allowed": None}) == (False, NO_MISSING)


def test_both_grammars_share_the_combinators_and_the_operators():
    assert qn.AllOf is rules.AllOf is AllOf and qn.AnyOf is rules.AnyOf is AnyOf and qn.Not is rules.Not is Not
    assert set(qn.COMPARE_OPS) == {*rules.COMPARE_OPS, *rules.PRESENCE_OPS}
    assert qn.SHOW_IF_UNANSWERED is Unanswered.MATCHES_NOTHING
    assert engine.RULES_UNANSWERED is Unanswered.UNKNOWN
