"""Consent PDF: ``ConsentDocument`` in, PDF bytes out. Pure: no database, no Qt, no locale logic.

Layout (consent-content.md, "Consent document"): title; patient identity; product details; the
eleven explanation/consent sections, each ending in the patient's initials box; the unbundled
optional consents; a shortened reflection period's reason when there is one; the signature
manifestations; then three annexes (eligibility, explanation record, signature/audit summary),
each starting on a new page. Every page carries the clinic header, the patient identity line,
document id, text version, "Page x of y" and a QR code.

QR payload: ``EXOCONSULT:<document id>:<first 16 hex of content_hash(document)>``. The hash is
SHA-256 over the canonical JSON of the document model (see ``canonical.py`` for why it is not a
hash of the PDF bytes: the code is printed inside those bytes).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from exoconsult.documents.annexes import audit_flowables, eligibility_flowables, explanation_flowables
from exoconsult.documents.canonical import content_hash, qr_payload
from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.keep import kept
from exoconsult.documents.layout import CHECKED, GRID, UNCHECKED, TextWriter
from exoconsult.documents.model import ConsentDocument, ConsentSection
from exoconsult.documents.page import PageDecoration, build_pdf, text_width
from exoconsult.documents.signature import SignatureCaptions, signature_flowable

__all__ = ["content_hash", "consent_qr_payload", "render_consent_pdf"]

_INITIALS_BOX_WIDTH = 30 * mm


def consent_qr_payload(document: ConsentDocument) -> str:
    """The text encoded in the consent's QR code."""
    return qr_payload(document.document_id, content_hash(document))


def render_consent_pdf(document: ConsentDocument, fonts: FontSet | None = None, *, invariant: bool = False) -> bytes:
    """Render the consent; ``invariant=True`` gives byte-identical output for identical input."""
    fonts = fonts or register_fonts()
    writer = TextWriter(fonts)
    width = text_width(document.paper_size)
    labels = document.labels
    decoration = PageDecoration(
        fonts=fonts,
        clinic=document.clinic,
        patient=document.patient,
        labels=labels.page,
        document_id=document.document_id,
        text_version=document.text_version,
        watermark=None if document.approved else labels.page.draft_watermark,
        banner=document.copy_marking,
        qr_payload=consent_qr_payload(document),
    )
    story = _front_matter(document, writer, width)
    for section in document.sections:
        story += _section(section, labels.initials, writer)
    story += _optional_consents(document, writer, width)
    story += _signatures(document, writer, width)
    story += _annexes(document, writer, width)
    return build_pdf(story, decoration, paper_size=document.paper_size, title=document.title,
                     language=document.language, invariant=invariant)


def _front_matter(document: ConsentDocument, writer: TextWriter, width: float) -> list[Flowable]:
    labels, patient, product = document.labels, document.patient, document.product
    story: list[Flowable] = [writer.para(document.title, writer.styles.title)]
    if not document.approved:
        story.append(writer.para(labels.page.draft_watermark, writer.styles.marking))
    if document.copy_marking:
        story.append(writer.para(document.copy_marking, writer.styles.marking))
    if document.statement_box:
        story += [writer.statement_box(document.statement_box, width), Spacer(1, 3 * mm)]
    story.append(writer.key_value_table([
        (labels.page.patient, patient.full_name),
        (labels.page.birth_date, patient.birth_date_text),
        (labels.page.mrn, patient.mrn),
    ], width))
    if document.preamble:
        story.append(Spacer(1, 2 * mm))
        story += writer.blocks(document.preamble)
    story += [
        Spacer(1, 3 * mm),
        writer.para(labels.product_heading, writer.styles.h2),
        writer.key_value_table([
            (labels.product_name, product.name),
            (labels.manufacturer, product.manufacturer),
            (labels.cell_source, product.cell_source),
            (labels.lot, product.lot),
            (labels.dose_per_testis, product.dose_per_testis),
        ], width),
    ]
    return story


def _section(section: ConsentSection, initials_label: str, writer: TextWriter) -> list[Flowable]:
    heading = writer.para(f"{section.number}. {section.heading}", writer.styles.h1)
    body = writer.blocks(section.blocks)
    state = section.initials
    mark = f"{CHECKED} {state.initials}".strip() if state.initialled else UNCHECKED
    box = Table([[writer.para(initials_label, writer.styles.cell_right),
                  writer.para(mark, writer.styles.cell_bold)]],
                colWidths=[50 * mm, _INITIALS_BOX_WIDTH], splitInRow=1, hAlign="RIGHT")
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), writer.fonts.regular),  # never reportlab's Helvetica default
        ("BOX", (1, 0), (1, 0), 0.8, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    # The box never sits alone at the top of a page (it is the section's caption, like a signature's); the
    # heading goes on with the start of the section (keep.py).
    return [heading, *body[:-1], kept([body[-1], box])]


def _optional_consents(document: ConsentDocument, writer: TextWriter, width: float) -> list[Flowable]:
    labels = document.labels
    story: list[Flowable] = []
    if document.optional_consents:
        story += [writer.para(labels.optional_consents_heading, writer.styles.h1),
                  writer.para(labels.optional_consents_note)]
        story += [writer.choice_row(c.statement, c.answer, labels.yes, labels.no, width)
                  for c in document.optional_consents]
    if document.reflection_shortened_reason is not None:
        story += [writer.para(labels.reflection_shortened, writer.styles.h2),
                  writer.para(document.reflection_shortened_reason)]
    return story


def _signatures(document: ConsentDocument, writer: TextWriter, width: float) -> list[Flowable]:
    labels = document.labels
    captions = SignatureCaptions(role=labels.role, printed_name=labels.printed_name, meaning=labels.meaning,
                                 signed_at=labels.signed_at)
    story: list[Flowable] = [writer.para(labels.signatures_heading, writer.styles.h1)]
    story += [signature_flowable(block, captions, writer, width) for block in document.signatures]
    return story


def _annexes(document: ConsentDocument, writer: TextWriter, width: float) -> list[Flowable]:
    annex = document.labels.annex
    return [
        PageBreak(),
        writer.para(annex.eligibility_title, writer.styles.h1),
        *eligibility_flowables(document.eligibility, annex, writer, width),
        PageBreak(),
        writer.para(annex.explanation_title, writer.styles.h1),
        *explanation_flowables(document.explanation, annex, writer, width),
        PageBreak(),
        writer.para(annex.audit_title, writer.styles.h1),
        *audit_flowables(document.audit_summary, writer, width),
    ]
