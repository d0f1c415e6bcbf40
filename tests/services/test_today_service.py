"""Today overview and procedure plans: stages from the records, signed-not-printed consents, and a
patient whose consent is withdrawn, superseded or expired on the planned date cannot be marked ready."""

from __future__ import annotations

from datetime import timedelta

import pytest

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.printing.printing import PrintingService
from exoconsult.services.today.today import TodayService
from tests.consent_support import ready_for_consent, sign


def test_stages_unprinted_consents_and_procedure_readiness(sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    today = TodayService(sqlite_ctx)
    rows = {r.patient_id: r for r in today.overview(ready.nurse).consultations}
    assert rows[ready.patient_id].stage == "ready_to_sign"
    summary = sign(sqlite_ctx, ready)
    overview = today.overview(ready.nurse)
    assert {r.patient_id: r.stage for r in overview.consultations}[ready.patient_id] == "signed"
    assert [c.document_id for c in overview.unprinted] == [summary.document_id]
    printing = PrintingService(sqlite_ctx)
    printing.record(ready.nurse, printing.prepare(ready.nurse, summary.document_id), "Ward printer")
    assert today.overview(ready.nurse).unprinted == ()

    soon = today.plan_procedure(ready.nurse, ready.patient_id, overview.today + timedelta(days=3))
    assert soon.consent_document_id == summary.document_id and soon.consent_status == "signed"
    assert today.set_ready(ready.nurse, soon.id).ready
    late = today.plan_procedure(ready.nurse, ready.patient_id, overview.today + timedelta(days=120))
    assert late.consent_status == "expired" and "expired" in late.blocked_reason
    with pytest.raises(ValidationError, match="expired"):
        today.set_ready(ready.nurse, late.id)
    with pytest.raises(PermissionDenied):
        today.plan_procedure(staff["admin"], ready.patient_id, overview.today)
    with pytest.raises(ValidationError):
        today.plan_procedure(ready.nurse, ready.patient_id, overview.today - timedelta(days=1))
