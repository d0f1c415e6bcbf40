"""The gates before a consent can be signed (consent-content.md "Gates before signature"), computed from
plain facts so services, GUI and tests share one definition. Each gate says why it is closed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, filled_reason


@dataclass(frozen=True)
class Gate:
    key: str
    open: bool
    reason: str  # why it is closed, or what satisfied it (English: logs, command line, errors)
    why: Reason | None = None  # the same, for a screen in another language


def gate(key: str, is_open: bool, template: str, lists: Mapping[str, tuple[str, ...]] | None = None,
         parts: Mapping[str, tuple[Reason, ...]] | None = None, moments: Mapping[str, datetime] | None = None,
         **values: object) -> Gate:
    """A gate whose reason is `template` (marked with QT_TRANSLATE_NOOP("GateReasons", ...)) filled in;
    `parts`: placeholders filled with whole sentences (Reasons) of their own."""
    why = filled_reason(template, values, lists=dict(lists or {}), parts=dict(parts or {}))
    if moments:  # English written in the zone `values` chose; screens rewrite the moment in their own
        why = replace(why, moments={**why.moments, **moments})
    return Gate(key, is_open, why.english(), why)


@dataclass(frozen=True)
class ExplanationFacts:
    language: str
    section_ids: tuple[str, ...]
    discussed: frozenset[str]
    check_passed: bool
    pending_questions: int
    interpreter_needed: bool
    interpreter_recorded: bool
    completed_at: datetime | None
    reflection_days: int
    reflection_override_days: int | None
    reflection_reason: str


def explanation_gates(facts: ExplanationFacts | None, eligibility: tuple, now: datetime,
                      tz: str = "UTC") -> list[Gate]:
    """Gates in the order a clinician meets them. `eligibility` is (open, reason[, Reason]) from the
    assessment; times in reasons are given in the clinic's time zone `tz`."""
    gates = [Gate("eligibility", eligibility[0], eligibility[1], eligibility[2] if len(eligibility) > 2 else None)]
    if facts is None:
        return gates + [gate(k, False, QT_TRANSLATE_NOOP("GateReasons",
                                                         "The explanation has not been started in this language."))
                        for k in ("sections", "comprehension", "interpreter", "reflection")]
    missing = [s for s in facts.section_ids if s not in facts.discussed]
    total = len(facts.section_ids)
    gates.append(gate("sections", False, QT_TRANSLATE_NOOP(
        "GateReasons", "Not yet marked discussed: {count} of {total} sections."), count=len(missing), total=total)
        if missing
        else gate("sections", True, QT_TRANSLATE_NOOP("GateReasons", "All {total} sections discussed."), total=total))
    gates.append(gate("comprehension", True, QT_TRANSLATE_NOOP("GateReasons", "Comprehension check passed."))
                 if facts.check_passed else
                 gate("comprehension", False, QT_TRANSLATE_NOOP(
                     "GateReasons", "Comprehension check not passed: {count} question(s) still to answer correctly."),
                     count=facts.pending_questions))
    if not facts.interpreter_needed:
        gates.append(gate("interpreter", True, QT_TRANSLATE_NOOP("GateReasons", "No interpreter needed.")))
    elif facts.interpreter_recorded:
        gates.append(gate("interpreter", True, QT_TRANSLATE_NOOP("GateReasons", "Interpreter recorded.")))
    else:
        gates.append(gate("interpreter", False, QT_TRANSLATE_NOOP(
            "GateReasons", "An interpreter is needed (patient's request or a language different from the "
            "clinician's) and none is recorded.")))
    gates.append(_reflection_gate(facts, now, tz))
    return gates


def reflection_ends(facts: ExplanationFacts) -> datetime | None:
    if facts.completed_at is None:
        return None
    days = facts.reflection_override_days if facts.reflection_override_days is not None else facts.reflection_days
    return facts.completed_at + timedelta(days=days)


def _when(moment: datetime, tz: str) -> str:
    return f"{moment.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M} ({tz})" if tz != "UTC" else f"{moment:%Y-%m-%d %H:%M} UTC"


def _reflection_gate(facts: ExplanationFacts, now: datetime, tz: str) -> Gate:
    ends = reflection_ends(facts)
    if ends is None:
        return gate("reflection", False, QT_TRANSLATE_NOOP(
            "GateReasons", "The reflection period starts when the explanation is complete (all sections discussed "
            "and the check passed)."))
    shortened = facts.reflection_override_days is not None
    values = dict(when=_when(ends, tz), days=facts.reflection_override_days, why=facts.reflection_reason)
    if now >= ends:
        template = (QT_TRANSLATE_NOOP("GateReasons", "Reflection period elapsed on {when}. Shortened to {days} "
                                      "day(s): {why}") if shortened
                    else QT_TRANSLATE_NOOP("GateReasons", "Reflection period elapsed on {when}."))
        return gate("reflection", True, template, moments={"when": ends}, **values)
    hours = int((ends - now).total_seconds() // 3600)
    template = (QT_TRANSLATE_NOOP("GateReasons", "Reflection period ends {when} ({left_days} day(s) {left_hours} "
                                  "hour(s) left). Shortened to {days} day(s): {why}") if shortened
                else QT_TRANSLATE_NOOP("GateReasons", "Reflection period ends {when} ({left_days} day(s) "
                                       "{left_hours} hour(s) left)."))
    return gate("reflection", False, template, moments={"when": ends}, left_days=hours // 24,
                left_hours=hours % 24, **values)


def all_open(gates: list[Gate]) -> bool:
    return all(g.open for g in gates)


# Content release 1.1, item 10: the five key points the clinician must hear restated before signing.
TEACH_BACK_KEY_POINTS = ("experimental_status", "no_guarantee", "alternatives", "right_to_withdraw",
                         "complication_contact")


def teach_back_gate(latest: dict[str, str]) -> Gate:
    """`latest`: key point -> the latest teach-back result ("restated" or "re_explained").

    Each of the five must end "restated correctly" (after re-explaining if needed)."""
    not_yet = tuple(k for k in TEACH_BACK_KEY_POINTS if latest.get(k) != "restated")
    if not_yet:
        return gate("teach_back", False, QT_TRANSLATE_NOOP("GateReasons", "Teach-back not yet restated correctly: "
                                                           "{key_points}."), {"key_points": not_yet})
    return gate("teach_back", True, QT_TRANSLATE_NOOP("GateReasons",
                                                      "All five key points restated correctly (teach-back)."))
