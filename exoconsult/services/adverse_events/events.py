"""Adverse events after the procedure, recorded by a nurse or urologist at any time (a telephone call
counts): linked to the procedure and its lot, with a first assessment; follow-ups are appended as new
entries, never written over. A serious event has a reporting deadline (7 or 15 days) shown on Today."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from exoconsult.domain import adverse_events as ae
from exoconsult.domain.document_words import DocumentWords
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.followup_fields import AE_SCREENING
from exoconsult.domain.languages import SOURCE_LANGUAGE
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.adverse_events.ae_dto import (
    AdverseEventDTO,
    AdverseEventInput,
    AssessmentInput,
    ComplaintDTO,
    DeadlineDTO,
    EntryDTO,
    ListWords,
    ReportDTO,
    SendingDTO,
)
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words, screen_words
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import text_field_reason
from exoconsult.services.core.pseudonym_key import patient_pseudonym
from exoconsult.services.core.work import Work
from exoconsult.services.followup.reading import followups, visit_form_of
from exoconsult.services.procedure.lots import get_lot, local_date, local_today, lot_dto, user_name
from exoconsult.storage.adverse_events import (
    AdverseEventEntryRow,
    AdverseEventRepository,
    AdverseEventRow,
    SaeSendingRow,
)
from exoconsult.storage.patients import PatientRepository
from exoconsult.storage.procedures import ProcedureRecordRow, ProcedureRepository

Problems = dict[str, str | Reason]


def check_text(problems: Problems, key: str, value: str, label: str, max_len: int, *, required: bool,
               one_line: bool = False) -> str:
    """`label` marked QT_TRANSLATE_NOOP("ServiceMessages", ...), as for every check here."""
    text = (value or "").strip() if isinstance(value, str) else ""
    if (why := text_field_reason(text, label, max_len=max_len, required=required, one_line=one_line)):
        problems[key] = why
    return text


def check_date(problems: Problems, key: str, value, label: str, first: date, last: date) -> None:
    if not isinstance(value, date):
        problems[key] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{label} is required."),
                                        terms={"label": label})
    elif not first <= value <= last:
        problems[key] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be from {first} to {last}."),
                                        terms={"label": label}, first=first.isoformat(), last=last.isoformat())


def check_assessment(work: Work, a: AssessmentInput, onset: date, known_from: date) -> Problems:
    """Problems of one entry (empty when it may be stored). `known_from`: the earliest day the clinic
    can have learnt it (the day it learnt of the event)."""
    problems: Problems = {}
    today = local_today(work)
    if not isinstance(a.grade, int) or isinstance(a.grade, bool) or a.grade not in ae.GRADES:
        problems["grade"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Choose a grade from 1 to 5 (CTCAE v5)."))
    criteria = tuple(a.serious_criteria or ())
    if set(criteria) - set(ae.SERIOUS_CRITERIA):
        problems["serious"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Unknown seriousness criterion."))
    if a.relatedness not in ae.RELATEDNESS:
        problems["relatedness"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Choose how likely the treatment caused it (WHO-UMC)."))
    if not isinstance(a.expected, bool):
        problems["expected"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Say whether it is listed among the consent's risks."))
    if a.outcome not in ae.OUTCOMES:
        problems["outcome"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Choose the outcome."))
    elif a.outcome in ae.OUTCOMES_WITH_DATE:
        check_date(problems, "outcome_date", a.outcome_date, QT_TRANSLATE_NOOP("ServiceMessages", "The outcome date"), onset, today)
    elif a.outcome_date is not None:
        problems["outcome_date"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "An outcome date goes with recovered, recovered with sequelae or fatal."))
    check_text(problems, "action_taken", a.action_taken, QT_TRANSLATE_NOOP("ServiceMessages", "The action taken"), 2000, required=False)
    check_text(problems, "note", a.note, QT_TRANSLATE_NOOP("ServiceMessages", "The note"), 4000, required=False)
    if a.known_on is not None:
        check_date(problems, "known_on", a.known_on, QT_TRANSLATE_NOOP(
            "ServiceMessages", "The date the clinic learnt this"), known_from, today)
    if not problems:
        problems.update(ae.consistency_problems(a.grade, criteria, a.outcome))
    return problems


def _entry_row(work: Work, event: AdverseEventRow, a: AssessmentInput, known_on: date) -> AdverseEventEntryRow:
    return AdverseEventEntryRow(
        event_id=event.id, patient_id=event.patient_id, known_on=known_on, grade=a.grade,
        serious_criteria=json.dumps(sorted(set(a.serious_criteria or ()))), relatedness=a.relatedness,
        expected=a.expected, action_taken=(a.action_taken or "").strip(), outcome=a.outcome,
        outcome_date=a.outcome_date, note=(a.note or "").strip(), recorded_by=work.actor.user_id,
        recorded_at=work.now())


def patient_records(work: Work, patient_id: int) -> list[ProcedureRecordRow]:
    """The patient's recorded procedures, newest first."""
    repo = ProcedureRepository(work.session)
    records = [repo.record_for_plan(p.id) for p in repo.plans_for_patient(patient_id)]
    return sorted((r for r in records if r is not None), key=lambda r: r.started_at, reverse=True)


