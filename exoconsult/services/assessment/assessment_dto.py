"""Read models of the assessment service (frozen; safe to hand to the GUI thread)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from exoconsult.domain.gates import Reason
from exoconsult.domain.translatable import filled_reason
from exoconsult.rules.texts import render_entry

VERDICTS = ("eligible", "needs_review", "ineligible", "incomplete")
DECISIONS = ("proceed", "do_not_proceed")
MIN_REASON_CHARS = 20  # spec: a written reason of at least 20 characters


@dataclass(frozen=True)
class ProtocolInfo:
    id: str
    version: str
    sha256: str
    approved_by: str
    approved_on: str


@dataclass(frozen=True)
class FiredRuleDTO:
    """A fired rule as stored: id, outcome, the parameter values it used and its texts per language.

    `reason`/`action` are the English rendering; documents call reason_in/action_in with their own
    language (rendered when printed, from the stored templates and parameter values)."""

    rule: str
    outcome: str  # ineligible | needs_review | caution
    reason: str
    action: str
    source: str
    params: Mapping[str, Any] = field(default_factory=dict)
    reason_texts: Mapping[str, str] = field(default_factory=dict)  # language -> template
    action_texts: Mapping[str, str] = field(default_factory=dict)

    def _entry(self) -> dict[str, Any]:
        return {"rule": self.rule, "params": self.params, "reason": dict(self.reason_texts) or self.reason,
                "action": dict(self.action_texts) or self.action}

    def reason_in(self, lang: str) -> str:
        return render_entry(self._entry(), lang)[0]

    def action_in(self, lang: str) -> str:
        return render_entry(self._entry(), lang)[1]


@dataclass(frozen=True)
class MissingFieldDTO:
    field: str  # case-format field id (or group name): what the history screen can jump to
    needed_by: tuple[str, ...]
    message: str
    messages: Mapping[str, str] = field(default_factory=dict)  # language -> message
    labels: Mapping[str, str] = field(default_factory=dict)  # language -> the field's label (questionnaire)
    sections: Mapping[str, str] = field(default_factory=dict)  # language -> the history section holding it

    def message_in(self, lang: str) -> str:
        return self.messages.get(lang) or self.message

    def label_in(self, lang: str) -> str:
        """The field as people call it; its id only when no definition labels it (a field a newer
        protocol reads that this questionnaire lacks)."""
        return self.labels.get(lang) or self.labels.get("en") or self.field

    def section_in(self, lang: str) -> str:
        return self.sections.get(lang) or self.sections.get("en") or ""


@dataclass(frozen=True)
class ResolutionDTO:
    decision: str  # proceed | do_not_proceed
    reason: str
    resolved_by: str  # display name
    resolved_by_username: str
    resolved_at: datetime


@dataclass(frozen=True)
class AssessmentDTO:
    id: int
    patient_id: int
    kind: str  # run | reassess
    verdict: str
    protocol: ProtocolInfo
    fired: tuple[FiredRuleDTO, ...]
    missing: tuple[MissingFieldDTO, ...]
    derived: Mapping[str, Any]
    inputs: Mapping[str, Any]  # the case as assessed, quantities in canonical units
    assessed_on: date
    run_at: datetime
    run_by: str  # display name
    run_by_username: str
    history_version: int
    history_sha256: str
    stale: bool  # the history changed after this assessment was run
    resolution: ResolutionDTO | None = None

    @property
    def resolvable(self) -> bool:
        """A urologist may still record a decision on it (needs_review, unresolved, current)."""
        return self.verdict == "needs_review" and self.resolution is None and not self.stale

    def fired_by_outcome(self) -> dict[str, tuple[FiredRuleDTO, ...]]:
        """Fired rules grouped ineligible → needs_review → caution (only groups that have rules)."""
        out: dict[str, tuple[FiredRuleDTO, ...]] = {}
        for outcome in ("ineligible", "needs_review", "caution"):
            rules = tuple(f for f in self.fired if f.outcome == outcome)
            if rules:
                out[outcome] = rules
        return out


@dataclass(frozen=True)
class ReassessReport:
    """What `reassess_all` did: every patient's newest assessment looked at once."""

    protocol: ProtocolInfo
    patients: int  # patients with at least one assessment
    reassessed: int
    already_current: int  # newest assessment already used this protocol (sha256): left alone
    changed_verdict: int
    by_verdict: Mapping[str, int] = field(default_factory=dict)  # verdicts of the new assessments


@dataclass(frozen=True)
class Gate:
    """Can the explanation/consent go ahead on eligibility grounds? `reason` says why (not), in English;
    `why` the same for a screen in another language."""

    open: bool
    reason: str
    assessment_id: int | None = None
    why: Reason | None = None


def gate(is_open: bool, template: str, assessment_id: int | None = None, **values: object) -> Gate:
    """An eligibility gate whose reason is `template` (marked for lupdate, context "GateReasons") filled in."""
    why = filled_reason(template, values)
    return Gate(is_open, why.english(), assessment_id, why)

