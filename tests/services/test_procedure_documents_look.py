"""The procedure note, addendum and discharge sheet in both languages: the words a reader needs are on
the page (PDF text extracted), and the files are written for a person to look at when LOOK_DIR is set."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from exoconsult.services.procedure.procedures import ProcedureService
from tests.procedure_support import answer_part, procedure_day_for, procedure_input


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_note_addendum_and_discharge_sheet_in_the_patients_language(sqlite_ctx, staff, clock, tmp_path, language):
    ctx = sqlite_ctx
    d = procedure_day_for(ctx, staff, clock, tmp_path, language=language, preferred=language)
    answer_part(ctx, d, "before_anaesthesia")
    answer_part(ctx, d, "time_out")
    procedures = ProcedureService(ctx)
    procedures.record(d.ready.urologist, d.plan_id, procedure_input(clock))
    answer_part(ctx, d, "sign_out")
    note = procedures.note_pdf(d.ready.nurse, procedures.issue_note(d.ready.urologist, d.plan_id).document_id)
    addendum = procedures.addendum(d.ready.urologist, procedures.notes(d.ready.nurse, d.plan_id)[0].document_id,
                                   {"tr": "Sol testise giriş yeri sayısı 3 olmalıydı.",
                                    "en": "The left testis had 3 puncture sites, not 2."}[language])
    sheet = procedures.discharge_sheet(d.ready.nurse, d.plan_id)
    expected = {
        "tr": (["İşlem notu", "EXO-2611-A", "Lokal anestezik", "Sol", "Sağ", "Güvenlik kontrol listesi", "mühür"],
               ["Düzeltme", "düzeltir"], ["İşleminizden sonra", "+90 532 555 0101", "112", "ateş"]),
        "en": (["Procedure note", "EXO-2611-A", "Local anaesthetic", "Left", "Right", "Safety checklist", "sealed"],
               ["Correction", "corrects"], ["After your procedure", "+90 532 555 0101", "112", "fever"]),
    }[language]
    addendum_pdf = procedures.note_pdf(d.ready.nurse, addendum.document_id)
    for pdf, words in zip((note, addendum_pdf, sheet), expected, strict=True):
        text = " ".join(_text(pdf).split())
        for word in words:
            assert word in text, (word, text[:400])
    if os.environ.get("LOOK_DIR"):
        out = Path(os.environ["LOOK_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        for name, pdf in (("note", note), ("addendum", addendum_pdf), ("discharge", sheet)):
            (out / f"{name}-{language}.pdf").write_bytes(pdf)
