"""Staff accounts: admins create, edit, deactivate and reactivate users and reset passwords; every
user changes their own password. Users are never deleted and a username (Turkish-folded) is never
given to a second person (21 CFR 11.100, 11.300). Every change is audited by the flush hooks plus an
explicit event entry naming what happened."""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from exoconsult.domain.errors import Conflict, NotFound, ValidationError
from exoconsult.domain.people import Role
from exoconsult.domain.text import clean_name, fold, name_problem, name_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.accounts.auth import (
    check_password,
    hash_fingerprint,
    hash_password,
    normalise_password,
    password_reason,
    username_key,
)
from exoconsult.services.accounts.signing_pin import remove_pin_in
from exoconsult.services.core import seal_key
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.accounts import UserRepository, UserRow
from exoconsult.storage.uow import UnitOfWork

_USERNAME = re.compile(r"^[^\W_][\w.\-]{1,63}$")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}\Z")  # ISO 639 codes, as forms/languages.yaml and the .qm files name them
_REGISTRATION = re.compile(r"^[\w./\- ]{1,40}$")
CLINICAL_ROLES = (Role.UROLOGIST, Role.NURSE)
TEMPORARY_PASSWORD_BYTES = 12  # 16 URL-safe characters


@dataclass(frozen=True)
class UserFields:
    """What an admin types for an account. Title and registration number print under signatures."""

    username: str
    display_name: str
    role: Role
    title: str = ""
    registration_number: str = ""


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: Role
    title: str
    registration_number: str
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime
    deactivated_at: datetime | None
    row_version: int

    @property
    def signature_name(self) -> str:
        """Name as printed under a signature, e.g. "Dr. Deniz Uro"."""
        return f"{self.title} {self.display_name}".strip()


def to_user_dto(row: UserRow) -> UserDTO:
    return UserDTO(id=row.id, username=row.username, display_name=row.display_name, role=Role(row.role),
                   title=row.title, registration_number=row.registration_number, active=row.active,
                   must_change_password=row.must_change_password, locked_until=row.locked_until,
                   last_login_at=row.last_login_at, created_at=row.created_at,
                   deactivated_at=row.deactivated_at, row_version=row.row_version)


