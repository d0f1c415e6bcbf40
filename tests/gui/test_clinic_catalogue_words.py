"""A clinic's own copy of forms/ words its printed documents and its screens label by label over the shipped
catalogue (issue 14, item 2): with its Turkish catalogue naming the urologist's role and the date and time
its own way, one adverse-event term and outcome and one derived value in its own words, the sealed consent
(its signature blocks and audit annex) prints the clinic's role and date words, and the screens in the Turkish
interface show the clinic's words: the adverse-event stage's table and course, its recording dialog, Today's
reporting deadlines, the assessment's derived values. The shipped wording is what they would say otherwise,
and is not printed or shown."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from exoconsult.gui import ui_language
from exoconsult.gui.adverse_events import page as page_module
from exoconsult.gui.adverse_events.page import AdverseEventsPage
from exoconsult.gui.assessment.view import AssessmentPage
from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.adverse_events.events import AdverseEventService
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.today.today import TodayService
from tests.adverse_event_support import assessment, event_input, treated_patient
from tests.conftest import REPO

CATALOGUE = "i18n/documents.tr.yaml"
# (the shipped Turkish line, the clinic's own): a signer role, the date-and-time format, two list words
CLINIC_WORDING = (
    ("    urologist: Tedaviyi uygulayan üroloji uzmanı\n", "    urologist: Uygulayan ürolog (klinik)\n"),
    ("  date_time: '%d.%m.%Y %H:%M'\n", "  date_time: '%d.%m.%Y saat %H.%M'\n"),
    ("    haematoma: Hematom\n", "    haematoma: Skrotal hematom (klinik)\n"),
    ("    recovering: İyileşiyor\n", "    recovering: Düzelmekte (klinik)\n"),
    ("    latest_fsh_iu_l: Son FSH\n", "    latest_fsh_iu_l: En son FSH düzeyi (klinik)\n"),
)


def clinic_forms(target: Path) -> Path:
    """The clinic's copy of forms/ with its own Turkish wording; the content files keep their bytes, so the
    test's approval of the copy stands (the catalogue is not approved content)."""
    shutil.copytree(REPO / "forms", target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = target / CATALOGUE
    text = path.read_text(encoding="utf-8")
    for shipped, own in CLINIC_WORDING:
        assert text.count(shipped) == 1, shipped
        text = text.replace(shipped, own)
    path.write_text(text, encoding="utf-8")
    return target


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def treated(sqlite_ctx, staff, clock, tmp_path):
    clinic_forms(tmp_path / "approved-forms")  # consent_support approves the copy it finds there
    return treated_patient(sqlite_ctx, staff, clock, tmp_path, language="tr", preferred="tr")


def test_the_sealed_consent_prints_the_clinics_role_and_date_words(sqlite_ctx, treated):
    nurse, consents = treated.ready.nurse, ConsentService(sqlite_ctx)
    consent = next(c for c in consents.list(nurse, treated.ready.patient_id)
                   if c.document_id == treated.consent_document_id)
    text = pdf_text(consents.pdf(nurse, consent.document_id))
    clinic = document_words("tr", sqlite_ctx.forms_dir)
    assert clinic["consent_record.roles.urologist"] == "Uygulayan ürolog (klinik)"
    assert text.count("Uygulayan ürolog (klinik)") >= 2, text  # its signature block and the audit annex's line
    assert "Tedaviyi uygulayan üroloji uzmanı" not in text
    zone = ZoneInfo(SettingsService(sqlite_ctx).read(nurse).time_zone)
    signed = clinic.date_time(consent.signed_at.astimezone(zone))
    assert " saat " in signed and signed in text, signed
    assert document_words("tr").date_time(consent.signed_at.astimezone(zone)) not in text
    # the patient's role, which the clinic left alone, is the shipped one
    assert document_words("tr")["consent_record.roles.patient"] in text


def test_the_adverse_event_screens_show_the_clinics_list_words(qtbot, services, runner, session_as, treated,
                                                               sqlite_ctx, monkeypatch):
    nurse = treated.ready.nurse
    today = TodayService(sqlite_ctx).overview(nurse).today
    AdverseEventService(sqlite_ctx).record(nurse, treated.ready.patient_id, event_input(
        today, assessment=assessment(grade=3, serious_criteria=("hospitalisation",))))
    ui_language.use_language("tr")
    session = session_as(nurse)
    patient = services.patients.open(nurse, treated.ready.patient_id)
    page = AdverseEventsPage(services, session, runner, patient)
    qtbot.addWidget(page)
    assert page.words is not None and page.words.language == "tr"
    assert [page.table.item(0, c).text() for c in (1, 5)] == ["Skrotal hematom (klinik)", "Düzelmekte (klinik)"]
    course = page.course.toPlainText()
    assert "Skrotal hematom (klinik)" in course and "Düzelmekte (klinik)" in course and "Hematom —" not in course

    offered: list[list[str]] = []

    def look(dialog) -> int:
        offered.append([dialog.term.itemText(i) for i in range(dialog.term.count())])
        offered.append([dialog.assessment.outcome.itemText(i) for i in range(dialog.assessment.outcome.count())])
        return dialog.DialogCode.Rejected.value

    monkeypatch.setattr(page_module, "exec_dialog", look)
    page.record_button.click()
    terms, outcomes = offered
    assert "Skrotal hematom (klinik)" in terms and "Hematom" not in terms
    assert "Düzelmekte (klinik)" in outcomes and "Ağrı" in terms  # the labels it left alone: the shipped ones

    home = TodayView(services, session, runner)
    qtbot.addWidget(home)
    home.refresh()
    panel = home.sae_deadlines
    assert not panel.isHidden() and panel.table.item(0, 3).text() == "Skrotal hematom (klinik)"


def test_the_assessment_screen_labels_derived_values_with_the_clinics_words(qtbot, runner, session_as, treated,
                                                                             sqlite_ctx):
    ui_language.use_language("tr")
    page = AssessmentPage(AssessmentService(sqlite_ctx), session_as(treated.ready.urologist), runner,
                          treated.ready.patient_id)
    qtbot.addWidget(page)
    assert page.shown is not None and "latest_fsh_iu_l" in page.shown.derived
    labels = set(page.derived.values)
    assert "En son FSH düzeyi (klinik)" in labels and "Son FSH" not in labels
    assert "Son LH" in labels  # a label the clinic left alone: the shipped one
