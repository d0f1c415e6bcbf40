"""The follow-up schedule as data and its arithmetic (pure): each visit of the schedule (forms/followup/
schedule.yaml) is due a number of days or calendar months after the procedure date, within a window of
days before and after. Due dates are never stored: they follow the procedure date, so a corrected
procedure date moves every visit that was not yet recorded.

A visit's status on a given day:
  done / missed          recorded (a missed visit with its reason);
  lost                   not recorded, and the patient has been lost to follow-up since before it;
  not_requested          not recorded, and the patient withdrew and refused the use of his data
                         (no further requests: no reminder, not listed as due);
  upcoming / due / overdue  not recorded: before its window, inside it, after it.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from exoconsult.domain.questionnaire import LocalText

CONTACTS: tuple[str, ...] = ("telephone", "visit")
LETTER_PLACEHOLDERS: tuple[str, ...] = ("visit", "due", "window_first", "window_last", "procedure_date", "tests",
                                        "clinic_phone", "complication_phone", "clinic_name", "patient_name")
DUE_SOON_DAYS = 7  # "due this week": the window opens within this many days


class VisitStatus(StrEnum):
    UPCOMING = "upcoming"
    DUE = "due"
    OVERDUE = "overdue"
    DONE = "done"
    MISSED = "missed"
    LOST = "lost"
    NOT_REQUESTED = "not_requested"


OPEN_STATUSES = (VisitStatus.UPCOMING, VisitStatus.DUE, VisitStatus.OVERDUE)


@dataclass(frozen=True)
class VisitSpec:
    key: str
    label: LocalText
    tests: LocalText  # what the visit includes, in words (the reminder letter quotes it)
    contact: str  # telephone | visit
    sections: tuple[str, ...]  # sections of the visit record asked at this visit
    days: int = 0
    months: int = 0
    window_before_days: int = 0
    window_after_days: int = 0


@dataclass(frozen=True)
class ReminderLetter:
    title: LocalText
    greeting: LocalText
    paragraphs: tuple[LocalText, ...]


@dataclass(frozen=True)
class Schedule:
    id: str
    version: str
    approved: bool
    approved_by: str
    approved_on: str
    visits: tuple[VisitSpec, ...]
    letter: ReminderLetter

    def visit(self, key: str) -> VisitSpec:
        for v in self.visits:
            if v.key == key:
                return v
        raise KeyError(key)


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; a day the month lacks becomes its last day
    (31 January + 1 month = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(procedure_date: date, visit: VisitSpec) -> date:
    return add_months(procedure_date, visit.months) + timedelta(days=visit.days)


def window(procedure_date: date, visit: VisitSpec) -> tuple[date, date]:
    """First and last day (inclusive) on which the visit still counts."""
    due = due_date(procedure_date, visit)
    return due - timedelta(days=visit.window_before_days), due + timedelta(days=visit.window_after_days)


@dataclass(frozen=True)
class Recorded:
    """What was recorded for a visit: done on `on`, or missed (`on` = the day it was marked)."""

    status: str  # done | missed
    on: date


@dataclass(frozen=True)
class ScheduledVisit:
    key: str
    due: date
    first: date
    last: date
    status: VisitStatus
    recorded_on: date | None = None

    def due_soon(self, today: date, days: int = DUE_SOON_DAYS) -> bool:
        """Open now, or its window opens within `days` (the Today view's "due this week")."""
        return self.status is VisitStatus.DUE or (
            self.status is VisitStatus.UPCOMING and self.first <= today + timedelta(days=days))


def visit_status(first: date, last: date, today: date, recorded: Recorded | None, *,
                 lost_since: date | None = None, stopped_since: date | None = None) -> VisitStatus:
    if recorded is not None:
        return VisitStatus(recorded.status)
    if stopped_since is not None:
        return VisitStatus.NOT_REQUESTED
    if lost_since is not None:
        return VisitStatus.LOST
    if today < first:
        return VisitStatus.UPCOMING
    return VisitStatus.DUE if today <= last else VisitStatus.OVERDUE


def plan_visits(schedule: Schedule, procedure_date: date, today: date, recorded: Mapping[str, Recorded], *,
                lost_since: date | None = None, stopped_since: date | None = None) -> tuple[ScheduledVisit, ...]:
    """Every visit of the schedule for one procedure, with its due date, window and status today."""
    out = []
    for spec in schedule.visits:
        first, last = window(procedure_date, spec)
        done = recorded.get(spec.key)
        status = visit_status(first, last, today, done, lost_since=lost_since, stopped_since=stopped_since)
        out.append(ScheduledVisit(spec.key, due_date(procedure_date, spec), first, last, status,
                                  done.on if done else None))
    return tuple(out)


def next_open_visit(visits: tuple[ScheduledVisit, ...]) -> ScheduledVisit | None:
    """The visit a reminder letter is about: the earliest one still open (overdue, due or upcoming)."""
    return next((v for v in visits if v.status in OPEN_STATUSES), None)
