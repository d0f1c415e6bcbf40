"""The assessment summary PDF: fill the documents layer's AssessmentSummary model from an assessment.

Staff-facing wording is English for now (the documents layer takes finished text; Turkish labels follow
with the clinic-language setting). Verdict words and derived-value names come from assessment_dto, which
the screen uses too, so the screen and the printout say the same thing.
"""

from __future__ import annotations

from exoconsult.documents.assessment_pdf import render_assessment_pdf
from exoconsult.documents.labels import AnnexLabels, AssessmentLabels, PageLabels
from exoconsult.documents.model import (
    AssessmentSummary,
    ClinicHeader,
    EligibilityAnnex,
    FiredRule,
    ParagraphBlock,
    PatientIdentity,
)
from exoconsult.services.assessment.assessment_dto import (
    VERDICT_TEXT,
    AssessmentDTO,
    approval_text,
    derived_rows,
    format_value,
    resolution_text,
)
from exoconsult.services.core.work import Work

_PAGE = PageLabels(patient="Patient", birth_date="Date of birth", mrn="MRN", document_id="Document ID",
                   text_version="Protocol version", page_x_of_y="Page {page} of {total}",
                   complication_line="24-hour complication line", phone="Phone",
                   draft_watermark="DRAFT – not for signature")
_ANNEX = AnnexLabels(
    eligibility_title="Eligibility", protocol="Protocol", protocol_version="Version", protocol_sha256="SHA-256",
    protocol_approval="Approval", verdict="Verdict", fired_rules="Rules that applied", no_fired_rules="No rule applied.",
    rule="Rule", reason="Reason", action="Action", source="Source", review_resolution="Review resolution",
    explanation_title="", section="", shown_at="", discussed_at="", questions_asked="", no_questions="", question="",
    answer="", comprehension="", answer_given="", correct="", attempt="", answered_at="", comprehension_result="",
    teach_back="", key_point="", outcome="", patient_words="", audit_title="", yes="Yes", no="No")
LABELS = AssessmentLabels(page=_PAGE, annex=_ANNEX, assessed_at="Assessed at", assessed_by="Assessed by",
                          findings_heading="Derived values", finding="Finding", value="Value")


def render_summary(work: Work, dto: AssessmentDTO) -> bytes:
    clinic = work.settings
    patient = dto.inputs.get("patient", {})
    born = patient.get("birth_date") or ""
    notes = []
    if dto.stale:
        notes.append(ParagraphBlock("**Stale:** the history changed after this assessment; it cannot lead to a "
                                    "consent until the assessment is run again."))
    if dto.missing:
        notes.append(ParagraphBlock("**Missing data:** " + "; ".join(
            f"{m.field} (needed by {', '.join(m.needed_by)})" for m in dto.missing)))
    summary = AssessmentSummary(
        document_id=f"ASM-{dto.id:06d}", language="en", text_version=dto.protocol.version,
        title="Eligibility assessment (experimental exosome therapy)",
        clinic=ClinicHeader(name=clinic.clinic_name, address=clinic.clinic_address, phone=clinic.clinic_phone,
                            complication_line=clinic.complication_phone),
        patient=PatientIdentity(full_name=f"{patient.get('family_name', '')}, {patient.get('given_name', '')}",
                                birth_date_text=format_value(born), mrn=patient.get("mrn", "")),
        assessed_at_text=f"{dto.run_at:%d.%m.%Y %H:%M} UTC", assessed_by=dto.run_by,
        findings=derived_rows(dict(dto.derived)),
        eligibility=EligibilityAnnex(
            protocol_id=dto.protocol.id, protocol_version=dto.protocol.version, protocol_sha256=dto.protocol.sha256,
            protocol_approval=approval_text(dto), verdict=VERDICT_TEXT.get(dto.verdict, dto.verdict),
            fired_rules=tuple(FiredRule(f.rule, f.reason, f.action, f.source) for f in dto.fired),
            review_resolution=resolution_text(dto)),
        labels=LABELS, notes=tuple(notes), paper_size="Letter" if clinic.paper_size == "Letter" else "A4")
    return render_assessment_pdf(summary)