def _entry_dto(work: Work, row: AdverseEventEntryRow, first: bool) -> EntryDTO:
    return EntryDTO(row.id, "initial" if first else "follow-up", row.known_on, row.grade,
                    tuple(json.loads(row.serious_criteria)), row.relatedness, row.expected, row.action_taken,
                    row.outcome, row.outcome_date, row.note, user_name(work, row.recorded_by), row.recorded_at)


def deadline_of(entries: Sequence[AdverseEventEntryRow], sendings: Sequence[SaeSendingRow],
                today: date) -> ae.Deadline | None:
    return ae.reporting_deadline(
        [ae.Assessment(e.known_on, frozenset(json.loads(e.serious_criteria))) for e in entries],
        [ae.Sending(s.recipient, s.sent_on) for s in sendings], today)


def _english(work: Work) -> DocumentWords:
    """The words of the read models' term text (the screens name terms in their own language from the key)."""
    return document_words(SOURCE_LANGUAGE, work.ctx.forms_dir)


def term_text(row: AdverseEventRow, words: DocumentWords) -> str:
    """The term as `words` name it; the clinician's own words for "other"."""
    return row.term_other if row.term == "other" and row.term_other else ae.label(words, ae.TERMS, row.term)


def event_dtos(work: Work, rows: Sequence[AdverseEventRow]) -> list[AdverseEventDTO]:
    """Read models of these events with their entries, reports, sendings and deadline (fixed queries)."""
    repo = AdverseEventRepository(work.session)
    ids = [r.id for r in rows]
    entries, reports, sendings = repo.entries_for(ids), repo.reports_for(ids), repo.sendings_for(ids)
    today = local_today(work)
    out = []
    for row in rows:
        record = ProcedureRepository(work.session).record(row.record_id)
        by_id = {r.id: r for r in reports[row.id]}
        out.append(AdverseEventDTO(
            id=row.id, patient_id=row.patient_id, pseudonym=patient_pseudonym(work, row.patient_id), record_id=row.record_id,
            procedure_date=local_date(work, record.started_at), lot_label=lot_dto(work, get_lot(work, row.lot_id)).identity,
            onset_date=row.onset_date, learnt_on=row.learnt_on, source=row.source, term=row.term,
            term_text=term_text(row, _english(work)), description=row.description, recorded_by=user_name(work, row.recorded_by),
            recorded_at=row.recorded_at,
            entries=tuple(_entry_dto(work, e, i == 0) for i, e in enumerate(entries[row.id])),
            reports=tuple(ReportDTO(r.document_id, r.language, user_name(work, r.created_by), r.created_at,
                                    r.pdf_sha256) for r in reports[row.id]),
            sendings=tuple(SendingDTO(by_id[s.report_id].document_id, s.recipient, s.addressee, s.channel, s.sent_on,
                                      s.note, user_name(work, s.recorded_by), s.recorded_at)
                           for s in sendings[row.id]),
            deadline=deadline_of(entries[row.id], sendings[row.id], today), term_other=row.term_other))
    return out


def list_words(work: Work, language: str) -> ListWords:
    """The lists in `language` (English when the clinic prints nothing in it) from the clinic's forms/."""
    words = screen_words(work.ctx, language)
    return ListWords(words.lang, {table.kind: {str(key): ae.label(words, table, key) for key in table}
                                for table in ae.LISTS})


def event_row(work: Work, event_id: int) -> AdverseEventRow:
    row = AdverseEventRepository(work.session).event(event_id) if isinstance(event_id, int) else None
    if row is None:
        raise NotFound(f"adverse event {event_id} does not exist")
    return row


def open_deadlines(work: Work) -> list[DeadlineDTO]:
    """Serious events whose report is still owed to a recipient, soonest deadline first (for Today)."""
    repo = AdverseEventRepository(work.session)
    ids = repo.serious_event_ids()
    entries, sendings = repo.entries_for(ids), repo.sendings_for(ids)
    today, out = local_today(work), []
    for event_id in ids:
        deadline = deadline_of(entries[event_id], sendings[event_id], today)
        if deadline is None or deadline.met:
            continue
        row = repo.event(event_id)
        patient = PatientRepository(work.session).get(row.patient_id)
        out.append(DeadlineDTO(event_id, row.patient_id, patient.mrn, f"{patient.family_name}, {patient.given_name}",
                               term_text(row, _english(work)), deadline, row.term, row.term_other))
    return sorted(out, key=lambda d: (d.deadline.due_on, d.event_id))


