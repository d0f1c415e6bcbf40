"""Signing gates computed from plain facts, including the reflection period on a moving clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from exoconsult.domain.gates import ExplanationFacts, all_open, explanation_gates

T0 = datetime(2026, 11, 1, 10, 0, tzinfo=UTC)
IDS = ("results", "risks")


def facts(**kw) -> ExplanationFacts:
    base = dict(language="tr", section_ids=IDS, discussed=frozenset(IDS), check_passed=True, pending_questions=0,
                interpreter_needed=False, interpreter_recorded=False, completed_at=T0, reflection_days=7,
                reflection_override_days=None, reflection_reason="")
    return ExplanationFacts(**{**base, **kw})


def gate(gates, key):
    return next(g for g in gates if g.key == key)


def test_all_gates_open_when_everything_is_met():
    gates = explanation_gates(facts(), (True, "Eligible."), T0 + timedelta(days=7))
    assert all_open(gates) and [g.key for g in gates] == ["eligibility", "sections", "comprehension",
                                                           "interpreter", "reflection"]


def test_each_gate_blocks_with_its_reason():
    now = T0 + timedelta(days=8)
    assert "Assessment is stale" in gate(explanation_gates(facts(), (False, "Assessment is stale."), now), "eligibility").reason
    g = gate(explanation_gates(facts(discussed=frozenset({"results"})), (True, ""), now), "sections")
    assert not g.open and "1 of 2 sections" in g.reason and g.why.values == {"count": "1", "total": "2"}
    g = gate(explanation_gates(facts(check_passed=False, pending_questions=2), (True, ""), now), "comprehension")
    assert not g.open and "2 question" in g.reason
    g = gate(explanation_gates(facts(interpreter_needed=True), (True, ""), now), "interpreter")
    assert not g.open and "interpreter" in g.reason.lower()
    assert gate(explanation_gates(facts(interpreter_needed=True, interpreter_recorded=True), (True, ""), now),
                "interpreter").open
    g = gate(explanation_gates(facts(completed_at=None), (True, ""), now), "reflection")
    assert not g.open and "starts when the explanation is complete" in g.reason
    assert not all_open(explanation_gates(None, (True, ""), now))


def test_reflection_period_on_a_moving_clock():
    f = facts()
    just_before = T0 + timedelta(days=7) - timedelta(seconds=1)
    g = gate(explanation_gates(f, (True, ""), just_before), "reflection")
    assert not g.open and "0 day(s) 0 hour(s) left" in g.reason
    assert gate(explanation_gates(f, (True, ""), T0 + timedelta(days=7)), "reflection").open


def test_shortened_reflection_opens_earlier_and_shows_the_reason():
    f = facts(reflection_override_days=2, reflection_reason="Travels abroad next week for work.")
    g = gate(explanation_gates(f, (True, ""), T0 + timedelta(days=2)), "reflection")
    assert g.open and "Travels abroad" in g.reason


def test_reflection_times_are_given_in_the_clinics_time_zone():
    g = gate(explanation_gates(facts(), (True, ""), T0, "Europe/Istanbul"), "reflection")
    assert "2026-11-08 13:00 (Europe/Istanbul)" in g.reason  # 10:00 UTC + 7 days, UTC+3
