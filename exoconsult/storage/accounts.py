"""Staff accounts and clinic settings rows, and the queries the account/settings services need.

Users are never deleted (a database trigger refuses it) so a user id is never reused and every audit
entry keeps pointing at the person who acted; SQLite AUTOINCREMENT stops a deleted top id coming back.
The username is unique on its Turkish-folded key, so "İsmail", "ISMAIL" and "ismail" are one name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.db import Database
from exoconsult.storage.orm import AUDIT_ADDED, Audited, AuditEntryRow, Base, SettingRow

# Audit events that set a password hash; each records the new hash's fingerprint in its detail.
PASSWORD_EVENTS = ("account_created", "password_changed", "password_reset", "password_rehashed")
# Audit events that set or remove a signing PIN; a set records the new hash's fingerprint in its detail.
PIN_EVENTS = ("pin_set", "pin_removed")


class UserRow(Audited, Base):
    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL
    __table_args__ = {"sqlite_autoincrement": True, "info": {AUDIT_ADDED: ("ui_language",)}}  # added by 0018
    __audit_entity__ = "user"
    # The hash never enters the audit: the audit is readable by admins and copied into exports.
    __audit_exclude__ = ("password_hash",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64))
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(40), default="")
    registration_number: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(default=True)
    password_hash: Mapped[str] = mapped_column(Text)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    # Kept in the database (not in memory) so a restart does not reset a lockout.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    ui_language: Mapped[str | None] = mapped_column(String(8))  # None: the clinic's working language
    created_at: Mapped[datetime]
    created_by: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]
    deactivated_at: Mapped[datetime | None]
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class StaffPinRow(Audited, Base):
    """A staff member's own signing PIN (witnessing a consent, when the clinic allows PINs), hashed like a
    password, with its own failure count and lockout so guessing a PIN never locks the person's sign-in."""

    __tablename__ = "staff_pin"
    __audit_entity__ = "staff_pin"
    __audit_exclude__ = ("pin_hash",)  # like the password hash: never in the audit admins read

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    pin_hash: Mapped[str] = mapped_column(Text)
    set_at: Mapped[datetime]
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


@dataclass(frozen=True)
class AccountStanding:
    """What the per-call actor check needs to know about an account."""

    active: bool
    role: str
    must_change_password: bool


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, user_id: int) -> UserRow | None:
        return self._s.get(UserRow, user_id)

    def by_key(self, username_key: str) -> UserRow | None:
        return self._s.scalar(select(UserRow).where(UserRow.username_key == username_key))

    def add(self, row: UserRow) -> UserRow:
        self._s.add(row)
        self._s.flush()
        return row

    def list(self, *, include_inactive: bool = True) -> Sequence[UserRow]:
        stmt = select(UserRow)
        if not include_inactive:
            stmt = stmt.where(UserRow.active.is_(True))
        return self._s.scalars(stmt.order_by(UserRow.username_key)).all()

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(UserRow)) or 0

    def count_active_admins(self) -> int:
        stmt = select(func.count()).select_from(UserRow).where(UserRow.active.is_(True), UserRow.role == "admin")
        return self._s.scalar(stmt) or 0


def audited_password_fingerprint(session: Session, user_id: int, events: Sequence[str] = PASSWORD_EVENTS
                                 ) -> str | None:
    """The hash fingerprint recorded by the newest password event (or PIN event) of this user (None: none
    recorded). The hash itself is kept out of the audit, so this reveals a hash swapped in behind the app."""
    detail = session.scalar(
        select(AuditEntryRow.detail)
        .where(AuditEntryRow.entity == "user", AuditEntryRow.entity_id == str(user_id),
               AuditEntryRow.action.in_(events))
        .order_by(AuditEntryRow.seq.desc()).limit(1))
    if not detail:
        return None
    value = json.loads(detail).get("hash_fingerprint")
    return value if isinstance(value, str) else None


def account_standing(db: Database, user_id: int) -> AccountStanding | None:
    """One primary-key lookup outside any unit of work (sign-in screens, the few calls not yet in one)."""
    with db.connect() as conn:
        row = conn.execute(_standing_query(user_id)).first()
    return None if row is None else AccountStanding(bool(row[0]), str(row[1]), bool(row[2]))


def standing_in(session: Session, user_id: int) -> AccountStanding | None:
    """The same lookup inside the use case's own transaction (deactivation takes effect at once)."""
    row = session.execute(_standing_query(user_id)).first()
    return None if row is None else AccountStanding(bool(row[0]), str(row[1]), bool(row[2]))


def _standing_query(user_id: int):
    return select(UserRow.active, UserRow.role, UserRow.must_change_password).where(UserRow.id == user_id)


class SettingRepository:
    """Clinic settings: one row per key, the value as JSON text (audited like any clinical row)."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def all(self) -> dict[str, str]:
        return {k: v for k, v in self._s.execute(select(SettingRow.key, SettingRow.value))}

    def put(self, key: str, value: str) -> None:
        row = self._s.get(SettingRow, key)
        if row is None:
            self._s.add(SettingRow(key=key, value=value))
        elif row.value != value:
            row.value = value
        self._s.flush()


def read_settings(db: Database) -> dict[str, str]:
    """Settings without a unit of work (start-up, login screen): a plain read."""
    with db.connect() as conn:
        return {k: v for k, v in conn.execute(select(SettingRow.key, SettingRow.value))}
