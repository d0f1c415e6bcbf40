"""The renderer's generic keep-together (documents/keep.py, content release 1.1 item 12), checked by reading
the PDFs back (tests/documents/layout_check.py): however much text comes before them, no page holds only one
signature block or one bullet, and no page ends with a heading. The same sweeps without the keep-together
pass show the faults, so the checks can fail."""

from __future__ import annotations

import dataclasses
import signal

import pytest

from exoconsult.documents import page
from exoconsult.documents.info_pack import render_information_pack_pdf
from exoconsult.documents.model import BulletListBlock, InformationSection, ParagraphBlock
from exoconsult.documents.record_pdf import RecordDocument, RecordSection, RecordTable, render_record_pdf
from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf
from exoconsult.services.core.document_labels import consent_labels
from tests.documents.layout_check import layout_faults, page_bodies
from tests.documents.samples import CLINIC, FILLER, PATIENT, sample_info_pack, sample_withdrawal

LINE = {"en": "A line of text that fills the page a little more.", "tr": "Sayfayı biraz daha dolduran bir satır."}


def _withdrawals(fonts, lang: str, count: range):
    for n in count:  # two or three signature blocks after n filler paragraphs
        base = sample_withdrawal(lang)
        doc = dataclasses.replace(base, statement=base.statement + (ParagraphBlock(LINE[lang]),) * n,
                                  signatures=base.signatures + base.signatures[:n % 2])
        yield n, render_withdrawal_pdf(doc, fonts, invariant=True)


def _packs(fonts, lang: str, count: range):
    for n in count:  # a heading, a lead-in and a five-item list after n filler paragraphs
        items = tuple(f"{LINE[lang]} ({i})" for i in range(5))
        section = InformationSection("Heading" if lang == "en" else "Başlık",
                                     (ParagraphBlock(FILLER[lang]),) * 2 + (ParagraphBlock(LINE[lang] + ":"),
                                                                            BulletListBlock(items)))
        filler = InformationSection("Filler" if lang == "en" else "Dolgu", (ParagraphBlock(LINE[lang]),) * (n + 1))
        doc = sample_info_pack(lang, sections=(filler, section, section))
        yield n, render_information_pack_pdf(doc, fonts, invariant=True)


def _records(fonts, lang: str, count: range):
    for n in count:  # a heading and a 12-row table after n filler rows
        rows = tuple((f"{LINE[lang][:20]} {i}", "x") for i in range(n + 1))
        table = RecordTable(("Column", "Value"), tuple((f"row {i}", LINE[lang]) for i in range(12)), (0.5, 0.5))
        doc = RecordDocument(document_id="r-1", language=lang, title="Record", clinic=CLINIC, patient=PATIENT[lang],
                             page_labels=consent_labels(lang).page, version="1", sections=(
                                 RecordSection("Filler", rows=rows), RecordSection("Table", table=table)))
        yield n, render_record_pdf(doc, fonts, invariant=True)


SWEEPS = {"withdrawal": (_withdrawals, range(18, 52, 1)), "information pack": (_packs, range(0, 48, 1)),
          "record": (_records, range(10, 46, 1))}


@pytest.mark.parametrize("kind", SWEEPS)
def test_no_lone_block_or_stranded_heading_whatever_comes_before(fonts, kind):
    make, count = SWEEPS[kind]
    for lang in ("en", "tr"):
        for n, pdf in make(fonts, lang, count):
            assert layout_faults(pdf) == [], f"{kind} {lang} with {n} lines before"


@pytest.mark.parametrize("kind", SWEEPS)
def test_without_the_keep_together_pass_the_sweeps_show_the_faults(fonts, kind, monkeypatch):
    monkeypatch.setattr(page, "keep_together", list)
    monkeypatch.setattr("exoconsult.documents.layout.table_split_range", lambda header: None)
    monkeypatch.setattr("exoconsult.documents.layout.list_with_kept_end", lambda items, make: [make(items)])
    make, count = SWEEPS[kind]
    faults = [f for _, pdf in make(fonts, "en", count) for f in layout_faults(pdf)]
    assert faults, f"the {kind} sweep never reaches a page break where the keep-together matters"


def test_a_table_starts_on_its_headings_page_when_its_header_and_two_rows_fit(fonts):
    """A heading is kept with the start of a long table, not with the whole table: no page-sized gap."""
    for _, pdf in _records(fonts, "en", range(10, 46, 3)):
        for body in page_bodies(pdf):
            titles = [n for n, line in enumerate(body) if line.text == "Table"]
            if titles:
                rest = [line.text for line in body[titles[0] + 1:]]
                assert rest[:1] == ["ColumnValue"] and len(rest) >= 3, rest


@pytest.fixture
def give_up_after_a_minute():
    """A layout loop would hang the suite (it once hung CI): fail this test instead."""
    def stop(*_):
        raise TimeoutError("the layout did not finish: a keep-together loop")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_heading_taller_than_a_page_before_a_kept_group_is_laid_out(fonts, give_up_after_a_minute):
    """The parts of a split heading keep their style's keepWithNext; followed by a kept group, reportlab
    wrapped each part alone and split it back at the top of the frame for ever (keep.KeepWithStart)."""
    heading = " ".join(["Başlık"] * 2500)
    kept_group = BulletListBlock(tuple(f"{LINE['tr']} ({i})" for i in range(2)))  # its two items stay together
    doc = sample_info_pack("tr", sections=(InformationSection(heading, (kept_group,)),))
    text = "".join(line.text for body in page_bodies(render_information_pack_pdf(doc, fonts, invariant=True))
                   for line in body)
    assert text.count("Başlık") >= 2500 and LINE["tr"] in text
