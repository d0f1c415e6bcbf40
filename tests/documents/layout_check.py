"""Reads a rendered PDF back as lines with their font, size and position (pypdf), and finds the layout faults
of content release 1.1 item 12: a page whose only content is one signature block or one bullet, a heading as
the last line of a page. Page furniture (header, identity line, banner, footer, watermark) is drawn after each
page's content (documents/page.py), so a page's body is every text run before the first one in the header."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader

HEADER_LINE = 104.9  # documents.page.HEADER_HEIGHT (37 mm) in points, from the top edge
FOOTER_LINE = 51.0  # documents.page.FOOTER_HEIGHT (18 mm)
HEADING_SIZE = 10.5  # h1 12.5, h2 10.5, title 16: bold at this size or more is a heading (h3 is body-sized bold)
SIGNATURE_BOX = 26 * 72 / 25.4  # documents.signature.BOX_HEIGHT
MEANING = ("Meaning:", "Anlamı:")  # the caption every signature block prints (consent, withdrawal)


@dataclass(frozen=True)
class Run:
    x: float
    y: float
    bold: bool
    size: float
    text: str


@dataclass(frozen=True)
class Line:
    y: float
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in sorted(self.runs, key=lambda r: r.x)).strip()

    @property
    def x(self) -> float:
        return min(r.x for r in self.runs)

    @property
    def heading(self) -> bool:
        return all(r.bold and r.size >= HEADING_SIZE for r in self.runs)


def page_bodies(pdf: bytes) -> list[list[Line]]:
    """Each page's content lines, top to bottom, without the page furniture."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        top = float(page.mediabox.height) - HEADER_LINE
        runs: list[Run] = []
        furniture = False

        def visit(text, cm, tm, font, size, runs=runs, top=top):
            nonlocal furniture
            y = tm[5] * cm[3] + cm[5]
            if furniture or not text.strip():
                return
            if y > top:  # the header: from here on everything is furniture
                furniture = True
                return
            name = str(font.get("/BaseFont", "")) if font else ""
            runs.append(Run(tm[4] * cm[0] + cm[4], y, "Bold" in name, size * (tm[3] or 1), text.replace("\n", "")))

        page.extract_text(visitor_text=visit)
        lines: list[Line] = []
        for run in sorted((r for r in runs if r.y > FOOTER_LINE), key=lambda r: -r.y):
            if lines and abs(lines[-1].y - run.y) <= 1.5:  # a bullet sits half a point off its text
                lines[-1] = Line(lines[-1].y, (*lines[-1].runs, run))
            else:
                lines.append(Line(run.y, (run,)))
        pages.append(lines)
    return pages


def _lone_signature(body: list[Line]) -> bool:
    meanings = [line for line in body if any(m in line.text for m in MEANING)]
    if len(meanings) != 1:
        return False
    caption_x = meanings[0].x
    captions = [line for line in body if abs(line.x - caption_x) < 1]
    top = max(line.y for line in captions)
    bottom = min(min(line.y for line in captions), top - SIGNATURE_BOX)
    return all(bottom - 12 <= line.y <= top + 12 for line in body)


def _lone_bullet(body: list[Line]) -> bool:
    bullets = [line for line in body if line.text.startswith("•")]
    if len(bullets) != 1:
        return False
    indent = min(r.x for r in bullets[0].runs if r.text.strip() != "•")
    return all(line is bullets[0] or line.x >= indent - 1 for line in body)


def layout_faults(pdf: bytes) -> list[str]:
    """Every page that holds only one signature block or one bullet, or ends with a heading."""
    faults = []
    bodies = page_bodies(pdf)
    for number, body in enumerate(bodies, start=1):
        if not body:
            faults.append(f"page {number} is empty")
            continue
        if _lone_signature(body):
            faults.append(f"page {number} holds only one signature block: {[b.text for b in body]}")
        if _lone_bullet(body):
            faults.append(f"page {number} holds only one bullet: {[b.text for b in body]}")
        if number < len(bodies) and body[-1].heading:
            faults.append(f"page {number} ends with the heading {body[-1].text!r}")
    return faults
