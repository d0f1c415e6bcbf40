"""The reminder letter for the next open visit, in the patient's language (English or Turkish): the words
are the schedule's own (forms/followup/schedule.yaml, approved with it), the dates and numbers the
clinic's and the patient's. Printed through the record-document path of the procedure day's papers.
No e-mail or SMS: the clinic is offline; a letter is handed over or posted."""

from __future__ import annotations

from exoconsult.documents import model as m
from exoconsult.documents.record_pdf import RecordDocument, RecordSection, render_record_pdf
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.followup import Schedule
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.consent.consent_build import clinic_header, patient_identity
from exoconsult.services.consent.consent_records import clinic_logo
from exoconsult.services.core.document_labels import document_words, page_labels
from exoconsult.services.core.work import Work
from exoconsult.services.followup.followup_dto import FollowupDTO, VisitDTO
from exoconsult.storage.patients import PatientRepository, to_data


class _Filled(dict):
    """Placeholders the letter may use (linted); an empty value stays visible as its name."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def letter_visit(fu: FollowupDTO, visit_key: str | None) -> VisitDTO:
    """The visit the letter is about: the one asked for; else the next visit to come to (due or upcoming,
    not a telephone check: the clinic calls him), else the latest overdue one."""
    if fu.stopped_since is not None:
        raise ValidationError({"letter": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "He withdrew and asked for his data to be deleted from the registry: no further "
            "requests are sent."))})
    if fu.lost_since is not None:
        raise ValidationError({"letter": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "He is marked lost to follow-up: record that he is back first."))})
    if visit_key:
        chosen = [v for v in fu.visits if v.key == visit_key and v.status in ("upcoming", "due", "overdue")]
    else:
        coming = [v for v in fu.visits if v.status in ("upcoming", "due") and v.contact == "visit"]
        chosen = coming[:1] or [v for v in fu.visits if v.status == "overdue" and v.contact == "visit"][-1:]
    if not chosen:
        raise ValidationError({"letter": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "No open visit to remind him of."))})
    return chosen[0]


def reminder_document(work: Work, schedule: Schedule, fu: FollowupDTO, visit: VisitDTO) -> RecordDocument:
    lang = fu.language
    settings, words = work.settings, document_words(lang, work.ctx.forms_dir)
    patient = to_data(PatientRepository(work.session).get(fu.patient_id))
    spec = schedule.visit(visit.key)
    values = _Filled(
        visit=spec.label[lang].lower() if lang == "en" else spec.label[lang], due=words.date(visit.due),
        window_first=words.date(visit.first), window_last=words.date(visit.last),
        procedure_date=words.date(fu.procedure_date), tests=spec.tests[lang],
        clinic_phone=settings.clinic_phone or settings.complication_phone,
        complication_phone=settings.complication_phone or settings.clinic_phone, clinic_name=settings.clinic_name,
        patient_name=f"{patient.given_name} {patient.family_name}")
    letter = schedule.letter
    blocks = tuple(m.ParagraphBlock(p[lang].format_map(values)) for p in letter.paragraphs)
    return RecordDocument(
        document_id=f"reminder-{fu.record_id}-{visit.key}", language=lang, title=letter.title[lang].format_map(values),
        clinic=clinic_header(settings, clinic_logo(work)), patient=patient_identity(patient, words),
        page_labels=page_labels(lang, work.ctx.forms_dir), version=f"{schedule.id} {schedule.version}",
        sections=(RecordSection(letter.greeting[lang].format_map(values), blocks=blocks),), with_qr=False,
        paper_size=settings.paper_size)  # type: ignore[arg-type]


def render(document: RecordDocument) -> bytes:
    return render_record_pdf(document)
