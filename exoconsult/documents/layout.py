"""Styles and flowable builders shared by the renderers.

Every builder here takes plain text and escapes it through ``TextWriter``; no caller ever writes
paragraph markup itself, which is what keeps SEC-3 checkable in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

from exoconsult.documents.escape import escape_markup, inline_markup
from exoconsult.documents.fonts import FontSet
from exoconsult.documents.model import Block, BulletListBlock, HeadingBlock, ParagraphBlock

CHECKED = "☑"
UNCHECKED = "☐"
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f4")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    marking: ParagraphStyle


def build_styles(fonts: FontSet) -> Styles:
    # splitLongWords lets a 10,000-character token break anywhere instead of overflowing the frame.
    base = ParagraphStyle("exo-body", fontName=fonts.regular, fontSize=9.5, leading=13, splitLongWords=1,
                          textColor=colors.HexColor("#1a1a1a"), spaceAfter=4)
    return Styles(
        title=ParagraphStyle("exo-title", parent=base, fontName=fonts.bold, fontSize=16, leading=20, spaceAfter=6),
        subtitle=ParagraphStyle("exo-subtitle", parent=base, fontName=fonts.italic, fontSize=9.5, textColor=colors.HexColor("#444444")),
        h1=ParagraphStyle("exo-h1", parent=base, fontName=fonts.bold, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4,
                          keepWithNext=1),
        h2=ParagraphStyle("exo-h2", parent=base, fontName=fonts.bold, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=3,
                          keepWithNext=1),
        h3=ParagraphStyle("exo-h3", parent=base, fontName=fonts.bold, fontSize=9.5, leading=13, spaceBefore=4, spaceAfter=2,
                          keepWithNext=1),
        body=base,
        bullet=ParagraphStyle("exo-bullet", parent=base, spaceAfter=1),
        small=ParagraphStyle("exo-small", parent=base, fontSize=8, leading=10.5, spaceAfter=2),
        cell=ParagraphStyle("exo-cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        cell_bold=ParagraphStyle("exo-cell-bold", parent=base, fontName=fonts.bold, fontSize=8.5, leading=11, spaceAfter=0),
        cell_right=ParagraphStyle("exo-cell-right", parent=base, fontSize=8.5, leading=11, spaceAfter=0,
                                  alignment=TA_RIGHT),
        marking=ParagraphStyle("exo-marking", parent=base, fontName=fonts.bold, fontSize=10.5, leading=14,
                               textColor=colors.HexColor("#b00020"), alignment=TA_CENTER, spaceAfter=6),
    )


class TextWriter:
    """Turns plain text into flowables; the single place user text becomes paragraph markup."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.styles = build_styles(fonts)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """Literal text (no formatting at all)."""
        return Paragraph(escape_markup(text, self.fonts.has_glyph), style or self.styles.body)

    def rich(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """Content text: literal except ``**bold**``."""
        return Paragraph(inline_markup(text, self.fonts.has_glyph), style or self.styles.body)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """"Label: value" with the label in bold; both literal."""
        markup = f"<b>{escape_markup(label, self.fonts.has_glyph)}:</b> {escape_markup(value, self.fonts.has_glyph)}"
        return Paragraph(markup, style or self.styles.body)

    def blocks(self, blocks: Sequence[Block]) -> list[Flowable]:
        """Content blocks (heading / paragraph / bullet list) as flowables."""
        out: list[Flowable] = []
        for block in blocks:
            if isinstance(block, HeadingBlock):
                out.append(self.rich(block.text, self.styles.h3))
            elif isinstance(block, ParagraphBlock):
                out.append(self.rich(block.text))
            elif isinstance(block, BulletListBlock):
                items = [ListItem(self.rich(item, self.styles.bullet), leftIndent=12) for item in block.items]
                out.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=12,
                                        bulletFontName=self.fonts.regular, bulletFontSize=9))
                out.append(Spacer(1, 3))
            else:  # a new block kind must be rendered deliberately, never skipped
                raise TypeError(f"unknown block {type(block).__name__}")
        return out

    def key_value_table(self, rows: Sequence[tuple[str, str]], width: float, label_share: float = 0.32) -> Table:
        """Two columns, bold labels, text wraps; rows may split across pages."""
        data = [[self.para(label, self.styles.cell_bold), self.para(value, self.styles.cell)] for label, value in rows]
        table = Table(data, colWidths=[width * label_share, width * (1 - label_share)], splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),  # never reportlab's Helvetica default
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (0, -1), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def data_table(self, columns: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Table:
        """A header row plus text rows; the header repeats on each page and long cells split."""
        if any(len(row) != len(columns) for row in rows):
            raise ValueError("every table row needs one cell per column")
        data = [[self.para(c, self.styles.cell_bold) for c in columns]]
        data += [[self.para(cell, self.styles.cell) for cell in row] for row in rows]
        # A repeated header row cannot split; only repeat headings short enough to stay a line or two.
        repeat = 1 if all(len(c) <= 80 for c in columns) else 0
        table = Table(data, colWidths=list(widths), repeatRows=repeat, splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),  # never reportlab's Helvetica default
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        return table

    def choice_row(self, statement: str, answer: bool | None, yes: str, no: str, width: float) -> Table:
        """A statement with "☑ Yes ☐ No" boxes at the right."""
        yes_box = CHECKED if answer is True else UNCHECKED
        no_box = CHECKED if answer is False else UNCHECKED
        choice = f"{yes_box} {yes}     {no_box} {no}"
        table = Table([[self.rich(statement, self.styles.cell), self.para(choice, self.styles.cell_bold)]],
                      colWidths=[width - 42 * mm, 42 * mm], splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),  # never reportlab's Helvetica default
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table
