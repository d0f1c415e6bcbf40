"""The lot register on SQLite and PostgreSQL: every transition, every refusal, the certificate stored
and hashed, statuses computed from the expiry date, and all of it in the audit and its replay."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest

from exoconsult.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from exoconsult.services.core.changes import Part, collect_changes
from exoconsult.services.procedure.lots import LotService
from exoconsult.storage.integrity import check_chain, check_replay
from tests.services.lot_support import MINIMAL_PDF, receipt


def test_receive_release_use_up_and_the_register(ctx, nurse, urologist):
    lots = LotService(ctx)
    with collect_changes() as log:
        lot = lots.receive(nurse, receipt())
    assert log.changes.touches(Part.LOTS)
    assert lot.status == "quarantined" and lot.received_by == "Ayşe Nurse"
    assert lot.coa_sha256 == hashlib.sha256(MINIMAL_PDF).hexdigest()
    assert lot.unusable_reason.startswith("This lot is still in quarantine")
    assert lots.usable(nurse) == []
    with pytest.raises(PermissionDenied):
        lots.release(nurse, lot.id)
    released = lots.release(urologist, lot.id, lot.row_version)
    assert released.status == "released" and released.released_by == "Dr. Deniz Uro" and released.unusable_reason == ""
    assert [x.id for x in lots.usable(nurse)] == [lot.id]
    with pytest.raises(Conflict):
        lots.mark_used_up(nurse, lot.id, lot.row_version)  # stale version
    with pytest.raises(ValidationError, match="released lot cannot be released"):
        lots.release(urologist, lot.id)
    used_up = lots.mark_used_up(nurse, lot.id)
    assert used_up.status == "used_up" and "used up" in used_up.unusable_reason
    assert lots.certificate(nurse, lot.id) == MINIMAL_PDF
    full = lots.get(nurse, lot.id)
    assert [e.event for e in full.events] == ["received", "released", "used_up"]
    assert [x.lot_number for x in lots.list(nurse)] == ["EXO-2611-A"]
    assert check_chain(ctx.db) == [] and check_replay(ctx.db) == []


def test_refusals_on_receipt(ctx, nurse, urologist, admin):
    lots = LotService(ctx)
    with pytest.raises(PermissionDenied):
        lots.receive(admin, receipt())
    with pytest.raises(ValidationError) as bad:
        lots.receive(nurse, receipt(lot_number=" ", expiry_date=date(2026, 11, 1), vials=0,
                                    storage_min_c=5.0, storage_max_c=2.0, coa_pdf=b"not a pdf",
                                    received_on=date(2030, 1, 1)))
    assert set(bad.value.problems) >= {"lot_number", "expiry_date", "vials", "storage_max_c", "coa_pdf", "received_on"}
    lots.receive(nurse, receipt())
    with pytest.raises(ValidationError, match="already in the register"):
        lots.receive(nurse, receipt())
    other = lots.receive(nurse, receipt(manufacturer="Another Lab"))  # unique per manufacturer only
    assert other.lot_number == "EXO-2611-A"
    no_coa = lots.receive(nurse, receipt("EXO-NOCOA", coa_reference="", coa_pdf=None))
    with pytest.raises(ValidationError, match="certificate of analysis"):
        lots.release(urologist, no_coa.id)
    with pytest.raises(NotFound):
        lots.certificate(nurse, no_coa.id)
    warm = lots.receive(nurse, receipt("EXO-WARM", temperature_on_receipt_c=4.0))
    with pytest.raises(ValidationError, match="outside its storage range"):
        lots.release(urologist, warm.id)
    discarded = lots.discard(nurse, warm.id, "Arrived warm (4 °C); manufacturer informed.")
    assert discarded.status == "discarded" and discarded.status_reason.startswith("Arrived warm")
    with pytest.raises(ValidationError, match="reason"):
        lots.discard(nurse, no_coa.id, "  ")
    with pytest.raises(ValidationError, match="discarded lot cannot be"):
        lots.release(urologist, warm.id)
    with pytest.raises(NotFound):
        lots.release(urologist, 9999)


def test_expiry_expire_and_recall(ctx, clock, nurse, urologist):
    lots = LotService(ctx)
    lot = lots.receive(nurse, receipt(expiry_date=date(2026, 12, 1)))
    lots.release(urologist, lot.id)
    with pytest.raises(ValidationError, match="released lot cannot be expired"):
        lots.mark_expired(nurse, lot.id)
    clock.advance(days=8)  # 2026-12-02: past the expiry date
    now = lots.get(nurse, lot.id)
    assert now.status == "expired" and "expiry" in now.unusable_reason and lots.usable(nurse) == []
    with pytest.raises(ValidationError, match="expired lot cannot be used up"):
        lots.mark_used_up(nurse, lot.id)
    assert lots.mark_expired(nurse, lot.id).status == "expired"
    with pytest.raises(PermissionDenied):
        lots.recall(nurse, lot.id, "Manufacturer recall")
    with pytest.raises(ValidationError, match="future"):
        lots.recall(urologist, lot.id, "Manufacturer recall", clock.now().date() + timedelta(days=3))
    recalled = lots.recall(urologist, lot.id, "Manufacturer recall RC-7: endotoxin above limit", date(2026, 12, 1))
    assert recalled.status == "recalled" and recalled.status_on == date(2026, 12, 1)
    assert "RECALLED" in recalled.unusable_reason
    with pytest.raises(ValidationError, match="recalled lot cannot be recalled"):
        lots.recall(urologist, lot.id, "again")
    with pytest.raises(ValidationError, match="recalled lot cannot be discarded"):
        lots.discard(nurse, lot.id, "cleanup")
    assert [e.event for e in lots.get(nurse, lot.id).events] == ["received", "released", "expired", "recalled"]
    assert check_replay(ctx.db) == []
