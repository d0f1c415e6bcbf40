"""A staff member's own signing PIN (content release 1.1, item 14): when the admin allows it (setting
`witness_pin_allowed`, off by default), a staff witness may prove who they are on the signing screen with
their PIN instead of their password.

A PIN is at least 6 digits, not one digit repeated and not a run (123456, 987654); it is hashed with the
passwords' argon2 hasher and its fingerprint audited, like a password. Its failures are counted on its own
row with the sign-in rules (5 within 15 minutes lock it for 15 minutes) so guessing at a PIN never locks
the person out of signing in; setting it asks for the person's password and is audited; an admin's
password reset removes it (whoever had the account's password may have set it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from exoconsult.domain.content import STAFF_WITNESS_ROLES
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import Role
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.accounts.auth import (
    MAX_FAILURES,
    SignatureAuthentication,
    burn_verify_time,
    check_password,
    hash_fingerprint,
    hash_password,
    is_locked,
    record_failure,
)
from exoconsult.services.core.changes import Part
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.accounts import PIN_EVENTS, StaffPinRow, UserRepository, audited_password_fingerprint

MIN_PIN = 6
MAX_PIN = 12

PIN_REFUSED = QT_TRANSLATE_NOOP(
    "ServiceMessages", "The witness's PIN was not accepted (wrong, or the PIN is locked for 15 minutes after 5 "
    "failed attempts; the witness's password still works). Nothing was signed.")


@dataclass(frozen=True)
class PinStatus:
    """What "Signing PIN" shows the signed-in user."""

    may_have_pin: bool  # a staff role that witnesses consents
    has_pin: bool
    set_at: datetime | None
    locked_until: datetime | None
    clinic_allows: bool  # the admin's setting: PINs accepted from witnesses


def pin_reason(pin: object) -> Reason | None:
    """Why a new PIN is refused, or None."""
    if not isinstance(pin, str) or not pin.isascii() or not pin.isdigit():
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The PIN must be digits only."))
    if not MIN_PIN <= len(pin) <= MAX_PIN:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The PIN must be {low} to {high} digits long."),
                               low=MIN_PIN, high=MAX_PIN)
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if steps == {0}:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The PIN must not be one digit repeated."))
    if steps in ({1}, {-1}):
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                 "The PIN must not be a run of digits such as 123456 or 987654."))
    return None


def _verify_password(work: Work, password: str, action: str) -> None:
    """Setting or removing a PIN asks for the person's password: an unattended session cannot do it."""
    row = UserRepository(work.session).get(work.actor.user_id)
    if row is None or not check_password(row.password_hash, str(password or "")):
        work.audit(f"{action}_failed", "user", work.actor.user_id, detail={"reason": "wrong current password"})
        work.commit()
        raise ValidationError({"current_password": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The current password is wrong."))})


def remove_pin_in(work: Work, user_id: int, why: str) -> bool:
    """Remove a user's PIN inside the caller's unit of work (audited); False when there was none."""
    row = work.session.get(StaffPinRow, user_id)
    if row is None:
        return False
    work.session.delete(row)
    work.session.flush()
    work.audit("pin_removed", "user", user_id, detail={"how": why})
    return True


class SigningPinService:
    def __init__(self, ctx) -> None:
        self.ctx = ctx

    @use_case(Permission.OWN_ACCOUNT, write=False)
    def status(self, work: Work) -> PinStatus:
        row = work.session.get(StaffPinRow, work.actor.user_id)
        return PinStatus(may_have_pin=work.actor.role in STAFF_WITNESS_ROLES, has_pin=row is not None,
                         set_at=row.set_at if row else None, locked_until=row.locked_until if row else None,
                         clinic_allows=work.settings.witness_pin_allowed)

    @use_case(Permission.CONSENT_WITNESS)
    def set_own_pin(self, work: Work, current_password: str, new_pin: str) -> PinStatus:
        """Set or change the signed-in user's PIN (their password confirms it is them); audited with the new
        hash's fingerprint, never the PIN. Only those who witness (CONSENT_WITNESS) have one."""
        if (why := pin_reason(new_pin)):
            raise ValidationError({"new_pin": why})
        _verify_password(work, current_password, "pin_change")
        pin_hash, now, user_id = hash_password(new_pin), work.now(), work.actor.user_id
        row = work.session.get(StaffPinRow, user_id)
        changed = row is not None
        if row is None:
            row = StaffPinRow(user_id=user_id, pin_hash=pin_hash, set_at=now, failed_attempts=0)
            work.session.add(row)
        else:
            row.pin_hash, row.set_at = pin_hash, now
            row.failed_attempts, row.last_failed_at, row.locked_until = 0, None, None
        work.session.flush()
        work.audit("pin_set", "user", user_id, detail={"how": "changed by the user" if changed else "set by the user",
                                                       "hash_fingerprint": hash_fingerprint(pin_hash)})
        status = PinStatus(True, True, now, None, work.settings.witness_pin_allowed)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return status

    @use_case(Permission.CONSENT_WITNESS)
    def remove_own_pin(self, work: Work, current_password: str) -> PinStatus:
        _verify_password(work, current_password, "pin_change")
        remove_pin_in(work, work.actor.user_id, "removed by the user")
        status = PinStatus(True, False, None, None, work.settings.witness_pin_allowed)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return status


def witness_pin_in(work: Work, user_id: int, pin: str) -> SignatureAuthentication:
    """A staff witness's PIN at the moment of signing, inside the signing's unit of work (the caller has
    checked the account is an active witness). A refusal is counted on the PIN, audited against the witness's
    account and committed, then raised under "witness_pin"; nothing is signed."""
    if not work.settings.witness_pin_allowed:
        raise ValidationError({"witness_pin": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "This clinic does not accept PINs from witnesses: the witness types their password."))})
    user = UserRepository(work.session).get(user_id)
    assert user is not None  # the caller looked the witness up
    row = work.session.get(StaffPinRow, user_id)
    if row is None:
        burn_verify_time(pin)
        raise ValidationError({"witness_pin": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{name} has not set a signing PIN: the witness types their password instead."),
            name=user.display_name)})
    now = work.now()
    good = check_password(row.pin_hash, pin)
    recorded = audited_password_fingerprint(work.session, user_id, PIN_EVENTS)
    reason = ("locked" if is_locked(row, now) else "wrong PIN" if not good
              else "PIN hash differs from its audit trail" if recorded != hash_fingerprint(row.pin_hash) else None)
    if reason is not None:
        if reason == "wrong PIN" and record_failure(row, now, "failed_attempts"):
            work.session.flush()
            work.audit("pin_locked", "user", user_id, detail={"until": row.locked_until, "failures": MAX_FAILURES})
        work.audit("witness_auth_failed", "user", user_id,
                   detail={"attempted_username": user.username[:64], "reason": reason, "method": "pin"})
        work.commit()
        raise ValidationError({"witness_pin": service_message(PIN_REFUSED)})
    if row.failed_attempts or row.locked_until is not None or row.last_failed_at is not None:
        row.failed_attempts, row.locked_until, row.last_failed_at = 0, None, None
    work.audit("witness_auth", "user", user_id, detail={"session_user": work.actor.user_id, "method": "pin"})
    return SignatureAuthentication(user_id=user.id, username=user.username, display_name=user.display_name,
                                   title=user.title, registration_number=user.registration_number,
                                   role=Role(user.role), at=now, method="pin")
