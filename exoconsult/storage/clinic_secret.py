"""Clinic secrets kept in the database (not in the audit: an audited row would copy the value into the
audit trail). Today one: the key of the research pseudonyms (HMAC-SHA-256). It lives in the database so
every workstation of a clinic (PostgreSQL) makes the same pseudonyms and every backup of the database
carries it; it never leaves the clinic in an export. Its creation is audited by the caller, by key id."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Base

PSEUDONYM_KEY = "research_pseudonym_key"


class ClinicSecretRow(Base):
    __tablename__ = "clinic_secret"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))  # hex
    created_at: Mapped[datetime]


def key_id(secret: bytes) -> str:
    """A short one-way name for a key (safe to print): two exports with the same key id share pseudonyms."""
    return hashlib.sha256(b"exoconsult key id\0" + secret).hexdigest()[:12]


def read_secret(session: Session, name: str) -> bytes | None:
    value = session.scalar(select(ClinicSecretRow.value).where(ClinicSecretRow.name == name))
    return bytes.fromhex(value) if value else None


def create_secret(session: Session, name: str, now: datetime) -> bytes:
    """A new random 256-bit secret (the caller holds the write transaction and audits it)."""
    secret = secrets.token_bytes(32)
    session.add(ClinicSecretRow(name=name, value=secret.hex(), created_at=now))
    session.flush()
    return secret
