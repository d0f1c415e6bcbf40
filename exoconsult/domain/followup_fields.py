"""The follow-up visit record's field ids (forms/followup/visit*.yaml) and the outcome events read from
recorded visits (pure).

The semen analysis, hormone and testis-volume questions reuse the history's case-format fields (same
ids, types, units and ranges: one definition); the follow-up's own questions are defined here. Ids are
permanent, never reused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exoconsult.domain.vocabulary import (
    GROUP_FIELDS,
    HISTORY_FIELDS,
    SEMEN_ANALYSES,
    SPERM_RETRIEVAL_ATTEMPTS,
    FieldSpec,
    FieldType,
)

FOLLOWUP_VISIT = "followup_visit"
_SEMEN = GROUP_FIELDS[SEMEN_ANALYSES]
_RETRIEVAL = GROUP_FIELDS[SPERM_RETRIEVAL_ATTEMPTS]


def _f(id_: str, type_: FieldType, **kw: Any) -> FieldSpec:
    return FieldSpec(id=id_, type=type_, group=FOLLOWUP_VISIT, **kw)


_B, _DT, _T, _E = FieldType.BOOL, FieldType.DATE, FieldType.TEXT, FieldType.ENUM
_SHARED = (
    *(_SEMEN[k] for k in ("abstinence_days", "volume_ml", "ph", "centrifuged_pellet_examined", "sperm_seen",
                          "concentration_million_per_ml")),
    *(GROUP_FIELDS["hormone_panels"][k] for k in ("fsh", "lh", "total_testosterone")),
    *(HISTORY_FIELDS[k] for k in ("testis_volume_method", "testis_right_volume_ml", "testis_left_volume_ml")),
)
_OWN = (
    _f("ae_pain", _B), _f("ae_swelling_bruising", _B), _f("ae_fever_infection", _B), _f("ae_other", _B),
    _f("ae_other_text", _T, max_length=2000),
    _f("scrotal_findings", _E, values=("normal", "haematoma", "swelling", "tenderness", "puncture_site_infection")),
    _f("examination_note", _T, max_length=2000),
    _f("ultrasound_findings", _E, values=("normal", "focal_lesion", "haematoma", "heterogeneous_parenchyma",
                                          "hydrocele", "microlithiasis")),
    _f("ultrasound_note", _T, max_length=2000),
    _f("retrieval_done", _B), _f("retrieval_date", _DT),
    _f("retrieval_technique", _E, values=_RETRIEVAL["technique"].values),
    _f("retrieval_sperm_found", _B), _f("retrieval_sperm_frozen", _B),
    _f("retrieval_histology", _E, values=_RETRIEVAL["histology"].values),
    _f("icsi_done", _B), _f("icsi_date", _DT), _f("icsi_fertilisation", _B), _f("icsi_embryo_transfer", _B),
    _f("clinical_pregnancy", _B), _f("clinical_pregnancy_date", _DT),
    _f("pregnancy_outcome", _E, values=("none", "live_birth", "loss")), _f("pregnancy_outcome_date", _DT),
    _f("congenital_anomaly", _E, values=("none_found", "anomaly", "not_examined")),
    _f("congenital_anomaly_description", _T, max_length=2000),
)
VISIT_FIELDS: dict[str, FieldSpec] = {f.id: f for f in (*_SHARED, *_OWN)}
MULTI_CHOICE_FIELDS = frozenset({"scrotal_findings", "ultrasound_findings"})  # enums answered with a list

# The adverse-event screening questions: a "yes" to any is also recorded as an adverse event.
AE_SCREENING: tuple[str, ...] = ("ae_pain", "ae_swelling_bruising", "ae_fever_infection", "ae_other")

# --- outcome events ------------------------------------------------------------------------------------

OUTCOME_KINDS: tuple[str, ...] = ("sperm_in_ejaculate", "sperm_retrieval", "icsi", "clinical_pregnancy",
                                  "live_birth", "pregnancy_loss", "congenital_anomaly")
SPERM_SEEN = ("rare_after_centrifugation", "present")


@dataclass(frozen=True)
class OutcomeEvent:
    kind: str  # one of OUTCOME_KINDS
    on: date
    visit_key: str  # the visit it was recorded at
    detail: Mapping[str, Any] = field(default_factory=dict)


def _day(value: Any, fallback: date) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else fallback


def outcome_events(visits: Iterable[tuple[str, date, Mapping[str, Any]]]) -> tuple[OutcomeEvent, ...]:
    """Outcome events from done visits (visit key, visit date, answers), oldest first. Sperm in the
    ejaculate is its first date only (a semen analysis showing sperm); everything else is one event per
    report, dated as reported (the visit date when a date is missing)."""
    events: list[OutcomeEvent] = []
    first_sperm = None
    for key, on, a in sorted(visits, key=lambda v: v[1]):
        if first_sperm is None and a.get("sperm_seen") in SPERM_SEEN:
            first_sperm = OutcomeEvent("sperm_in_ejaculate", on, key, {"sperm_seen": a["sperm_seen"]})
            events.append(first_sperm)
        if a.get("retrieval_done") is True:
            events.append(OutcomeEvent("sperm_retrieval", _day(a.get("retrieval_date"), on), key, {
                k: a.get(f"retrieval_{k}") for k in ("technique", "sperm_found", "sperm_frozen", "histology")}))
        if a.get("icsi_done") is True:
            events.append(OutcomeEvent("icsi", _day(a.get("icsi_date"), on), key, {
                "fertilisation": a.get("icsi_fertilisation"), "embryo_transfer": a.get("icsi_embryo_transfer")}))
        if a.get("clinical_pregnancy") is True:
            events.append(OutcomeEvent("clinical_pregnancy", _day(a.get("clinical_pregnancy_date"), on), key))
        outcome = a.get("pregnancy_outcome")
        if outcome in ("live_birth", "loss"):
            when = _day(a.get("pregnancy_outcome_date"), on)
            events.append(OutcomeEvent("live_birth" if outcome == "live_birth" else "pregnancy_loss", when, key,
                                       {"congenital_anomaly": a.get("congenital_anomaly")}))
            if a.get("congenital_anomaly") == "anomaly":
                events.append(OutcomeEvent("congenital_anomaly", when, key,
                                           {"description": a.get("congenital_anomaly_description") or ""}))
    return tuple(sorted(events, key=lambda e: (e.on, OUTCOME_KINDS.index(e.kind))))
