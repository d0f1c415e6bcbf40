"""Sign-in, sign-out, unlock and signature re-authentication.

NIST SP 800-63B shapes this: an unknown username and a wrong password give the same message and take
about the same time (a dummy argon2 verify); 5 consecutive failures within 15 minutes lock the account
for 15 minutes (kept in the database, so a restart does not reset it); every attempt is audited without
the password. An account whose password was reset by an admin gets no session until the user chooses a
new password (`change_password_at_login`), so a temporary password can never sign anything.

A deactivated account, a changed role or an admin password reset ends the open session at its next
service call: every use case confirms the account in its own unit of work (core.work.confirm_account).
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from exoconsult.domain.errors import ExoError, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR, Actor, Role
from exoconsult.domain.text import fold
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core import seal_key
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, requires, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.accounts import (
    UserRepository,
    UserRow,
    audited_password_fingerprint,
)

_log = logging.getLogger("exoconsult.auth")  # account ids and reasons only: never a typed username

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD = 12
MAX_PASSWORD = 128

_HASHER = PasswordHasher()  # argon2id, RFC 9106 low-memory profile (t=3, m=64 MiB, p=4)
_dummy_hash: str | None = None

LOGIN_FAILED = QT_TRANSLATE_NOOP("ServiceMessages", "Sign-in failed: the username or password is wrong, or the "
                                 "account is locked for {minutes} minutes after {failures} failed attempts.")
_LOCK_FACTS = {"minutes": int(LOCK_DURATION.total_seconds() // 60), "failures": MAX_FAILURES}
LOGIN_FAILED_MESSAGE = LOGIN_FAILED.format(**_LOCK_FACTS)


class LoginFailed(ExoError):
    """One message for every reason (unknown user, wrong password, locked, deactivated)."""

    def __init__(self) -> None:
        super().__init__(why=service_message(LOGIN_FAILED, **_LOCK_FACTS))


class PasswordChangeRequired(ExoError):
    """The password is right but was set by an admin: the user must choose a new one before working."""

    def __init__(self, username: str) -> None:
        self.username = username
        super().__init__(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Your password was set by an administrator. Choose a new password to continue.")))


@dataclass(frozen=True)
class SignatureAuthentication:
    """Proof that `user_id` typed their password at `at` (21 CFR 11.200: user id + password at signing), or,
    for a staff witness where the clinic allows it, their own signing PIN (`method` "pin")."""

    user_id: int
    username: str
    display_name: str
    title: str
    registration_number: str
    role: Role
    at: datetime
    method: str = "password"  # password | pin


def normalise_password(password: str) -> str:
    if not isinstance(password, str):
        raise ValidationError({"password": service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                                           "The password must be text."))})
    return unicodedata.normalize("NFKC", password)


def hash_password(password: str) -> str:
    return _HASHER.hash(normalise_password(password))


def password_problem(password: str, *, username: str = "", display_name: str = "") -> str | None:
    """Why a new password is refused, or None, as a phrase completing "The password …" (English)."""
    fault = _password_fault(password, username, display_name)
    return None if fault is None else fault[0].format(label="", **fault[1]).strip().removesuffix(".")


def password_reason(password: str, *, username: str = "", display_name: str = "",
                    label: str = QT_TRANSLATE_NOOP("ServiceMessages", "The password")) -> Reason | None:
    """The same as a sentence about `label` (marked in "ServiceMessages") a screen shows in its language."""
    fault = _password_fault(password, username, display_name)
    return None if fault is None else service_message(fault[0], terms={"label": label}, **fault[1])


def _password_fault(password: str, username: str, display_name: str) -> tuple[str, dict] | None:
    """Length, then guessability (NIST: no composition rules)."""
    if not isinstance(password, str):
        return QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be text."), {}
    pw = normalise_password(password)
    if len(pw) < MIN_PASSWORD:
        return QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be at least {count} characters."), {
            "count": MIN_PASSWORD}
    if len(pw) > MAX_PASSWORD:
        return QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be at most {count} characters."), {
            "count": MAX_PASSWORD}
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in pw):
        return QT_TRANSLATE_NOOP("ServiceMessages", "{label} must not contain control characters."), {}
    folded = fold(pw)
    for other in (username, display_name):
        if other and folded in (fold(other), fold(other).replace(" ", "")):
            return QT_TRANSLATE_NOOP("ServiceMessages", "{label} must not be the username or the display name."), {}
    from exoconsult.services.accounts.password_strength import (
        strength_fault,  # common passwords, zxcvbn estimate
    )

    return strength_fault(pw, username=username, display_name=display_name)


def hash_fingerprint(password_hash: str) -> str:
    """Recorded in the audit whenever a hash is set. It cannot be used to test guesses (the salt and the
    hash stay in the user table) but shows when a hash was replaced outside the app."""
    return hashlib.sha256(password_hash.encode("ascii")).hexdigest()[:32]


def check_password(stored_hash: str, password: str) -> bool:
    if not isinstance(password, str) or not isinstance(stored_hash, str):
        return False
    try:
        return _HASHER.verify(stored_hash, normalise_password(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def burn_verify_time(password: str) -> None:
    """Spend what a real verify costs, so an unknown username is not told apart by timing."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _HASHER.hash("exoconsult-dummy-password-for-timing")
    check_password(_dummy_hash, password)


