"""Re-assessing everyone after a protocol change: new audited snapshots under the new sha256, counts per
verdict, staleness carried over, idempotent re-runs, and the same result in worker processes."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from exoconsult.domain.patient import PatientData
from exoconsult.services.assessment import reassess
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.demo.step_50_assessments import DEMO_HISTORIES, history_variant
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from tests.services.test_assessments import InMemoryHistory


@pytest.fixture
def source(ctx) -> InMemoryHistory:
    return InMemoryHistory(ctx)


def _patients(ctx, nurse, source, histories) -> list[int]:
    ids = []
    for n, (born, history) in enumerate(histories, start=1):
        dto = PatientService(ctx).create(nurse, PatientData(family_name="Kaya", given_name="Mustafa", birth_date=born,
                                                            mrn=f"RA-{n:04d}"))
        source.put(dto.id, history)
        ids.append(dto.id)
    return ids


def _lower_review_age(ctx, tmp_path) -> None:
    """The clinic lowers review_age_years from 60 to 50 (a new protocol sha256)."""
    forms = tmp_path / "forms"
    shutil.copytree(ctx.forms_dir, forms)
    path = forms / "protocols" / "exo-noa" / "protocol.yaml"
    text = path.read_text(encoding="utf-8")
    assert "review_age_years: {default: 60," in text
    path.write_text(text.replace("review_age_years: {default: 60,", "review_age_years: {default: 50,"), encoding="utf-8")
    ctx.forms_dir = forms


@pytest.mark.parametrize("workers", [1, 2])
def test_reassess_all_after_a_protocol_change(ctx, source, nurse, urologist, tmp_path, monkeypatch, workers):
    monkeypatch.setattr(reassess, "PAGE", 4)  # several pages, and big enough pages for the worker path
    histories = [(date(1971, 1, 1), DEMO_HISTORIES["eligible"]),   # 55: eligible -> needs review under age 50
                 (date(1990, 1, 1), DEMO_HISTORIES["eligible"]),
                 (date(1972, 5, 5), DEMO_HISTORIES["ineligible"]),
                 (date(1985, 1, 1), DEMO_HISTORIES["needs_review"]),
                 (date(1986, 1, 1), DEMO_HISTORIES["incomplete"]),
                 (date(1970, 2, 2), DEMO_HISTORIES["eligible"])]
    service = AssessmentService(ctx, case_source=source)
    ids = _patients(ctx, nurse, source, histories)
    for pid in ids:
        service.run(urologist, pid)
    service.run(urologist, ids[1])  # two snapshots: only the newest is re-judged
    source.put(ids[5], history_variant(partner_age_years=40))  # edited after its assessment: stays stale
    old_sha = service.protocol().sha256
    _lower_review_age(ctx, tmp_path)
    report = service.reassess_all(urologist, workers=workers)
    assert report.protocol.sha256 != old_sha
    assert (report.patients, report.reassessed, report.already_current) == (6, 6, 0)
    assert report.by_verdict == {"eligible": 1, "incomplete": 1, "ineligible": 1, "needs_review": 3}
    assert report.changed_verdict == 2
    first = service.latest(nurse, ids[0])
    assert first.kind == "reassess" and first.verdict == "needs_review" and first.protocol.sha256 == report.protocol.sha256
    assert "AGE-REVIEW" in [f.rule for f in first.fired] and not first.stale
    assert first.run_by == urologist.display_name
    assert service.latest(nurse, ids[5]).stale  # re-judged from its old inputs, still behind the history
    assert [a.kind for a in service.list(nurse, ids[1])] == ["reassess", "run", "run"]
    again = service.reassess_all(urologist, workers=workers)
    assert (again.reassessed, again.already_current) == (0, 6)
    assert verify_installation(ctx).ok  # the bulk audit entries replay to exactly the stored rows


def test_reassess_with_nobody_assessed(ctx, source, urologist):
    report = AssessmentService(ctx, case_source=source).reassess_all(urologist)
    assert (report.patients, report.reassessed) == (0, 0)


def test_reused_inputs_text_equals_a_full_reserialisation():
    """judge_inputs reuses the stored canonical inputs (only the date replaced); it must be what a full
    parse and re-serialisation would store."""
    import json

    from exoconsult.definitions.protocol import load_protocol
    from exoconsult.services.assessment.judging import evaluate
    from exoconsult.services.core.context import default_forms_dir

    protocol = load_protocol(default_forms_dir() / "protocols" / "exo-noa")
    patient = {"family_name": "Işık", "given_name": "Ömer", "birth_date": "1980-01-01", "sex": "male", "mrn": "X1",
               "preferred_language": "tr", "needs_interpreter": False}
    for history in DEMO_HISTORIES.values():
        stored = evaluate(protocol, {"format": "exoconsult-case/1", "assessed_on": "2026-09-02", "patient": patient,
                                     "history": history}, date(2026, 9, 2))
        fast = reassess.judge_inputs(protocol, date(2026, 11, 24), [stored["inputs"]])[0]
        full = evaluate(protocol, {**json.loads(stored["inputs"]), "assessed_on": "2026-11-24"}, date(2026, 11, 24))
        assert fast == full and '"assessed_on":"2026-11-24"' in fast["inputs"]
