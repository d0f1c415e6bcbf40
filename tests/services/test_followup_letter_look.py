"""The reminder letter in both languages: the patient's name, the visit, its date and window, the
clinic's telephone and the complication line are on the page (PDF text extracted), no placeholder is
left; the files are written for a person to look at when LOOK_DIR is set."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from exoconsult.services.core.document_labels import document_words
from exoconsult.services.followup.followup import FollowupService
from tests.followup_support import treated_patient


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_reminder_letter_in_the_patients_language(sqlite_ctx, staff, clock, tmp_path, language):
    t = treated_patient(sqlite_ctx, staff, clock, tmp_path, language=language, preferred=language)
    clock.advance(days=60)
    service = FollowupService(sqlite_ctx)
    pdf = service.reminder_letter(t.nurse, t.record_id)
    fu = service.for_patient(t.nurse, t.patient_id)[0]
    month3 = fu.visit("month3")
    text = _text(pdf)
    words = {"tr": ["Hatırlatma: kontrol randevunuz", "Kontrol muayenesi (3. ay)", "santrifüjlü pelet",
                    "işe yarayıp yaramadığı bilinmiyor", "112"],
             "en": ["Reminder: your follow-up visit", "visit (month 3)", "centrifuged pellet",
                    "Whether this treatment works is not known", "112"]}[language]
    catalogue = document_words(language, sqlite_ctx.forms_dir)
    for word in [*words, catalogue.date(month3.due), catalogue.date(month3.first), catalogue.date(month3.last),
                 catalogue.date(fu.procedure_date)]:
        assert word in text, (word, text[:600])
    assert "{" not in text and "}" not in text
    if os.environ.get("LOOK_DIR"):
        out = Path(os.environ["LOOK_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        (out / f"reminder-{language}.pdf").write_bytes(pdf)
