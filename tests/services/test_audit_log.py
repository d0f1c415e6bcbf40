"""The admin audit viewer (HIP-5): filters, paging, CSV export; looking is itself audited."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, date, datetime

import pytest

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.admin.audit_log import AuditFilter, AuditLogService, _cell
from exoconsult.services.history.patients import PatientService


@pytest.fixture
def activity(ctx, nurse, urologist, clock):
    """Two patients; the nurse creates both, the urologist opens the first the next day."""
    patients = PatientService(ctx)
    first = patients.create(nurse, PatientData("Işık", "Mehmet", date(1988, 3, 14), mrn="A1"))
    second = patients.create(nurse, PatientData("Kaya", "Ali", date(1980, 1, 1), mrn="A2"))
    clock.advance(days=1)
    patients.open(urologist, first.id)
    return first.id, second.id


def test_filters_by_user_patient_action_and_date(ctx, admin, nurse, urologist, activity, clock):
    service = AuditLogService(ctx)
    first, second = activity
    by_urologist = service.query(admin, AuditFilter(user_id=urologist.user_id))
    assert [(e.action, e.entity_id) for e in by_urologist.entries] == [("view", str(first))]
    about_first = service.query(admin, AuditFilter(patient_id=first))
    assert [e.action for e in about_first.entries] == ["view", "create"]  # newest first
    creates = service.query(admin, AuditFilter(action="create", user_id=nurse.user_id))
    assert {e.entity for e in creates.entries} >= {"patient"} and creates.total == len(creates.entries)
    day_two = service.query(admin, AuditFilter(since=datetime(2026, 11, 25, tzinfo=UTC),
                                               until=datetime(2026, 11, 26, tzinfo=UTC), action="view"))
    assert [e.entity_id for e in day_two.entries] == [str(first)]


def test_paging_and_viewing_is_audited(ctx, admin, activity):
    service = AuditLogService(ctx)
    page = service.query(admin, AuditFilter(), offset=0, limit=2)
    assert len(page.entries) == 2 and page.total > 2
    nxt = service.query(admin, AuditFilter(), offset=2, limit=2, up_to_seq=page.up_to_seq)
    assert nxt.entries[0].seq == page.entries[-1].seq - 1 and nxt.up_to_seq == page.up_to_seq
    views = service.query(admin, AuditFilter(action="audit_view"))
    assert views.total == 2 and all(e.actor == "admin" for e in views.entries)  # this query logs itself after reading


def test_bad_filters_are_refused(ctx, admin):
    service = AuditLogService(ctx)
    with pytest.raises(ValidationError):
        service.query(admin, AuditFilter(since=datetime(2026, 1, 1)))  # naive time: which zone?
    with pytest.raises(ValidationError):
        service.query(admin, AuditFilter(since=datetime(2026, 2, 1, tzinfo=UTC), until=datetime(2026, 1, 1, tzinfo=UTC)))
    with pytest.raises(ValidationError):
        service.query(admin, AuditFilter(), limit=100_000)


def test_only_admins_see_the_audit(ctx, nurse, urologist):
    for actor in (nurse, urologist):
        with pytest.raises(PermissionDenied):
            AuditLogService(ctx).query(actor, AuditFilter())


def test_csv_export_has_every_matching_entry_neutralises_formulas_and_is_audited(ctx, admin, activity, tmp_path):
    service = AuditLogService(ctx)
    dest = tmp_path / "audit.csv"
    n = service.export_csv(admin, AuditFilter(action="create"), dest)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(dest.read_text(encoding="utf-8-sig"))))
    assert len(rows) == n and {r["action"] for r in rows} == {"create"}
    assert [int(r["seq"]) for r in rows] == sorted(int(r["seq"]) for r in rows)
    assert "Işık" in dest.read_text(encoding="utf-8-sig")
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    assert _cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and _cell("-1") == "'-1" and _cell(None) == ""
    with pytest.raises(ValidationError):
        service.export_csv(admin, AuditFilter(), dest)  # never overwrites
    exports = service.query(admin, AuditFilter(action="audit_export"))
    assert exports.total == 1 and '"rows":' + str(n) in exports.entries[0].detail
    text = service.export_csv_text(admin, AuditFilter(action="view"))
    assert text.splitlines()[0].startswith("seq,at,actor_id")
