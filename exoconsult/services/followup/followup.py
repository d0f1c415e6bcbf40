"""Follow-up use cases: read a patient's follow-up, record a visit (its date, then the visit record
through the generated screens, saved field by field), mark a visit missed with the reason, mark the
patient lost to follow-up (or back), print a reminder letter, and the Today and registry reads.

The visit record's answers are checked by the history's own value checks (types, units, ranges,
plausible bands) against the visit record's questions; a section's `captured_by` narrows who may enter
it; an answer its own show_if conditions hide is dropped. Every change is an audited row change."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.history_values import check_value
from exoconsult.domain.questionnaire import Questionnaire, QuestionType, hidden_answers
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import text_field_reason
from exoconsult.services.core.work import Work
from exoconsult.services.followup import reading, reminder
from exoconsult.services.followup.followup_dto import (
    FollowupDTO,
    FollowupToday,
    PatientOutcomes,
    VisitDTO,
    VisitSaveResult,
)
from exoconsult.services.procedure.lots import local_today
from exoconsult.storage.followup import FollowupRepository, FollowupStatusRow, FollowupVisitRow
from exoconsult.storage.procedures import ProcedureRepository

CHANGED_ELSEWHERE = QT_TRANSLATE_NOOP("ServiceMessages", "This visit was changed on another workstation meanwhile: "
                                                          "reopen it to see the change.")


def _followup(work: Work, record_id: int) -> FollowupDTO:
    record = ProcedureRepository(work.session).record(record_id) if record_id is not None else None
    for fu in reading.followups(work, record.patient_id) if record is not None else ():  # his, not the clinic's
        if fu.record_id == record_id:
            return fu
    raise NotFound(f"no procedure record {record_id}")


def _reason(text: str, missing: str) -> str:
    """`missing`: what to write when nothing is (marked QT_TRANSLATE_NOOP("ServiceMessages", ...))."""
    value = (text or "").strip()
    if not value:
        raise ValidationError({"reason": service_message(missing)})
    if (why := text_field_reason(value, QT_TRANSLATE_NOOP("ServiceMessages", "The reason"), max_len=2000)):
        raise ValidationError({"reason": why})
    return value


def _requestable(fu: FollowupDTO) -> None:
    if fu.stopped_since is not None:
        raise ValidationError({"visit": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "He withdrew and asked for his data to be deleted from the registry on {since}: no "
            "further visits are recorded."), since=fu.stopped_since.isoformat())})


def _status_event(work: Work, fu: FollowupDTO, event: str, on: date, reason: str) -> None:
    FollowupRepository(work.session).add(FollowupStatusRow(
        record_id=fu.record_id, patient_id=fu.patient_id, event=event, on_date=on, reason=reason,
        recorded_by=work.actor.user_id, recorded_at=work.now()))


def _visit_row(work: Work, fu: FollowupDTO, key: str) -> FollowupVisitRow | None:
    return FollowupRepository(work.session).visit_for(fu.record_id, key)


def _new_row(work: Work, fu: FollowupDTO, key: str, status: str) -> FollowupVisitRow:
    now = work.now()
    return FollowupVisitRow(record_id=fu.record_id, patient_id=fu.patient_id, visit_key=key, status=status,
                            schedule_version=fu.schedule_version, recorded_by=work.actor.user_id, recorded_at=now,
                            updated_by=work.actor.user_id, updated_at=now, answers="{}", missed_reason="")


def _touch(work: Work, row: FollowupVisitRow) -> None:
    row.updated_by, row.updated_at = work.actor.user_id, work.now()


def _fresh_visit(work: Work, record_id: int, key: str) -> VisitDTO:
    work.changed(Part.FOLLOWUP, None)  # drop what was read: the caller returns the stored state
    return _followup(work, record_id).visit(key)


def check_answers(form: Questionnaire, sections: tuple[str, ...], role, stored: Mapping[str, Any],
                  changes: Mapping[str, Any], today: date) -> tuple[dict[str, Any], dict[str, Reason],
                                                                   dict[str, str], tuple[str, ...]]:
    """(answers to store, refused field -> why, warned field -> why, refused as out of range) for `changes`
    (None clears a field)."""
    asked = [form.section(s) for s in sections]
    answers, refused, warnings, out_of_range = dict(stored), {}, {}, []
    for field_id, raw in changes.items():
        section = next((s for s in asked if s.question(field_id) is not None), None)
        if section is None:
            refused[field_id] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                  "This visit does not ask that question."))
            continue
        if not section.may_capture(role):
            refused[field_id] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                  "Your role may not enter this section."))
            continue
        if raw is None:
            answers.pop(field_id, None)
            continue
        result = check_value(section.question(field_id), None, raw, today=today)
        if result.problem:
            refused[field_id] = result.why
            if result.problem == "range" and section.question(field_id).type is not QuestionType.DATE:
                out_of_range.append(field_id)
            continue
        answers[field_id] = result.value
        if result.warning:
            warnings[field_id] = result.warning
    for section in asked:  # an answer its own conditions hide is not kept (e.g. a date for "no retrieval")
        for hidden in hidden_answers(section, answers):
            answers.pop(hidden, None)
    return answers, refused, warnings, tuple(out_of_range)


class FollowupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def visit_form(self) -> Questionnaire:
        """The visit record's questionnaire (forms/followup/visit.yaml), cached per forms folder."""
        from exoconsult.definitions.followup import load_visit_form

        return load_visit_form(self.ctx.forms_dir)

    @use_case(Permission.FOLLOWUP_VIEW, write=False)
    def for_patient(self, work: Work, patient_id: int) -> list[FollowupDTO]:
        return reading.followups(work, patient_id)

    @use_case(Permission.FOLLOWUP_VIEW, write=False)
    def clinic(self, work: Work) -> list[FollowupDTO]:
        """Every treated patient's follow-up, oldest procedure first (the clinic's follow-up list)."""
        return reading.followups(work)

    @use_case(Permission.FOLLOWUP_VIEW, write=False)
    def today(self, work: Work) -> FollowupToday:
        return reading.followup_today(work)

    @use_case(Permission.FOLLOWUP_VIEW, write=False)
    def registry(self, work: Work, first: date | None = None, last: date | None = None) -> list[PatientOutcomes]:
        """Per treated patient: procedure date, visits and outcome events (for the registry report)."""
        return reading.registry_outcomes(work, first, last)

    @use_case(Permission.FOLLOWUP_RECORD)
    def record_visit(self, work: Work, record_id: int, visit_key: str, visit_date: date) -> VisitDTO:
        """The visit took place on `visit_date` (also: a missed visit that happened after all, or a corrected
        date). A patient marked lost is back: that is recorded too."""
        fu = _followup(work, record_id)
        _requestable(fu)
        visit = next((v for v in fu.visits if v.key == visit_key), None)
        if visit is None:
            raise NotFound(f"the schedule has no visit {visit_key!r}")
        today = local_today(work)
        if not isinstance(visit_date, date) or not fu.procedure_date <= visit_date <= today:
            raise ValidationError({"visit_date": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Give a date from the procedure ({procedure_date}) to today."),
                procedure_date=fu.procedure_date.isoformat())})
        if fu.lost_since is not None:
            _status_event(work, fu, "resumed", visit_date, "A visit was recorded.")
        row = _visit_row(work, fu, visit_key)
        if row is None:
            row = _new_row(work, fu, visit_key, "done")
            row.visit_date = visit_date
            FollowupRepository(work.session).add(row)
        else:
            row.status, row.visit_date, row.missed_reason = "done", visit_date, ""
            _touch(work, row)
        work.changed(Part.FOLLOWUP, fu.patient_id)
        dto = _fresh_visit(work, record_id, visit_key)
        work.commit()
        return dto

    @use_case(Permission.FOLLOWUP_RECORD)
    def save_visit(self, work: Work, visit_id: int, changes: Mapping[str, Any], row_version: int) -> VisitSaveResult:
        """Store edits of a done visit's record (autosave): fields that fail their check are not stored and
        come back with the reason; values outside the plausible band are stored with a warning."""
        repo = FollowupRepository(work.session)
        row = repo.visit(visit_id)
        if row is None or row.status != "done":
            raise NotFound(f"no visit {visit_id} recorded as done")
        if row.row_version != row_version:
            raise ValidationError({"visit": service_message(CHANGED_ELSEWHERE)})
        fu = _followup(work, row.record_id)
        _requestable(fu)
        spec = reading.schedule_of(work).visit(row.visit_key)
        stored = json.loads(row.answers)
        answers, refused, warnings, out_of_range = check_answers(reading.visit_form_of(work), spec.sections, work.actor.role,
                                                   stored, changes, local_today(work))
        if answers != stored:
            row.answers = canonical_json(answers)
            _touch(work, row)
            work.changed(Part.FOLLOWUP, row.patient_id)
        key, record_id = row.visit_key, row.record_id
        result = VisitSaveResult(_fresh_visit(work, record_id, key), {f: why.english() for f, why in refused.items()},
                                 warnings, out_of_range, reasons=refused)
        work.commit()
        return result

    @use_case(Permission.FOLLOWUP_RECORD)
    def mark_missed(self, work: Work, record_id: int, visit_key: str, reason: str) -> VisitDTO:
        fu = _followup(work, record_id)
        _requestable(fu)
        visit = next((v for v in fu.visits if v.key == visit_key), None)
        if visit is None:
            raise NotFound(f"the schedule has no visit {visit_key!r}")
        if visit.status == "done":
            raise ValidationError({"visit": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This visit is recorded as done."))})
        if visit.first > local_today(work):
            raise ValidationError({"visit": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Its window opens on {first}: it cannot be missed yet."), first=visit.first.isoformat())})
        text = _reason(reason, QT_TRANSLATE_NOOP("ServiceMessages", "Write why the visit was missed."))
        row = _visit_row(work, fu, visit_key)
        if row is None:
            row = _new_row(work, fu, visit_key, "missed")
            row.missed_reason = text
            FollowupRepository(work.session).add(row)
        else:
            row.missed_reason = text
            _touch(work, row)
        work.changed(Part.FOLLOWUP, fu.patient_id)
        dto = _fresh_visit(work, record_id, visit_key)
        work.commit()
        return dto

    @use_case(Permission.FOLLOWUP_RECORD)
    def mark_lost(self, work: Work, record_id: int, since: date, reason: str) -> FollowupDTO:
        """Lost to follow-up from `since` (e.g. the last unanswered call): his open visits are no longer due."""
        fu = _followup(work, record_id)
        if fu.lost_since is not None:
            raise ValidationError({"lost": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Already marked lost to follow-up since {since}."), since=fu.lost_since.isoformat())})
        if not isinstance(since, date) or not fu.procedure_date <= since <= local_today(work):
            raise ValidationError({"since": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Give a date from the procedure to today."))})
        _status_event(work, fu, "lost", since, _reason(reason, QT_TRANSLATE_NOOP(
            "ServiceMessages", "Write how the clinic tried to reach him.")))
        work.changed(Part.FOLLOWUP, fu.patient_id)
        dto = _followup(work, record_id)
        work.commit()
        return dto

    @use_case(Permission.FOLLOWUP_RECORD)
    def mark_resumed(self, work: Work, record_id: int, reason: str) -> FollowupDTO:
        fu = _followup(work, record_id)
        if fu.lost_since is None:
            raise ValidationError({"lost": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "He is not marked lost to follow-up."))})
        _status_event(work, fu, "resumed", local_today(work), _reason(reason, QT_TRANSLATE_NOOP("ServiceMessages", "Write how he came back.")))
        work.changed(Part.FOLLOWUP, fu.patient_id)
        dto = _followup(work, record_id)
        work.commit()
        return dto

    @use_case(Permission.FOLLOWUP_VIEW)
    def reminder_letter(self, work: Work, record_id: int, visit_key: str | None = None) -> bytes:
        """The reminder letter for a visit (default: the next open one) in the patient's language (audited)."""
        fu = _followup(work, record_id)
        visit = reminder.letter_visit(fu, visit_key)
        pdf = reminder.render(reminder.reminder_document(work, reading.schedule_of(work), fu, visit))
        work.audit("print", "followup_reminder", fu.record_id,
                   detail={"patient_id": fu.patient_id, "visit": visit.key, "language": fu.language})
        work.commit()
        return pdf
