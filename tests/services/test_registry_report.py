"""The outcome registry report against hand-counted data: two treated men, their visits (done, missed,
overdue, not yet due), outcomes and adverse events; the tables of the PDF (exact, for the clinic), the
public PDF and the CSV (small counts suppressed, no pseudonyms), the period filter, and the audit."""

from __future__ import annotations

import csv
import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.adverse_events.events import AdverseEventService
from exoconsult.services.followup.followup import FollowupService
from exoconsult.services.registry.registry_data import registry_data
from exoconsult.services.registry.registry_report import RegistryService
from tests.adverse_event_support import assessment, event_input, treated_patient


def _text(pdf: bytes) -> str:
    return " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def two_men(sqlite_ctx, staff, clock, tmp_path):
    ctx = sqlite_ctx
    a = treated_patient(ctx, staff, clock, tmp_path, mrn="C-1", lot_number="EXO-2611-A")
    b = treated_patient(ctx, staff, clock, tmp_path, mrn="C-2", lot_number="EXO-2611-B")
    follow, events = FollowupService(ctx), AdverseEventService(ctx)
    nurse, urologist = a.ready.nurse, a.ready.urologist
    [fa] = follow.for_patient(nurse, a.ready.patient_id)
    [fb] = follow.for_patient(nurse, b.ready.patient_id)
    events.record(nurse, a.ready.patient_id, event_input(fa.procedure_date, term="infection", assessment=assessment(
        grade=3, serious_criteria=("hospitalisation",), relatedness="possible", expected=False)))
    events.record(nurse, b.ready.patient_id, event_input(fb.procedure_date, assessment=assessment(
        grade=1, relatedness="unlikely")))
    clock.advance(days=1)
    follow.record_visit(nurse, fa.record_id, "day1_call", fa.procedure_date + timedelta(days=1))
    clock.advance(days=95)
    follow.mark_missed(nurse, fb.record_id, "day1_call", "No answer to three calls")
    for fu, answers in ((fa, {"sperm_seen": "present"}),
                        (fb, {"sperm_seen": "none", "retrieval_done": True, "retrieval_technique": "micro_tese",
                              "retrieval_sperm_found": False, "icsi_done": False, "clinical_pregnancy": False,
                              "pregnancy_outcome": "none"})):
        visit = follow.record_visit(nurse, fu.record_id, "month3", fu.visit("month3").due)
        answers = {**answers, "retrieval_date": fu.visit("month3").due.isoformat()} if "retrieval_done" in answers \
            else answers
        follow.save_visit(urologist, visit.visit_id, answers, visit.row_version)
    return ctx, a, b, fa, fb


def test_the_report_counts_what_was_recorded(two_men, staff):
    ctx, a, b, fa, fb = two_men
    reports = RegistryService(ctx)
    clinic = reports.report(staff["admin"], language="en")  # the first report makes the clinic's pseudonym key
    with ctx.uow(a.ready.urologist, write=False) as uow:
        from exoconsult.services.core.work import Work

        data = registry_data(Work(ctx, uow))
    assert data.treated == 2 and data.events == 2 and data.patients_with_events == 2
    visits = {key: {s: c for s, c in counts.items() if c} for key, _, counts in data.visits}
    assert visits == {"day1_call": {"done": 1, "missed": 1}, "day7": {"overdue": 2}, "month3": {"done": 2},
                      "month6": {"upcoming": 2}, "month12": {"upcoming": 2}}
    outcomes = {key: (p.k, p.n) for key, p, _ in data.outcomes}
    assert outcomes == {"sperm_by_month3": (1, 2), "sperm_by_month6": (0, 0), "sperm_by_month12": (0, 0),
                        "sperm_found_at_retrieval": (0, 1), "clinical_pregnancy": (0, 2), "live_birth": (0, 2),
                        "congenital_anomaly": (0, 0)}
    assert data.by_term == {"haematoma": 1, "infection": 1}
    assert {g: c for g, c in data.by_grade.items() if c} == {1: 1, 3: 1}
    assert data.by_seriousness == {"serious": 1, "not_serious": 1}
    assert {r: c for r, c in data.by_relatedness.items() if c} == {"possible": 1, "unlikely": 1}
    [serious] = data.serious
    assert (serious.term, serious.days_after_procedure, serious.criteria) == ("infection", 0, ("hospitalisation",))

    with pytest.raises(PermissionDenied):
        reports.report(a.ready.nurse)
    with pytest.raises(ValidationError, match="comes after"):
        reports.report(staff["admin"], fb.procedure_date, fa.procedure_date - timedelta(days=1))
    text = _text(clinic.pdf)
    if os.environ.get("LOOK_DIR"):
        Path(os.environ["LOOK_DIR"], "registry-small-en.pdf").write_bytes(clinic.pdf)
    for words in ("cannot show that the treatment works", "1 of 2", "50.0 %", "9.5 % – 90.5 %", "0 of 1",
                  "repeat micro-TESE: 23 of 125", serious.pseudonym, "Requires or prolongs hospitalisation"):
        assert words in text, words
    public = _text(reports.report(staff["admin"], language="tr", public=True).pdf)
    assert "kanıtlanmamış" in public and serious.pseudonym not in public and "< 5 / < 5" not in public
    assert "— / < 5" in public and "%50,0" not in public
    rows = list(csv.reader(io.StringIO(clinic.csv["outcomes.csv"].decode())))
    assert rows[0][:3] == ["outcome", "k", "n"] and ["sperm_by_month3", "< 5", "< 5", "", "", "", ""] in rows
    assert not any(serious.pseudonym in body.decode() for body in clinic.csv.values())
    assert "day7,0,0,< 5" not in clinic.csv["followup_completeness.csv"].decode()  # zero is small too
    only_b = reports.report(staff["admin"], fb.procedure_date, fb.procedure_date, "en")
    assert only_b.patients == 1
    entries = [e for e in ctx_audit(ctx) if e.action == "registry_report"]
    assert len(entries) == 3  # the refused calls made nothing


def ctx_audit(ctx):
    from sqlalchemy import select

    from exoconsult.storage.orm import AuditEntryRow

    with ctx.db.connect() as conn:
        return list(conn.execute(select(AuditEntryRow.action)))
