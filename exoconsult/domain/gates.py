"""The gates before a consent can be signed (consent-content.md "Gates before signature"), computed from
plain facts so services, GUI and tests share one definition. Each gate says why it is closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Gate:
    key: str
    open: bool
    reason: str  # why it is closed, or what satisfied it


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


def explanation_gates(facts: ExplanationFacts | None, eligibility: tuple[bool, str], now: datetime,
                      tz: str = "UTC") -> list[Gate]:
    """Gates in the order a clinician meets them. `eligibility` is (open, reason) from the assessment;
    times in reasons are given in the clinic's time zone `tz`."""
    gates = [Gate("eligibility", eligibility[0], eligibility[1])]
    if facts is None:
        reason = "The explanation has not been started in this language."
        return gates + [Gate(k, False, reason) for k in ("sections", "comprehension", "interpreter", "reflection")]
    missing = [s for s in facts.section_ids if s not in facts.discussed]
    gates.append(Gate("sections", not missing,
                      f"Not yet marked discussed: {', '.join(missing)}." if missing
                      else f"All {len(facts.section_ids)} sections discussed ({facts.language})."))
    gates.append(Gate("comprehension", facts.check_passed,
                      "Comprehension check passed." if facts.check_passed
                      else f"Comprehension check not passed: {facts.pending_questions} question(s) still to answer correctly."))
    if not facts.interpreter_needed:
        gates.append(Gate("interpreter", True, "No interpreter needed."))
    else:
        gates.append(Gate("interpreter", facts.interpreter_recorded,
                          "Interpreter recorded." if facts.interpreter_recorded
                          else "An interpreter is needed (patient's request or a language different from the "
                               "clinician's) and none is recorded."))
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
        return Gate("reflection", False, "The reflection period starts when the explanation is complete "
                                         "(all sections discussed and the check passed).")
    shortened = (f" Shortened to {facts.reflection_override_days} day(s): {facts.reflection_reason}"
                 if facts.reflection_override_days is not None else "")
    if now >= ends:
        return Gate("reflection", True, f"Reflection period elapsed on {_when(ends, tz)}.{shortened}")
    left = ends - now
    hours = int(left.total_seconds() // 3600)
    return Gate("reflection", False, f"Reflection period ends {_when(ends, tz)} "
                                     f"({hours // 24} day(s) {hours % 24} hour(s) left).{shortened}")


def all_open(gates: list[Gate]) -> bool:
    return all(g.open for g in gates)


# Content release 1.1, item 10: the five key points the clinician must hear restated before signing.
TEACH_BACK_KEY_POINTS = ("experimental_status", "no_guarantee", "alternatives", "right_to_withdraw",
                         "complication_contact")


def teach_back_gate(latest: dict[str, str]) -> Gate:
    """`latest`: key point -> the latest teach-back result ("restated" or "re_explained").

    Each of the five must end "restated correctly" (after re-explaining if needed)."""
    not_yet = [k for k in TEACH_BACK_KEY_POINTS if latest.get(k) != "restated"]
    if not_yet:
        return Gate("teach_back", False, f"Teach-back not yet restated correctly: {', '.join(not_yet)}.")
    return Gate("teach_back", True, "All five key points restated correctly (teach-back).")
