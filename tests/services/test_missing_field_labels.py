"""Issue 14 item 4: a missing field is shown by its label from the questionnaire definitions, in English
and in Turkish, never by its identifier ("testis_left_long_axis_cm", "hormone_panels.fsh")."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from exoconsult.definitions.protocol import load_protocol
from exoconsult.domain.patient import PatientData
from exoconsult.services.assessment.assessments import AssessmentService, field_labels_of
from exoconsult.services.history.patients import PatientService
from exoconsult.services.today.today import TodayService
from tests.services.test_assessments import InMemoryHistory

FORMS = Path(__file__).resolve().parents[2] / "forms"
IDENTIFIER = re.compile(r"[a-z0-9]+(_[a-z0-9]+)+|[a-z_]+\.[a-z_]+")


def looks_like_an_identifier(text: str) -> bool:
    return not text.strip() or bool(IDENTIFIER.search(text))


def every_field_a_rule_reads() -> set[str]:
    protocols = [load_protocol(FORMS / "protocols" / "exo-noa")]
    return {field for protocol in protocols for rule in protocol.rules for field in rule.reads}


@pytest.mark.parametrize("field", sorted(every_field_a_rule_reads()))
def test_every_field_a_rule_reads_has_a_label_and_a_section_in_english_and_turkish(field):
    found = field_labels_of(FORMS)(field)
    assert found is not None, f"{field}: no label in the questionnaire or the patient field catalogue"
    label, section = found
    for lang in ("en", "tr"):
        assert not looks_like_an_identifier(label[lang]), (field, lang, label[lang])
        assert not looks_like_an_identifier(section[lang]), (field, lang, section[lang])
    assert label["en"] != label["tr"] or label["en"] in ("FSH", "LH", "pH", "CFTR") or ":" in label["en"]


def test_the_identifier_detector_catches_what_the_review_saw():
    for shown in ("testis_left_long_axis_cm", "hormone_panels.fsh", "needs_review", ""):
        assert looks_like_an_identifier(shown)
    for label in ("Sol testis uzun ekseni (cm)", "Hormon panelleri: FSH", "Doğum tarihi"):
        assert not looks_like_an_identifier(label)


@pytest.fixture
def source(ctx) -> InMemoryHistory:
    return InMemoryHistory(ctx)


def test_an_assessment_of_an_empty_history_labels_each_missing_field_in_both_languages(ctx, nurse, urologist,
                                                                                       source):
    patient = PatientService(ctx).create(nurse, PatientData(family_name="Yılmaz", given_name="Ahmet",
                                                             birth_date=date(1988, 3, 2), mrn="L-0001"))
    source.put(patient.id, {})
    service = AssessmentService(ctx, case_source=source)
    service.run(urologist, patient.id)
    (shown,) = service.list(urologist, patient.id)
    assert shown.verdict == "incomplete" and len(shown.missing) > 5
    for m in shown.missing:
        for lang in ("en", "tr"):
            assert not looks_like_an_identifier(m.label_in(lang)), (m.field, lang, m.label_in(lang))
            assert m.section_in(lang), m.field
    by_field = {m.field: m for m in shown.missing}
    assert by_field["hormone_panels.fsh"].label_in("tr") == "Hormon panelleri: FSH"
    assert by_field["hormone_panels.fsh"].label_in("en") == "Hormone panels: FSH"
    left_axis = by_field.get("testis_left_long_axis_cm") or by_field["testis_left_volume_ml"]
    assert left_axis.label_in("tr").startswith("Sol testis")
    assert left_axis.section_in("tr") == "Muayene ve görüntüleme"
    # Today names the stage by its key and the verdict separately, so screens label both
    (row,) = [r for r in TodayService(ctx).overview(nurse).consultations if r.patient_id == patient.id]
    assert (row.stage, row.verdict) == ("assessed", "incomplete")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_summary_pdf_names_missing_fields_by_their_label_in_its_language(ctx, nurse, urologist, source,
                                                                               tmp_path):
    from exoconsult.services.assessment.assessment_summary import render_summary
    from exoconsult.services.core.work import open_work
    from exoconsult.services.demo.step_50_assessments import DEMO_HISTORIES

    patient = PatientService(ctx).create(nurse, PatientData(family_name="Yılmaz", given_name="Ahmet",
                                                             birth_date=date(1988, 3, 2), mrn="L-0002"))
    source.put(patient.id, DEMO_HISTORIES["incomplete"])
    shown = AssessmentService(ctx, case_source=source).run(urologist, patient.id)
    for lang, expected in (("tr", "Y kromozomu mikrodelesyonu (gerektiren kural: GEN-YCMD-DONE) — Y kromozomu "
                                  "mikrodelesyon testi gereklidir"),
                           ("en", "Y chromosome microdeletion (needed by GEN-YCMD-DONE) — A Y-chromosome "
                                  "microdeletion test is required")):
        with open_work(ctx, urologist, write=False) as work:
            pdf = render_summary(work, shown, lang)
        path = tmp_path / f"summary-{lang}.pdf"
        path.write_bytes(pdf)
        text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert expected in text, text
        assert "y_microdeletion" not in text and "scrotal_ultrasound_done" not in text
