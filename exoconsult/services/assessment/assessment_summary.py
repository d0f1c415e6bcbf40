"""The assessment summary PDF: fill the documents layer's AssessmentSummary model from an assessment.

Printed in the patient's language (content release 1.1, item 1): labels from document_labels, verdict
and derived-value wording from domain.eligibility_words, rule texts rendered from the stored templates.
"""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

from exoconsult.documents.assessment_pdf import render_assessment_pdf
from exoconsult.documents.model import AssessmentSummary, ClinicHeader, ParagraphBlock, PatientIdentity
from exoconsult.domain import eligibility_words as words
from exoconsult.services.assessment.assessment_dto import AssessmentDTO, MissingFieldDTO
from exoconsult.services.assessment.eligibility_annex import eligibility_annex
from exoconsult.services.core.document_labels import assessment_labels
from exoconsult.services.core.work import Work


def summary_language(dto: AssessmentDTO) -> str:
    """The patient's language when it is one the documents are printed in, else English."""
    preferred = str(dto.inputs.get("patient", {}).get("preferred_language") or "en").lower()
    return "tr" if preferred.split("-")[0] == "tr" else "en"


def _local_time(dto: AssessmentDTO, tz: str) -> str:
    local = dto.run_at.astimezone(ZoneInfo(tz)) if dto.run_at.tzinfo else dto.run_at.replace(tzinfo=UTC).astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    return f"{local:%d.%m.%Y %H:%M} (UTC{offset[:3]}:{offset[3:]})"


def _missing_entry(m: MissingFieldDTO, lang: str) -> str:
    """"Y chromosome microdeletion (needed by GEN-YCMD-DONE) — a Y-chromosome microdeletion test is required":
    the field by its label, the rules that need it, and what to do when the protocol says more than that."""
    entry = words.word("needed_by", lang, field=m.label_in(lang), rules=", ".join(m.needed_by))
    message = m.message_in(lang)
    specific = message and not any(rule in message for rule in m.needed_by)  # the generic one only repeats the ids
    return f"{entry} — {message.rstrip('.')}" if specific else entry


def render_summary(work: Work, dto: AssessmentDTO, lang: str | None = None) -> bytes:
    lang = lang or summary_language(dto)
    clinic = work.settings
    patient = dto.inputs.get("patient", {})
    born = patient.get("birth_date") or ""
    notes = []
    if dto.stale:
        notes.append(ParagraphBlock(words.word("stale", lang)))
    if dto.missing:
        notes.append(ParagraphBlock(words.word("missing", lang, fields="; ".join(
            _missing_entry(m, lang) for m in dto.missing))))
    summary = AssessmentSummary(
        document_id=f"ASM-{dto.id:06d}", language=lang, text_version=dto.protocol.version,
        title=words.word("title", lang),
        clinic=ClinicHeader(name=clinic.clinic_name, address=clinic.clinic_address, phone=clinic.clinic_phone,
                            complication_line=clinic.complication_phone),
        patient=PatientIdentity(full_name=f"{patient.get('given_name', '')} {patient.get('family_name', '')}".strip(),
                                birth_date_text=words.date_text(born), mrn=patient.get("mrn", "")),
        assessed_at_text=_local_time(dto, clinic.time_zone), assessed_by=dto.run_by,
        findings=words.derived_rows(dict(dto.derived), lang),
        eligibility=eligibility_annex(dto, lang),
        labels=assessment_labels(lang), notes=tuple(notes),
        paper_size="Letter" if clinic.paper_size == "Letter" else "A4")
    return render_assessment_pdf(summary)
