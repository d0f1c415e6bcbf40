"""Who may be in a research export: treated patients (a procedure on record) whose newest consent with
recorded choices said yes to the outcome registry, and who never withdrew with a choice other than
"keep my data" (anonymise or delete: a pseudonymised export is not anonymous, so both leave him out).
Every other treated patient is counted by reason, never named."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from exoconsult.domain.disclosure import pseudonym
from exoconsult.services.core.pseudonym_key import pseudonym_key, pseudonym_key_id
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.lots import local_date
from exoconsult.storage.consents import ConsentRepository
from exoconsult.storage.procedures import ProcedureRecordRow, ProcedureRepository

REGISTRY, MANUFACTURER = "registry", "manufacturer"
KEEP = "keep"  # the withdrawal's data choice that keeps the registry use the patient agreed to

# Why a treated patient is not in an export (README.txt lists these with suppressed counts).
EXCLUSION_REASONS: Mapping[str, str] = {
    "choices_not_on_record": "the consent's optional choices are not stored as data (signed before they were); "
                             "only the sealed PDF shows them",
    "registry_declined": "answered no to the outcome registry",
    "registry_withdrawn": "withdrew consent and chose to have the data anonymised or deleted",
    "manufacturer_declined": "did not agree to sharing with the manufacturer (export made for the manufacturer)",
    "outside_period": "first procedure outside the chosen period",
}


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Member:
    patient_id: int
    pseudonym: str
    procedure_date: date  # the first procedure: day 0 of every date in the export
    age_years: int
    consent_id: int
    choices: Mapping[str, bool]
    withdrawn_on: date | None
    procedures: tuple[ProcedureRecordRow, ...]

    def day(self, when: date | None) -> int | None:
        return None if when is None else (when - self.procedure_date).days


@dataclass(frozen=True)
class Cohort:
    members: tuple[Member, ...]
    excluded: Mapping[str, int]
    key_id: str


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def select_cohort(work: Work, period: Period, *, manufacturer_only: bool = False) -> Cohort:
    key = pseudonym_key(work)
    treated: dict[int, list[ProcedureRecordRow]] = {}
    for record in ProcedureRepository(work.session).records():
        treated.setdefault(record.patient_id, []).append(record)
    work.preload_consultations(treated)
    consents = ConsentRepository(work.session)
    all_consents = {pid: work.consultation(pid).consents for pid in treated}
    choices = consents.choices([c.id for rows in all_consents.values() for c in rows])
    members, excluded = [], Counter()
    for pid, records in sorted(treated.items()):
        first = local_date(work, records[0].started_at)
        with_choices = [c for c in all_consents[pid] if c.id in choices]  # newest first
        why = _exclusion(consents, all_consents[pid], with_choices, choices, manufacturer_only)
        if why is None and not period.holds(first):
            why = "outside_period"
        if why is not None:
            excluded[why] += 1
            continue
        newest = with_choices[0]
        patient = work.consultation(pid).patient
        withdrawn = next((c.withdrawn_at for c in all_consents[pid] if c.withdrawn_at is not None), None)
        members.append(Member(
            patient_id=pid, pseudonym=pseudonym(key, pid), procedure_date=first, age_years=age_on(patient.birth_date, first),
            consent_id=newest.id, choices=choices[newest.id],
            withdrawn_on=local_date(work, withdrawn) if withdrawn else None, procedures=tuple(records)))
    members.sort(key=lambda m: m.pseudonym)  # never in registration order: that would hint at who is who
    return Cohort(tuple(members), dict(excluded), pseudonym_key_id(key))


def _exclusion(consents: ConsentRepository, patient_consents, with_choices, choices, manufacturer_only: bool) -> str | None:
    if not with_choices:
        return "choices_not_on_record"
    newest = choices[with_choices[0].id]
    if newest.get(REGISTRY) is not True:
        return "registry_declined"
    for consent in patient_consents:
        if consent.status == "withdrawn":
            withdrawal = consents.withdrawal_for(consent.id)
            data_choice = json.loads(withdrawal.choices) if withdrawal is not None else {}
            if data_choice.get(KEEP) is not True:
                return "registry_withdrawn"
    if manufacturer_only and newest.get(MANUFACTURER) is not True:
        return "manufacturer_declined"
    return None
