"""The day's safety checklist: before anaesthesia, time-out, sign-out. Each item is answered by a named,
signed-in user at a recorded time; a "no" carries a reason and waits for a urologist's decision (stop,
or continue with a written reason). A consent not valid today, a stop decision, or a chosen lot that has
become unusable (recalled, expired…) stops the checklist outright."""

from __future__ import annotations

from exoconsult.domain import procedure_day as day
from exoconsult.domain.errors import NotFound, PermissionDenied, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.assessment.assessments import latest_assessment
from exoconsult.services.consent.consent_records import summaries
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import text_field_reason
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.lots import (
    get_lot,
    local_today,
    lot_dto,
    unusable_reason,
    unusable_why,
    user_name,
)
from exoconsult.services.procedure.procedure_dto import ChecklistProgress, ItemState, ProcedureDay
from exoconsult.storage.consents import ConsentRepository
from exoconsult.storage.patients import PatientRepository
from exoconsult.storage.printing import PrintingRepository, ProcedurePlanRow
from exoconsult.storage.procedures import ChecklistAnswerRow, ChecklistDecisionRow, ProcedureRepository

CONSENT_STOP = {
    "withdrawn": QT_TRANSLATE_NOOP("ServiceMessages", "The consent is not valid today. The consent was withdrawn."),
    "superseded": QT_TRANSLATE_NOOP("ServiceMessages", "The consent is not valid today. The consent text has a new "
                                    "version: the patient must consent again."),
    "expired": QT_TRANSLATE_NOOP("ServiceMessages", "The consent is not valid today. The consent has expired: it "
                                 "must be renewed."),
    None: QT_TRANSLATE_NOOP("ServiceMessages", "The consent is not valid today. No signed consent is on record for "
                            "this procedure."),
}


def plan_row(work: Work, plan_id: int) -> ProcedurePlanRow:
    row = PrintingRepository(work.session).plan(plan_id)
    if row is None:
        raise NotFound(f"procedure plan {plan_id} does not exist")
    return row


def consent_status_now(work: Work, plan: ProcedurePlanRow) -> str | None:
    """The status, at this moment, of the consent the plan relies on (the consent status rules)."""
    if not plan.consent_document_id:
        return None
    found = summaries(work, plan.patient_id, when=work.now())
    return next((c.status for c in found if c.document_id == plan.consent_document_id), None)


def _item_state(work: Work, item: day.ChecklistItem, answer: ChecklistAnswerRow | None,
                decision: ChecklistDecisionRow | None) -> ItemState:
    base = dict(key=item.key, part=item.part, text=item.text, roles=tuple(sorted(item.roles)),
                detail_prompt=item.detail_prompt, needs_lot=item.needs_lot)
    if answer is None:
        return ItemState(**base, answer=None)
    lot_label = lot_dto(work, get_lot(work, answer.lot_id)).identity if answer.lot_id else ""
    return ItemState(**base, answer=answer.answer, reason=answer.reason, lot_label=lot_label,
                     answered_by=user_name(work, answer.answered_by), answered_at=answer.answered_at,
                     answer_id=answer.id, decision=decision.decision if decision else None,
                     decision_reason=decision.reason if decision else "",
                     decided_by=user_name(work, decision.decided_by) if decision else "")


