"""The procedure itself: the record (urologist, after the time-out), the sealed procedure note in the
patient's language (after the sign-out), an addendum for a correction, and the discharge sheet the
nurse prints. The lot given is written to the lot's history in the same unit of work."""

from __future__ import annotations

import json
from datetime import datetime

from exoconsult.domain import procedure_day as day
from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import number_reason, text_field_reason
from exoconsult.services.core.work import Work
from exoconsult.services.procedure import procedure_note as notes
from exoconsult.services.procedure.checklist import plan_row, procedure_day, stopped_refusal
from exoconsult.services.procedure.lots import add_event, get_lot, local_date, unusable_why
from exoconsult.services.procedure.procedure_dto import NoteSummary, ProcedureDay, ProcedureInput
from exoconsult.storage.procedures import ProcedureRecordRow, ProcedureRepository


def _number(problems: dict[str, str | Reason], key: str, value, low: float, high: float, label: str, *,
            whole=False) -> None:
    if (why := number_reason(value, label, low, high, whole=whole)):
        problems[key] = why


ANAESTHETIC_VOLUME = QT_TRANSLATE_NOOP("ServiceMessages", "The anaesthetic volume (mL)")


def _validate(work: Work, p: ProcedureInput) -> None:
    problems: dict[str, str | Reason] = {}
    now = work.now()
    if not isinstance(p.started_at, datetime) or not isinstance(p.ended_at, datetime):
        problems["times"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Give the start and end times."))
    elif not p.started_at < p.ended_at <= now:
        problems["times"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The end must come after the start, and neither may be in the future."))
    elif p.discharged_at is not None and not p.ended_at <= p.discharged_at <= now:
        problems["discharged_at"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Discharge comes after the end of the procedure, and not in the future."))
    for key, value in (("anaesthetic_agent", p.anaesthetic_agent), ("anaesthetic_concentration",
                                                                    p.anaesthetic_concentration)):
        if not (value or "").strip() or text_field_reason(value, "", max_len=60, one_line=True):
            problems[key] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                              "Give it on one line (at most {max_len} characters)."),
                                            max_len=60)
    _number(problems, "anaesthetic_left_ml", p.anaesthetic_left_ml, 0, 20, ANAESTHETIC_VOLUME)
    _number(problems, "anaesthetic_right_ml", p.anaesthetic_right_ml, 0, 20, ANAESTHETIC_VOLUME)
    _number(problems, "needle_gauge", p.needle_gauge, 18, 32, QT_TRANSLATE_NOOP("ServiceMessages", "The needle gauge"),
            whole=True)
    _number(problems, "left_volume_ml", p.left_volume_ml, 0, 10, "The volume into the left testis (mL)")
    _number(problems, "right_volume_ml", p.right_volume_ml, 0, 10, "The volume into the right testis (mL)")
    _number(problems, "left_sites", p.left_sites, 0, 10, "Puncture sites", whole=True)
    _number(problems, "right_sites", p.right_sites, 0, 10, "Puncture sites", whole=True)
    if not (p.cord_block or p.skin_infiltration):
        problems["technique"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Record the anaesthetic technique: cord block, skin infiltration or both."))
    if p.pain_score is not None:
        _number(problems, "pain_score", p.pain_score, 0, 10, QT_TRANSLATE_NOOP("ServiceMessages", "The pain score"),
                whole=True)
    unknown = set(p.events) - set(day.PROCEDURE_EVENTS)
    if unknown:
        problems["events"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Unknown events: {events}."),
                                             events=", ".join(sorted(unknown)))
    if (why := text_field_reason(p.events_note, QT_TRANSLATE_NOOP("ServiceMessages", "The details"), max_len=2000,
                                 required=False)):
        problems["events_note"] = why
    elif "other" in p.events and not (p.events_note or "").strip():
        problems["events_note"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Describe the “other” event."))
    if (why := text_field_reason(p.assistant, QT_TRANSLATE_NOOP("ServiceMessages", "The assistant's name"),
                                 max_len=200, required=False)):
        problems["assistant"] = why
    if problems:
        raise ValidationError(problems)


class ProcedureService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.PROCEDURE_RECORD)
    def record(self, work: Work, plan_id: int, data: ProcedureInput) -> ProcedureDay:
        """Record what was done, once the checklist's first two parts are complete and nothing stops it."""
        plan = plan_row(work, plan_id)
        state = procedure_day(work, plan)
        if state.stopped:
            raise ValidationError({"checklist": stopped_refusal(state)})
        if plan.performing_urologist_id not in (None, work.actor.user_id):  # the patient consented to that doctor
            raise ValidationError({"performing_urologist": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The consent names {urologist} as the urologist who performs the procedure: "
                "{urologist} records it, or the patient consents again naming another urologist."),
                urologist=state.performing_urologist)})
        if state.record_id is not None:
            raise ValidationError({"record": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This procedure is already recorded: correct it by an addendum."))})
        open_items = [i for i in state.items if i.part in (day.BEFORE_ANAESTHESIA, day.TIME_OUT) and not i.settled]
        if open_items:
            waiting = [i for i in open_items if i.waiting_for_decision]
            raise ValidationError({"checklist": service_message(
                QT_TRANSLATE_NOOP("ServiceMessages", "A “no” is waiting for the urologist's decision.") if waiting
                else QT_TRANSLATE_NOOP("ServiceMessages", "Complete the checklist up to the time-out first."))})
        if state.lot_id is None:
            raise ValidationError({"lot": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "No product lot was chosen in the checklist."))})
        lot = get_lot(work, state.lot_id)
        if (why := unusable_why(work, lot)) is not None:
            raise ValidationError({"lot": why})
        _validate(work, data)
        row = ProcedureRecordRow(
            plan_id=plan.id, patient_id=plan.patient_id, consent_document_id=plan.consent_document_id, lot_id=lot.id,
            performed_by=work.actor.user_id, assistant=(data.assistant or "").strip(), started_at=data.started_at,
            ended_at=data.ended_at, anaesthetic_agent=data.anaesthetic_agent.strip(),
            anaesthetic_concentration=data.anaesthetic_concentration.strip(),
            anaesthetic_left_ml=float(data.anaesthetic_left_ml), anaesthetic_right_ml=float(data.anaesthetic_right_ml),
            cord_block=bool(data.cord_block), skin_infiltration=bool(data.skin_infiltration),
            needle_gauge=data.needle_gauge, left_volume_ml=float(data.left_volume_ml),
            right_volume_ml=float(data.right_volume_ml), left_sites=data.left_sites, right_sites=data.right_sites,
            events=json.dumps(sorted(set(data.events))), events_note=(data.events_note or "").strip(),
            pain_score=data.pain_score, discharged_at=data.discharged_at, recorded_by=work.actor.user_id,
            recorded_at=work.now())
        ProcedureRepository(work.session).add(row)
        add_event(work, lot, "used", patient_id=plan.patient_id)
        work.changed(Part.PROCEDURE, plan.patient_id)
        work.changed(Part.LOTS)
        result = procedure_day(work, plan)
        work.commit()
        return result

    @use_case(Permission.PROCEDURE_RECORD)
    def issue_note(self, work: Work, plan_id: int) -> NoteSummary:
        """Seal the procedure note in the patient's language once the sign-out is complete; write-once."""
        plan = plan_row(work, plan_id)
        state = procedure_day(work, plan)
        if state.record_id is None:
            raise ValidationError({"record": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Record the procedure first."))})
        if state.note_document_id:
            raise ValidationError({"note": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The procedure note is already sealed: correct it by an addendum."))})
        if not state.part_complete(day.SIGN_OUT):
            raise ValidationError({"checklist": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Complete the sign-out first."))})
        record = ProcedureRepository(work.session).record(state.record_id)
        document = notes.note_document(work, record, state, notes.new_document_id())
        summary, name, sealed = notes.store_note(work, kind="note", record=record, document=document)
        work.commit()
        notes.archive_note(self.ctx, name, sealed)
        return summary

    @use_case(Permission.PROCEDURE_RECORD)
    def addendum(self, work: Work, note_document_id: str, correction: str) -> NoteSummary:
        """A correction: its own sealed document naming the note it corrects (the note never changes)."""
        text = (correction or "").strip()
        if (why := text_field_reason(text, QT_TRANSLATE_NOOP("ServiceMessages", "The correction"), max_len=4000)):
            raise ValidationError({"correction": why})
        repo = ProcedureRepository(work.session)
        note = repo.note_by_document_id(note_document_id)
        if note is None or note.kind != "note":
            raise NotFound(f"no procedure note {note_document_id}")
        document = notes.addendum_document(work, note, text, notes.new_document_id())
        summary, name, sealed = notes.store_note(work, kind="addendum", record=repo.record(note.record_id),
                                                 document=document, corrects=note.document_id, correction=text)
        work.commit()
        notes.archive_note(self.ctx, name, sealed)
        return summary

    @use_case(Permission.PROCEDURE_VIEW, write=False)
    def notes(self, work: Work, plan_id: int) -> list[NoteSummary]:
        record = ProcedureRepository(work.session).record_for_plan(plan_row(work, plan_id).id)
        if record is None:
            return []
        return [notes.note_summary(self.ctx, r) for r in ProcedureRepository(work.session).notes_for_record(record.id)]

    @use_case(Permission.PROCEDURE_VIEW)
    def note_pdf(self, work: Work, document_id: str) -> bytes:
        row = ProcedureRepository(work.session).note_by_document_id(document_id)
        if row is None:
            raise NotFound(f"no procedure note {document_id}")
        data = bytes(row.pdf)
        work.audit("view", "procedure_note", row.id, detail={"document_id": document_id})
        work.commit()
        return data

    @use_case(Permission.PROCEDURE_VIEW)
    def discharge_sheet(self, work: Work, plan_id: int) -> bytes:
        """The discharge advice in the patient's language with the complication line (printing is audited)."""
        plan = plan_row(work, plan_id)
        state = procedure_day(work, plan)
        record = ProcedureRepository(work.session).record_for_plan(plan.id)
        lang = notes.language_of(state.language)
        performed = local_date(work, record.started_at) if record else plan.planned_on
        followup = next((i.reason for i in state.items if i.key == "followup_booked" and i.answer == "yes"), "")
        performed_text = document_words(lang, work.ctx.forms_dir).date(performed)
        pdf = notes.render_record_pdf(notes.discharge_document(work, state, performed_text, followup))
        work.audit("print", "discharge_sheet", plan.id, detail={"language": lang})
        work.commit()
        return pdf
