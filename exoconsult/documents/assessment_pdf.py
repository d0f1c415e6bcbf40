"""Assessment summary PDF (the assessment screen's "Export summary"): findings and eligibility.

It reuses the consent's eligibility annex layout so the two documents can never disagree on how a
verdict and its fired rules are presented.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exoconsult.documents.annexes import eligibility_flowables
from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.layout import TextWriter
from exoconsult.documents.model import AssessmentSummary
from exoconsult.documents.page import PageDecoration, build_pdf, text_width


def render_assessment_pdf(summary: AssessmentSummary, fonts: FontSet | None = None, *,
                          invariant: bool = False) -> bytes:
    """Render the eligibility summary of one assessment."""
    fonts = fonts or register_fonts()
    writer = TextWriter(fonts)
    labels = summary.labels
    width = text_width(summary.paper_size)
    decoration = PageDecoration(
        fonts=fonts,
        clinic=summary.clinic,
        patient=summary.patient,
        labels=labels.page,
        document_id=summary.document_id,
        text_version=summary.text_version,
    )
    story: list[Flowable] = [
        writer.para(summary.title, writer.styles.title),
        writer.key_value_table([
            (labels.page.patient, summary.patient.full_name),
            (labels.page.birth_date, summary.patient.birth_date_text),
            (labels.page.mrn, summary.patient.mrn),
            (labels.assessed_at, summary.assessed_at_text),
            (labels.assessed_by, summary.assessed_by),
        ], width),
        Spacer(1, 3 * mm),
    ]
    if summary.findings:
        story += [writer.para(labels.findings_heading, writer.styles.h2),
                  writer.data_table((labels.finding, labels.value), summary.findings, (width * 0.55, width * 0.45)),
                  Spacer(1, 3 * mm)]
    story.append(writer.para(labels.annex.eligibility_title, writer.styles.h1))
    story += eligibility_flowables(summary.eligibility, labels.annex, writer, width)
    if summary.notes:
        story += [Spacer(1, 3 * mm), *writer.blocks(summary.notes)]
    return build_pdf(story, decoration, paper_size=summary.paper_size, title=summary.title,
                     language=summary.language, invariant=invariant)
