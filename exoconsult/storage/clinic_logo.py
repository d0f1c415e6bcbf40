"""The clinic's logo images, kept in the database so that every workstation of a clinic prints the same
letterhead (branding/ in a data folder is that workstation's copy). Keyed by their SHA-256 and written once;
not audited: the audited setting `logo_sha256` says which one is in use, and its bytes are checked
against it wherever they are read."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Base


class ClinicLogoRow(Base):
    __tablename__ = "clinic_logo"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime]


def keep_logo(session: Session, data: bytes, now: datetime) -> str:
    """Store `data` (once per content) in the caller's transaction; returns its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(ClinicLogoRow, digest) is None:
        session.add(ClinicLogoRow(sha256=digest, data=data, stored_at=now))
        session.flush()
    return digest


def logo_bytes(session: Session, sha256: str) -> bytes | None:
    """The logo with this SHA-256, or None when the database does not hold it (or holds other bytes)."""
    row = session.get(ClinicLogoRow, sha256) if sha256 else None
    if row is None or hashlib.sha256(bytes(row.data)).hexdigest() != sha256:
        return None
    return bytes(row.data)
