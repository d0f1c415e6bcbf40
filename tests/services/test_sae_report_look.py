"""The serious-adverse-event report in both languages: what a pharmacovigilance reader needs is on the
page (pseudonym, age, product and lot, seriousness, relatedness, outcome, the course, the reporter),
what identifies the patient is not (name, MRN, birth date); written for a person to look at when
LOOK_DIR is set."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from exoconsult.services.adverse_events.events import AdverseEventService
from exoconsult.services.adverse_events.sae_report import SaeReportService
from exoconsult.services.history.patients import PatientService
from exoconsult.services.today.today import TodayService
from tests.adverse_event_support import assessment, event_input, treated_patient

EXPECTED = {
    "tr": ["Ciddi advers olay bildirimi", "Enfeksiyon", "3 – ağır", "Hastaneye yatış", "Olası",
           "EXO-2611-A", "Anatolia Biologics", "Testis içine enjeksiyon", "1. izlem bildirimi", "İyileşti",
           "Dr. Deniz Uro", "TR-UR-0042", "Hayır"],
    "en": ["Serious adverse event report", "Infection", "3 – severe", "Requires or prolongs hospitalisation",
           "Possible", "EXO-2611-A", "Anatolia Biologics", "Intratesticular injection", "Follow-up report no. 1",
           "Recovered", "Dr. Deniz Uro", "TR-UR-0042", "No"],
}


def _text(pdf: bytes) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_report_says_what_a_reader_needs_and_hides_who_the_patient_is(sqlite_ctx, staff, clock, tmp_path,
                                                                         language):
    ctx = sqlite_ctx
    d = treated_patient(ctx, staff, clock, tmp_path)
    nurse, urologist = d.ready.nurse, d.ready.urologist
    today = TodayService(ctx).overview(nurse).today
    serious = assessment(grade=3, serious_criteria=("hospitalisation",), relatedness="possible", expected=False,
                         action_taken="IV antibiotics; admitted for 3 days")
    event = AdverseEventService(ctx).record(nurse, d.ready.patient_id, event_input(
        today, term="infection", description="Fever 38.6 °C and a tender, red left hemiscrotum on day 2.",
        assessment=serious))
    reports = SaeReportService(ctx)
    reports.issue(urologist, event.id, language)
    clock.advance(days=6)
    AdverseEventService(ctx).follow_up(nurse, event.id, assessment(
        grade=3, serious_criteria=("hospitalisation",), relatedness="possible", expected=False, outcome="recovered",
        outcome_date=today + timedelta(days=5), note="Discharged on day 5; afebrile."))
    follow_up = reports.pdf(nurse, reports.issue(urologist, event.id, language).document_id)
    text = _text(follow_up)
    for word in (*EXPECTED[language], AdverseEventService(ctx).for_patient(nurse, d.ready.patient_id)[0].pseudonym):
        assert word in text, (word, text[:600])
    patient = PatientService(ctx).open(nurse, d.ready.patient_id).data
    for secret in (patient.mrn, patient.family_name, patient.given_name, patient.birth_date.strftime("%d.%m.%Y"),
                   patient.birth_date.isoformat()):
        assert secret not in text
    if os.environ.get("LOOK_DIR"):
        out = Path(os.environ["LOOK_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        (out / f"sae-{language}.pdf").write_bytes(follow_up)
