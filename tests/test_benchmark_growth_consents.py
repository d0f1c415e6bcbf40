"""The growth benchmark's consents (benchmarks/growth_consents.py) store what the app stores: one patient
through `consent_for` (one transaction, DTOs built when read, no marked copies) and one through the same
calls as separate use cases leave the same audit entries and rows, and the full verify accepts both."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from sqlalchemy import text

from benchmarks.growth_consents import PRINTER, consent_for
from exoconsult.clock import FakeClock, SystemClock
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.demo import step_60_consents
from exoconsult.services.demo.step_60_consents import DEMO_PROGRAMME, explain, sign_consent
from exoconsult.services.history.cases import CaseService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.services.printing.printing import PrintingService
from exoconsult.services.programme.programme import ProgrammeService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import approved_forms, ready_for_consent
from tests.unit.rules.builders import BASE_CASE

ROW_TABLES = ("explanation_session", "explanation_section", "explanation_question", "comprehension_answer",
              "teach_back", "consent", "consent_signature", "consent_choice", "print_record")


@pytest.fixture
def clinic(ctx, staff, clock, tmp_path, monkeypatch):
    """A clinic ready for consents (the first patient of ready_for_consent sets it up), and step_60 typing
    the test accounts' passwords."""
    ready_for_consent(ctx, staff, clock, tmp_path, mrn="SETUP-1")
    ProgrammeService(ctx).update(staff["admin"], DEMO_PROGRAMME)
    approved_forms(ctx, staff, tmp_path / "approved-forms")
    monkeypatch.setattr(step_60_consents, "PASSWORD", STAFF_PASSWORDS["urologist"])
    monkeypatch.setattr(step_60_consents, "NURSE_PASSWORD", STAFF_PASSWORDS["nurse"])
    return ctx


def _assessed(ctx, urologist, mrn: str) -> int:
    case = copy.deepcopy(BASE_CASE)
    case["patient"].update(mrn=mrn, preferred_language="tr")
    patient_id = CaseService(ctx).import_case(urologist, case).patient_id
    assert AssessmentService(ctx).run(urologist, patient_id).verdict == "eligible"
    return patient_id


def _separately(ctx, urologist, nurse, patient_id: int) -> None:
    """The same calls, each use case its own transaction, on the same clock moves as consent_for."""
    now = SystemClock().now()
    saved, ctx.clock = ctx.clock, FakeClock(now - timedelta(days=15))
    try:
        explain(ctx, urologist, patient_id, "tr")
        ctx.clock.set(now)
        signed = sign_consent(ctx, urologist, nurse, patient_id, "tr", "Ali Deneme")
        printing = PrintingService(ctx)
        printing.record(nurse, printing.prepare(nurse, signed.document_id), PRINTER)
    finally:
        ctx.clock = saved


def _state(ctx) -> tuple[int, dict[str, int]]:
    with ctx.db.connect() as conn:
        head = conn.execute(text("SELECT max(seq) FROM audit_entry")).scalar()
        rows = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ROW_TABLES}  # noqa: S608
    return head, rows


def _entries(ctx, after: int, upto: int) -> list[tuple[str, str]]:
    with ctx.db.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text(
            "SELECT action, entity FROM audit_entry WHERE seq > :a AND seq <= :b"), {"a": after, "b": upto}))


def test_consent_for_stores_what_separate_use_cases_store(clinic, staff):
    urologist, nurse = staff["urologist"], staff["nurse"]
    first, second = _assessed(clinic, urologist, "GROWTH-1"), _assessed(clinic, urologist, "GROWTH-2")
    start, rows0 = _state(clinic)
    _separately(clinic, urologist, nurse, first)
    middle, rows1 = _state(clinic)
    consent_for(clinic, urologist, nurse, second, "tr", "Ali Deneme")
    end, rows2 = _state(clinic)
    separate, batched = _entries(clinic, start, middle), _entries(clinic, middle, end)
    assert len(separate) > 50 and ("sign", "consent") in separate and ("print", "consent") in separate
    assert batched == separate
    assert {t: rows2[t] - rows1[t] for t in ROW_TABLES} == {t: rows1[t] - rows0[t] for t in ROW_TABLES}
    assert rows2["consent"] - rows1["consent"] == 1
    report = verify_installation(clinic, full=True)
    assert report.ok, [p.describe() for p in report.problems]
