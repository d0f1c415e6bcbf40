"""A staff witness's own signing PIN (content release 1.1, item 14): off until the admin allows it; each
nurse or urologist sets their own (digits, at least 6, not trivial; their password confirms it; hashed and
audited by fingerprint); on the signing screen the PIN proves who witnessed, the audit and the signature
block say "by PIN"; wrong PINs lock the PIN (not the account) like sign-in failures; a reset removes it."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.accounts.accounts import AccountService
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.accounts.signing_pin import SigningPinService, pin_reason
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.consent.consents import ConsentService
from exoconsult.storage.accounts import StaffPinRow
from exoconsult.storage.integrity import check_replay
from exoconsult.storage.orm import AuditEntryRow
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, submission

PIN = "480159"


@pytest.fixture
def ready(ctx, staff, clock, tmp_path):
    return ready_for_consent(ctx, staff, clock, tmp_path)


def _audit(ctx, action: str) -> list[tuple[str, str, dict]]:
    with ctx.db.connect() as conn:
        rows = conn.execute(select(AuditEntryRow.actor, AuditEntryRow.entity_id, AuditEntryRow.detail)
                            .where(AuditEntryRow.action == action).order_by(AuditEntryRow.seq)).all()
    return [(actor, eid, json.loads(detail or "null")) for actor, eid, detail in rows]


def _allow_pins(ctx, staff, on: bool = True) -> None:
    SettingsService(ctx).update(staff["admin"], {"witness_pin_allowed": on})


def _sign_with_pin(ctx, ready, pin: str):
    return ConsentService(ctx).sign(ready.urologist, ready.patient_id, submission(ctx, ready),
                                    STAFF_PASSWORDS["urologist"], witness_pin=pin)


@pytest.mark.parametrize("pin", ["12345", "1234567890123", "48015a", "４８０１５９", "777777", "123456", "987654",
                                 "0123456789", ""])
def test_a_trivial_or_malformed_pin_is_refused(pin):
    assert pin_reason(pin) is not None


@pytest.mark.parametrize("pin", ["480159", "135790", "112233", "000001"])
def test_a_pin_of_six_or_more_digits_that_is_not_a_run_is_accepted(pin):
    assert pin_reason(pin) is None


def test_setting_a_pin_needs_the_password_and_is_audited_by_fingerprint_only(ctx, staff):
    nurse, pins = staff["nurse"], SigningPinService(ctx)
    assert pins.status(nurse).has_pin is False and pins.status(nurse).clinic_allows is False
    with pytest.raises(ValidationError) as info:
        pins.set_own_pin(nurse, "not-her-password", PIN)
    assert list(info.value.problems) == ["current_password"]
    with pytest.raises(ValidationError) as info:
        pins.set_own_pin(nurse, STAFF_PASSWORDS["nurse"], "111111")
    assert "repeated" in info.value.problems["new_pin"]
    status = pins.set_own_pin(nurse, STAFF_PASSWORDS["nurse"], PIN)
    assert status.has_pin and status.set_at is not None
    [(actor, eid, detail)] = _audit(ctx, "pin_set")
    assert (actor, eid, detail["how"]) == ("nurse", str(nurse.user_id), "set by the user")
    with ctx.db.connect() as conn:
        stored = conn.execute(select(StaffPinRow.pin_hash)).scalar_one()
        audit_text = " ".join(str(r) for r in conn.execute(select(AuditEntryRow.after, AuditEntryRow.detail)))
    assert stored.startswith("$argon2id$") and PIN not in stored
    assert PIN not in audit_text and stored not in audit_text
    assert [d["reason"] for _, _, d in _audit(ctx, "pin_change_failed")] == ["wrong current password"]
    pins.set_own_pin(nurse, STAFF_PASSWORDS["nurse"], "135790")
    assert [d["how"] for _, _, d in _audit(ctx, "pin_set")] == ["set by the user", "changed by the user"]
    with pytest.raises(PermissionDenied):  # an admin has no PIN: admins never witness
        pins.set_own_pin(staff["admin"], STAFF_PASSWORDS["admin"], PIN)
    assert check_replay(ctx.db) == []


def test_a_pin_is_refused_at_signing_until_the_admin_allows_pins(ctx, staff, ready):
    SigningPinService(ctx).set_own_pin(ready.nurse, STAFF_PASSWORDS["nurse"], PIN)
    with pytest.raises(ValidationError) as info:
        _sign_with_pin(ctx, ready, PIN)
    assert "does not accept PINs" in info.value.problems["witness_pin"]
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id) == []


def test_the_witness_confirms_with_her_pin_and_the_record_and_block_say_by_pin(ctx, staff, ready):
    _allow_pins(ctx, staff)
    SigningPinService(ctx).set_own_pin(ready.nurse, STAFF_PASSWORDS["nurse"], PIN)
    summary = _sign_with_pin(ctx, ready, PIN)
    assert [(eid, d["method"]) for _, eid, d in _audit(ctx, "witness_auth")] == [(str(ready.nurse.user_id), "pin")]
    [(_, _, detail)] = _audit(ctx, "sign")
    assert [(v["role"], v["how"]) for v in detail["verified"]] == [("urologist", "password re-entered"),
                                                                   ("witness", "PIN entered")]
    pdf = ConsentService(ctx).pdf(ready.urologist, summary.document_id)
    body = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Kimlik PIN ile doğrulandı: imzalayan, imzalarken kendi imza PIN kodunu girdi" in body
    assert body.count("Kimlik parolayla doğrulandı") == 1  # the urologist's, by password
    assert "Tanık (klinik personeli)" in body and "Ayşe Nurse" in body


def test_a_witness_without_a_pin_is_told_to_use_her_password(ctx, staff, ready):
    _allow_pins(ctx, staff)
    with pytest.raises(ValidationError) as info:
        _sign_with_pin(ctx, ready, PIN)
    assert "has not set a signing PIN" in info.value.problems["witness_pin"]
    assert _audit(ctx, "witness_auth_failed") == []


def test_wrong_pins_lock_the_pin_not_the_account_and_sign_nothing(ctx, staff, ready, clock):
    _allow_pins(ctx, staff)
    SigningPinService(ctx).set_own_pin(ready.nurse, STAFF_PASSWORDS["nurse"], PIN)
    for _ in range(5):
        with pytest.raises(ValidationError) as info:
            _sign_with_pin(ctx, ready, "246801")
        assert "Nothing was signed" in info.value.problems["witness_pin"]
    with pytest.raises(ValidationError):  # locked for 15 minutes, even with the right PIN
        _sign_with_pin(ctx, ready, PIN)
    reasons = [(d["reason"], d["method"]) for _, _, d in _audit(ctx, "witness_auth_failed")]
    assert reasons == [("wrong PIN", "pin")] * 5 + [("locked", "pin")]
    assert len(_audit(ctx, "pin_locked")) == 1
    assert ConsentService(ctx).list(ready.urologist, ready.patient_id) == []
    AuthService(ctx).login("nurse", STAFF_PASSWORDS["nurse"])  # her sign-in is not locked
    clock.advance(minutes=16)
    assert _sign_with_pin(ctx, ready, PIN).status == "signed"


def test_a_pin_hash_swapped_in_behind_the_app_is_refused(ctx, staff, ready):
    _allow_pins(ctx, staff)
    pins = SigningPinService(ctx)
    pins.set_own_pin(ready.nurse, STAFF_PASSWORDS["nurse"], PIN)
    with ctx.db.connect() as conn:
        first_hash = conn.execute(select(StaffPinRow.pin_hash)).scalar_one()
    pins.set_own_pin(ready.nurse, STAFF_PASSWORDS["nurse"], "135790")
    with ctx.db.write_engine.begin() as conn:  # the older hash (of a PIN someone knows) put back by hand
        conn.execute(update(StaffPinRow).values(pin_hash=first_hash))
    with pytest.raises(ValidationError):
        _sign_with_pin(ctx, ready, PIN)
    assert [d["reason"] for _, _, d in _audit(ctx, "witness_auth_failed")] == ["PIN hash differs from its audit trail"]


def test_an_admin_password_reset_removes_the_pin(ctx, staff):
    nurse, pins = staff["nurse"], SigningPinService(ctx)
    pins.set_own_pin(nurse, STAFF_PASSWORDS["nurse"], PIN)
    AccountService(ctx).reset_password(staff["admin"], nurse.user_id)
    assert [d["how"] for _, _, d in _audit(ctx, "pin_removed")] == ["password reset by an administrator"]
    with ctx.db.connect() as conn:
        assert conn.execute(select(StaffPinRow)).first() is None
    assert check_replay(ctx.db) == []
