"""The outcome registry's figures for a period, counted from the records: patients treated (procedure
date in the period, not withdrawn from the registry), follow-up completeness per visit, outcomes as
"k of n", and adverse events by term, grade, seriousness and relatedness with every serious one listed
by pseudonym. Plain numbers; the wording and the suppression of small counts come later."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from exoconsult.domain import adverse_events as ae
from exoconsult.domain.registry_stats import Proportion
from exoconsult.services.core.pseudonym_key import patient_pseudonym
from exoconsult.services.core.work import Work
from exoconsult.services.followup.reading import registry_outcomes, schedule_of
from exoconsult.storage.adverse_events import AdverseEventRepository

OUTCOME_VISITS = ("month3", "month6", "month12")  # sperm in the ejaculate by each of these visits
COMPLETENESS = ("done", "due", "overdue", "missed", "lost", "upcoming", "not_requested")
# Repeat micro-TESE after a failed first one, without any new treatment (Özman et al., Fertil Steril 2021).
REFERENCE_REDO_MICRO_TESE = Proportion(23, 125)


@dataclass(frozen=True)
class SeriousEvent:
    pseudonym: str
    term: str  # a key of domain.adverse_events.TERMS
    term_other: str  # the words when the term is "other"
    days_after_procedure: int
    grade: int
    criteria: tuple[str, ...]
    relatedness: str
    expected: bool
    outcome: str


@dataclass(frozen=True)
class RegistryData:
    first: date | None
    last: date | None
    treated: int
    procedure_dates: tuple[date, ...]
    visits: tuple[tuple[str, dict[str, str], dict[str, int]], ...]  # (key, label, status -> count)
    outcomes: tuple[tuple[str, Proportion, Proportion | None], ...]  # (key, k of n, reference)
    patients_with_events: int
    events: int
    by_term: dict[str, int]
    by_grade: dict[int, int]
    by_seriousness: dict[str, int]  # serious | not_serious
    by_relatedness: dict[str, int]
    serious: tuple[SeriousEvent, ...]


def _outcomes(patients) -> tuple[tuple[str, Proportion, Proportion | None], ...]:
    rows = []
    for visit in OUTCOME_VISITS:
        seen = [p for p in patients if any(v[0] == visit and v[1] == "done" and v[3] for v in p.visits)]
        with_sperm = [p for p in seen if any(
            e.kind == "sperm_in_ejaculate" and e.on <= next(v[3] for v in p.visits if v[0] == visit) for e in p.events)]
        rows.append((f"sperm_by_{visit}", Proportion(len(with_sperm), len(seen)), None))
    retrieved = [p for p in patients if any(e.kind == "sperm_retrieval" for e in p.events)]
    found = [p for p in retrieved if any(e.kind == "sperm_retrieval" and e.detail.get("sperm_found") is True
                                         for e in p.events)]
    rows.append(("sperm_found_at_retrieval", Proportion(len(found), len(retrieved)), REFERENCE_REDO_MICRO_TESE))
    n = len(patients)
    for kind in ("clinical_pregnancy", "live_birth"):
        rows.append((kind, Proportion(sum(1 for p in patients if any(e.kind == kind for e in p.events)), n), None))
    births = [e for p in patients for e in p.events if e.kind == "live_birth"]
    anomalies = sum(1 for p in patients for e in p.events if e.kind == "congenital_anomaly")
    rows.append(("congenital_anomaly", Proportion(anomalies, len(births)), None))
    return tuple(rows)


def registry_data(work: Work, first: date | None = None, last: date | None = None) -> RegistryData:
    patients = registry_outcomes(work, first, last)
    schedule = schedule_of(work)
    visits = []
    for spec in schedule.visits:
        counts = Counter(v[1] for p in patients for v in p.visits if v[0] == spec.key)
        visits.append((spec.key, dict(spec.label), {s: counts.get(s, 0) for s in COMPLETENESS}))
    records = {p.record_id: p for p in patients}
    repo = AdverseEventRepository(work.session)
    events = [e for e in repo.events() if e.record_id in records]
    entries = repo.entries_for([e.id for e in events])
    newest = {e.id: entries[e.id][-1] for e in events}
    ever_serious = {e.id for e in events if any(x.serious_criteria != "[]" for x in entries[e.id])}
    serious = tuple(SeriousEvent(
        patient_pseudonym(work, e.patient_id, create=True), e.term, e.term_other, (e.onset_date - records[e.record_id].procedure_date).days,
        newest[e.id].grade, tuple(json.loads(newest[e.id].serious_criteria)) or tuple(
            json.loads(next(x.serious_criteria for x in entries[e.id] if x.serious_criteria != "[]"))),
        newest[e.id].relatedness, newest[e.id].expected, newest[e.id].outcome)
        for e in events if e.id in ever_serious)
    return RegistryData(
        first=first, last=last, treated=len(patients), procedure_dates=tuple(sorted(p.procedure_date for p in patients)),
        visits=tuple(visits), outcomes=_outcomes(patients),
        patients_with_events=len({e.patient_id for e in events}), events=len(events),
        by_term={t: n for t in ae.TERMS if (n := sum(1 for e in events if e.term == t))},
        by_grade={g: sum(1 for e in events if newest[e.id].grade == g) for g in ae.GRADES},
        by_seriousness={"serious": len(ever_serious), "not_serious": len(events) - len(ever_serious)},
        by_relatedness={r: sum(1 for e in events if newest[e.id].relatedness == r) for r in ae.RELATEDNESS},
        serious=tuple(sorted(serious, key=lambda s: (s.pseudonym, s.days_after_procedure))))
