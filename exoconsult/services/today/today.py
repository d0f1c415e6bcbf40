"""The nurse's home screen ("Today"): where each patient's consultation stands, consents signed but not
yet printed, and procedures planned with the status of the consent they rely on. Procedure planning
lives here too: a plan names the consent it relies on, and the patient cannot be marked ready for the
procedure while that consent is withdrawn, superseded, or expired on the planned date.

Stages come from the records, not from a separate status field:
registered → history entered → assessed (verdict) → explanation under way → in reflection until … →
ready to sign → signed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.adverse_events.ae_dto import DeadlineDTO
from exoconsult.services.adverse_events.events import open_deadlines
from exoconsult.services.consent.consent_dto import ConsentSummary
from exoconsult.services.consent.consent_records import listed_summaries, summaries, unprinted_summaries
from exoconsult.services.consent.performer import performer_id_of
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation import current_explanation, signing_gates
from exoconsult.services.followup.followup_dto import FollowupToday
from exoconsult.services.followup.reading import followup_today, treatment_dates
from exoconsult.services.procedure.checklist import checklist_progress
from exoconsult.services.procedure.procedure_dto import ChecklistProgress
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.consultation_read import most_recently_active
from exoconsult.storage.patients import PatientRepository
from exoconsult.storage.printing import PrintingRepository, ProcedurePlanRow

MAX_PATIENTS = 300  # the most recently active consultations; the patient list finds everyone else
CONSENT_PROBLEM = {
    "withdrawn": "The consent was withdrawn.",
    "superseded": "The consent text has a new version: re-consent before the procedure.",
    "expired": "The consent will have expired on the planned date: renew it before the procedure.",
    None: "No signed consent is on record for this patient.",
}


# Where a consultation can stand, in order (screens label each one)
CONSULTATION_STAGES = ("registered", "history", "assessed", "explanation", "reflection", "ready_to_sign", "signed",
                       "withdrawn", "reconsent", "treated")


@dataclass(frozen=True)
class ConsultationRow:
    patient_id: int
    mrn: str
    patient_name: str
    stage: str  # one of CONSULTATION_STAGES
    stage_text: str  # the stage in words, e.g. "in reflection until 2026-12-02"
    next_date: date | None  # when the next step can happen (end of reflection), else None
    last_activity: datetime
    verdict: str | None = None  # stage "assessed": the newest assessment's verdict (screens label it)


@dataclass(frozen=True)
class UnprintedConsent:
    consent: ConsentSummary


@dataclass(frozen=True)
class ProcedurePlanDTO:
    id: int
    patient_id: int
    mrn: str
    patient_name: str
    planned_on: date
    consent_document_id: str | None
    consent_status: str | None  # at the planned date: signed | withdrawn | expired | superseded | None
    ready: bool
    blocked_reason: str  # why the patient cannot be marked ready ("" when he can)
    row_version: int
    checklist: ChecklistProgress | None = None  # the day's checklist, for procedures planned today
    performing_urologist: str = ""  # named on the consent (content release 1.1, item 4)


@dataclass(frozen=True)
class TodayOverview:
    today: date
    consultations: tuple[ConsultationRow, ...]
    unprinted: tuple[ConsentSummary, ...]
    procedures: tuple[ProcedurePlanDTO, ...]
    sae_deadlines: tuple[DeadlineDTO, ...] = ()  # serious adverse events whose report is still owed
    followup: FollowupToday = FollowupToday()  # due this week, overdue, missed


def _local_date(work: Work, when: datetime) -> date:
    return when.astimezone(ZoneInfo(work.settings.time_zone)).date()


def _end_of_day(work: Work, day: date) -> datetime:
    """The consent must still be valid when the planned day ends (the procedure may run late)."""
    return datetime.combine(day, time(23, 59, 59), ZoneInfo(work.settings.time_zone)).astimezone(UTC)


def _settled_row(pid: int, mrn: str, name: str, updated: datetime, *, signed: bool, treated: date | None,
                 last_consent: str | None) -> ConsultationRow | None:
    """The stages his consents or his treatment settle (None: his other records decide, `_record_row`)."""
    if treated is not None:  # in follow-up: his consent may have expired since, which no longer matters
        return ConsultationRow(pid, mrn, name, "treated", f"treated on {treated.isoformat()} (follow-up)", None, updated)
    if signed:
        return ConsultationRow(pid, mrn, name, "signed", "consent signed", None, updated)
    # No valid consent, but there was one: his gates may all be open, yet what he needs is not "ready to
    # sign" but a decision (a withdrawal) or a new consent (expired, superseded by a new text version).
    if last_consent == "withdrawn":
        return ConsultationRow(pid, mrn, name, "withdrawn", "consent withdrawn", None, updated)
    if last_consent in ("expired", "superseded"):
        return ConsultationRow(pid, mrn, name, "reconsent", f"consent {last_consent}: a new consent is needed", None,
                               updated)
    return None


def _record_row(work: Work, pid: int, mrn: str, name: str, updated: datetime) -> ConsultationRow:
    """Where one patient's consultation stands before any consent, from his records read in this unit of work."""
    def row(stage: str, text: str, next_date: date | None = None, last: datetime = updated,
            verdict: str | None = None) -> ConsultationRow:
        return ConsultationRow(pid, mrn, name, stage, text, next_date, max(last, updated), verdict)

    explanation = current_explanation(work, pid)
    if explanation is not None:
        if explanation.completed_at is None:
            return row("explanation", "explanation under way", last=explanation.started_at)
        days = explanation.reflection_override_days
        days = work.settings.reflection_days if days is None else days
        ends = explanation.completed_at + timedelta(days=days)
        if ends > work.now():
            until = _local_date(work, ends)
            return row("reflection", f"in reflection until {until.isoformat()}", until, explanation.completed_at)
        if all(g.open for g in signing_gates(work, pid, explanation.language)):
            return row("ready_to_sign", "ready to sign", last=explanation.completed_at)
        return row("explanation", "explanation under way", last=explanation.completed_at)
    # The stored records say enough: a row needs the newest verdict, not the assessment's full reading (whose
    # staleness check re-reads the whole history document, ~10 ms a patient).
    record = work.consultation(pid)
    if record.assessments:
        newest = record.assessments[0]
        return row("assessed", f"assessed ({newest.verdict})", last=newest.run_at, verdict=newest.verdict)
    if record.history is not None and record.history.version > 0:
        return row("history", "history entered")
    return row("registered", "registered")


