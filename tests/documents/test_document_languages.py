"""Content release 1.1, items 1 and 12, read back with pdftotext as a patient would read the paper:
a Turkish consent, withdrawal, information pack and assessment summary contain none of a list of English
words of the app's own, an English one none of a list of Turkish words; no page holds only one signature
block or one bullet; a SHA-256 is never broken inside a group; the time zone is not repeated per cell."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from exoconsult.definitions.content import load_withdrawal_text
from exoconsult.services.assessment.assessment_summary import render_summary
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.core.work import open_work
from exoconsult.services.printing.information_pack import InformationPackService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, scribble, sign

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")

# Words of the app's own that leaked into Turkish documents before 1.1 (verdicts, roles, statuses, labels,
# the time-zone name, rule texts); matched as whole words, case-insensitively.
ENGLISH = ("eligible", "ineligible", "needs review", "incomplete", "staff", "witness", "patient", "urologist",
           "signed", "withdrawn", "approved", "approval", "reason", "action", "verdict", "the", "and", "of",
           "with", "not", "months", "years", "yes", "Europe", "Istanbul", "demo text", "fictitious", "proceed",
           "offer", "should", "Annex", "Page", "Protocol no")
TURKISH = ("ve", "bir", "için", "hasta", "onam", "uygun", "değil", "evet", "hayır", "tanık", "sayfa", "tarih",
           "imza", "klinik personeli", "Hasta no", "önerin", "gerekli")


def summary_pdf_in(ctx, actor, assessment, lang: str) -> bytes:
    """The summary PDF in `lang`, rendered in a read-only unit of work as the service does."""
    with open_work(ctx, actor, write=False) as work:
        return render_summary(work, assessment, lang)


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


MEANING = {"en": "Meaning:", "tr": "Anlamı:"}
FURNITURE = re.compile(r"^\s*(Patient|Hasta):.*(MRN|Hasta no)|^\s*(Document ID|Belge no):")


def _body(page: str) -> list[str]:
    """The lines of a page between its header (ending with the patient line) and its footer."""
    lines = [line for line in page.splitlines() if line.strip()]
    starts = [i for i, line in enumerate(lines) if FURNITURE.match(line)]
    if len(starts) >= 2:
        return lines[starts[0] + 1:starts[-1]]
    return lines


def _found(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, flags=re.IGNORECASE)]


def _documents(ctx, staff, clock, tmp_path: Path, lang: str) -> dict[str, str]:
    ready = ready_for_consent(ctx, staff, clock, tmp_path / lang, language=lang, mrn=f"L-{lang}", preferred=lang)
    consents = ConsentService(ctx)
    summary = sign(ctx, ready)
    ids = [c.id for c in load_withdrawal_text(ctx.forms_dir, lang).data_choices]
    after = consents.withdraw(ready.urologist, summary.document_id, {cid: n == 0 for n, cid in enumerate(ids)},
                              CapturedSignature("patient", "Ahmet Yılmaz", scribble()), STAFF_PASSWORDS["urologist"])
    assessment = AssessmentService(ctx).latest(ready.urologist, ready.patient_id)
    pdfs = {"consent": consents.pdf(ready.urologist, summary.document_id),
            "withdrawal": consents.pdf(ready.urologist, after.withdrawal_document_id),
            "information pack": InformationPackService(ctx).pdf(ready.urologist, ready.patient_id, lang),
            "assessment summary": summary_pdf_in(ctx, ready.urologist, assessment, lang)}
    return {name: _text(pdf, tmp_path, f"{lang}-{name}") for name, pdf in pdfs.items()}


@pytest.fixture
def documents(ctx, staff, clock, tmp_path):
    return {lang: _documents(ctx, staff, clock, tmp_path, lang) for lang in ("tr", "en")}


def test_each_document_is_in_one_language(documents):
    for name, text in documents["tr"].items():
        assert _found(text, ENGLISH) == [], f"Turkish {name}"
    for name, text in documents["en"].items():
        assert _found(text, TURKISH) == [], f"English {name}"


def test_printed_layout_rules(documents):
    for lang, docs in documents.items():
        for name, text in docs.items():
            for n, page in enumerate(text.split("\f"), start=1):
                body = _body(page)
                lone_signature = sum(line.count(MEANING[lang]) for line in body) == 1 and len(body) <= 6
                lone_bullet = sum(line.lstrip().startswith("•") for line in body) == 1 and len(body) <= 3
                assert not (lone_signature or lone_bullet), f"{lang} {name} page {n} holds only: {body}"
            lines = text.splitlines()
            for i, line in enumerate(lines):
                if "SHA-256" in line:  # the digest prints in groups of 8; a wrap may only fall between them
                    groups = re.findall(r"(?<![\w-])[0-9a-f]{5,}(?![\w-])", " ".join(lines[i:i + 2]))
                    assert groups and all(len(g) == 8 for g in groups), f"{lang} {name}: {lines[i:i + 2]}"
            assert text.count("Europe/Istanbul") == 0, f"{lang} {name}: time zone name repeated in cells"