def validate_user_fields(fields: UserFields) -> UserFields:
    """Return cleaned fields or raise ValidationError naming every bad field."""
    problems: dict[str, Reason] = {}
    username = unicodedata.normalize("NFC", str(fields.username or "")).strip()
    if not _USERNAME.match(username):
        problems["username"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Username must be 2 to 64 characters: letters, digits, '.', '-' or '_', starting "
            "with a letter or digit."))
    display = clean_name(str(fields.display_name or ""))
    why = name_reason(display)
    if why:
        problems["display_name"] = why
    try:
        role = Role(fields.role)
    except ValueError:
        role = Role.NURSE
        problems["role"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Role must be admin, urologist or nurse."))
    title = clean_name(str(fields.title or ""))
    if len(title) > 40 or (title and name_problem(title)):
        problems["title"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Title may hold letters, spaces and '.' (at most 40 characters)."))
    registration = " ".join(str(fields.registration_number or "").split())
    if registration and not _REGISTRATION.match(registration):
        problems["registration_number"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Registration number may hold letters, digits, '.', '/', '-' (at most 40)."))
    if role == Role.ADMIN and (title or registration):
        problems["role"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Title and registration number are for clinicians (urologist, nurse), not admins."))
    if problems:
        raise ValidationError(problems)
    return UserFields(username=username, display_name=display, role=role, title=title,
                      registration_number=registration)


def _check_new_password(password: str, fields: UserFields, key: str = "password") -> None:
    problem = password_reason(password, username=fields.username, display_name=fields.display_name)
    if problem:
        raise ValidationError({key: problem})


def _seal_key_for(ctx, role: Role, clinic_passphrase: str | None) -> bytes | None:
    """The seal key's data key, for an account of `role` to get a slot (None: no slot is needed, because
    the role never seals or the clinic's key predates encryption). ValidationError without the passphrase."""
    if role not in seal_key.SEALING_ROLES or not seal_key.is_encrypted(ctx.db):
        return None
    if not clinic_passphrase:
        raise ValidationError({"clinic_passphrase": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Give the clinic passphrase: it lets this account seal consents and notes."))})
    try:
        return seal_key.open_with_passphrase(ctx.db, clinic_passphrase)
    except ValidationError:
        raise ValidationError({"clinic_passphrase": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The clinic passphrase is not right."))}) from None


def insert_user(uow: UnitOfWork, fields: UserFields, password_hash: str, *, must_change_password: bool) -> UserRow:
    """Add an account inside an open unit of work (also used by first-run setup)."""
    repo = UserRepository(uow.session)
    key = username_key(fields.username)
    if repo.by_key(key) is not None:
        raise ValidationError({"username": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The username {username} is taken (usernames are never reused, even after "
            "deactivation)."), username=repr(fields.username))})
    now = uow.now()
    row = repo.add(UserRow(
        username=fields.username, username_key=key, display_name=fields.display_name, role=str(fields.role),
        title=fields.title, registration_number=fields.registration_number, active=True,
        password_hash=password_hash, must_change_password=must_change_password, failed_logins=0,
        created_at=now, created_by=uow.actor.user_id, updated_at=now))
    uow.audit("account_created", "user", row.id, detail={"role": str(fields.role),
                                                        "must_change_password": must_change_password,
                                                        "hash_fingerprint": hash_fingerprint(password_hash)})
    return row


class AccountService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _get(self, uow: UnitOfWork, user_id: int) -> UserRow:
        row = UserRepository(uow.session).get(user_id) if isinstance(user_id, int) else None
        if row is None:
            raise NotFound(f"user {user_id} does not exist")
        return row

    @use_case(Permission.ACCOUNTS_MANAGE, write=False)
    def list_users(self, work: Work, *, include_inactive: bool = True) -> list[UserDTO]:
        uow = work.uow
        return [to_user_dto(r) for r in UserRepository(uow.session).list(include_inactive=include_inactive)]

    @use_case(Permission.ACCOUNTS_MANAGE, write=False)
    def get_user(self, work: Work, user_id: int) -> UserDTO:
        uow = work.uow
        return to_user_dto(self._get(uow, user_id))

    @use_case(Permission.ACCOUNTS_MANAGE)
    def create_user(self, work: Work, fields: UserFields, initial_password: str, *,
                    must_change_password: bool = True, clinic_passphrase: str | None = None) -> UserDTO:
        """The admin chooses a first password; by default the user must replace it at first sign-in,
        so the admin never knows the password that signs (P11-200b). An account that seals gets its slot of
        the clinic's seal key under that first password, opened with the clinic passphrase."""
        uow = work.uow
        clean = validate_user_fields(fields)
        _check_new_password(initial_password, clean)
        data_key = _seal_key_for(self.ctx, clean.role, clinic_passphrase)
        password_hash = hash_password(initial_password)
        row = insert_user(uow, clean, password_hash, must_change_password=must_change_password)
        dto = to_user_dto(row)
        if data_key is not None:
            seal_key.put_slot(work, data_key, dto.id, initial_password)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return dto

    @use_case(Permission.ACCOUNTS_MANAGE)
    def edit_user(self, work: Work, user_id: int, fields: UserFields, expected_version: int) -> UserDTO:
        """Change display name, role, title, registration number. The username itself never changes."""
        uow = work.uow
        row = self._get(uow, user_id)
        if fold(str(fields.username or "").strip()) != row.username_key:
            raise ValidationError({"username": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "A username cannot be changed; create a new account instead."))})
        clean = validate_user_fields(fields)
        if row.row_version != expected_version:
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This account was changed by someone else since you opened it. Reopen it.")))
        if row.role == Role.ADMIN and clean.role != Role.ADMIN and row.active:
            self._keep_one_admin(uow)
        row.display_name, row.role = clean.display_name, str(clean.role)
        row.title, row.registration_number = clean.title, clean.registration_number
        if uow.session.is_modified(row):
            row.updated_at = uow.now()
            uow.session.flush()
            uow.audit("account_edited", "user", row.id)
        dto = to_user_dto(row)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return dto

    def _keep_one_admin(self, uow: UnitOfWork) -> None:
        if UserRepository(uow.session).count_active_admins() <= 1:
            raise ValidationError({"role": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This is the last active admin account; create another admin first."))})

    @use_case(Permission.ACCOUNTS_MANAGE)
    def deactivate(self, work: Work, user_id: int, reason: str) -> UserDTO:
        """Takes effect at once: the user's open session fails at its next service call."""
        actor, uow = work.actor, work.uow
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise ValidationError({"reason": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Give a reason for deactivating the account."))})
        row = self._get(uow, user_id)
        if row.id == actor.user_id:
            raise ValidationError({"user": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "You cannot deactivate your own account."))})
        if not row.active:
            return to_user_dto(row)
        if row.role == Role.ADMIN:
            self._keep_one_admin(uow)
        row.active, row.deactivated_at, row.updated_at = False, uow.now(), uow.now()
        uow.session.flush()
        uow.audit("account_deactivated", "user", row.id, detail={"reason": reason[:500]})
        dto = to_user_dto(row)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return dto

    @use_case(Permission.ACCOUNTS_MANAGE)
    def reactivate(self, work: Work, user_id: int, reason: str) -> UserDTO:
        uow = work.uow
        reason = " ".join(str(reason or "").split())
        if not reason:
            raise ValidationError({"reason": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Give a reason for reactivating the account."))})
        row = self._get(uow, user_id)
        if row.active:
            return to_user_dto(row)
        row.active, row.deactivated_at, row.updated_at = True, None, uow.now()
        uow.session.flush()
        uow.audit("account_reactivated", "user", row.id, detail={"reason": reason[:500]})
        dto = to_user_dto(row)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return dto

    @use_case(Permission.ACCOUNTS_MANAGE)
    def unlock(self, work: Work, user_id: int) -> UserDTO:
        """End a lockout early (audited)."""
        uow = work.uow
        row = self._get(uow, user_id)
        if row.locked_until is not None or row.failed_logins:
            row.locked_until, row.failed_logins, row.last_failed_at = None, 0, None
            uow.session.flush()
            uow.audit("account_unlocked", "user", row.id)
        dto = to_user_dto(row)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return dto

    @use_case(Permission.ACCOUNTS_MANAGE)
    def reset_password(self, work: Work, user_id: int, clinic_passphrase: str | None = None) -> str:
        """Issue a one-time temporary password (returned once, shown to the admin to hand over). The user
        must choose a new one at next sign-in; until then the account has no session and cannot sign. An
        account that seals gets a new slot of the seal key under the temporary password (clinic passphrase)."""
        actor, uow = work.actor, work.uow
        temporary = secrets.token_urlsafe(TEMPORARY_PASSWORD_BYTES)
        password_hash = hash_password(temporary)
        row = self._get(uow, user_id)
        if row.id == actor.user_id:
            raise ValidationError({"user": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Change your own password with 'Change password', not a reset."))})
        data_key = _seal_key_for(self.ctx, Role(row.role), clinic_passphrase)
        row.password_hash, row.must_change_password, row.updated_at = password_hash, True, uow.now()
        row.locked_until, row.failed_logins, row.last_failed_at = None, 0, None
        uow.session.flush()
        uow.audit("password_reset", "user", row.id, detail={"hash_fingerprint": hash_fingerprint(password_hash)})
        remove_pin_in(work, row.id, "password reset by an administrator")  # whoever knew the password may have set it
        if data_key is not None:
            seal_key.put_slot(work, data_key, user_id, temporary)
        work.changed(Part.ACCOUNTS)
        work.commit()
        return temporary

    @use_case(Permission.OWN_ACCOUNT, write=False)
    def my_account(self, work: Work) -> UserDTO:
        actor, uow = work.actor, work.uow
        return to_user_dto(self._get(uow, actor.user_id))

    @use_case(Permission.OWN_ACCOUNT)
    def set_own_screen_language(self, work: Work, code: str) -> None:
        """The screen language of the signed-in account ("" = the clinic's working language), used from its
        next sign-in on every workstation. The GUI offers only languages with a built translation; one whose
        translation is missing on a workstation falls back to the clinic's language there."""
        code = str(code or "").strip()
        if code and not _LANGUAGE_CODE.match(code):
            raise ValidationError({"ui_language": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Choose a screen language from the list."))})
        row = self._get(work.uow, work.actor.user_id)
        if (row.ui_language or "") == code:
            return
        row.ui_language, row.updated_at = code or None, work.uow.now()  # audited as an update of the account
        work.changed(Part.ACCOUNTS)
        work.commit()

    @use_case(Permission.OWN_ACCOUNT)
    def change_own_password(self, work: Work, old_password: str, new_password: str) -> None:
        actor, uow = work.actor, work.uow
        row = self._get(uow, actor.user_id)
        stored, fields = row.password_hash, UserFields(row.username, row.display_name, Role(row.role))
        if not check_password(stored, str(old_password or "")):
            uow.audit("password_change_failed", "user", actor.user_id, detail={"reason": "wrong current password"})
            work.changed(Part.ACCOUNTS)
            work.commit()
            raise ValidationError({"old_password": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The current password is wrong."))})
        _check_new_password(new_password, fields, "new_password")
        if normalise_password(new_password) == normalise_password(old_password):
            raise ValidationError({"new_password": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The new password must differ from the current one."))})
        password_hash = hash_password(new_password)
        row = self._get(uow, actor.user_id)
        row.password_hash, row.updated_at = password_hash, uow.now()
        uow.session.flush()
        uow.audit("password_changed", "user", row.id,
                  detail={"how": "by the user", "hash_fingerprint": hash_fingerprint(password_hash)})
        seal_key.relock_slot(work, self.ctx.db, actor.user_id, old_password, new_password)
        work.changed(Part.ACCOUNTS)
        work.commit()
