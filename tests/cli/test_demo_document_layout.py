"""Content release 1.1, item 12, over every kind of document the demo prints, in Turkish and English (consent,
withdrawal, information pack, assessment summary, procedure note, SAE report, reminder letter, registry
report): no page whose only content is one signature block or one bullet, no heading as the last line of a
page, a SHA-256 never broken inside a group of 8, and the consent's page-1 box (item 2) on every consent."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from exoconsult.cli import main
from tests.demo_documents import LANGUAGES, demo_documents
from tests.documents.layout_check import layout_faults
from tests.documents.pdf_helpers import page_texts, squash

KINDS = ("consent", "withdrawal", "information pack", "assessment summary", "procedure note", "SAE report",
         "reminder letter", "registry report")
BOX = {"en": "Experimental treatment — not approved by any medicines regulator — not proven to work in people",
       "tr": "Deneysel tedavi — hiçbir ilaç otoritesi tarafından onaylanmamıştır — insanlarda etkili olduğu "
             "kanıtlanmamıştır"}


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "data"
    assert main(["demo", "--data-dir", str(root), "--no-launch"]) == 0
    return demo_documents(root)


def test_the_demo_prints_every_kind_in_both_languages(documents):
    assert sorted(k for k in documents) == sorted((kind, lang) for kind in KINDS for lang in LANGUAGES)


def test_no_lone_block_and_no_stranded_heading_on_any_page(documents):
    faults = [f"{kind} ({lang}) #{n}: {fault}" for (kind, lang), pdfs in documents.items()
              for n, pdf in enumerate(pdfs) for fault in layout_faults(pdf)]
    assert faults == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_hashes_break_only_between_groups(documents, tmp_path):
    for (kind, lang), pdfs in documents.items():
        for n, pdf in enumerate(pdfs):
            path = tmp_path / "doc.pdf"
            path.write_bytes(pdf)
            lines = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.splitlines()
            for i, line in enumerate(lines):
                if "SHA-256" in line:
                    groups = re.findall(r"(?<![\w-])[0-9a-f]{5,}(?![\w-])", " ".join(lines[i:i + 2]))
                    assert all(len(g) == 8 for g in groups), f"{kind} ({lang}) #{n}: {lines[i:i + 2]}"


def test_every_demo_consent_carries_the_box_on_page_one(documents):
    for lang in LANGUAGES:
        for pdf in documents[("consent", lang)]:
            first = squash(page_texts(pdf)[0])
            assert squash(BOX[lang]) in first
