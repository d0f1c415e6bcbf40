"""Withdrawal, information pack and assessment summary PDFs; escaping and fonts helpers."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from exoconsult.documents.assessment_pdf import render_assessment_pdf
from exoconsult.documents.escape import REPLACEMENT, clean_text, escape_markup, inline_markup
from exoconsult.documents.fonts import register_fonts
from exoconsult.documents.info_pack import render_information_pack_pdf
from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf, withdrawal_qr_payload
from tests.documents.pdf_helpers import (
    STANDARD_14,
    decode_qr_codes,
    font_resources,
    have_qr_tools,
    page_texts,
    squash,
)
from tests.documents.samples import sample_assessment, sample_info_pack, sample_withdrawal


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_withdrawal_shows_choices_dates_and_signatures(fonts, lang):
    document = sample_withdrawal(lang)
    pages = page_texts(render_withdrawal_pdf(document, fonts))
    text = squash("\n".join(pages))
    for item in (document.title, document.consent_document_id, document.consent_signed_at_text,
                 document.withdrawal_date_text, document.reason, document.labels.data_choices_heading,
                 *[c.statement for c in document.data_choices],
                 *[p for s in document.signatures for p in (s.role_label, s.printed_name, s.meaning, s.signed_at_text)]):
        assert squash(item) in text
    assert "☑" in text and "☐" in text
    for number, page in enumerate(pages, 1):
        assert document.patient.full_name in page and document.patient.mrn in page and document.document_id in page
        assert document.labels.page.page_x_of_y.replace("{page}", str(number)).replace("{total}", str(len(pages))) in page


def test_unapproved_withdrawal_text_is_a_draft_on_every_page(fonts):
    document = sample_withdrawal("en", approved=False)
    assert all(document.labels.page.draft_watermark in p for p in page_texts(render_withdrawal_pdf(document, fonts)))


@pytest.mark.skipif(not have_qr_tools(), reason="pdftoppm and zbarimg not installed")
def test_withdrawal_qr_decodes(fonts, tmp_path):
    document = sample_withdrawal("tr")
    decoded = decode_qr_codes(render_withdrawal_pdf(document, fonts), tmp_path)
    assert decoded and all(codes == [withdrawal_qr_payload(document)] for codes in decoded)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_information_pack_is_marked_not_a_consent_on_every_page(fonts, lang):
    long_sections = sample_info_pack(lang).sections * 3  # several pages
    document = sample_info_pack(lang, sections=long_sections)
    pages = page_texts(render_information_pack_pdf(document, fonts))
    assert len(pages) >= 3
    for page in pages:
        assert document.labels.information_only in page
        assert document.patient.full_name in page
    text = squash("\n".join(pages))
    assert all(squash(s.heading) in text for s in document.sections)
    assert "☐" not in text  # no initials boxes, no signature lines: nothing to sign


def test_information_pack_draft(fonts):
    document = sample_info_pack("en", approved=False)
    assert all(document.labels.page.draft_watermark in p for p in page_texts(render_information_pack_pdf(document, fonts)))


@pytest.mark.parametrize(("lang", "paper"), [("en", "A4"), ("tr", "Letter")])
def test_assessment_summary_shows_findings_and_eligibility(fonts, lang, paper):
    document = sample_assessment(lang, paper_size=paper)
    pdf = render_assessment_pdf(document, fonts)
    text = squash("\n".join(page_texts(pdf)))
    annex = document.eligibility
    for item in (document.title, document.assessed_at_text, document.assessed_by, annex.protocol_id,
                 annex.protocol_version, annex.protocol_sha256, annex.verdict, annex.review_resolution,
                 *[part for rule in annex.fired_rules for part in (rule.rule_id, rule.reason, rule.action)],
                 *[part for row in document.findings for part in row]):
        assert squash(item) in text
    width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    assert round(width) == (595 if paper == "A4" else 612)


@pytest.mark.parametrize("render,sample", [(render_withdrawal_pdf, sample_withdrawal),
                                           (render_information_pack_pdf, sample_info_pack),
                                           (render_assessment_pdf, sample_assessment)])
def test_other_documents_embed_only_dejavu(fonts, render, sample):
    for font in font_resources(render(sample("tr"), fonts)):
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in STANDARD_14 and "DejaVuSans" in base


def test_escape_and_clean_rules(fonts):
    assert escape_markup('<b>Ali & Veli</b>') == "&lt;b&gt;Ali &amp; Veli&lt;/b&gt;"
    assert escape_markup("a\nb") == "a<br/>b"
    assert clean_text("a\x00b\x07c\x1bd\x7fe\x85f\tg") == "abcdef g"
    assert clean_text("x\ud800y\uffffz") == f"x{REPLACEMENT}y{REPLACEMENT}z"
    assert clean_text("😀 \u2066ok\u2069", fonts.has_glyph) == f"{REPLACEMENT} ok"
    assert clean_text("\u202eRLO kept", fonts.has_glyph) == "\u202eRLO kept"
    assert inline_markup("**bold** & <i>") == "<b>bold</b> &amp; &lt;i&gt;"
    assert inline_markup("**<b>x</b>**") == "<b>&lt;b&gt;x&lt;/b&gt;</b>"
    assert inline_markup("** unclosed") == "** unclosed"


def test_fonts_register_once_and_accept_an_override_folder(tmp_path, fonts):
    assert register_fonts() is fonts
    for glyph in "☐☑ĞÜŞİÖÇğüşıöç":
        assert fonts.has_glyph(ord(glyph))
    assert not fonts.has_glyph(0x1F600)  # astral code points are shown as U+FFFD (see fonts.py)
    import shutil

    from exoconsult.documents.fonts import DEFAULT_FONT_DIR

    for ttf in DEFAULT_FONT_DIR.glob("*.ttf"):
        shutil.copy(ttf, tmp_path / ttf.name)
    override = register_fonts(tmp_path)
    assert override.regular != fonts.regular and register_fonts(tmp_path) is override
    with pytest.raises(FileNotFoundError):
        register_fonts(tmp_path / "missing")
