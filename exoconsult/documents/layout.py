"""Styles and flowable builders shared by the renderers.

Every builder here takes plain text and escapes it through ``TextWriter``; no caller ever writes
paragraph markup itself, which is what keeps SEC-3 checkable in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exoconsult.documents.escape import clean_text, escape_markup, inline_markup
from exoconsult.documents.fonts import FontSet
from exoconsult.documents.keep import KeptTable, list_with_kept_end, table_split_range
from exoconsult.documents.model import Block, BulletListBlock, HeadingBlock, ParagraphBlock

CHECKED = "☑"
UNCHECKED = "☐"
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f4")
ALERT_FRAME = colors.HexColor("#b3261e")  # the frame of a boxed statement (consent page 1, registry report)
ALERT_FILL = colors.HexColor("#fdf3f2")
# Any white space but a plain space (line breaks, no-break and typographic spaces) and the zero-width
# space, which reportlab's paragraphs treat as a break opportunity although Python does not call it space.
_SPACE_A_PARAGRAPH_TREATS_SPECIALLY = re.compile("[^\\S ]|\u200b")
CELL_PADDING = 6  # reportlab's default left/right cell padding, stated because string cells are measured against it


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
    statement: ParagraphStyle  # the lead line of a boxed statement


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
        statement=ParagraphStyle("exo-statement", parent=base, fontName=fonts.bold, fontSize=11, leading=14.5,
                                 alignment=TA_CENTER, spaceAfter=3),
    )


class WrapOnceParagraph(Paragraph):
    """A ``Paragraph`` that lays its lines out once per width.

    Tables measure each cell and then wrap it again to draw it, and ``KeepTogether`` measures its
    group before the frame wraps every member again: two thirds of all line breaking in a consent
    was repeating a result already known. ``Paragraph.wrap`` depends only on the width (the
    style and fragments never change after construction), and ``split``/``draw`` read the
    ``blPara`` of the last wrap, so returning the remembered size for the same width is exact.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        remembered = self.__dict__.get("_wrapped_at")
        # ``split`` deletes ``blPara`` when the paragraph must move on whole: then lay it out afresh.
        if remembered is not None and remembered[0] == availWidth and remembered[2] is self.__dict__.get("blPara"):
            return remembered[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = (availWidth, size, self.__dict__.get("blPara"))
        return size


class TextWriter:
    """Turns plain text into flowables; the single place user text becomes paragraph markup."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.styles = build_styles(fonts)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """Literal text (no formatting at all)."""
        return WrapOnceParagraph(escape_markup(text, self.fonts.has_glyph), style or self.styles.body)

    def rich(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """Content text: literal except ``**bold**``."""
        return WrapOnceParagraph(inline_markup(text, self.fonts.has_glyph), style or self.styles.body)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """"Label: value" with the label in bold; both literal."""
        markup = f"<b>{escape_markup(label, self.fonts.has_glyph)}:</b> {escape_markup(value, self.fonts.has_glyph)}"
        return WrapOnceParagraph(markup, style or self.styles.body)

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
                # The last two items stay together: no page holds one bullet alone (item 12, see keep.py).
                out += [*list_with_kept_end(items, self._bullets), Spacer(1, 3)]
            else:  # a new block kind must be rendered deliberately, never skipped
                raise TypeError(f"unknown block {type(block).__name__}")
        return out

    def boxed(self, paragraphs: Sequence[Flowable], width: float) -> Table:
        """Paragraphs inside one framed, tinted box (a boxed statement); only a box taller than a page splits."""
        box = Table([[list(paragraphs)]], colWidths=[width], hAlign="LEFT", splitInRow=1)
        box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),  # never Helvetica
                                 ("BOX", (0, 0), (-1, -1), 1.2, ALERT_FRAME),
                                 ("BACKGROUND", (0, 0), (-1, -1), ALERT_FILL),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                 ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return box

    def statement_box(self, lines: Sequence[str], width: float) -> Table:
        """A boxed statement: its first line bold and centred, each further line centred below it."""
        centred = ParagraphStyle("exo-statement-line", parent=self.styles.body, alignment=TA_CENTER, spaceAfter=0)
        return self.boxed([self.para(lines[0], self.styles.statement),
                           *(self.para(line, centred) for line in lines[1:])], width)

    def _bullets(self, items: list[ListItem]) -> ListFlowable:
        return ListFlowable(items, bulletType="bullet", start="•", leftIndent=12, bulletFontName=self.fonts.regular,
                            bulletFontSize=9)

    def cell(self, text: str, style: ParagraphStyle, column_width: float) -> str | Paragraph:
        """A table cell: a plain string when the text is one line that fits, else a wrapping paragraph.

        Most annex cells are a word or a time. reportlab draws a string cell with the table's own
        font, size, leading and colour (``_cell_style`` sets them to the paragraph style's) on the
        same baseline a one-line paragraph would use, without parsing or line breaking it; a
        string cell is never read as markup either. Text that a paragraph would show differently
        (line breaks, runs of spaces, no-break spaces, empty) or that needs wrapping stays a
        paragraph, so the page looks the same either way.
        """
        line = clean_text(text, self.fonts.has_glyph)
        if (line and line == line.strip(" ") and "  " not in line and not _SPACE_A_PARAGRAPH_TREATS_SPECIALLY.search(line)
                and stringWidth(line, style.fontName, style.fontSize) <= column_width - 2 * CELL_PADDING):
            return line
        return self.para(text, style)

    def _cell_style(self, header: tuple[tuple[int, int], tuple[int, int]]) -> list[tuple]:
        """Table commands giving string cells the look of ``cell`` / ``cell_bold`` paragraphs."""
        cell, bold = self.styles.cell, self.styles.cell_bold
        return [
            ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
            ("FONT", *header, bold.fontName, bold.fontSize, bold.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), cell.textColor),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]

    def key_value_table(self, rows: Sequence[tuple[str, str]], width: float, label_share: float = 0.32) -> Table:
        """Two columns, bold labels, text wraps; rows may split across pages."""
        widths = [width * label_share, width * (1 - label_share)]
        data = [[self.cell(label, self.styles.cell_bold, widths[0]), self.cell(value, self.styles.cell, widths[1])]
                for label, value in rows]
        table = KeptTable(data, colWidths=widths, splitInRow=1, hAlign="LEFT", rowSplitRange=table_split_range(0))
        table.setStyle(TableStyle([
            *self._cell_style(((0, 0), (0, -1))),  # never reportlab's Helvetica default
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
        data = [[self.cell(c, self.styles.cell_bold, w) for c, w in zip(columns, widths, strict=True)]]
        data += [[self.cell(c, self.styles.cell, w) for c, w in zip(row, widths, strict=True)] for row in rows]
        # A repeated header row cannot split; only repeat headings short enough to stay a line or two.
        repeat = 1 if all(len(c) <= 80 for c in columns) else 0
        # The header goes on with its first rows (keep.py): a split falls after the header and two rows.
        table = KeptTable(data, colWidths=list(widths), repeatRows=repeat, splitInRow=1, hAlign="LEFT",
                          rowSplitRange=table_split_range(1))
        table.setStyle(TableStyle([
            *self._cell_style(((0, 0), (-1, 0))),  # never reportlab's Helvetica default
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]))
        return table

    def one_of_row(self, statement: str, chosen: bool | None, width: float) -> Table:
        """One option of a "choose one" list: a single box, ticked on the chosen option (item 12)."""
        box = CHECKED if chosen is True else UNCHECKED
        table = Table([[self.para(box, self.styles.cell_bold), self.rich(statement, self.styles.cell)]],
                      colWidths=[10 * mm, width - 10 * mm], splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
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
