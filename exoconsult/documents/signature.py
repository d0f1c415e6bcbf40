"""Signature manifestations: strokes drawn as vector paths plus the printed name, role, meaning, time.

Strokes arrive with both axes in one unit (the pad's longer side, y down; see domain.signature). They are
scaled by one factor for both axes into the box (centred), so the printed shape has the drawn proportions;
line width follows pen pressure so the ink looks like the pad showed it. Signatures stored before the pad
kept one unit (each axis a fraction of its own side) print as they were stored.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from exoconsult.documents.escape import escape_markup, single_line
from exoconsult.documents.layout import GRID, TextWriter
from exoconsult.documents.model import SignatureBlock, SignaturePoint, SignatureStroke
from exoconsult.documents.page import fit_width

BOX_WIDTH = 72 * mm
BOX_HEIGHT = 26 * mm
_PADDING = 2.5 * mm
_INK = colors.HexColor("#0b2a6f")


def _finite_strokes(strokes: Sequence[SignatureStroke]) -> list[list[SignaturePoint]]:
    # A corrupt sample (NaN from a driver) is dropped rather than poisoning the whole transform.
    cleaned = []
    for stroke in strokes:
        points = [p for p in stroke.points if math.isfinite(p.x) and math.isfinite(p.y)]
        if points:
            cleaned.append(points)
    return cleaned


class SignatureDrawing(Flowable):
    """The signature box: vector strokes, a typed-name marker, or empty for ink on paper."""

    def __init__(self, block: SignatureBlock, writer: TextWriter, width: float = BOX_WIDTH,
                 height: float = BOX_HEIGHT) -> None:
        super().__init__()
        self.block = block
        self.fonts = writer.fonts
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height)
        strokes = _finite_strokes(self.block.strokes)
        if strokes:
            self._draw_strokes(strokes)
        elif self.block.typed_name_marker:
            self._draw_marker(self.block.typed_name_marker)
        else:
            canvas.setDash(1, 2)
            canvas.line(_PADDING * 2, _PADDING * 2.5, self.width - _PADDING * 2, _PADDING * 2.5)
        canvas.restoreState()

    def _draw_strokes(self, strokes: list[list[SignaturePoint]]) -> None:
        xs = [p.x for s in strokes for p in s]
        ys = [p.y for s in strokes for p in s]
        min_x, min_y = min(xs), min(ys)
        span_x, span_y = max(xs) - min_x, max(ys) - min_y
        inner_w, inner_h = self.width - 2 * _PADDING, self.height - 2 * _PADDING
        scale = min(inner_w / span_x if span_x else math.inf, inner_h / span_y if span_y else math.inf)
        if not math.isfinite(scale):
            scale = 1.0  # every point identical: draw a dot in the middle
        off_x = _PADDING + (inner_w - span_x * scale) / 2
        off_y = _PADDING + (inner_h - span_y * scale) / 2

        def place(p: SignaturePoint) -> tuple[float, float]:
            # Screen y grows down, PDF y grows up.
            return off_x + (p.x - min_x) * scale, self.height - (off_y + (p.y - min_y) * scale)

        canvas = self.canv
        canvas.setStrokeColor(_INK)
        canvas.setFillColor(_INK)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for points in strokes:
            if len(points) == 1:
                x, y = place(points[0])
                canvas.circle(x, y, _pen_width(points[0].pressure) / 2, stroke=0, fill=1)
                continue
            for start, end in zip(points, points[1:], strict=False):
                canvas.setLineWidth(_pen_width((start.pressure + end.pressure) / 2))
                x1, y1 = place(start)
                x2, y2 = place(end)
                canvas.line(x1, y1, x2, y2)

    def fitted_marker(self) -> tuple[Paragraph, float] | None:
        """The typed-name marker wrapped (and shrunk down to 5 pt) to fit the box, or None if it cannot."""
        marker = self.block.typed_name_marker or ""
        inner_w, inner_h = self.width - 2 * _PADDING, self.height - 2 * _PADDING
        for size in (9.0, 8.0, 7.0, 6.0, 5.0):
            style = ParagraphStyle("exo-marker", fontName=self.fonts.italic, fontSize=size, leading=size * 1.25,
                                   alignment=TA_CENTER, textColor=_INK, splitLongWords=1)
            paragraph = Paragraph(escape_markup(marker, self.fonts.has_glyph), style)
            _, used_h = paragraph.wrap(inner_w, inner_h)
            if used_h <= inner_h:
                return paragraph, used_h
        return None

    def _draw_marker(self, marker: str) -> None:
        fitted = self.fitted_marker()
        if fitted is None:
            # Too long for the box: the box shows its start, the caption column prints it in full.
            fitted_text = fit_width(single_line(marker, self.fonts.has_glyph), self.fonts.italic, 8,
                                    self.width - 2 * _PADDING)
            self.canv.setFont(self.fonts.italic, 8)
            self.canv.setFillColor(_INK)
            self.canv.drawCentredString(self.width / 2, self.height / 2 - 3, fitted_text)
            return
        paragraph, used_h = fitted
        paragraph.drawOn(self.canv, _PADDING, (self.height - used_h) / 2)


def _pen_width(pressure: float) -> float:
    if not math.isfinite(pressure):
        pressure = 0.5
    return 0.5 + 1.3 * min(max(pressure, 0.0), 1.0)


@dataclass(frozen=True)
class SignatureCaptions:
    """Localised captions printed next to each signature box."""

    role: str
    printed_name: str
    meaning: str
    signed_at: str


def signature_flowable(block: SignatureBlock, captions: SignatureCaptions, writer: TextWriter,
                       width: float) -> Flowable:
    """Box on the left, manifestation (role, printed name, meaning, date/time/zone) on the right."""
    cell = writer.styles.cell
    details = [
        writer.para(block.role_label, writer.styles.cell_bold),
        writer.labelled(captions.printed_name, block.printed_name, cell),
        writer.labelled(captions.meaning, block.meaning, cell),
        writer.labelled(captions.signed_at, block.signed_at_text, cell),
    ]
    drawing = SignatureDrawing(block, writer)
    # The marker goes in the caption column whenever the box cannot show it in full (or shows strokes).
    if block.typed_name_marker and (block.strokes or drawing.fitted_marker() is None):
        details.append(writer.para(block.typed_name_marker, cell))
    table = Table([[drawing, details]],
                  colWidths=[BOX_WIDTH + 4 * mm, width - BOX_WIDTH - 4 * mm], splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), writer.fonts.regular),  # never reportlab's Helvetica default
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return KeepTogether([table])
