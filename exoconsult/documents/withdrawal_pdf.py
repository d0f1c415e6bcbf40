"""Withdrawal-of-consent PDF: which consent, when, the patient's choices about data, signatures.

It carries the same page furniture as the consent, including a QR code built the same way
(document id + first 16 hex of the model's content hash), because it is sealed and archived too.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exoconsult.documents.canonical import content_hash, qr_payload
from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.layout import TextWriter
from exoconsult.documents.model import WithdrawalDocument
from exoconsult.documents.page import PageDecoration, build_pdf, text_width
from exoconsult.documents.signature import SignatureCaptions, signature_flowable


def withdrawal_qr_payload(document: WithdrawalDocument) -> str:
    return qr_payload(document.document_id, content_hash(document))


def render_withdrawal_pdf(document: WithdrawalDocument, fonts: FontSet | None = None, *,
                          invariant: bool = False) -> bytes:
    """Render the withdrawal record; an unapproved text is watermarked as a draft on every page."""
    fonts = fonts or register_fonts()
    writer = TextWriter(fonts)
    labels = document.labels
    width = text_width(document.paper_size)
    decoration = PageDecoration(
        fonts=fonts,
        clinic=document.clinic,
        patient=document.patient,
        labels=labels.page,
        document_id=document.document_id,
        text_version=document.text_version,
        watermark=None if document.approved else labels.page.draft_watermark,
        qr_payload=withdrawal_qr_payload(document),
    )
    story: list[Flowable] = [writer.para(document.title, writer.styles.title)]
    if not document.approved:
        story.append(writer.para(labels.page.draft_watermark, writer.styles.marking))
    rows = [
        (labels.page.patient, document.patient.full_name),
        (labels.page.birth_date, document.patient.birth_date_text),
        (labels.page.mrn, document.patient.mrn),
        (labels.withdrawn_consent, document.consent_document_id),
        (labels.consent_signed_at, document.consent_signed_at_text),
        (labels.withdrawal_date, document.withdrawal_date_text),
    ]
    story += [writer.key_value_table(rows, width), Spacer(1, 3 * mm)]
    story += writer.blocks(document.statement)
    if document.data_choices:
        story.append(writer.para(labels.data_choices_heading, writer.styles.h2))
        # The patient chooses one of these (item 12): one box per option, the chosen one ticked.
        story += [writer.one_of_row(c.statement, c.chosen, width) for c in document.data_choices]
    if document.reason is not None:
        story += [writer.para(labels.reason, writer.styles.h2), writer.para(document.reason)]
    captions = SignatureCaptions(role=labels.role, printed_name=labels.printed_name, meaning=labels.meaning,
                                 signed_at=labels.signed_at)
    story.append(writer.para(labels.signatures_heading, writer.styles.h1))
    story += [signature_flowable(block, captions, writer, width) for block in document.signatures]
    return build_pdf(story, decoration, paper_size=document.paper_size, title=document.title,
                     language=document.language, invariant=invariant)
