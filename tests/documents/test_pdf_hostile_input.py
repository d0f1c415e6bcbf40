"""SEC-3: hostile text in every field renders literally, without markup, errors or network access."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest
from reportlab.platypus import Paragraph

from exoconsult.documents.assessment_pdf import render_assessment_pdf
from exoconsult.documents.consent_pdf import render_consent_pdf
from exoconsult.documents.escape import clean_text
from exoconsult.documents.info_pack import render_information_pack_pdf
from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf
from tests.documents.hostile_corpus import HOSTILE_STRINGS
from tests.documents.pdf_helpers import body_text, page_texts, squash
from tests.documents.samples import (
    map_strings,
    sample_assessment,
    sample_consent,
    sample_info_pack,
    sample_withdrawal,
    string_field_paths,
    with_string_at,
)

# The only markup the renderers themselves emit around escaped text.
_OUR_TAGS = re.compile(r"</?b>|<br/>")


def test_corpus_is_large_enough():
    assert len(set(HOSTILE_STRINGS)) >= 50
    assert LONG_PAYLOADS and all(len(p) >= 10_000 or p.count(" ") > 1000 for p in LONG_PAYLOADS)


@pytest.fixture
def paragraph_inputs(monkeypatch):
    """Records the markup of every Paragraph the renderers build (whatever subclass they use)."""
    seen: list[str] = []
    original = Paragraph.__init__

    def recording(self, text, *args, **kwargs):
        if text is not None:  # None: the second half of a split paragraph, built from parsed fragments
            seen.append(text)
        original(self, text, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "__init__", recording)
    return seen


def _visible(text: str) -> str:
    # Format characters (bidi controls, zero-width) have no visible glyph; extraction may drop them.
    return "".join(ch for ch in text if not (0x200B <= ord(ch) <= 0x206F or ord(ch) == 0xFEFF))


def _expected_text(payload: str, fonts) -> str:
    """What must come back out: the cleaned payload (controls removed, unprintables as U+FFFD)."""
    return squash(_visible(clean_text(payload, fonts.has_glyph)))


def _extracted(pdf: bytes) -> str:
    return squash(_visible("\n".join(page_texts(pdf))))


def _is_rtl(word: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in word)


def _assert_extracted(payload: str, pdf: bytes, fonts) -> None:
    extracted = _extracted(pdf)
    expected = _expected_text(payload, fonts)
    if not any(_is_rtl(word) for word in payload.split()):
        assert expected in extracted
        return
    # reportlab draws right-to-left words in logical order without shaping, and pypdf hands them
    # back reversed; so each right-to-left word may come back mirrored, every other word verbatim.
    for word in _visible(clean_text(payload, fonts.has_glyph)).split():
        assert word in extracted or (_is_rtl(word) and word[::-1] in extracted), word


SHORT_PAYLOADS = tuple(p for p in HOSTILE_STRINGS if len(p) <= 1000)
LONG_PAYLOADS = tuple(p for p in HOSTILE_STRINGS if len(p) > 1000)


@pytest.mark.parametrize("payload", SHORT_PAYLOADS, ids=lambda s: repr(s[:24]))
def test_consent_with_payload_in_every_field(payload, fonts, no_network, paragraph_inputs):
    document = map_strings(sample_consent("en"), lambda _: payload)
    pdf = render_consent_pdf(document, fonts)
    assert pdf.startswith(b"%PDF")
    assert no_network == []
    assert len(paragraph_inputs) > 20  # the recorder saw the renderer's paragraphs
    leaked = [markup for markup in paragraph_inputs if "<" in _OUR_TAGS.sub("", markup)]
    assert not leaked, "user text reached reportlab as markup"
    _assert_extracted(payload, pdf, fonts)


@pytest.mark.parametrize("payload", SHORT_PAYLOADS[:8] + SHORT_PAYLOADS[30:50], ids=lambda s: repr(s[:24]))
def test_other_documents_with_payload_in_every_field(payload, fonts, no_network, paragraph_inputs):
    documents = [
        (render_withdrawal_pdf, map_strings(sample_withdrawal("tr"), lambda _: payload)),
        (render_information_pack_pdf, map_strings(sample_info_pack("en"), lambda _: payload)),
        (render_assessment_pdf, map_strings(sample_assessment("tr", paper_size="Letter"), lambda _: payload)),
    ]
    for render, document in documents:
        _assert_extracted(payload, render(document, fonts), fonts)
    assert no_network == []
    assert not [m for m in paragraph_inputs if "<" in _OUR_TAGS.sub("", m)]


def _one_path_per_field_kind(document) -> list[tuple]:
    # The first element of each tuple stands for its siblings (section 1 for all eleven, ...).
    return [p for p in string_field_paths(document) if all(part == 0 for part in p if isinstance(part, int))]


@pytest.mark.slow
@pytest.mark.parametrize("path", _one_path_per_field_kind(sample_consent("en")), ids=lambda p: ".".join(map(str, p)))
def test_ten_thousand_characters_in_each_consent_field_wrap(path, fonts, no_network):
    # Every field on its own (all at once would be a ~1,000-page document): no LayoutError, no
    # network, and the whole string comes back out of the PDF.
    for payload in LONG_PAYLOADS:
        document = with_string_at(sample_consent("en"), path, payload)
        pdf = render_consent_pdf(document, fonts)
        if path[0] not in ("clinic", "text_version"):  # one-line page furniture, cut with an ellipsis by design
            # A table row split over pages interleaves its cells in the extracted text, so check
            # that nothing was lost (every character of the payload is there, as often as in it).
            body = Counter(squash(body_text(pdf, document.clinic.name)))
            wanted = Counter(_expected_text(payload, fonts))
            assert all(body[ch] >= n for ch, n in wanted.items())
    assert no_network == []


@pytest.mark.slow
@pytest.mark.parametrize("sample", [sample_withdrawal, sample_info_pack, sample_assessment])
def test_ten_thousand_characters_in_each_field_of_the_other_documents(sample, fonts):
    render = {sample_withdrawal: render_withdrawal_pdf, sample_info_pack: render_information_pack_pdf,
              sample_assessment: render_assessment_pdf}[sample]
    document = sample("tr")
    for path in _one_path_per_field_kind(document):
        render(with_string_at(document, path, LONG_PAYLOADS[0]), fonts)


def test_over_long_document_id_is_refused_clearly(fonts):
    with pytest.raises(ValueError, match="document id"):
        render_consent_pdf(sample_consent("en", document_id="x" * 65), fonts)


def test_markup_in_a_name_appears_literally(fonts):
    document = sample_consent("en")
    named = map_strings(document.patient, lambda _: "<b>Ali & Veli</b>")
    text = "\n".join(page_texts(render_consent_pdf(sample_consent("en", patient=named), fonts)))
    assert "<b>Ali & Veli</b>" in text


def test_bold_markers_in_content_become_bold_not_literal(fonts, paragraph_inputs):
    render_consent_pdf(sample_consent("en"), fonts)
    assert any("<b>Important:</b>" in markup for markup in paragraph_inputs)
