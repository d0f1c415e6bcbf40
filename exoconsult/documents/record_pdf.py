"""Procedure-day documents: the procedure note, its addendum, and the discharge sheet. A fully resolved
model (every word already in the patient's language) laid out as headed key/value tables, data tables
and text blocks, on the same page furniture as the consent. Sealed notes carry a QR code built like the
consent's (document id + first 16 hex of the model's content hash)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exoconsult.documents.canonical import content_hash, qr_payload
from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.labels import PageLabels
from exoconsult.documents.layout import TextWriter
from exoconsult.documents.model import Block, ClinicHeader, PaperSize, PatientIdentity
from exoconsult.documents.page import PageDecoration, build_pdf, text_width


@dataclass(frozen=True)
class RecordTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]  # column widths as shares of the text width (sum 1)


@dataclass(frozen=True)
class RecordSection:
    heading: str
    rows: tuple[tuple[str, str], ...] = ()  # label, value
    table: RecordTable | None = None
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class RecordDocument:
    document_id: str
    language: str
    title: str
    clinic: ClinicHeader
    patient: PatientIdentity
    page_labels: PageLabels
    version: str  # printed as the "text version" in the footer
    sections: tuple[RecordSection, ...]
    banner: str | None = None  # e.g. "Addendum – corrects document …"
    with_qr: bool = True
    paper_size: PaperSize = "A4"


def record_qr_payload(document: RecordDocument) -> str:
    return qr_payload(document.document_id, content_hash(document))


def render_record_pdf(document: RecordDocument, fonts: FontSet | None = None, *, invariant: bool = False) -> bytes:
    fonts = fonts or register_fonts()
    writer = TextWriter(fonts)
    width = text_width(document.paper_size)
    decoration = PageDecoration(fonts=fonts, clinic=document.clinic, patient=document.patient,
                                labels=document.page_labels, document_id=document.document_id,
                                text_version=document.version, banner=document.banner,
                                qr_payload=record_qr_payload(document) if document.with_qr else None)
    story: list[Flowable] = [writer.para(document.title, writer.styles.title)]
    for section in document.sections:
        story.append(writer.para(section.heading, writer.styles.h2))
        if section.rows:
            story.append(writer.key_value_table(section.rows, width, label_share=0.38))
        if section.table is not None:
            t = section.table
            story.append(writer.data_table(t.columns, t.rows, [width * s for s in t.shares]))
        if section.blocks:
            story += writer.blocks(section.blocks)
        story.append(Spacer(1, 3 * mm))
    return build_pdf(story, decoration, paper_size=document.paper_size, title=document.title,
                     language=document.language, invariant=invariant)