def procedure_day(work: Work, plan: ProcedurePlanRow) -> ProcedureDay:
    """The checklist of one planned procedure as it stands now, read in the caller's unit of work."""
    repo = ProcedureRepository(work.session)
    latest: dict[str, ChecklistAnswerRow] = {}
    for a in repo.answers(plan.id):
        latest[a.item] = a
    decisions = {d.answer_id: d for d in repo.decisions(plan.id)}
    items = tuple(_item_state(work, i, latest.get(i.key), decisions.get(getattr(latest.get(i.key), "id", -1)))
                  for i in day.CHECKLIST)
    record = repo.record_for_plan(plan.id)
    lot_answer = latest.get("lot_chosen")
    lot_id = record.lot_id if record else (lot_answer.lot_id if lot_answer and lot_answer.answer == "yes" else None)
    notes = list(repo.notes_for_record(record.id)) if record else []
    status = consent_status_now(work, plan)
    stopped: Reason | None = None
    stop_decision = next((d for d in decisions.values() if d.decision == "stop"), None)
    if stop_decision is not None:
        stopped = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Stopped by {who}: {why}"),
                                  who=user_name(work, stop_decision.decided_by), why=stop_decision.reason)
    elif record is None and status != "signed":
        stopped = service_message(CONSENT_STOP.get(status, CONSENT_STOP[None]))
    elif record is None and lot_id is not None and (why := unusable_reason(work, get_lot(work, lot_id))):
        stopped = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The lot chosen cannot be used. {why}"),
                                  terms={"why": why}, terms_context="Lots")
    patient = PatientRepository(work.session).get(plan.patient_id)
    consent = ConsentRepository(work.session).by_document_id(plan.consent_document_id or "")
    return ProcedureDay(
        plan_id=plan.id, patient_id=plan.patient_id, mrn=patient.mrn,
        patient_name=f"{patient.family_name}, {patient.given_name}", birth_date=patient.birth_date,
        planned_on=plan.planned_on, consent_document_id=plan.consent_document_id, consent_status=status, items=items,
        stopped=stopped.english() if stopped else "", stopped_why=stopped, lot_id=lot_id, record_id=record.id if record else None,
        note_document_id=next((n.document_id for n in notes if n.kind == "note"), None),
        addenda=tuple(n.document_id for n in notes if n.kind == "addendum"),
        language=consent.language if consent is not None else patient.preferred_language,
        performing_urologist=user_name(work, plan.performing_urologist_id) if plan.performing_urologist_id else "")


def checklist_progress(work: Work, plan: ProcedurePlanRow) -> ChecklistProgress:
    """For the Today view: how far the day's checklist is (the screen words the stage), or why it stopped."""
    state = procedure_day(work, plan)
    done, total = state.progress
    return ChecklistProgress(done, total, state.stage, state.stopped, state.stopped_why)


