"""Typed mappings. Clinical tables subclass `Audited`: every insert/update/delete of them is written to
the hash-chained audit table in the same transaction by the flush hooks in storage/audit.py."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import DateTime, TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Accept only aware datetimes; store naive UTC; return aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime reached storage")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime, date: Date, bool: Boolean}


class Audited:
    """Marker: rows of this table are clinical/account data whose every change is audited.
    `__audit_entity__` names the entity in audit entries; `__audit_exclude__` lists derived columns."""

    __audit_entity__: str = ""
    __audit_exclude__: tuple[str, ...] = ()


# Table.info key naming the nullable columns added to an audited table after its first rows were audited
# (`__table_args__ = {"info": {AUDIT_ADDED: ("column",)}}`). While such a column is NULL it is left out of
# every snapshot — the audit's and the replay's alike — so rows audited before the column existed replay
# unchanged, and a value set later (by the app, audited; or outside it) is compared like any other column.
AUDIT_ADDED = "audit_added"


def without_unset_added(snapshot: dict[str, Any], table) -> dict[str, Any]:
    added = table.info.get(AUDIT_ADDED, ())
    return {k: v for k, v in snapshot.items() if not (k in added and v is None)}


class PatientRow(Audited, Base):
    __tablename__ = "patient"
    __audit_entity__ = "patient"
    __audit_exclude__ = ("search_name",)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mrn: Mapped[str] = mapped_column(String(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    sex: Mapped[str] = mapped_column(String(8))
    national_id: Mapped[str] = mapped_column(String(11), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    preferred_language: Mapped[str] = mapped_column(String(35), default="tr")
    needs_interpreter: Mapped[bool] = mapped_column(default=False)
    # Folded "family given" (domain.text.fold) for ordering and display-independent sorting.
    search_name: Mapped[str] = mapped_column(String(210), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime] = mapped_column(index=True)  # Today: the most recently active (0022)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class PatientTokenRow(Base):
    """Folded search tokens (name words, MRN, national id, birth date) for indexed prefix search.
    Derived from the patient row, rebuilt on every patient save; not audited on its own."""

    __tablename__ = "patient_token"
    # (token, sort_key, patient_id): a prefix range scan yields matches already ordered for display.
    __table_args__ = (Index("ix_patient_token_token_sort", "token", "sort_key", "patient_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(String(120))
    sort_key: Mapped[str] = mapped_column(String(210))  # copy of patient.search_name


class AuditEntryRow(Base):
    """Append-only (database triggers refuse UPDATE and DELETE). Each entry's hash covers the previous one."""

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO-8601 UTC with microseconds, exactly as hashed
    actor_id: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    workstation: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)


class AuditHeadRow(Base):
    """Single row anchoring the chain's newest entry, so a cut-off tail is noticed."""

    __tablename__ = "audit_head"
    __table_args__ = (UniqueConstraint("id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class SettingRow(Audited, Base):
    """Clinic-wide settings as JSON values (idle lock minutes, reflection days, clinic profile...)."""

    __tablename__ = "setting"
    __audit_entity__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