def consultations(work: Work) -> list[ConsultationRow]:
    """The most recently active consultations in a fixed number of statements: their registry rows and
    consents first (those settle the signed, withdrawn, re-consent and treated stages), then the whole
    records of only the patients still before a consent."""
    ids = most_recently_active(work.session, MAX_PATIENTS)
    found = {p.id: (p.id, p.mrn, f"{p.family_name}, {p.given_name}", p.updated_at)
             for p in PatientRepository(work.session).many(ids)}
    patients = [found[pid] for pid in ids if pid in found]
    consents = listed_summaries(work, ids)
    signed = {c.patient_id for c in consents if c.status == "signed"}
    last_consent = {c.patient_id: c.status for c in sorted(consents, key=lambda c: (c.signed_at, c.id))}  # newest wins
    treated = treatment_dates(work)
    settled = {p[0]: _settled_row(*p, signed=p[0] in signed, treated=treated.get(p[0]),
                                  last_consent=last_consent.get(p[0])) for p in patients}
    work.preload_consultations([pid for pid, row in settled.items() if row is None])  # one set of queries
    rows = [settled[p[0]] or _record_row(work, *p) for p in patients]
    # Next steps with a date first (soonest first), then the most recently active.
    return sorted(rows, key=lambda r: (r.next_date is None, r.next_date or date.min, -r.last_activity.timestamp()))


def staff_names(work: Work) -> dict[int, str]:
    """Every account's display name, in one read (a list of plans names their urologists from it)."""
    return {u.id: u.display_name for u in UserRepository(work.session).list(include_inactive=True)}


def plan_dto(work: Work, row: ProcedurePlanRow, mrn: str, name: str, names: dict[int, str]) -> ProcedurePlanDTO:
    status = None
    if row.consent_document_id:
        at_date = summaries(work, row.patient_id, when=_end_of_day(work, row.planned_on))
        status = next((c.status for c in at_date if c.document_id == row.consent_document_id), None)
    blocked = "" if status == "signed" else CONSENT_PROBLEM.get(status, CONSENT_PROBLEM[None])
    return ProcedurePlanDTO(row.id, row.patient_id, mrn, name, row.planned_on, row.consent_document_id, status,
                            row.ready, blocked, row.row_version,
                            performing_urologist=names.get(row.performing_urologist_id or 0, ""))


