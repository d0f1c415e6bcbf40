"""The outcome registry report: a fully resolved model (every word already in the report's language,
every number already formatted or suppressed) laid out as a boxed statement, headed tables and charts
drawn with reportlab's own graphics (vector shapes, no screenshots): proportions with their 95 %
intervals beside a reference figure, and counts as bars."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from exoconsult.documents.fonts import FontSet, register_fonts
from exoconsult.documents.labels import PageLabels
from exoconsult.documents.layout import TextWriter
from exoconsult.documents.model import ClinicHeader, PaperSize, PatientIdentity
from exoconsult.documents.page import PageDecoration, build_pdf, fit_width, text_width
from exoconsult.documents.record_pdf import RecordTable

INK, BAR, REFERENCE, GRID = colors.HexColor("#1d3557"), colors.HexColor("#7aa6c2"), colors.HexColor("#b3261e"), \
    colors.HexColor("#cccccc")


@dataclass(frozen=True)
class ProportionBar:
    label: str
    value: float | None  # None: suppressed or nothing to show (no bar drawn)
    low: float | None
    high: float | None
    reference: float | None = None  # the figure without the treatment, drawn as a red tick


@dataclass(frozen=True)
class ProportionChart:
    caption: str
    bars: tuple[ProportionBar, ...]
    legend: str  # e.g. "bar: share; line: 95 % interval; red: reference"


@dataclass(frozen=True)
class CountChart:
    caption: str
    bars: tuple[tuple[str, int | None], ...]  # None: suppressed (no bar)


@dataclass(frozen=True)
class RegistrySection:
    heading: str
    paragraphs: tuple[str, ...] = ()
    tables: tuple[RecordTable, ...] = ()
    charts: tuple[ProportionChart | CountChart, ...] = ()


@dataclass(frozen=True)
class RegistryDocument:
    document_id: str
    language: str
    title: str
    clinic: ClinicHeader
    heading: PatientIdentity  # the header line: report, period, patients
    page_labels: PageLabels
    version: str
    statement: str  # boxed: what an uncontrolled case series can and cannot show
    sections: tuple[RegistrySection, ...]
    paper_size: PaperSize = "A4"


def _proportion_drawing(chart: ProportionChart, width: float, fonts: FontSet) -> Drawing:
    row, label_w, top = 9 * mm, width * 0.38, 6 * mm
    plot_w = width - label_w - 6 * mm
    height = top + row * len(chart.bars) + 10 * mm
    d = Drawing(width, height)
    x0, base = label_w, 8 * mm
    for tick in range(0, 101, 20):
        x = x0 + plot_w * tick / 100
        d.add(Line(x, base, x, height - top + 2, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(x, base - 3.5 * mm, f"{tick}", fontName=fonts.regular, fontSize=6.5, textAnchor="middle"))
    for i, bar in enumerate(chart.bars):
        y = height - top - (i + 1) * row + 2.5 * mm
        d.add(String(x0 - 2 * mm, y + 1, fit_width(bar.label, fonts.regular, 7.5, label_w - 4 * mm),
                     fontName=fonts.regular, fontSize=7.5, textAnchor="end"))
        if bar.value is not None:
            d.add(Rect(x0, y - 1, plot_w * bar.value, 4 * mm, fillColor=BAR, strokeColor=None))
        if bar.low is not None and bar.high is not None:
            xl, xh = x0 + plot_w * bar.low, x0 + plot_w * bar.high
            for a, b, c, e in ((xl, y + 1.5 * mm, xh, y + 1.5 * mm), (xl, y, xl, y + 3 * mm), (xh, y, xh, y + 3 * mm)):
                d.add(Line(a, b, c, e, strokeColor=INK, strokeWidth=1))
        if bar.reference is not None:
            xr = x0 + plot_w * bar.reference
            d.add(Line(xr, y - 2, xr, y + 5 * mm, strokeColor=REFERENCE, strokeWidth=1.6))
    d.add(String(x0, 1, chart.legend, fontName=fonts.regular, fontSize=6.5))
    return d


def _count_drawing(chart: CountChart, width: float, fonts: FontSet) -> Drawing:
    row, label_w, top = 7 * mm, width * 0.38, 3 * mm
    plot_w = width - label_w - 14 * mm
    biggest = max([n for _, n in chart.bars if n] or [1])
    height = top + row * len(chart.bars) + 3 * mm
    d = Drawing(width, height)
    for i, (label, n) in enumerate(chart.bars):
        y = height - top - (i + 1) * row + 2 * mm
        d.add(String(label_w - 2 * mm, y + 1, fit_width(label, fonts.regular, 7.5, label_w - 4 * mm),
                     fontName=fonts.regular, fontSize=7.5, textAnchor="end"))
        if n:
            w = plot_w * n / biggest
            d.add(Rect(label_w, y - 1, w, 4 * mm, fillColor=BAR, strokeColor=None))
            d.add(String(label_w + w + 1.5 * mm, y + 1, str(n), fontName=fonts.regular, fontSize=7.5))
    return d


def render_registry_pdf(document: RegistryDocument, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or register_fonts()
    writer = TextWriter(fonts)
    width = text_width(document.paper_size)
    decoration = PageDecoration(fonts=fonts, clinic=document.clinic, patient=document.heading,
                                labels=document.page_labels, document_id=document.document_id,
                                text_version=document.version, banner=None, qr_payload=None)
    story: list[Flowable] = [writer.para(document.title, writer.styles.title),
                             writer.boxed([writer.rich(document.statement, writer.styles.body)], width), Spacer(1, 4 * mm)]
    for section in document.sections:
        story.append(writer.para(section.heading, writer.styles.h2))
        story += [writer.rich(p) for p in section.paragraphs]
        for t in section.tables:
            story += [writer.data_table(t.columns, t.rows, [width * s for s in t.shares]), Spacer(1, 2 * mm)]
        for chart in section.charts:
            drawing = (_proportion_drawing(chart, width, fonts) if isinstance(chart, ProportionChart)
                       else _count_drawing(chart, width, fonts))
            story += [writer.para(chart.caption, writer.styles.h3), drawing, Spacer(1, 2 * mm)]
        story.append(Spacer(1, 3 * mm))
    return build_pdf(story, decoration, paper_size=document.paper_size, title=document.title,
                     language=document.language)
