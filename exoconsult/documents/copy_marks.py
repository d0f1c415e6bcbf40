"""Copy marks on printed copies of an archived document ("PATIENT COPY", "CHART COPY", "INFORMATION
ONLY — NOT A CONSENT"), put on the page without re-rendering it.

The archived, sealed PDF is never changed and never rebuilt from the data: reportlab draws a one-page
overlay with the mark, and pypdf merges it onto a *copy* of each archived page. The printed page is
therefore the archived page's own content plus the mark. The mark sits in the empty band above the
clinic header (and a short line below the footer), where every ExoConsult document leaves room, so it
covers no text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exoconsult.documents.escape import single_line
from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.page import ALERT, SIDE_MARGIN, fit_width

TOP_BASELINE = 7.2 * mm  # from the top edge: below a printer's unprintable margin, above the header text
BOTTOM_BASELINE = 4.6 * mm  # from the bottom edge: under the footer line
LABEL_SIZE = 9.5
DETAIL_SIZE = 7.5


@dataclass(frozen=True)
class CopyMark:
    """One printed copy: the label in capitals (e.g. "HASTA NÜSHASI") and a detail line (copy n of N,
    who printed it and when)."""

    label: str
    detail: str = ""


def _overlay(mark: CopyMark, width: float, height: float, fonts: FontSet) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    label = single_line(mark.label, fonts.has_glyph)
    detail = single_line(mark.detail, fonts.has_glyph)
    usable = width - 2 * SIDE_MARGIN
    label = fit_width(label, fonts.bold, LABEL_SIZE, usable * 0.7)
    label_width = stringWidth(label, fonts.bold, LABEL_SIZE)
    detail = fit_width(detail, fonts.regular, DETAIL_SIZE, usable - label_width - 14)
    detail_width = stringWidth(detail, fonts.regular, DETAIL_SIZE) if detail else 0
    gap = 8 if detail else 0
    left = (width - (label_width + 8 + gap + detail_width)) / 2
    base = height - TOP_BASELINE
    canvas.setStrokeColor(ALERT)
    canvas.setFillColor(ALERT)
    canvas.setLineWidth(0.9)
    # A boxed label reads as a stamp, not as part of the document's own text.
    canvas.rect(left, base - 2.2, label_width + 8, LABEL_SIZE + 3.2, stroke=1, fill=0)
    canvas.setFont(fonts.bold, LABEL_SIZE)
    canvas.drawString(left + 4, base, label)
    if detail:
        canvas.setFont(fonts.regular, DETAIL_SIZE)
        canvas.drawString(left + label_width + 8 + gap, base + 0.5, detail)
    # Repeated under the footer: a sheet cut or folded at the top still says what it is.
    bottom = fit_width(f"{label}{' · ' + detail if detail else ''}", fonts.regular, DETAIL_SIZE - 0.5, usable)
    canvas.setFont(fonts.regular, DETAIL_SIZE - 0.5)
    canvas.drawCentredString(width / 2, BOTTOM_BASELINE, bottom)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def marked_copies(pdf: bytes, marks: Sequence[CopyMark], fonts: FontSet | None = None) -> bytes:
    """One PDF with every page of `pdf` once per mark, in order (mark 1's pages, then mark 2's...).
    `pdf` itself is only read."""
    if not marks:
        raise ValueError("at least one copy mark")
    fonts = fonts or register_fonts()
    writer = PdfWriter()
    overlays: dict[tuple[CopyMark, float, float], object] = {}
    for mark in marks:
        # A fresh reader per copy: pypdf reuses the clone of a page it has already added from the same
        # reader, and each copy needs pages of its own to carry its own mark.
        for page in PdfReader(io.BytesIO(pdf)).pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            key = (mark, width, height)
            if key not in overlays:
                overlays[key] = PdfReader(io.BytesIO(_overlay(mark, width, height, fonts))).pages[0]
            copy = writer.add_page(page)
            # The seal's signature widget belongs to the original file only; a copy carries no form field.
            if "/Annots" in copy:
                del copy[NameObject("/Annots")]
            copy.merge_page(overlays[key])  # type: ignore[arg-type]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