def open_complaints(work: Work, patient_id: int) -> list[ComplaintDTO]:
    """Done visits whose complication questions had a "yes" on a day no adverse event was learnt."""
    learnt = {e.learnt_on for e in AdverseEventRepository(work.session).events(patient_id)}
    form, out = visit_form_of(work), []
    for fu in followups(work, patient_id):
        for v in fu.visits:
            yes = [q for q in AE_SCREENING if v.answers.get(q) is True]
            if v.status == "done" and v.visit_date and yes and v.visit_date not in learnt:
                labels = tuple(dict(found[0]) for q in yes if (found := form.field_label(q)) is not None)
                out.append(ComplaintDTO(fu.record_id, v.key, v.label, v.visit_date, labels,
                                        str(v.answers.get("ae_other_text") or "")))
    return out


class AdverseEventService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.ADVERSE_EVENT_RECORD)
    def record(self, work: Work, patient_id: int, data: AdverseEventInput) -> AdverseEventDTO:
        """An adverse event and its first assessment, linked to the procedure and its lot."""
        records = patient_records(work, patient_id)
        if not records:
            raise ValidationError({"procedure": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This patient has no recorded procedure: an adverse event follows a procedure."))})
        record = next((r for r in records if r.id == data.record_id), None) if data.record_id else records[0]
        if record is None:
            raise ValidationError({"procedure": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "That procedure is not this patient's."))})
        problems: Problems = {}
        today, performed = local_today(work), local_date(work, record.started_at)
        check_date(problems, "onset_date", data.onset_date, QT_TRANSLATE_NOOP("ServiceMessages", "The onset date"), performed, today)
        learnt = data.learnt_on or today
        onset_ok = "onset_date" not in problems
        check_date(problems, "learnt_on", learnt, QT_TRANSLATE_NOOP("ServiceMessages", "The date the clinic learnt of it"),
                   data.onset_date if onset_ok else performed,
              today)
        if data.source not in ae.SOURCES:
            problems["source"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Say how the clinic learnt of it."))
        if data.term not in ae.TERMS:
            problems["term"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Choose a term from the list (or “other”)."))
        other = check_text(problems, "term_other", data.term_other, QT_TRANSLATE_NOOP("ServiceMessages", "The term"), 200, required=data.term == "other",
                      one_line=True)
        description = check_text(problems, "description", data.description, QT_TRANSLATE_NOOP("ServiceMessages", "The description"),
                                 4000, required=True)
        if onset_ok and "learnt_on" not in problems:
            problems.update(check_assessment(work, data.assessment, data.onset_date, learnt))
        if problems:
            raise ValidationError(problems)
        row = AdverseEventRow(patient_id=patient_id, record_id=record.id, lot_id=record.lot_id,
                              onset_date=data.onset_date, learnt_on=learnt, source=data.source, term=data.term,
                              term_other=other if data.term == "other" else "", description=description,
                              recorded_by=work.actor.user_id, recorded_at=work.now())
        repo = AdverseEventRepository(work.session)
        repo.add(row)
        repo.add(_entry_row(work, row, data.assessment, data.assessment.known_on or learnt))
        work.changed(Part.ADVERSE_EVENTS, patient_id)
        dto = event_dtos(work, [row])[0]
        work.commit()
        return dto

    @use_case(Permission.ADVERSE_EVENT_RECORD)
    def follow_up(self, work: Work, event_id: int, assessment: AssessmentInput) -> AdverseEventDTO:
        """Append a follow-up entry: the event as it stands now (earlier entries stay as they were)."""
        row = event_row(work, event_id)
        problems = check_assessment(work, assessment, row.onset_date, row.learnt_on)
        if problems:
            raise ValidationError(problems)
        AdverseEventRepository(work.session).add(
            _entry_row(work, row, assessment, assessment.known_on or local_today(work)))
        work.changed(Part.ADVERSE_EVENTS, row.patient_id)
        dto = event_dtos(work, [row])[0]
        work.commit()
        return dto

    @use_case(Permission.ADVERSE_EVENT_VIEW, write=False)
    def for_patient(self, work: Work, patient_id: int) -> list[AdverseEventDTO]:
        return event_dtos(work, AdverseEventRepository(work.session).events(patient_id))

    @use_case(Permission.ADVERSE_EVENT_VIEW, write=False)
    def complaints(self, work: Work, patient_id: int) -> list[ComplaintDTO]:
        return open_complaints(work, patient_id)

    @use_case(Permission.ADVERSE_EVENT_VIEW, write=False)
    def deadlines(self, work: Work) -> list[DeadlineDTO]:
        return open_deadlines(work)

    @use_case(Permission.ADVERSE_EVENT_VIEW, write=False)
    def list_words(self, work: Work, language: str) -> ListWords:
        """How the screens word the lists (terms, grades, seriousness, relatedness, outcomes…) in the screen
        language: the clinic's own catalogue, label by label over the shipped one."""
        return list_words(work, language)