@dataclass(frozen=True)
class _Account:
    """A detached copy of the fields sign-in needs (ORM rows do not leave their unit of work)."""

    id: int
    username: str
    display_name: str
    role: str
    title: str
    registration_number: str
    password_hash: str
    must_change_password: bool
    ui_language: str

    @classmethod
    def of(cls, row: UserRow) -> _Account:
        return cls(row.id, row.username, row.display_name, row.role, row.title, row.registration_number,
                   row.password_hash, row.must_change_password, row.ui_language or "")

    def actor(self) -> Actor:
        return Actor(user_id=self.id, username=self.username, display_name=self.display_name, role=Role(self.role),
                     ui_language=self.ui_language)


def is_locked(row, now: datetime) -> bool:
    return row.locked_until is not None and row.locked_until > now


def record_failure(row, now: datetime, counter: str = "failed_logins") -> bool:
    """Count one failure on a row with `counter`, `last_failed_at` and `locked_until` (an account, a signing
    PIN); returns True when this failure locks it (MAX_FAILURES within FAILURE_WINDOW: LOCK_DURATION)."""
    if row.last_failed_at is None or now - row.last_failed_at > FAILURE_WINDOW:
        setattr(row, counter, 0)
    setattr(row, counter, getattr(row, counter) + 1)
    row.last_failed_at = now
    if getattr(row, counter) >= MAX_FAILURES:
        row.locked_until = now + LOCK_DURATION
        setattr(row, counter, 0)
        return True
    return False


