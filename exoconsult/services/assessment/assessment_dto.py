"""Read models of the assessment service (frozen; safe to hand to the GUI thread)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

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

    def message_in(self, lang: str) -> str:
        return self.messages.get(lang) or self.message


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
    """Can the explanation/consent go ahead on eligibility grounds? `reason` says why (not)."""

    open: bool
    reason: str
    assessment_id: int | None = None


# --- wording shared by the screen and the summary PDF ---------------------------------------

VERDICT_TEXT = {
    "eligible": "ELIGIBLE",
    "needs_review": "NEEDS REVIEW",
    "ineligible": "INELIGIBLE",
    "incomplete": "INCOMPLETE",
}
DECISION_TEXT = {"proceed": "proceed", "do_not_proceed": "do not proceed"}

# (derived key, label, unit) in the order the protocol lists them; keys the engine does not report are skipped.
DERIVED_LABELS: tuple[tuple[str, str, str], ...] = (
    ("age_years", "Age", "years"),
    ("latest_fsh_iu_l", "Latest FSH", "IU/L"),
    ("latest_fsh_date", "FSH measured on", ""),
    ("latest_lh_iu_l", "Latest LH", "IU/L"),
    ("latest_lh_date", "LH measured on", ""),
    ("latest_testosterone_nmol_l", "Latest total testosterone", "nmol/L"),
    ("latest_testosterone_date", "Testosterone measured on", ""),
    ("mean_testis_volume_ml", "Mean testis volume", "mL"),
    ("min_testis_volume_ml", "Smaller testis volume", "mL"),
    ("obstructive_pattern", "Obstructive pattern", ""),
    ("central_pattern", "Central (hypogonadotropic) pattern", ""),
    ("low_gonadotropins", "Low gonadotropins", ""),
    ("negative_centrifuged_analyses", "Negative centrifuged semen analyses", ""),
    ("any_sperm_seen", "Sperm seen in any analysis", ""),
    ("months_since_testosterone_stopped", "Months since testosterone stopped", "months"),
    ("micro_tese_on_record", "Micro-TESE on record", ""),
    ("months_since_last_micro_tese", "Months since last micro-TESE", "months"),
    ("failed_retrieval_on_record", "Failed retrieval on record", ""),
)

def format_value(value: Any, unit: str = "") -> str:
    """A derived value as staff read it: yes/no, dates as DD.MM.YYYY, "not known" for missing data."""
    if value is None:
        return "not known"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            text = date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            text = value
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def derived_rows(derived: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """(label, formatted value) for every derived value, known ones first in protocol order."""
    known = {key for key, _, _ in DERIVED_LABELS}
    rows = [(label, format_value(derived[key], unit)) for key, label, unit in DERIVED_LABELS if key in derived]
    rows += [(key.replace("_", " "), format_value(v)) for key, v in derived.items() if key not in known]
    return tuple(rows)


def approval_text(dto: AssessmentDTO) -> str:
    if not dto.protocol.approved_by.strip():
        return "protocol not approved by the clinic"
    return f"approved {dto.protocol.approved_on} by {dto.protocol.approved_by}"


def resolution_text(dto: AssessmentDTO) -> str | None:
    r = dto.resolution
    if r is None:
        return None
    return (f"{DECISION_TEXT.get(r.decision, r.decision)} — {r.resolved_by}, {r.resolved_at:%Y-%m-%d %H:%M} UTC: "
            f"{r.reason}")
