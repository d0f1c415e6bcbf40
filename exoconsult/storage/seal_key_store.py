"""The clinic's seal key, encrypted, and its slots, kept in the clinic database (migration 0016), so every
workstation of a clinic on PostgreSQL seals with the same key and a slot made on one workstation opens on
the other. What is stored is only ciphertext (services/core/seal_key.py says how it is locked).

Not audited rows: an audited row copies its values into the audit trail, and an old slot kept there would
still open the key with a password the urologist has since changed. The callers audit each change by name
(which slot, never its content)."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection, Integer, String, Text, delete, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Base

SEAL_KEY_ROW = 1  # one clinic, one seal key


class SealKeyRow(Base):
    __tablename__ = "seal_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    format: Mapped[str] = mapped_column(String(40))
    public_key: Mapped[str] = mapped_column(Text)  # PEM, in clear: checked against the certificate without a secret
    nonce: Mapped[str] = mapped_column(String(40))  # base64
    sealed_key: Mapped[str] = mapped_column(Text)  # base64 AES-256-GCM of the PKCS#8 key under the data key
    # The seal certificate (PEM), so a workstation joining the clinic gets the same one; its fingerprint
    # stays pinned in the clinic settings, and each data folder keeps its own copy in keys/.
    certificate: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime]


class SealKeySlotRow(Base):
    __tablename__ = "seal_key_slot"

    slot: Mapped[str] = mapped_column(String(40), primary_key=True)  # "recovery" or "user-<id>"
    box: Mapped[str] = mapped_column(Text)  # JSON of the locked data key (secret_box.lock)
    updated_at: Mapped[datetime]


def _read(conn: Connection | Session) -> dict | None:
    bind = conn.connection() if isinstance(conn, Session) else conn
    if not inspect(bind).has_table(SealKeyRow.__tablename__):
        return None  # a database from before migration 0016 (an older backup being checked)
    key = conn.execute(select(SealKeyRow.format, SealKeyRow.public_key, SealKeyRow.nonce, SealKeyRow.sealed_key,
                              SealKeyRow.certificate).where(SealKeyRow.id == SEAL_KEY_ROW)).first()
    if key is None:
        return None
    slots = {slot: json.loads(box) for slot, box in conn.execute(select(SealKeySlotRow.slot, SealKeySlotRow.box))}
    return {"format": key[0], "public_key": key[1], "nonce": key[2], "sealed_key": key[3], "certificate": key[4],
            "slots": slots}


def read_seal_key(source) -> dict | None:
    """The stored seal key as {format, public_key, nonce, sealed_key, certificate, slots: {name: box}}, or
    None when the
    database holds none. `source`: an open Session or Connection, or anything with `connect()` (Database,
    a read-only backup copy); None reads nothing."""
    if source is None:
        return None
    if isinstance(source, (Session, Connection)):
        return _read(source)
    with source.connect() as conn:
        return _read(conn)


def store_seal_key(session: Session, data: dict, certificate: str, now: datetime) -> None:
    """Put the encrypted key, its certificate and all its slots in place (setup, moving keys/ into the
    database)."""
    session.execute(delete(SealKeySlotRow))
    session.execute(delete(SealKeyRow))
    session.add(SealKeyRow(id=SEAL_KEY_ROW, format=data["format"], public_key=data["public_key"],
                           nonce=data["nonce"], sealed_key=data["sealed_key"], certificate=certificate,
                           stored_at=now))
    for slot, box in data["slots"].items():
        session.add(SealKeySlotRow(slot=slot, box=json.dumps(box, sort_keys=True), updated_at=now))
    session.flush()


def store_slot(session: Session, slot: str, box: dict, now: datetime) -> None:
    """Add or replace one slot (the caller holds the write transaction and audits it)."""
    row = session.get(SealKeySlotRow, slot)
    if row is None:
        session.add(SealKeySlotRow(slot=slot, box=json.dumps(box, sort_keys=True), updated_at=now))
    else:
        row.box, row.updated_at = json.dumps(box, sort_keys=True), now
    session.flush()