def username_key(username: str) -> str:
    return fold(username.strip())


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- sign-in (no actor yet, so these are not permission-checked entry points) ------------------

    def _lookup(self, username: str) -> _Account | None:
        with self.ctx.uow(SYSTEM_ACTOR, write=False) as uow:
            row = UserRepository(uow.session).by_key(username_key(username))
            return None if row is None else _Account.of(row)

    def _verify_and_record(self, username: str, password: str, *, purpose: str,
                           expected_user_id: int | None = None) -> _Account:
        """Verify a password for `username`, counting failures; raise LoginFailed on any failure.
        The argon2 verify runs outside the write transaction so it never holds the database lock."""
        found = self._lookup(username) if username else None
        if found is None or (expected_user_id is not None and found.id != expected_user_id):
            burn_verify_time(password)
            with self.ctx.uow(SYSTEM_ACTOR) as uow:
                uow.audit(f"{purpose}_failed", "user", found.id if found else "",
                          detail={"attempted_username": username[:64], "reason": "unknown user"})
                uow.commit()
            _log.info("%s refused: unknown user", purpose)
            raise LoginFailed()
        good = check_password(found.password_hash, password)
        with self.ctx.uow(SYSTEM_ACTOR) as uow:
            row = UserRepository(uow.session).get(found.id)
            assert row is not None  # users are never deleted
            now = uow.now()
            recorded = audited_password_fingerprint(uow.session, row.id)
            reason = ("deactivated" if not row.active else "locked" if is_locked(row, now)
                      else "wrong password" if not good
                      else "password hash differs from its audit trail"
                      if recorded is not None and recorded != hash_fingerprint(row.password_hash) else None)
            if reason is None:
                return _Account.of(row)
            if reason == "wrong password" and record_failure(row, now):
                uow.session.flush()
                uow.audit("account_locked", "user", row.id,
                          detail={"until": row.locked_until, "failures": MAX_FAILURES, "during": purpose})
            uow.audit(f"{purpose}_failed", "user", row.id,
                      detail={"attempted_username": username[:64], "reason": reason})
            uow.commit()
        _log.info("%s refused for account %s: %s", purpose, found.id, reason)
        raise LoginFailed()

    def _record_success(self, actor: Actor, user_id: int, password: str, action: str, *, detail=None,
                        login: bool = False, new_password_hash: str | None = None) -> _Account:
        """Clear the failure counter, upgrade an outdated hash, audit `action` as `actor`."""
        with self.ctx.uow(actor) as uow:
            row = UserRepository(uow.session).get(user_id)
            assert row is not None
            now = uow.now()
            if row.failed_logins or row.locked_until is not None or row.last_failed_at is not None:
                row.failed_logins, row.locked_until, row.last_failed_at = 0, None, None
            rehashed = False
            if new_password_hash is not None:
                row.password_hash, row.must_change_password, row.updated_at = new_password_hash, False, now
            elif _HASHER.check_needs_rehash(row.password_hash):
                row.password_hash, rehashed = hash_password(password), True
            if login and not row.must_change_password:
                row.last_login_at = now
            account = _Account.of(row)
            if new_password_hash is not None:
                uow.audit("password_changed", "user", user_id, detail={
                    "how": "at sign-in after an admin reset", "hash_fingerprint": hash_fingerprint(new_password_hash)})
            if rehashed:
                uow.audit("password_rehashed", "user", user_id,
                          detail={"hash_fingerprint": hash_fingerprint(row.password_hash)})
            uow.audit(action, "user", user_id, detail=detail)
            uow.commit()
        _log.info("%s: account %s (%s)", "sign-in" if action == "login" else action, user_id, actor.role)
        return account

    def login(self, username: str, password: str) -> Actor:
        """Sign in. Raises LoginFailed (one message for every reason) or PasswordChangeRequired."""
        found = self._verify_and_record(username, password, purpose="login")
        actor = found.actor()
        if found.must_change_password:
            self._record_success(actor, found.id, password, "login_password_change_required")
            raise PasswordChangeRequired(found.username)
        self._record_success(actor, found.id, password, "login", login=True)
        seal_key.unlock_at_sign_in(self.ctx.db, found.id, password)
        return actor

    def change_password_at_login(self, username: str, old_password: str, new_password: str) -> Actor:
        """Finish a sign-in that PasswordChangeRequired interrupted: set the user's own password, sign in."""
        found = self._verify_and_record(username, old_password, purpose="login")
        new = QT_TRANSLATE_NOOP("ServiceMessages", "The new password")
        problem = password_reason(new_password, username=found.username, display_name=found.display_name, label=new)
        if problem is None and normalise_password(new_password) == normalise_password(old_password):
            problem = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must differ from the current "
                                                        "password."), terms={"label": new})
        if problem:
            raise ValidationError({"new_password": problem})
        actor = found.actor()
        self._record_success(actor, found.id, old_password, "login", login=True,
                             new_password_hash=hash_password(new_password))
        with self.ctx.uow(actor) as uow:  # the slot follows the new password (a transaction of its own, as above)
            seal_key.relock_slot(uow, self.ctx.db, found.id, old_password, new_password)
            uow.commit()
        return actor

    # -- signed-in actions ---------------------------------------------------------------------

    @use_case(Permission.OWN_ACCOUNT)
    def logout(self, work: Work, *, reason: str = "logout") -> None:
        """`reason`: "logout" or "switch_user" (the GUI keeps the unsaved draft for its owner)."""
        actor, uow = work.actor, work.uow
        uow.audit("logout", "user", actor.user_id, detail={"reason": reason[:40]})
        work.commit()
        seal_key.forget(actor.user_id)
        _log.info("sign-out: account %s (%s)", actor.user_id, reason[:40])

    @requires(Permission.OWN_ACCOUNT)
    def verify_password_for_unlock(self, actor: Actor, password: str) -> None:
        """Unlock the idle-locked window: only the same user's password (failures count towards lockout)."""
        self._verify_and_record(actor.username, password, purpose="unlock", expected_user_id=actor.user_id)
        self._record_success(actor, actor.user_id, password, "unlock")
        seal_key.unlock_at_sign_in(self.ctx.db, actor.user_id, password)

    @use_case(Permission.OWN_ACCOUNT)
    def reauthenticate(self, work: Work, user_id: int, password: str) -> SignatureAuthentication:
        """User id + password at the moment of signing. `user_id` may differ from the session's user
        (a witness signing at the clinician's workstation); the caller checks the signer's role."""
        signer = reauthenticate_in(work, user_id, password)
        work.commit()
        return signer


