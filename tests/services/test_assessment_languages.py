"""Item 1 of content release 1.1: an assessment stores rule ids, parameter values and the rule texts in
every language; documents render them in their own language when printed. Assessments stored under
protocol 1.0.0 (one English text per rule) print in Turkish from the archived 1.0.0 protocol."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from exoconsult.domain.patient import PatientData
from exoconsult.services.assessment.assessment_summary import render_summary
from exoconsult.services.assessment.assessments import AssessmentService, to_dto
from exoconsult.services.core.work import open_work
from exoconsult.services.demo.step_50_assessments import history_variant
from exoconsult.services.history.patients import PatientService
from exoconsult.storage.assessments import AssessmentRow
from tests.services.test_assessments import InMemoryHistory

ARCHIVED_1_0_0 = "e606cce48460ad123842cc15d244e89cef816454b08f66f7f1047b705f40abf4"
pdftotext = shutil.which("pdftotext")


def summary_pdf_in(ctx, actor, assessment, lang: str) -> bytes:
    """The summary PDF in `lang`, rendered in a read-only unit of work as the service does."""
    with open_work(ctx, actor, write=False) as work:
        return render_summary(work, assessment, lang)


@pytest.fixture
def source(ctx) -> InMemoryHistory:
    return InMemoryHistory(ctx)


@pytest.fixture
def service(ctx, source) -> AssessmentService:
    return AssessmentService(ctx, case_source=source)


@pytest.fixture
def make_patient(ctx, nurse, source):
    made = iter(range(1, 1000))

    def make(history: dict) -> int:
        dto = PatientService(ctx).create(nurse, PatientData(family_name="Yılmaz", given_name="Ahmet",
                                                            birth_date=date(1988, 3, 2), mrn=f"L-{next(made):04d}"))
        source.put(dto.id, history)
        return dto.id

    return make


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    # reading order (no -layout): a table cell's lines stay together
    return subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_snapshot_keeps_ids_parameters_and_both_languages(ctx, service, make_patient, urologist):
    pid = make_patient(history_variant(hormone_panels=[{"date": "2026-07-20", "fsh": {"value": 1.8, "unit": "IU/L"},
                                                        "lh": {"value": 1.6, "unit": "IU/L"},
                                                        "total_testosterone": {"value": 3.3, "unit": "nmol/L"}}]))
    a = service.run(urologist, pid)
    (fired,) = a.fired
    assert fired.rule == "HH-SECONDARY-REVIEW"
    assert fired.params == {"low_testosterone_nmol_l": 10.4, "hh_review_gonadotropin_max_iu_l": 3.0,
                            "hh_gonadotropin_max_iu_l": 1.5}
    assert "{low_testosterone_nmol_l}" in fired.reason_texts["tr"]  # a template, rendered when printed
    assert "10,4 nmol/L" in fired.reason_in("tr") and "10.4 nmol/L" in fired.reason_in("en") == fired.reason
    assert "prolaktin" in fired.action_in("tr").lower()


@pytest.mark.skipif(pdftotext is None, reason="pdftotext (poppler-utils) is not installed")
def test_summary_prints_in_the_patients_language(ctx, service, make_patient, urologist, tmp_path):
    a = service.run(urologist, make_patient(history_variant(sperm_retrieval_attempts=[])))
    assert a.verdict == "ineligible"
    tr = _text(summary_pdf_in(ctx, urologist, a, "tr"), tmp_path)
    en = _text(summary_pdf_in(ctx, urologist, a, "en"), tmp_path)
    flat_tr, flat_en = "".join(tr.split()), "".join(en.split())  # wrapping cannot split a phrase
    for turkish in ("uygun değil", "önce mikro-TESE önerin", "Temel bulgular", "protokol klinik tarafından onaylanmamış"):
        assert "".join(turkish.split()) in flat_tr, turkish
    for english in ("ineligible", "Verdict", "offerMicro-TESEfirst", "Approval", "Assessed", "years", "yes"):
        assert english.lower() not in flat_tr.lower(), english
    assert "noteligible" in flat_en and "offermicro-TESEfirst" in flat_en and "önerin" not in flat_en


def test_an_assessment_stored_under_1_0_0_prints_the_archived_turkish_texts(ctx, service, make_patient, urologist):
    a = service.run(urologist, make_patient(history_variant(partner_evaluated=False)))
    with ctx.db.session(write=False) as s:
        row = s.get(AssessmentRow, a.id)
        columns = {c.name: getattr(row, c.name) for c in AssessmentRow.__table__.columns}
    old_fired = [{"rule": "PARTNER", "outcome": "caution", "reason": "The female partner has not been evaluated.",
                  "action": "Both partners should be evaluated.", "source": "AUA/ASRM 2020 Part I"}]
    # as 1.0.0 stored it (snapshots are write-once, so the row is rebuilt rather than updated)
    legacy = SimpleNamespace(**{**columns, "fired": json.dumps(old_fired), "protocol_sha256": ARCHIVED_1_0_0})
    (fired,) = to_dto(legacy, None, stale=False, archived=service.archived_texts).fired
    assert fired.reason == "The female partner has not been evaluated."
    assert fired.reason_in("tr") == "Kadın eşin değerlendirmesi yapılmamış."
    assert fired.action_in("tr") == "Her iki eş de değerlendirilmelidir."
    unknown = SimpleNamespace(**{**columns, "fired": json.dumps(old_fired), "protocol_sha256": "0" * 64})
    (kept,) = to_dto(unknown, None, stale=False, archived=service.archived_texts).fired
    assert kept.reason_in("tr") == "The female partner has not been evaluated."  # no archive: printed as stored
