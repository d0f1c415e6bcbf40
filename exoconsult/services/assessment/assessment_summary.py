"""The assessment summary PDF: fill the documents layer's AssessmentSummary model from an assessment.

Printed in the patient's language (content release 1.1, item 1): labels from document_labels, verdict
and derived-value wording from domain.eligibility_words, rule texts rendered from the stored templates.
"""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from exoconsult.documents.assessment_pdf import render_assessment_pdf
from exoconsult.documents.model import AssessmentSummary, ClinicHeader, ParagraphBlock, PatientIdentity
from exoconsult.domain import eligibility_words as eligibility
from exoconsult.domain.languages import SOURCE_LANGUAGE, LanguageRegistry
from exoconsult.services.assessment.assessment_dto import AssessmentDTO, MissingFieldDTO
from exoconsult.services.assessment.eligibility_annex import eligibility_annex
from exoconsult.services.core.document_labels import DocumentWords, assessment_labels, document_words
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.work import Work


def summary_language(dto: AssessmentDTO, registry: LanguageRegistry | None = None) -> str:
    """The patient's language when it is one the documents are printed in, else English."""
    preferred = str(dto.inputs.get("patient", {}).get("preferred_language") or "en").lower()
    return (registry or language_registry()).document_language(preferred.split("-")[0], SOURCE_LANGUAGE)


def _local_time(dto: AssessmentDTO, tz: str) -> str:
    local = dto.run_at.astimezone(ZoneInfo(tz)) if dto.run_at.tzinfo else dto.run_at.replace(tzinfo=UTC).astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    return f"{local:%d.%m.%Y %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _missing_entry(m: MissingFieldDTO, lang: str, words: DocumentWords) -> str:
    """"Y chromosome microdeletion (needed by GEN-YCMD-DONE) — a Y-chromosome microdeletion test is required":
    the field by its label, the rules that need it, and what to do when the protocol says more than that."""
    entry = eligibility.word("needed_by", words, field=m.label_in(lang), rules=", ".join(m.needed_by))
    message = m.message_in(lang)
    specific = message and not any(rule in message for rule in m.needed_by)  # the generic one only repeats the ids
    return f"{entry} — {message.rstrip('.')}" if specific else entry


def render_summary(work: Work, dto: AssessmentDTO, lang: str | None = None) -> bytes:
    lang = lang or summary_language(dto, language_registry(work.ctx))
    words = document_words(lang, work.ctx.forms_dir)
    clinic = work.settings
    patient = dto.inputs.get("patient", {})
    born = patient.get("birth_date") or ""
    notes = []
    if dto.stale:
        notes.append(ParagraphBlock(eligibility.word("stale", words)))
    if dto.missing:
        notes.append(ParagraphBlock(eligibility.word("missing", words, fields="; ".join(
            _missing_entry(m, lang, words) for m in dto.missing))))
    summary = AssessmentSummary(
        document_id=f"ASM-{dto.id:06d}", language=lang, text_version=dto.protocol.version,
        title=eligibility.word("title", words),
        clinic=ClinicHeader(name=clinic.clinic_name, address=clinic.clinic_address, phone=clinic.clinic_phone,
                            complication_line=clinic.complication_phone),
        patient=PatientIdentity(full_name=f"{patient.get('given_name', '')} {patient.get('family_name', '')}".strip(),
                                birth_date_text=eligibility.date_text(born), mrn=patient.get("mrn", "")),
        assessed_at_text=_local_time(dto, clinic.time_zone), assessed_by=dto.run_by,
        findings=eligibility.derived_rows(dict(dto.derived), words),
        eligibility=eligibility_annex(dto, lang, forms_dir=work.ctx.forms_dir),
        labels=assessment_labels(lang, work.ctx.forms_dir), notes=tuple(notes),
        paper_size="Letter" if clinic.paper_size == "Letter" else "A4")
    return render_assessment_pdf(summary)