def reauthenticate_in(work: Work, user_id: int, password: str, *, purpose: str = "signature_auth"
                      ) -> SignatureAuthentication:
    """User id + password at the moment of signing, inside the signing's own unit of work. A failure is
    counted and audited, committed, and raised as LoginFailed (the signing ends there); a success is
    audited with the rest of the signing. The argon2 verify runs inside the transaction: a signing holds
    the write lock a few tenths of a second, which one clinic's workstations never notice."""
    row = UserRepository(work.session).get(user_id) if isinstance(user_id, int) else None
    if row is None:
        burn_verify_time(password)
        work.audit(f"{purpose}_failed", "user", "", detail={"attempted_username": "", "reason": "unknown user"})
        work.commit()
        raise LoginFailed()
    good = check_password(row.password_hash, password)
    now = work.now()
    recorded = audited_password_fingerprint(work.session, row.id)
    reason = ("deactivated" if not row.active else "locked" if is_locked(row, now)
              else "wrong password" if not good
              else "password hash differs from its audit trail"
              if recorded is not None and recorded != hash_fingerprint(row.password_hash) else None)
    if reason is not None:
        if reason == "wrong password" and record_failure(row, now):
            work.session.flush()
            work.audit("account_locked", "user", row.id,
                       detail={"until": row.locked_until, "failures": MAX_FAILURES, "during": purpose})
        work.audit(f"{purpose}_failed", "user", row.id, detail={"attempted_username": row.username[:64], "reason": reason})
        work.commit()
        raise LoginFailed()
    if row.must_change_password:
        raise PasswordChangeRequired(row.username)
    if row.failed_logins or row.locked_until is not None or row.last_failed_at is not None:
        row.failed_logins, row.locked_until, row.last_failed_at = 0, None, None
    work.audit(purpose, "user", row.id, detail={"session_user": work.actor.user_id, "method": "password"})
    seal_key.unlock_at_sign_in(work.ctx.db, row.id, password, work.session)  # the signer's key to seal
    return SignatureAuthentication(user_id=row.id, username=row.username, display_name=row.display_name,
                                   title=row.title, registration_number=row.registration_number,
                                   role=Role(row.role), at=now)