def plans_between(work: Work, first: date, last: date) -> list[ProcedurePlanDTO]:
    rows = PrintingRepository(work.session).plans_between(first, last)
    work.preload_consultations({r.patient_id for r in rows})
    today = _local_date(work, work.now())
    names = staff_names(work) if rows else {}
    found = []
    for r in rows:
        p = work.consultation(r.patient_id).patient
        dto = plan_dto(work, r, p.mrn, f"{p.family_name}, {p.given_name}", names)
        if r.planned_on == today:
            dto = replace(dto, checklist=checklist_progress(work, r))
        found.append(dto)
    return found


class TodayService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.CONSENT_VIEW, write=False)
    def overview(self, work: Work, days_ahead: int = 7) -> TodayOverview:
        """The whole Today view in one unit of work, whatever the number of patients."""
        today = _local_date(work, work.now())
        return TodayOverview(today=today, consultations=tuple(consultations(work)),
                             unprinted=tuple(unprinted_summaries(work)),
                             procedures=tuple(plans_between(work, today, today + timedelta(days=days_ahead))),
                             sae_deadlines=tuple(open_deadlines(work)), followup=followup_today(work))

    @use_case(Permission.CONSENT_VIEW, write=False)
    def plans(self, work: Work, first: date, last: date) -> list[ProcedurePlanDTO]:
        return plans_between(work, first, last)

    @use_case(Permission.PROCEDURE_PLAN)
    def plan_procedure(self, work: Work, patient_id: int, planned_on: date,
                       consent_document_id: str | None = None) -> ProcedurePlanDTO:
        """Plan the procedure on `planned_on`, relying on the given consent (default: his newest one)."""
        if not isinstance(planned_on, date) or planned_on < _local_date(work, work.now()):
            raise ValidationError({"planned_on": service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                                  "Give a date from today on."))})
        patient = PatientRepository(work.session).get(patient_id)
        if patient is None:
            raise NotFound(f"patient {patient_id} does not exist")
        consents = summaries(work, patient_id)
        if consent_document_id is None and consents:
            consent_document_id = max(consents, key=lambda c: c.signed_at).document_id
        if consent_document_id is not None and consent_document_id not in {c.document_id for c in consents}:
            raise ValidationError({"consent": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "That consent is not this patient's."))})
        # The plan carries the urologist the consent names as performing it (content release 1.1, item 4).
        consent = next((c for c in work.consultation(patient_id).consents if c.document_id == consent_document_id),
                       None)
        row = ProcedurePlanRow(patient_id=patient_id, planned_on=planned_on, consent_document_id=consent_document_id,
                               performing_urologist_id=performer_id_of(consent) if consent is not None else None,
                               ready=False, created_by=work.actor.user_id, created_at=work.now())
        PrintingRepository(work.session).add(row)
        work.changed(Part.PROCEDURE, patient_id)
        dto = plan_dto(work, row, patient.mrn, f"{patient.family_name}, {patient.given_name}", staff_names(work))
        work.commit()
        return dto

    @use_case(Permission.PROCEDURE_PLAN)
    def set_ready(self, work: Work, plan_id: int, ready: bool = True) -> ProcedurePlanDTO:
        """Mark the patient ready for the planned procedure; refused, with the reason, unless the consent
        is valid on the planned date."""
        row = PrintingRepository(work.session).plan(plan_id)
        if row is None:
            raise NotFound(f"procedure plan {plan_id} does not exist")
        patient = PatientRepository(work.session).get(row.patient_id)
        name, names = f"{patient.family_name}, {patient.given_name}", staff_names(work)
        dto = plan_dto(work, row, patient.mrn, name, names)
        if ready and dto.blocked_reason:
            raise ValidationError({"ready": dto.blocked_reason})
        row.ready = bool(ready)
        row.ready_by, row.ready_at = (work.actor.user_id, work.now()) if ready else (None, None)
        work.changed(Part.PROCEDURE, row.patient_id)
        dto = plan_dto(work, row, patient.mrn, name, names)
        work.commit()
        return dto
