"""Consent PDF: content, page furniture, fonts, QR, paper sizes, determinism."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from exoconsult.documents.canonical import canonical_json, content_hash
from exoconsult.documents.consent_pdf import consent_qr_payload, render_consent_pdf
from exoconsult.documents.model import InitialsState, PatientIdentity
from tests.documents.pdf_helpers import (
    STANDARD_14,
    decode_qr_codes,
    font_resources,
    have_qr_tools,
    page_texts,
    squash,
)
from tests.documents.samples import SECTION_HEADINGS, sample_consent

LANGS = ["en", "tr"]


@pytest.fixture(scope="module", params=LANGS)
def rendered(request, fonts):
    document = sample_consent(request.param)
    return document, render_consent_pdf(document, fonts, invariant=True)


def test_every_section_annex_and_signature_is_in_the_text(rendered):
    document, pdf = rendered
    text = squash("\n".join(page_texts(pdf)))
    labels = document.labels
    expected = [document.title, document.product.name, document.product.lot, document.product.dose_per_testis,
                labels.optional_consents_heading, document.reflection_shortened_reason, labels.signatures_heading]
    expected += [f"{s.number}. {s.heading}" for s in document.sections]
    expected += [c.statement for c in document.optional_consents]
    expected += [part for s in document.signatures for part in (s.role_label, s.printed_name, s.meaning, s.signed_at_text)]
    expected += [labels.annex.eligibility_title, labels.annex.explanation_title, labels.annex.audit_title]
    expected += [document.eligibility.protocol_sha256, document.eligibility.review_resolution]
    expected += [part for rule in document.eligibility.fired_rules for part in (rule.rule_id, rule.reason, rule.source)]
    expected += [q.question for q in document.explanation.questions] + [document.explanation.comprehension_result]
    expected += [t.patient_words for t in document.explanation.teach_back if t.patient_words]
    expected += [cell for row in document.audit_summary.rows for cell in row]
    missing = [item for item in expected if squash(item) not in text]
    assert not missing


def test_section_headings_come_out_in_order(rendered):
    document, pdf = rendered
    text = squash("\n".join(page_texts(pdf)))
    positions = [text.index(squash(f"{n}. {h}")) for n, h in enumerate(SECTION_HEADINGS[document.language], 1)]
    assert positions == sorted(positions)


def test_turkish_letters_extract_back_identical(fonts):
    letters = "ĞÜŞİÖÇ ğüşıöç"
    document = sample_consent("tr", patient=PatientIdentity(f"Işıl {letters}", "1 Ocak 1990", "PRT-1"))
    text = "\n".join(page_texts(render_consent_pdf(document, fonts)))
    assert letters in text
    assert f"Işıl {letters}" in text


def test_every_page_shows_identity_document_version_and_page_x_of_y(rendered):
    document, pdf = rendered
    pages = page_texts(pdf)
    assert len(pages) >= 4
    page_label = document.labels.page
    for number, text in enumerate(pages, start=1):
        assert document.patient.full_name in text
        assert document.patient.birth_date_text in text
        assert document.patient.mrn in text
        assert document.document_id in text
        assert document.text_version in text
        assert document.clinic.complication_line in text
        expected = page_label.page_x_of_y.replace("{page}", str(number)).replace("{total}", str(len(pages)))
        assert expected in text


def test_long_name_never_pushes_birth_date_and_mrn_off_the_page_header(fonts):
    patient = PatientIdentity("Zeynep " * 200, "7 July 1991", "MRN-LONG-NAME-1")
    pages = page_texts(render_consent_pdf(sample_consent("en", patient=patient), fonts))
    for text in pages:
        assert "Date of birth: 7 July 1991" in text and "MRN: MRN-LONG-NAME-1" in text


def test_only_embedded_truetype_fonts_are_used(rendered):
    _, pdf = rendered
    fonts_used = font_resources(pdf)
    assert fonts_used
    for font in fonts_used:
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in STANDARD_14
        assert "DejaVuSans" in base
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # the TrueType program is embedded


def test_unapproved_text_is_marked_draft_on_every_page(fonts):
    document = sample_consent("en", approved=False)
    pages = page_texts(render_consent_pdf(document, fonts))
    assert all(document.labels.page.draft_watermark in text for text in pages)


def test_approved_text_carries_no_draft_marking(rendered):
    document, pdf = rendered
    assert not any(document.labels.page.draft_watermark in text for text in page_texts(pdf))


def test_initials_boxes_show_state_per_section(fonts):
    sections = list(sample_consent("en").sections)
    sections[0] = dataclasses.replace(sections[0], initials=InitialsState(True, "Q.Z."))
    sections[1] = dataclasses.replace(sections[1], initials=InitialsState(False))
    text = "\n".join(page_texts(render_consent_pdf(sample_consent("en", sections=tuple(sections)), fonts)))
    assert text.count("Patient's initials") == 11
    assert "☑ Q.Z." in text
    assert "☐" in text


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_paper_size(fonts, paper, size):
    pdf = render_consent_pdf(sample_consent("en", paper_size=paper), fonts)
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_unknown_paper_size_is_refused(fonts):
    with pytest.raises(ValueError, match="paper size"):
        render_consent_pdf(sample_consent("en", paper_size="A5"), fonts)


def test_invariant_output_is_byte_identical(fonts):
    document = sample_consent("tr")
    assert render_consent_pdf(document, fonts, invariant=True) == render_consent_pdf(document, fonts, invariant=True)


def test_content_hash_is_stable_and_sensitive_to_every_change():
    document = sample_consent("en")
    assert content_hash(document) == content_hash(sample_consent("en"))
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash(document))
    changed = [
        dataclasses.replace(document, text_version="exo-consent 2.1.1"),
        dataclasses.replace(document, patient=dataclasses.replace(document.patient, mrn="MRN-0042-7782")),
        dataclasses.replace(document, signatures=document.signatures[:-1]),
        dataclasses.replace(document, clinic=dataclasses.replace(document.clinic, logo_png=b"\x89PNG")),
    ]
    assert len({content_hash(d) for d in changed} | {content_hash(document)}) == len(changed) + 1
    assert b'"__type__":"ConsentDocument"' in canonical_json(document)


def test_qr_payload_format():
    document = sample_consent("en")
    assert consent_qr_payload(document) == f"EXOCONSULT:{document.document_id}:{content_hash(document)[:16]}"


@pytest.mark.skipif(not have_qr_tools(), reason="pdftoppm and zbarimg (poppler-utils, zbar-tools) not installed")
def test_qr_code_decodes_on_every_page(fonts, tmp_path):
    document = sample_consent("tr", paper_size="Letter")
    pdf = render_consent_pdf(document, fonts)
    decoded = decode_qr_codes(pdf, tmp_path)
    assert decoded and all(codes == [consent_qr_payload(document)] for codes in decoded)


def test_logo_is_drawn_and_a_broken_logo_is_refused(fonts, tmp_path):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (20, 80, 160)).save(buffer, format="PNG")
    document = sample_consent("en")
    with_logo = dataclasses.replace(document, clinic=dataclasses.replace(document.clinic, logo_png=buffer.getvalue()))
    pdf = render_consent_pdf(with_logo, fonts)
    images = [img for page in PdfReader(io.BytesIO(pdf)).pages for img in page.images]
    assert len(images) == len(PdfReader(io.BytesIO(pdf)).pages)
    broken = dataclasses.replace(document, clinic=dataclasses.replace(document.clinic, logo_png=b"not a png"))
    with pytest.raises(Exception):  # noqa: B017 - reportlab/PIL raise their own types; any refusal will do
        render_consent_pdf(broken, fonts)


def _content_operators(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.get_contents().get_data().decode("latin-1") for page in reader.pages)


def test_signatures_are_vector_paths_not_images(fonts):
    from exoconsult.documents.model import SignaturePoint, SignatureStroke

    with_ink = render_consent_pdf(sample_consent("en"), fonts, invariant=True)
    blank = tuple(dataclasses.replace(s, strokes=()) for s in sample_consent("en").signatures)
    without_ink = render_consent_pdf(sample_consent("en", signatures=blank), fonts, invariant=True)
    segments = len(re.findall(r" l S", _content_operators(with_ink))) - len(re.findall(r" l S", _content_operators(without_ink)))
    points = sum(len(stroke.points) - 1 for s in sample_consent("en").signatures for stroke in s.strokes)
    dashed = sum(1 for s in sample_consent("en").signatures if s.strokes)  # an empty box draws one dashed line
    assert segments + dashed == points  # one vector segment per pair of consecutive pen samples
    assert not [img for page in PdfReader(io.BytesIO(with_ink)).pages for img in page.images]
    # Degenerate input still renders: NaN samples, one point, all points identical, extreme pressure.
    odd = (SignatureStroke((SignaturePoint(float("nan"), 1, 0),)), SignatureStroke((SignaturePoint(5, 5, 0, 9.0),)),
           SignatureStroke((SignaturePoint(1, 1, 0, -3), SignaturePoint(1, 1, 5, float("inf")))))
    odd_blocks = tuple(dataclasses.replace(s, strokes=odd) for s in sample_consent("en").signatures)
    assert render_consent_pdf(sample_consent("en", signatures=odd_blocks), fonts).startswith(b"%PDF")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_remembered_paragraph_layout_gives_the_same_pdf_as_laying_out_afresh(fonts, monkeypatch, paper):
    # WrapOnceParagraph skips repeated line breaking; the document must not change by one byte, also
    # when long paragraphs and table cells split over pages (split discards the remembered lines).
    from reportlab.platypus import Paragraph

    from exoconsult.documents.layout import WrapOnceParagraph
    from tests.documents.hostile_corpus import HOSTILE_STRINGS

    long_text = max(HOSTILE_STRINGS, key=len)
    patient = dataclasses.replace(sample_consent("en").patient, full_name=long_text[:3000])
    documents = [dataclasses.replace(sample_consent("tr"), paper_size=paper),
                 dataclasses.replace(sample_consent("en", patient=patient), paper_size=paper,
                                     reflection_shortened_reason=long_text)]
    remembered = [render_consent_pdf(d, fonts, invariant=True) for d in documents]
    monkeypatch.setattr(WrapOnceParagraph, "wrap", Paragraph.wrap)
    afresh = [render_consent_pdf(d, fonts, invariant=True) for d in documents]
    pages = [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in remembered]
    assert pages[1] >= pages[0] + 3  # the long name and reason really did run over several pages
    assert remembered == afresh


@pytest.mark.parametrize(("width", "height"), [(1.0, 0.2), (0.3, 0.9), (0.6, 0.6)])
def test_a_signature_prints_with_the_proportions_it_was_drawn_with(fonts, width, height):
    # A zig-zag spanning exactly width x height (one unit on both axes): flat, tall and square shapes
    # must come out of the PDF with the same width/height ratio, within 2 %.
    from exoconsult.documents.model import SignaturePoint, SignatureStroke
    from tests.documents.pdf_helpers import signature_ink_extents

    zigzag = SignatureStroke(tuple(SignaturePoint(0.05 + width * i / 12, 0.02 + (height if i % 2 else 0.0), i * 10)
                                   for i in range(13)))
    blocks = tuple(dataclasses.replace(s, strokes=(zigzag,)) for s in sample_consent("en").signatures)
    extents = signature_ink_extents(render_consent_pdf(sample_consent("en", signatures=blocks), fonts))
    assert len(extents) == len(blocks)
    for printed_w, printed_h in extents:
        assert printed_w / printed_h == pytest.approx(width / height, rel=0.02)


def test_signatures_stored_before_true_proportions_still_read_back():
    from exoconsult.domain.signature import proportions_recorded, strokes_from_json, strokes_to_json
    from tests.consent_support import scribble

    legacy = [[[0.1, 0.5, 0, 0.5], [0.9, 0.7, 15, 0.6]]]  # the bare list stored before the unit was recorded
    assert strokes_from_json(legacy)[0][1].x == 0.9 and not proportions_recorded(legacy)
    current = strokes_to_json(scribble())
    assert proportions_recorded(current)
    assert [(round(p.x, 4), round(p.y, 4)) for s in strokes_from_json(current) for p in s] == \
           [(round(p.x, 4), round(p.y, 4)) for s in scribble() for p in s]


def test_page_one_carries_the_boxed_statement_before_section_one(rendered):
    """Content release 1.1, item 2: the statement is on page 1, before section 1, inside a drawn frame."""
    document, pdf = rendered
    first = squash(page_texts(pdf)[0])
    statement, permit = (squash(line) for line in document.statement_box)
    first_section = squash(f"1. {document.sections[0].heading}")
    assert statement in first and permit in first
    assert first.index(statement) < first.index(permit)
    if first_section in first:
        assert first.index(permit) < first.index(first_section)
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    frame = ".701961 .14902 .117647 RG"  # documents.layout.ALERT_FRAME as a stroke colour
    assert frame in content and re.search(r"re\s+B|re\s+S|re\s+f|\bre\b", content)
    later = "".join(squash(t) for t in page_texts(pdf)[1:])
    assert statement not in later  # once, on page 1


def test_no_boxed_statement_when_the_document_has_none(fonts):
    pdf = render_consent_pdf(sample_consent("en", statement_box=()), fonts, invariant=True)
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert ".701961 .14902 .117647 RG" not in content
