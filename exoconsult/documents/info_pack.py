"""Information pack PDF: the explanation text for reading at home. Not a consent, and says so.

"Information only — not a consent" is printed as a banner on every page (and once under the
title) so a copy taken home can never be mistaken for, or used as, a signed consent. It has no
signature lines and no initials boxes on purpose.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.layout import TextWriter
from exoconsult.documents.model import InformationPack
from exoconsult.documents.page import PageDecoration, build_pdf, text_width


def render_information_pack_pdf(pack: InformationPack, fonts: FontSet | None = None, *,
                                invariant: bool = False) -> bytes:
    """Render the home-reading pack; unapproved texts carry the draft watermark as well."""
    fonts = fonts or register_fonts()
    writer = TextWriter(fonts)
    width = text_width(pack.paper_size)  # refuses an unknown size before any work
    labels = pack.labels
    decoration = PageDecoration(
        fonts=fonts,
        clinic=pack.clinic,
        patient=pack.patient,
        labels=labels.page,
        document_id=pack.document_id,
        text_version=pack.text_version,
        watermark=None if pack.approved else labels.page.draft_watermark,
        banner=labels.information_only,
    )
    story: list[Flowable] = [
        writer.para(pack.title, writer.styles.title),
        writer.para(labels.information_only, writer.styles.marking),
        writer.labelled(labels.prepared_for, pack.patient.full_name),
        writer.labelled(labels.prepared_on, pack.prepared_on_text),
        Spacer(1, 2 * mm),
    ]
    if pack.statement_box:
        story += [writer.statement_box(pack.statement_box, width), Spacer(1, 3 * mm)]
    for section in pack.sections:  # headings and lead-ins stay with what follows them (keep.py)
        story += [writer.para(section.heading, writer.styles.h1), *writer.blocks(section.blocks)]
    return build_pdf(story, decoration, paper_size=pack.paper_size, title=pack.title, language=pack.language,
                     invariant=invariant)

