"""Plain data out of the follow-up use cases (frozen; no ORM rows, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from exoconsult.domain.followup_fields import OutcomeEvent
from exoconsult.domain.translatable import Reason


@dataclass(frozen=True)
class VisitDTO:
    key: str
    label: Mapping[str, str]  # language -> text
    contact: str  # telephone | visit
    sections: tuple[str, ...]  # visit-record sections asked at this visit
    due: date
    first: date  # the window, inclusive
    last: date
    status: str  # upcoming | due | overdue | done | missed | lost | not_requested (domain.followup.VisitStatus)
    visit_id: int | None = None
    visit_date: date | None = None
    recorded_on: date | None = None  # the visit date, or the day it was marked missed
    missed_reason: str = ""
    answers: Mapping[str, Any] = field(default_factory=dict)
    row_version: int = 0


@dataclass(frozen=True)
class FollowupDTO:
    """One procedure's follow-up: every visit of the schedule and where the patient stands."""

    record_id: int
    patient_id: int
    mrn: str
    patient_name: str
    language: str  # the patient's preferred language for letters (en | tr)
    procedure_date: date
    lot_id: int
    schedule_version: str
    visits: tuple[VisitDTO, ...]
    lost_since: date | None = None
    lost_reason: str = ""
    stopped_since: date | None = None  # withdrew and refused further use of his data: no more requests
    data_choice: str | None = None  # keep | anonymise | delete, from his newest withdrawal

    def visit(self, key: str) -> VisitDTO:
        return next(v for v in self.visits if v.key == key)


@dataclass(frozen=True)
class FollowupDueRow:
    """A line of the Today view's follow-up lists."""

    record_id: int
    patient_id: int
    mrn: str
    patient_name: str
    visit_key: str
    visit_label: Mapping[str, str]
    due: date
    first: date
    last: date
    status: str  # due | upcoming (due this week) | overdue | missed


@dataclass(frozen=True)
class FollowupToday:
    due_this_week: tuple[FollowupDueRow, ...] = ()
    overdue: tuple[FollowupDueRow, ...] = ()
    missed: tuple[FollowupDueRow, ...] = ()


@dataclass(frozen=True)
class VisitSaveResult:
    """An autosave of the visit record: what was stored, and a message per field not stored (refused)
    or stored with a warning (outside the plausible band: check the unit)."""

    visit: VisitDTO
    refused: Mapping[str, str] = field(default_factory=dict)
    warnings: Mapping[str, str] = field(default_factory=dict)
    out_of_range: tuple[str, ...] = ()  # the refused fields whose number is outside the allowed range
    reasons: Mapping[str, Reason] = field(default_factory=dict)  # `refused` as words a screen translates


@dataclass(frozen=True)
class PatientOutcomes:
    """What the registry report reads per treated patient: the procedure date, each visit's status and
    the outcome events with their dates. Patients who withdrew and chose to have their data deleted
    from the registry are never in it."""

    patient_id: int
    record_id: int
    procedure_date: date
    lot_id: int
    data_choice: str | None  # None (no withdrawal), keep or anonymise
    lost_since: date | None
    visits: tuple[tuple[str, str, date, date | None], ...]  # (visit key, status, due date, visit date)
    events: tuple[OutcomeEvent, ...]
