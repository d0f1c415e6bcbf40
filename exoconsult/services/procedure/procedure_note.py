"""The procedure note, its addenda and the discharge sheet as documents: built from the records in the
patient's language, rendered, sealed with the clinic key (notes and addenda), stored write-once with
their SHA-256, archived after the commit, repaired at start-up and checked by `verify`."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from exoconsult.config import make_private_dir
from exoconsult.documents import model as m
from exoconsult.documents.canonical import content_hash
from exoconsult.documents.record_pdf import RecordDocument, RecordSection, RecordTable, render_record_pdf
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.consent.consent_build import clinic_header, format_time, patient_identity
from exoconsult.services.consent.consent_records import clinic_logo, seal
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import DocumentWords, document_words, page_labels
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.lots import get_lot, local_date, user_name
from exoconsult.services.procedure.note_archive import NOTE_FOLDER
from exoconsult.services.procedure.procedure_dto import NoteSummary, ProcedureDay
from exoconsult.storage.archive import inspect_archive, write_atomically
from exoconsult.storage.patients import PatientRepository, to_data
from exoconsult.storage.procedures import ProcedureNoteRow, ProcedureRecordRow, ProcedureRepository

NOTE_VERSION = "procedure-note 1"
DISCHARGE_VERSION = "discharge 1"


def language_of(lang: str) -> str:
    return language_registry().document_language(lang, "tr")


def note_folder(ctx: ServiceContext) -> Path:
    return make_private_dir(ctx.data_dir.archive_dir / NOTE_FOLDER)


def _ml(value: float, words: DocumentWords) -> str:
    return words.number(f"{value:g}")


def _clock_time(when, tz: str) -> str:
    return "" if when is None else when.astimezone(ZoneInfo(tz)).strftime("%H:%M")


def _head(work: Work, patient_id: int, words: DocumentWords):
    settings = work.settings
    patient = to_data(PatientRepository(work.session).get(patient_id))
    return clinic_header(settings, clinic_logo(work)), patient_identity(patient, words), settings.paper_size


def _checklist_rows(state: ProcedureDay, words: DocumentWords, tz: str) -> tuple[tuple[str, ...], ...]:
    L = words.section("procedure_note", shared=True)
    parts, items = words.section("procedure_note.parts"), words.section("procedure_note.checklist_items")
    rows = []
    for item in state.items:
        if item.answer is None:
            continue
        text = items.get(item.key, item.text)
        answer = L["yes"] if item.answer == "yes" else L["no"]
        detail = item.lot_label.split(" · ")[0] if item.lot_label else item.reason
        if detail:
            answer += f": {detail}"
        if item.decision:
            key = "decision_continue" if item.decision == "continue" else "decision_stop"
            answer += " — " + L[key].format(who=item.decided_by, why=item.decision_reason)
        rows.append((parts[item.part], text, answer, item.answered_by, _clock_time(item.answered_at, tz)))
    return tuple(rows)


def note_document(work: Work, record: ProcedureRecordRow, state: ProcedureDay, document_id: str) -> RecordDocument:
    lang = language_of(state.language)
    words, tz = document_words(lang, work.ctx.forms_dir), work.settings.time_zone
    L, events_list = words.section("procedure_note", shared=True), words.section("procedure_note.events_list")
    clinic, patient, paper = _head(work, record.patient_id, words)
    lot = get_lot(work, record.lot_id)
    technique = ", ".join(x for x, on in ((L["cord_block"], record.cord_block), (L["skin"], record.skin_infiltration))
                          if on)
    events = json.loads(record.events or "[]")
    event_text = ", ".join(events_list[e] for e in events) or L["none"]
    sections = (
        RecordSection(L["procedure"], (
            (L["procedure"], L["procedure_name"]),
            (L["performed_on"], words.date(local_date(work, record.started_at))),
            (L["urologist"], user_name(work, record.performed_by)), (L["assistant"], record.assistant or "—"),
            (L["started"], format_time(record.started_at, tz, words)), (L["ended"], format_time(record.ended_at, tz, words)),
            (L["consent"], record.consent_document_id))),
        RecordSection(L["anaesthesia"], (
            (L["agent"], record.anaesthetic_agent), (L["concentration"], record.anaesthetic_concentration),
            (L["volume_left"], _ml(record.anaesthetic_left_ml, words)), (L["volume_right"], _ml(record.anaesthetic_right_ml, words)),
            (L["technique"], technique), (L["needle"], f"{record.needle_gauge} G"))),
        RecordSection(L["product"], (
            (L["product_name"], lot.product_name), (L["manufacturer"], lot.manufacturer), (L["lot"], lot.lot_number),
            (L["expiry"], words.date(lot.expiry_date)))),
        RecordSection(L["injection"], table=RecordTable(
            (L["testis"], L["volume_ml"], L["sites"]),
            ((L["left"], _ml(record.left_volume_ml, words), str(record.left_sites)),
             (L["right"], _ml(record.right_volume_ml, words), str(record.right_sites))), (0.4, 0.3, 0.3))),
        RecordSection(L["events"], ((L["events"], event_text),) +
                      (((L["events_note"], record.events_note),) if record.events_note else ())),
        RecordSection(L["discharge"], (
            (L["pain_score"], L["not_recorded"] if record.pain_score is None else str(record.pain_score)),
            (L["discharged_at"], format_time(record.discharged_at, tz, words) if record.discharged_at
             else L["not_recorded"]))),
        RecordSection(L["checklist"], table=RecordTable(
            (L["part"], L["item"], L["answer"], L["by"], L["time"]), _checklist_rows(state, words, tz),
            (0.15, 0.36, 0.24, 0.15, 0.10))),
        RecordSection(L["record"], (
            (L["recorded_by"], user_name(work, record.recorded_by)),
            (L["recorded_at"], format_time(record.recorded_at, tz, words))),
            blocks=(m.ParagraphBlock(L["sealed"]),)),
    )
    return RecordDocument(document_id=document_id, language=lang, title=L["note_title"], clinic=clinic,
                          patient=patient, page_labels=page_labels(lang, work.ctx.forms_dir), version=NOTE_VERSION, sections=sections,
                          paper_size=paper)  # type: ignore[arg-type]


def addendum_document(work: Work, note: ProcedureNoteRow, correction: str, document_id: str) -> RecordDocument:
    lang = language_of(note.language)
    words, tz = document_words(lang, work.ctx.forms_dir), work.settings.time_zone
    L = words.section("procedure_note", shared=True)
    clinic, patient, paper = _head(work, note.patient_id, words)
    sections = (RecordSection(L["correction"], (
        (L["corrects"], note.document_id), (L["addendum_by"], work.actor.display_name),
        (L["recorded_at"], format_time(work.now(), tz, words)), (L["correction"], correction))),)
    return RecordDocument(document_id=document_id, language=lang, title=L["addendum_title"], clinic=clinic,
                          patient=patient, page_labels=page_labels(lang, work.ctx.forms_dir), version=NOTE_VERSION, sections=sections,
                          banner=L["addendum_banner"].format(id=note.document_id), paper_size=paper)  # type: ignore[arg-type]


def discharge_document(work: Work, state: ProcedureDay, performed_on_text: str, followup: str) -> RecordDocument:
    """Not a record (nothing is signed or sealed): advice printed for the patient to take home."""
    lang = language_of(state.language)
    words = document_words(lang, work.ctx.forms_dir)
    L = words.section("procedure_note", shared=True)
    clinic, patient, paper = _head(work, state.patient_id, words)
    phone = work.settings.complication_phone or work.settings.clinic_phone
    sections = (
        RecordSection(L["your_procedure"], ((L["procedure"], L["procedure_name"]),
                                            (L["performed_on"], performed_on_text),
                                            (L["first_followup"], followup or L["not_recorded"]))),
        RecordSection(L["at_home"], blocks=(m.BulletListBlock(words.numbered("procedure_note.discharge_advice")),)),
        RecordSection(L["questions"], blocks=(m.ParagraphBlock("**" + L["call_now"].format(phone=phone) + "**"),
                                              m.BulletListBlock(words.numbered("procedure_note.warning_signs")))),
    )
    return RecordDocument(document_id=f"discharge-{state.plan_id}", language=lang, title=L["discharge_title"],
                          clinic=clinic, patient=patient, page_labels=page_labels(lang, work.ctx.forms_dir), version=DISCHARGE_VERSION,
                          sections=sections, with_qr=False, paper_size=paper)  # type: ignore[arg-type]


def store_note(work: Work, *, kind: str, record: ProcedureRecordRow, document: RecordDocument,
               corrects: str | None = None, correction: str = "") -> tuple[NoteSummary, str, bytes]:
    """Render, seal and store a note or addendum in the caller's unit of work; returns (summary, archive
    name, sealed bytes) for the caller to commit and then archive."""
    reason = "Procedure note" if kind == "note" else "Procedure note addendum"
    sealed = seal(work, render_record_pdf(document), reason=reason)
    digest = hashlib.sha256(sealed).hexdigest()
    name = f"{'note' if kind == 'note' else 'addendum'}-{document.document_id}.pdf"
    now = work.now()
    row = ProcedureNoteRow(document_id=document.document_id, kind=kind, record_id=record.id,
                           patient_id=record.patient_id, corrects_document_id=corrects, correction=correction,
                           language=document.language, content_hash=content_hash(document), pdf=sealed,
                           pdf_sha256=digest, archive_name=name, created_by=work.actor.user_id, created_at=now)
    ProcedureRepository(work.session).add(row)
    work.audit("seal", "procedure_note", row.id, detail={"document_id": document.document_id, "kind": kind,
                                                          "pdf_sha256": digest, "corrects": corrects})
    work.changed(Part.PROCEDURE, record.patient_id)
    return note_summary(work.ctx, row), name, sealed


def new_document_id() -> str:
    return str(uuid.uuid4())


def note_summary(ctx: ServiceContext, row: ProcedureNoteRow) -> NoteSummary:
    return NoteSummary(document_id=row.document_id, kind=row.kind, patient_id=row.patient_id, language=row.language,
                       created_at=row.created_at, pdf_sha256=row.pdf_sha256,
                       archive_path=str(ctx.data_dir.archive_dir / NOTE_FOLDER / row.archive_name),
                       corrects_document_id=row.corrects_document_id)


def archive_note(ctx: ServiceContext, name: str, data: bytes) -> None:
    write_atomically(note_folder(ctx), name, data)


def repair_note_archive(ctx: ServiceContext) -> None:
    """Start-up: rewrite a note copy lost between its commit and its archive write; drop leftovers."""
    folder = note_folder(ctx)
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ProcedureRepository(uow.session)
        state = inspect_archive(folder, repo.note_archive_index(), deep=False)
        for name in state.missing + state.mismatched:
            write_atomically(folder, name, repo.note_pdf_by_archive_name(name))
    for name in state.partials:
        (folder / name).unlink(missing_ok=True)


def note_check(work: Work, *, digest: str | None = None, document_id: str | None = None):
    """For "verify a document": (kind, document id, status (a Reason), sealed bytes, content hash) of the note or
    addendum with these bytes or this id, or None. A note's status says whether an addendum corrects it."""
    repo = ProcedureRepository(work.session)
    row = repo.note_by_pdf_sha256(digest) if digest else repo.note_by_document_id(document_id or "")
    if row is None:
        return None
    if row.kind == "addendum":
        status = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "addendum correcting procedure note {note}"),
                                 note=row.corrects_document_id)
    else:
        later = [n.document_id for n in repo.notes_for_record(row.record_id) if n.kind == "addendum"]
        status = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "sealed, corrected by addendum {addenda}"),
                                 addenda=", ".join(later)) if later else \
            service_message(QT_TRANSLATE_NOOP("ServiceMessages", "sealed"))
    kind = "procedure note" if row.kind == "note" else "procedure note addendum"
    return kind, row.document_id, status, (bytes(row.pdf) if document_id else b""), row.content_hash
