"""Table cells: short text is drawn as a plain string, and the page looks exactly as with paragraphs."""

from __future__ import annotations

import shutil

import pytest
from reportlab.platypus import Paragraph

from exoconsult.documents.consent_pdf import render_consent_pdf
from exoconsult.documents.layout import TextWriter
from tests.documents.pdf_helpers import page_texts, raster_pages
from tests.documents.samples import sample_consent


@pytest.fixture
def writer(fonts):
    return TextWriter(fonts)


def test_one_line_text_that_fits_becomes_a_string_cell(writer):
    assert writer.cell("12:41", writer.styles.cell, 80) == "12:41"
    assert writer.cell("Doğum tarihi", writer.styles.cell_bold, 80) == "Doğum tarihi"
    # Control characters are cleaned exactly as for a paragraph; markup is never read in a string cell.
    assert writer.cell("<b>Ali\x07 & Veli</b>", writer.styles.cell, 300) == "<b>Ali & Veli</b>"


@pytest.mark.parametrize("text", [
    "a long sentence that certainly does not fit into a column only eighty points wide",
    "two\nlines", "double  space", " leading space", "trailing space ", "no\u00a0break", "thin\u2009space",
    "zero\u200bwidth", "", "\x07",
])
def test_text_a_paragraph_would_show_differently_stays_a_paragraph(writer, text):
    assert isinstance(writer.cell(text, writer.styles.cell, 80), Paragraph)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
@pytest.mark.parametrize("language", ["en", "tr"])
def test_string_cells_look_exactly_like_paragraph_cells(fonts, monkeypatch, tmp_path, language):
    document = sample_consent(language)
    with_strings = render_consent_pdf(document, fonts, invariant=True)
    monkeypatch.setattr(TextWriter, "cell", lambda self, text, style, _width: self.para(text, style))
    with_paragraphs = render_consent_pdf(document, fonts, invariant=True)
    assert with_strings != with_paragraphs  # the annexes really do use string cells
    assert page_texts(with_strings) == page_texts(with_paragraphs)
    assert raster_pages(with_strings, tmp_path, "strings") == raster_pages(with_paragraphs, tmp_path, "paragraphs")
