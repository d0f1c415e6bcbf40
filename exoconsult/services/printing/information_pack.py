"""The information pack: the explanation in the patient's language with his name and his results so far,
for reading at home, marked "information only — not a consent" on every page. Printing it is audited."""

from __future__ import annotations

import uuid

from exoconsult.documents import model as m
from exoconsult.documents.info_pack import render_information_pack_pdf
from exoconsult.domain.errors import NotFound
from exoconsult.services.consent.consent_build import (
    clinic_header,
    format_time,
    patient_identity,
    render_blocks,
    statement_box,
)
from exoconsult.services.consent.consent_records import clinic_logo
from exoconsult.services.consent.consents import consent_text
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words, info_pack_labels
from exoconsult.services.core.languages import language_registry
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.explanation.explanation_content import case_facts, load_for, patient_explanation
from exoconsult.services.programme.programme import placeholder_values
from exoconsult.storage.patients import PatientRepository, to_data


class InformationPackService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.INFO_PACK_PRINT)
    def pdf(self, work: Work, patient_id: int, language: str | None = None) -> bytes:
        uow = work.uow
        row = PatientRepository(uow.session).get(patient_id)
        if row is None:
            raise NotFound(f"patient {patient_id} does not exist")
        patient = to_data(row)
        lang = language or language_registry(self.ctx).document_language(patient.preferred_language,
                                                                          work.settings.default_language)
        load_for(self.ctx, lang)  # a clear error before any work when the language has no text
        shown = patient_explanation(work, patient_id, lang, f"{patient.given_name} {patient.family_name}",
                                    doctor_name="")
        values = placeholder_values(work, lang=lang, facts=case_facts(work, patient_id))
        # Section 1 is the lead-in text followed by the lines generated from his case.
        sections = tuple(
            m.InformationSection(heading=s.title, blocks=render_blocks(s.blocks, values, lang)
                                 + tuple(m.ParagraphBlock(line) for line in s.generated))
            for s in shown.sections)
        settings, words = work.settings, document_words(lang, self.ctx.forms_dir)
        document_id = str(uuid.uuid4())
        pack = m.InformationPack(
            document_id=document_id, language=lang, text_version=shown.version, approved=shown.approved,
            title=shown.title, clinic=clinic_header(settings, clinic_logo(work)), patient=patient_identity(patient, words),
            prepared_on_text=format_time(work.now(), settings.time_zone, words), sections=sections,
            labels=info_pack_labels(lang, self.ctx.forms_dir), paper_size=settings.paper_size,  # type: ignore[arg-type]
            # The consent's page-1 box, worded once in the consent text: the pack says it before section 1 too.
            statement_box=statement_box(consent_text(self.ctx, lang), values, self.ctx.forms_dir))
        data = render_information_pack_pdf(pack)
        uow.audit("print_information_pack", "patient", patient_id,
                  detail={"document_id": document_id, "language": lang, "text_version": shown.version})
        work.commit()
        return data
