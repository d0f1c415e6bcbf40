"""Issue 12's measured targets: signing a consent is one transaction (the archive copy after the commit
excepted) and one permission check; the Today view is one transaction whatever the number of patients.
Counted on the real engines (SQLite and PostgreSQL): every BEGIN on every connection of the database,
and every call of the one permission check."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from sqlalchemy import event

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.core import permissions
from exoconsult.services.core.changes import Part, collect_changes
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import FieldChange
from exoconsult.services.history.patients import PatientService
from exoconsult.services.today.today import TodayService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, submission


@dataclass
class Counts:
    begins: int = 0
    checks: int = 0
    statements: int = 0


@contextmanager
def counting(ctx, monkeypatch) -> Iterator[Counts]:
    counts = Counts()
    engines = {ctx.db.write_engine, ctx.db.read_engine}

    def on_begin(conn) -> None:
        counts.begins += 1

    def on_statement(*_args) -> None:
        counts.statements += 1

    real = permissions.authorize

    def authorize(actor, permission) -> None:
        counts.checks += 1
        real(actor, permission)

    monkeypatch.setattr(permissions, "authorize", authorize)
    for engine in engines:
        event.listen(engine, "begin", on_begin)
        event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield counts
    finally:
        for engine in engines:
            event.remove(engine, "begin", on_begin)
            event.remove(engine, "before_cursor_execute", on_statement)


def test_signing_a_consent_is_one_transaction_and_one_permission_check(ctx, staff, clock, tmp_path, monkeypatch):
    from exoconsult.services.consent.consents import ConsentService

    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    sub = submission(ctx, ready)
    with counting(ctx, monkeypatch) as counts, collect_changes() as log:
        summary = ConsentService(ctx).sign(ready.urologist, ready.patient_id, sub, STAFF_PASSWORDS["urologist"],
                                           witness_password=STAFF_PASSWORDS["nurse"])
    assert summary.status == "signed"
    assert (counts.begins, counts.checks) == (1, 1)
    assert log.changes.touches(Part.CONSENT, patient_id=ready.patient_id)


@pytest.mark.parametrize("patients", [2, 12])
def test_the_today_view_is_one_transaction_whatever_the_number_of_patients(ctx, staff, clock, monkeypatch,
                                                                           patients):
    from datetime import date

    service = PatientService(ctx)
    for n in range(patients):
        service.create(staff["nurse"], PatientData(family_name="Hasta" + "ABCDEFGHIJKLMNOP"[n], given_name="Ahmet",
                                                   birth_date=date(1985, 1, 1 + n), mrn=f"T-{n:04d}"))
    with counting(ctx, monkeypatch) as counts:
        overview = TodayService(ctx).overview(staff["nurse"])
    assert len(overview.consultations) == patients
    assert (counts.begins, counts.checks) == (1, 1)


def test_a_write_reports_what_it_changed_and_a_refused_one_reports_nothing(ctx, staff):
    from datetime import date

    urologist = staff["urologist"]
    patient = PatientService(ctx).create(urologist, PatientData(family_name="Yılmaz", given_name="Ahmet",
                                                                birth_date=date(1985, 1, 1), mrn="T-1"))
    with collect_changes() as log:
        HistoryService(ctx).save_fields(urologist, patient.id, [FieldChange("bleeding_disorder", False)])
    assert log.changes.touches(Part.HISTORY, patient_id=patient.id)
    assert not log.changes.touches(Part.HISTORY, patient_id=patient.id + 1)
    assert not log.changes.touches(Part.CONSENT, Part.ASSESSMENT)
    with collect_changes() as log, pytest.raises(ValidationError):
        HistoryService(ctx).save_fields(urologist, patient.id, [FieldChange("no_such_field", 1)])
    assert not log.changes


def test_the_today_view_reads_every_patient_with_the_same_statements(ctx, staff, clock, tmp_path, monkeypatch):
    """The consultation records of all listed patients come from one set of queries: the number of SQL
    statements does not grow with the number of patients (each at a different stage)."""
    from datetime import date

    from exoconsult.services.assessment.assessments import AssessmentService

    ready_for_consent(ctx, staff, clock, tmp_path)  # one patient with history, assessment and explanation
    service = PatientService(ctx)

    def statements() -> int:
        with counting(ctx, monkeypatch) as counts:
            TodayService(ctx).overview(staff["nurse"])
        return counts.statements

    few = statements()
    for n in range(10):
        dto = service.create(staff["nurse"], PatientData(family_name="Hasta" + "ABCDEFGHIJ"[n], given_name="Ali",
                                                         birth_date=date(1980, 1, 1 + n), mrn=f"S-{n:04d}"))
        if n % 2:
            AssessmentService(ctx).run(staff["urologist"], dto.id)
    many = statements()
    assert many == few, f"{few} statements for 1 patient, {many} for 11"
