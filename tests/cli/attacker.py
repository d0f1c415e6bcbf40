"""What an informed attacker does with write access to the data folder and knowledge of the algorithm
(issue 21): drop the write-once triggers, change rows and audit entries, recompute the hash chain and the
head row, swap keys, put back an older database. Written for the tests; never imported by the app."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

from exoconsult.storage.audit import GENESIS, HASHED_FIELDS, entry_hash


def open_raw(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data / "exoconsult.sqlite", isolation_level=None)
    conn.row_factory = sqlite3.Row
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    return conn


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    return row["seq"], row["hash"]


def rechain(conn: sqlite3.Connection, start: int) -> None:
    """Recompute every hash from entry `start` on and fix the head row, as the app would have written them."""
    prev_row = conn.execute("SELECT hash FROM audit_entry WHERE seq = ?", (start - 1,)).fetchone()
    prev = prev_row["hash"] if prev_row else GENESIS
    rows = [dict(r) for r in conn.execute("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq", (start,))]
    conn.execute("UPDATE audit_entry SET hash = 'x' || seq WHERE seq >= ?", (start,))  # free the unique hashes
    for fields in rows:
        fields["prev_hash"] = prev
        prev = entry_hash({k: fields[k] for k in HASHED_FIELDS})
        conn.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", (fields["prev_hash"], prev,
                                                                                      fields["seq"]))
    last = conn.execute("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (last["seq"], last["hash"]))


def insert_entry(conn: sqlite3.Connection, at_seq: int, **values) -> None:
    """A forged entry at position `at_seq`; later entries move up by one; then the chain is recomputed."""
    conn.execute("UPDATE audit_entry SET seq = seq + 1000000 WHERE seq >= ?", (at_seq,))
    conn.execute("UPDATE audit_entry SET seq = seq - 999999 WHERE seq >= 1000000")
    template = dict(conn.execute("SELECT * FROM audit_entry WHERE seq = ?", (at_seq - 1,)).fetchone())
    template.update(values, seq=at_seq, hash=f"forged-{at_seq}")
    columns = ", ".join(template)
    conn.execute(f"INSERT INTO audit_entry ({columns}) VALUES ({', '.join('?' * len(template))})",
                 list(template.values()))
    rechain(conn, at_seq)


def append_entry(conn: sqlite3.Connection, **values) -> None:
    """A forged entry after the newest one, hashed correctly (no recomputation needed)."""
    seq, prev = head(conn)
    fields = dict(conn.execute("SELECT * FROM audit_entry WHERE seq = ?", (seq,)).fetchone())
    fields.update(values, seq=seq + 1, prev_hash=prev)
    fields["hash"] = entry_hash({k: fields[k] for k in HASHED_FIELDS})
    conn.execute(f"INSERT INTO audit_entry ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                 list(fields.values()))
    conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq + 1, fields["hash"]))


def self_made_identity(folder: Path, clinic_name: str):
    from exoconsult.documents.keys import generate_clinic_identity

    return generate_clinic_identity(folder, clinic_name, now=dt.datetime.now(dt.UTC))


def forged_pdf(identity, text: str, audit_head: tuple[int, str] | None) -> bytes:
    from reportlab.pdfgen import canvas

    from exoconsult.documents.seal import seal_pdf

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return seal_pdf(buffer.getvalue(), identity, reason="Consent", location=identity.clinic_name,
                    audit_head=audit_head)


def replace_in_json(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def audit_after(conn: sqlite3.Connection, seq: int) -> dict:
    return json.loads(conn.execute("SELECT after FROM audit_entry WHERE seq = ?", (seq,)).fetchone()["after"])
