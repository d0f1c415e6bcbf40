"""The shared reading steps of follow-up (they take the open Work): every procedure's follow-up with its
visits' due dates, windows and statuses today; the Today view's lists; the registry's outcome data.

A patient whose newest withdrawal chose to have his data deleted from the registry gets no further
requests (his open visits are "not requested": no reminder, not on Today) and is left out of the
registry's data; his clinical record stays as the law requires."""

from __future__ import annotations

import json
from datetime import date, timedelta

from exoconsult.definitions.followup import load_schedule, load_visit_form
from exoconsult.domain import followup as f
from exoconsult.domain.followup_fields import outcome_events
from exoconsult.domain.questionnaire import Questionnaire
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.work import Work
from exoconsult.services.followup.followup_dto import (
    FollowupDTO,
    FollowupDueRow,
    FollowupToday,
    PatientOutcomes,
    VisitDTO,
)
from exoconsult.services.procedure.lots import local_date, local_today
from exoconsult.storage.followup import FollowupRepository, FollowupVisitRow
from exoconsult.storage.patients import PatientRepository

REGISTRY_REFUSED = "delete"  # the withdrawal's data choice that takes a patient out of the registry
MISSED_SHOWN_DAYS = 30  # Today lists visits marked missed in the last month


def schedule_of(work: Work) -> f.Schedule:
    return load_schedule(work.ctx.forms_dir)


def visit_form_of(work: Work) -> Questionnaire:
    return load_visit_form(work.ctx.forms_dir)


def data_choice(choices_json: str) -> str | None:
    chosen = [k for k, v in json.loads(choices_json or "{}").items() if v is True]
    return chosen[0] if len(chosen) == 1 else None


def visit_dto(spec: f.VisitSpec, planned: f.ScheduledVisit, row: FollowupVisitRow | None) -> VisitDTO:
    return VisitDTO(
        key=spec.key, label=spec.label, contact=spec.contact, sections=spec.sections, due=planned.due,
        first=planned.first, last=planned.last, status=str(planned.status),
        visit_id=row.id if row else None, visit_date=row.visit_date if row else None,
        recorded_on=planned.recorded_on,
        missed_reason=row.missed_reason if row else "", answers=json.loads(row.answers) if row else {},
        row_version=row.row_version if row else 0)


def followups(work: Work, patient_id: int | None = None) -> list[FollowupDTO]:
    """Every procedure's follow-up (of one patient, or of the clinic), oldest procedure first."""
    repo = FollowupRepository(work.session)
    records = repo.records(patient_id)
    ids = [r.id for r in records]
    visits, events = repo.visits(ids), repo.status_events(ids)
    pids = sorted({r.patient_id for r in records})
    # Their registry rows only, in one statement: not every treated patient's whole record (Today lists them all).
    patients = {p.id: p for p in PatientRepository(work.session).many(pids)}
    withdrawals = repo.withdrawals(pids)
    schedule, today = schedule_of(work), local_today(work)
    languages = language_registry(work.ctx)
    out = []
    for record in records:
        rows = {v.visit_key: v for v in visits[record.id]}
        recorded = {k: f.Recorded(v.status, v.visit_date or local_date(work, v.updated_at)) for k, v in rows.items()}
        newest = events[record.id][-1] if events[record.id] else None
        lost = newest if newest is not None and newest.event == "lost" else None
        withdrawn = withdrawals.get(record.patient_id)
        choice = data_choice(withdrawn[1]) if withdrawn else None
        stopped = local_date(work, withdrawn[0]) if withdrawn and choice == REGISTRY_REFUSED else None
        procedure_date = local_date(work, record.started_at)
        planned = f.plan_visits(schedule, procedure_date, today, recorded,
                                lost_since=lost.on_date if lost else None, stopped_since=stopped)
        patient = patients[record.patient_id]
        out.append(FollowupDTO(
            record_id=record.id, patient_id=record.patient_id, mrn=patient.mrn,
            patient_name=f"{patient.family_name}, {patient.given_name}",
            language=languages.document_language(patient.preferred_language, work.settings.default_language),
            procedure_date=procedure_date, lot_id=record.lot_id, schedule_version=schedule.version,
            visits=tuple(visit_dto(spec, p, rows.get(spec.key)) for spec, p in zip(schedule.visits, planned,
                                                                                     strict=True)),
            lost_since=lost.on_date if lost else None, lost_reason=lost.reason if lost else "",
            stopped_since=stopped, data_choice=choice))
    return out


def treatment_dates(work: Work) -> dict[int, date]:
    """Each treated patient's newest procedure date (Today shows him as in follow-up)."""
    return {r.patient_id: local_date(work, r.started_at) for r in FollowupRepository(work.session).records()}


def _due_row(fu: FollowupDTO, v: VisitDTO) -> FollowupDueRow:
    return FollowupDueRow(fu.record_id, fu.patient_id, fu.mrn, fu.patient_name, v.key, v.label, v.due, v.first,
                          v.last, v.status)


def followup_today(work: Work) -> FollowupToday:
    """Due this week (open, or opening within seven days), overdue, and missed in the last month."""
    today = local_today(work)
    soon, overdue, missed = [], [], []
    for fu in followups(work):
        for v in fu.visits:
            planned = f.ScheduledVisit(v.key, v.due, v.first, v.last, f.VisitStatus(v.status))
            if planned.due_soon(today):
                soon.append(_due_row(fu, v))
            elif v.status == f.VisitStatus.OVERDUE:
                overdue.append(_due_row(fu, v))
            elif v.status == f.VisitStatus.MISSED and v.recorded_on >= today - timedelta(days=MISSED_SHOWN_DAYS):
                missed.append(_due_row(fu, v))

    def by_due(rows: list[FollowupDueRow]) -> tuple[FollowupDueRow, ...]:
        return tuple(sorted(rows, key=lambda r: (r.due, r.patient_name)))

    return FollowupToday(by_due(soon), by_due(overdue), by_due(missed))


def registry_outcomes(work: Work, first: date | None = None, last: date | None = None) -> list[PatientOutcomes]:
    """Per treated patient (procedure date within [first, last]): visits and outcome events. Patients who
    withdrew and chose deletion from the registry are left out."""
    out = []
    for fu in followups(work):
        if fu.data_choice == REGISTRY_REFUSED:
            continue
        if (first is not None and fu.procedure_date < first) or (last is not None and fu.procedure_date > last):
            continue
        done = [(v.key, v.visit_date, v.answers) for v in fu.visits if v.status == "done" and v.visit_date]
        out.append(PatientOutcomes(
            patient_id=fu.patient_id, record_id=fu.record_id, procedure_date=fu.procedure_date, lot_id=fu.lot_id,
            data_choice=fu.data_choice, lost_since=fu.lost_since,
            visits=tuple((v.key, v.status, v.due, v.visit_date) for v in fu.visits),
            events=outcome_events(done)))
    return out
