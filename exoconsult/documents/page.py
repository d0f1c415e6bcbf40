"""Page furniture shared by every document: header, identity line, footer, marking, watermark, QR.

"Page x of y" needs the total before any page is finished, so the canvas defers all furniture:
``showPage`` only stores each page's state, and ``save`` replays the pages and draws the
furniture on each once the total is known (the usual reportlab numbered-canvas recipe). Drawing
the watermark last also puts it on top of the content, where it cannot be hidden by a table fill.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from exoconsult.documents.escape import single_line
from exoconsult.documents.fonts import FontSet
from exoconsult.documents.keep import keep_together
from exoconsult.documents.labels import PageLabels
from exoconsult.documents.model import ClinicHeader, PaperSize, PatientIdentity
from exoconsult.documents.qr import draw_qr

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": letter}
SIDE_MARGIN = 18 * mm
HEADER_HEIGHT = 37 * mm  # from the top edge to the rule under the identity line
BANNER_HEIGHT = 7 * mm
FOOTER_HEIGHT = 18 * mm
QR_SIZE = 22 * mm
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ALERT = colors.HexColor("#b00020")


def text_width(paper_size: str) -> float:
    """Width of the text frame on ``paper_size``; refuses sizes the renderers do not lay out."""
    if paper_size not in PAGE_SIZES:
        raise ValueError(f"unknown paper size {paper_size!r}")
    return PAGE_SIZES[paper_size][0] - 2 * SIDE_MARGIN


def fit_width(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width``; full text stays in the body of the document."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix that fits together with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low] + "…"


@dataclass(frozen=True)
class PageDecoration:
    """Everything printed around the content of every page."""

    fonts: FontSet
    clinic: ClinicHeader
    patient: PatientIdentity
    labels: PageLabels
    document_id: str
    text_version: str
    watermark: str | None = None  # diagonal, e.g. the draft marking
    banner: str | None = None  # one line under the identity line, e.g. "Information only — not a consent"
    qr_payload: str | None = None

    def _line(self, text: str) -> str:
        return single_line(text, self.fonts.has_glyph)

    def identity_line(self, font: str, size: float, width: float) -> str:
        """Name, birth date and MRN on one line; a long name is shortened first so the date of birth
        and MRN (what a loose sheet is matched by) always stay visible."""
        lab, pat = self.labels, self.patient
        suffix = self._line(f"   ·   {lab.birth_date}: {pat.birth_date_text}   ·   {lab.mrn}: {pat.mrn}")
        name = self._line(f"{lab.patient}: {pat.full_name}")
        # The name keeps at least 30 % of the line; the rest goes to birth date and MRN first.
        suffix = fit_width(suffix, font, size, width - min(stringWidth(name, font, size), width * 0.3))
        name = fit_width(name, font, size, width - stringWidth(suffix, font, size))
        return name + suffix

    def page_text(self, page: int, total: int) -> str:
        # Literal replacement, not str.format: a translated label containing braces must not raise.
        return self._line(self.labels.page_x_of_y.replace("{page}", str(page)).replace("{total}", str(total)))

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        self._draw_header(canvas, width, height)
        self._draw_footer(canvas, width, page, total)
        if self.watermark:
            self._draw_watermark(canvas, width, height)
        canvas.restoreState()

    def _draw_header(self, canvas: Canvas, width: float, height: float) -> None:
        fonts, top = self.fonts, height - 11 * mm
        text_left = SIDE_MARGIN
        if self.clinic.logo_png:
            logo = ImageReader(io.BytesIO(self.clinic.logo_png))
            canvas.drawImage(logo, SIDE_MARGIN, top - 14 * mm, 30 * mm, 14 * mm, preserveAspectRatio=True,
                             anchor="nw", mask="auto")
            text_left += 33 * mm
        right_limit = width - SIDE_MARGIN - (QR_SIZE + 4 * mm if self.qr_payload else 0)
        header_width = right_limit - text_left
        canvas.setFillColor(INK)
        canvas.setFont(fonts.bold, 11.5)
        canvas.drawString(text_left, top - 9, fit_width(self._line(self.clinic.name), fonts.bold, 11.5, header_width))
        canvas.setFont(fonts.regular, 8)
        canvas.setFillColor(MUTED)
        address = self._line(", ".join(part.strip() for part in self.clinic.address.splitlines() if part.strip()))
        canvas.drawString(text_left, top - 21, fit_width(address, fonts.regular, 8, header_width))
        phone = self._line(f"{self.labels.phone}: {self.clinic.phone}")
        canvas.drawString(text_left, top - 31, fit_width(phone, fonts.regular, 8, header_width))
        canvas.setFillColor(ALERT)
        canvas.setFont(fonts.bold, 8.5)
        emergency = self._line(f"{self.labels.complication_line}: {self.clinic.complication_line}")
        canvas.drawString(text_left, top - 42, fit_width(emergency, fonts.bold, 8.5, header_width))
        if self.qr_payload:
            draw_qr(canvas, self.qr_payload, width - SIDE_MARGIN - QR_SIZE, height - 8 * mm - QR_SIZE, QR_SIZE)
        # Identity line: full width under the clinic block, then a rule.
        identity_y = height - HEADER_HEIGHT + 2.5 * mm
        canvas.setFillColor(INK)
        canvas.setFont(fonts.bold, 8.5)
        canvas.drawString(SIDE_MARGIN, identity_y, self.identity_line(fonts.bold, 8.5, width - 2 * SIDE_MARGIN))
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.line(SIDE_MARGIN, height - HEADER_HEIGHT, width - SIDE_MARGIN, height - HEADER_HEIGHT)
        if self.banner:
            canvas.setFillColor(ALERT)
            canvas.setFont(fonts.bold, 10)
            banner = fit_width(self._line(self.banner), fonts.bold, 10, width - 2 * SIDE_MARGIN)
            canvas.drawCentredString(width / 2, height - HEADER_HEIGHT - 5 * mm, banner)

    def _draw_footer(self, canvas: Canvas, width: float, page: int, total: int) -> None:
        fonts = self.fonts
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.4)
        canvas.line(SIDE_MARGIN, 14 * mm, width - SIDE_MARGIN, 14 * mm)
        page_text = self.page_text(page, total)
        canvas.setFont(fonts.bold, 8)
        canvas.setFillColor(INK)
        canvas.drawRightString(width - SIDE_MARGIN, 9.5 * mm, page_text)
        left_width = width - 2 * SIDE_MARGIN - stringWidth(page_text, fonts.bold, 8) - 6 * mm
        doc_line = self._line(
            f"{self.labels.document_id}: {self.document_id}   ·   {self.labels.text_version}: {self.text_version}"
        )
        canvas.setFont(fonts.regular, 7.5)
        canvas.drawString(SIDE_MARGIN, 9.5 * mm, fit_width(doc_line, fonts.regular, 7.5, left_width))

    def _draw_watermark(self, canvas: Canvas, width: float, height: float) -> None:
        text = self._line(self.watermark or "")
        diagonal = (width**2 + height**2) ** 0.5
        size = 54.0
        while size > 14 and stringWidth(text, self.fonts.bold, size) > diagonal * 0.62:
            size -= 2
        canvas.translate(width / 2, height / 2)
        canvas.rotate(54)
        canvas.setFillColor(ALERT)
        canvas.setFillAlpha(0.22)
        canvas.setFont(self.fonts.bold, size)
        canvas.drawCentredString(0, -size / 3, fit_width(text, self.fonts.bold, size, diagonal * 0.8))


class _NumberedCanvas(Canvas):
    """Defers page furniture to ``save`` so "Page x of y" knows y."""

    def __init__(self, *args: Any, decoration: PageDecoration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decoration = decoration
        self._deferred_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._deferred_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._deferred_pages)
        for number, state in enumerate(self._deferred_pages, start=1):
            self.__dict__.update(state)
            self._decoration.draw(self, number, total)
            super().showPage()
        super().save()


def build_pdf(story: Sequence[Flowable], decoration: PageDecoration, *, paper_size: PaperSize, title: str,
              language: str, invariant: bool = False) -> bytes:
    """Lay ``story`` out on pages carrying ``decoration`` and return the PDF bytes."""
    if paper_size not in PAGE_SIZES:
        raise ValueError(f"unknown paper size {paper_size!r}")
    if decoration.clinic.logo_png:
        ImageReader(io.BytesIO(decoration.clinic.logo_png)).getSize()  # fail early and clearly on a bad logo
    top_margin = HEADER_HEIGHT + (BANNER_HEIGHT + 2 * mm if decoration.banner else 4 * mm)
    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=PAGE_SIZES[paper_size],
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=top_margin,
        bottomMargin=FOOTER_HEIGHT,
        title=single_line(title, decoration.fonts.has_glyph),
        author=single_line(decoration.clinic.name, decoration.fonts.has_glyph),
        creator="ExoConsult",
        producer="ExoConsult (reportlab)",
        invariant=int(invariant),
        initialFontName=decoration.fonts.regular,
        lang=single_line(language),
    )
    template.build(keep_together(story), canvasmaker=partial(_NumberedCanvas, decoration=decoration))
    return out.getvalue()
