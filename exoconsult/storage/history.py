"""History versions (audited clinical data) and per-user drafts (not yet clinical data).

`history_version`: one row per (patient, version). The newest version is the one being edited; an
import adds a version instead of overwriting. The case `history` block is kept as canonical JSON with
the values exactly as entered, plus the stable row keys of repeatable-group entries. Every change is
audited by the flush hooks (full before/after snapshot) and the service adds an explicit entry
listing each field's old and new value.

`history_draft`: a user's edits that could not be committed yet (invalid, awaiting plausibility
confirmation, in conflict, or typed while the session was locking). One row per (patient, user),
committed at once so it survives a killed process; private to the user; deleted once saved.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.domain.canonical_json import canonical_json
from exoconsult.domain.history_values import HistoryDoc
from exoconsult.storage.orm import Audited, Base, PatientRow


class HistoryVersionRow(Audited, Base):
    __tablename__ = "history_version"
    __audit_entity__ = "history_version"
    __table_args__ = (UniqueConstraint("patient_id", "version", name="uq_history_version_patient_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # "edit" | "import"
    history: Mapped[str] = mapped_column(Text)  # canonical JSON of the case `history` block
    row_keys: Mapped[str] = mapped_column(Text)  # canonical JSON {group: [row key per entry]}
    next_row: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(index=True)  # Today: the most recently active (0022)
    updated_by: Mapped[str] = mapped_column(String(64))
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}

    def doc(self) -> HistoryDoc:
        return HistoryDoc(json.loads(self.history), json.loads(self.row_keys), self.next_row)

    def store(self, doc: HistoryDoc) -> None:
        self.history = canonical_json(doc.history)
        self.row_keys = canonical_json(doc.row_keys)
        self.next_row = doc.next_row


class HistoryDraftRow(Base):
    """Not audited: nothing here is part of the record until the service commits it."""

    __tablename__ = "history_draft"
    __table_args__ = (UniqueConstraint("patient_id", "user_id", name="uq_history_draft_patient_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    user_id: Mapped[int] = mapped_column(Integer)
    changes: Mapped[str] = mapped_column(Text)  # JSON list of {"path", "new"?, "base"?, "confirmed"}
    updated_at: Mapped[datetime]


class HistoryRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def lock_patient(self, patient_id: int) -> bool:
        """Serialise history writes per patient (row lock on PostgreSQL; SQLite writers already hold
        the database lock from BEGIN IMMEDIATE). False when the patient does not exist."""
        found = self._s.scalar(select(PatientRow.id).where(PatientRow.id == patient_id).with_for_update())
        return found is not None

    def patient_exists(self, patient_id: int) -> bool:
        return self._s.scalar(select(PatientRow.id).where(PatientRow.id == patient_id)) is not None

    def latest(self, patient_id: int) -> HistoryVersionRow | None:
        return self._s.scalars(select(HistoryVersionRow).where(HistoryVersionRow.patient_id == patient_id)
                               .order_by(HistoryVersionRow.version.desc()).limit(1)).first()

    def versions(self, patient_id: int) -> list[HistoryVersionRow]:
        return list(self._s.scalars(select(HistoryVersionRow).where(HistoryVersionRow.patient_id == patient_id)
                                    .order_by(HistoryVersionRow.version)))

    def add_version(self, patient_id: int, doc: HistoryDoc, *, source: str, now: datetime, by: str) -> HistoryVersionRow:
        latest = self.latest(patient_id)
        row = HistoryVersionRow(patient_id=patient_id, version=(latest.version + 1) if latest else 1, source=source,
                                created_at=now, created_by=by, updated_at=now, updated_by=by)
        row.store(doc)
        self._s.add(row)
        self._s.flush()
        return row

    def update_version(self, row: HistoryVersionRow, doc: HistoryDoc, *, now: datetime, by: str) -> None:
        row.store(doc)
        row.updated_at, row.updated_by = now, by
        self._s.flush()

    # --- drafts ---

    def draft(self, patient_id: int, user_id: int) -> HistoryDraftRow | None:
        return self._s.scalars(select(HistoryDraftRow).where(
            HistoryDraftRow.patient_id == patient_id, HistoryDraftRow.user_id == user_id)).first()

    def put_draft(self, patient_id: int, user_id: int, changes: list[dict[str, Any]], now: datetime) -> HistoryDraftRow | None:
        row = self.draft(patient_id, user_id)
        if not changes:
            if row is not None:
                self._s.delete(row)
                self._s.flush()
            return None
        if row is None:
            row = HistoryDraftRow(patient_id=patient_id, user_id=user_id, changes="[]", updated_at=now)
            self._s.add(row)
        row.changes = canonical_json(changes)
        row.updated_at = now
        self._s.flush()
        return row