def _refuse_unless_open(state: ProcedureDay, part: str) -> None:
    if state.stopped:
        raise ValidationError({"checklist": stopped_refusal(state)})
    if part == day.TIME_OUT and not state.part_complete(day.BEFORE_ANAESTHESIA):
        raise ValidationError({"checklist": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Complete “before anaesthesia” first."))})
    if part in (day.BEFORE_ANAESTHESIA, day.TIME_OUT) and state.record_id is not None:
        raise ValidationError({"checklist": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The procedure is already recorded: only the sign-out remains."))})
    if part == day.SIGN_OUT and state.record_id is None:
        raise ValidationError({"checklist": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Record the procedure before the sign-out."))})
    if state.note_document_id:
        raise ValidationError({"checklist": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The procedure note is sealed: the checklist is closed."))})


def _check_yes(work: Work, plan: ProcedurePlanRow, item: day.ChecklistItem, lot_id: int | None) -> None:
    """A "yes" the records contradict is refused (answer "no" with the reason instead)."""
    if item.key == "assessment_current":
        assessment = latest_assessment(work, plan.patient_id)
        if assessment is None or assessment.stale:
            raise ValidationError({item.key: service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The history changed after the last assessment: it is stale. "
                "Re-assess, or answer no with the reason."))})
    if item.needs_lot:
        if lot_id is None:
            raise ValidationError({"lot": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Choose the product lot."))})
        why = unusable_why(work, get_lot(work, lot_id))
        if why is not None:
            raise ValidationError({"lot": why})


def _checked_text(value: str, label: str, *, required: bool) -> str:
    """`label` marked QT_TRANSLATE_NOOP("ServiceMessages", ...)."""
    if (why := text_field_reason(value, label, max_len=2000, required=required)):
        raise ValidationError({"reason": why})
    return (value or "").strip()


def stopped_refusal(state: ProcedureDay) -> Reason:
    """Nothing more is recorded on a stopped checklist: the refusal says why it stopped."""
    if state.stopped_why is None:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The checklist is stopped. {why}"), why=state.stopped)
    return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The checklist is stopped. {why}"),
                           parts={"why": state.stopped_why})


class ChecklistService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.PROCEDURE_VIEW, write=False)
    def day(self, work: Work, plan_id: int) -> ProcedureDay:
        return procedure_day(work, plan_row(work, plan_id))

    @use_case(Permission.PROCEDURE_VIEW, write=False)
    def today(self, work: Work) -> list[ProcedureDay]:
        """Today's planned procedures with their checklist progress."""
        today = local_today(work)
        return [procedure_day(work, p) for p in PrintingRepository(work.session).plans_between(today, today)]

    @use_case(Permission.PROCEDURE_VIEW, write=False)
    def for_patient(self, work: Work, patient_id: int) -> list[ProcedureDay]:
        """Every planned procedure of one patient, newest date first."""
        return [procedure_day(work, p) for p in ProcedureRepository(work.session).plans_for_patient(patient_id)]

    @use_case(Permission.PROCEDURE_CHECK)
    def answer(self, work: Work, plan_id: int, item_key: str, yes: bool, reason: str = "",
               lot_id: int | None = None) -> ProcedureDay:
        """Answer one item as the signed-in user. "No" needs the reason; a later answer to the same item
        replaces it in the checklist (both stay on record) until a urologist has decided on it."""
        item = day.ITEMS.get(item_key)
        if item is None:
            raise ValidationError({"item": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Unknown checklist item {item}."), item=repr(item_key))})
        if str(work.actor.role) not in item.roles:
            raise PermissionDenied(str(work.actor.role), f"answer “{item.text}”")
        plan = plan_row(work, plan_id)
        state = procedure_day(work, plan)
        _refuse_unless_open(state, item.part)
        current = next(i for i in state.items if i.key == item_key)
        if current.decision is not None:
            raise ValidationError({item_key: service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "A urologist has decided on this answer: it cannot be changed."))})
        if not isinstance(yes, bool):
            raise ValidationError({item_key: service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Answer yes or no."))})
        text = _checked_text(reason, QT_TRANSLATE_NOOP("ServiceMessages", "The reason") if not yes
                             else QT_TRANSLATE_NOOP("ServiceMessages", "The detail"),
                             required=not yes or bool(item.detail_prompt))
        if yes:
            _check_yes(work, plan, item, lot_id)
        row = ChecklistAnswerRow(plan_id=plan_id, patient_id=plan.patient_id, item=item_key, answer="yes" if yes else "no", reason=text,
                                 lot_id=lot_id if item.needs_lot and yes else None,
                                 answered_by=work.actor.user_id, answered_at=work.now())
        ProcedureRepository(work.session).add(row)
        work.changed(Part.PROCEDURE, plan.patient_id)
        result = procedure_day(work, plan)
        work.commit()
        return result

    @use_case(Permission.PROCEDURE_DECIDE)
    def decide(self, work: Work, plan_id: int, item_key: str, proceed: bool, reason: str) -> ProcedureDay:
        """The urologist's decision on a "no": stop the procedure, or continue with a written reason."""
        plan = plan_row(work, plan_id)
        state = procedure_day(work, plan)
        current = next((i for i in state.items if i.key == item_key), None)
        if current is None or not current.waiting_for_decision:
            raise ValidationError({item_key: service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Only a “no” that is waiting for a decision can be decided."))})
        if state.stopped:
            raise ValidationError({"checklist": stopped_refusal(state)})
        if not proceed and state.record_id is not None:
            raise ValidationError({item_key: service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The procedure is already done: record how it was handled and continue."))})
        text = _checked_text(reason, QT_TRANSLATE_NOOP("ServiceMessages", "The reason for the decision"), required=True)
        decision = "continue" if proceed else "stop"
        ProcedureRepository(work.session).add(ChecklistDecisionRow(
            plan_id=plan_id, patient_id=plan.patient_id, answer_id=current.answer_id, decision=decision, reason=text,
            decided_by=work.actor.user_id, decided_at=work.now()))
        work.audit("decide", "procedure_plan", plan_id, detail={"item": item_key, "decision": decision,
                                                                "patient_id": plan.patient_id})
        work.changed(Part.PROCEDURE, plan.patient_id)
        result = procedure_day(work, plan)
        work.commit()
        return result
