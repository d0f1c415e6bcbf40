"""Patient rows: insert/update with derived search tokens, and indexed Turkish-aware prefix search."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from exoconsult.domain.patient import PatientData, search_tokens
from exoconsult.domain.text import fold
from exoconsult.storage.orm import PatientRow, PatientTokenRow

_FIELDS = ("family_name", "given_name", "birth_date", "sex", "mrn", "national_id", "phone", "email",
           "preferred_language", "needs_interpreter")


def to_data(row: PatientRow) -> PatientData:
    return PatientData(**{f: getattr(row, f) for f in _FIELDS})


class PatientRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, patient_id: int) -> PatientRow | None:
        return self._s.get(PatientRow, patient_id)

    def mrn_owner(self, mrn: str) -> int | None:
        return self._s.scalar(select(PatientRow.id).where(PatientRow.mrn == mrn))

    def add(self, data: PatientData, now) -> PatientRow:
        row = PatientRow(**{f: getattr(data, f) for f in _FIELDS}, search_name=fold(f"{data.family_name} {data.given_name}"),
                         created_at=now, updated_at=now)
        self._s.add(row)
        self._s.flush()
        self._write_tokens(row.id, data)
        return row

    def update(self, row: PatientRow, data: PatientData, now) -> PatientRow:
        for f in _FIELDS:
            setattr(row, f, getattr(data, f))
        row.search_name = fold(f"{data.family_name} {data.given_name}")
        if self._s.is_modified(row):
            row.updated_at = now
        self._s.flush()
        self._s.execute(delete(PatientTokenRow).where(PatientTokenRow.patient_id == row.id))
        self._write_tokens(row.id, data)
        return row

    def _write_tokens(self, patient_id: int, data: PatientData) -> None:
        self._s.execute(PatientTokenRow.__table__.insert(),
                        [{"patient_id": patient_id, "token": t[:120]} for t in sorted(search_tokens(data))])

    def search(self, query: str, limit: int) -> Sequence[PatientRow]:
        """Every query word must prefix-match one of the patient's folded tokens (range scans on an index)."""
        stmt = select(PatientRow)
        for word in fold(query).split():
            upper = word[:-1] + chr(ord(word[-1]) + 1)
            matching = select(PatientTokenRow.patient_id).where(
                and_(PatientTokenRow.token >= word, PatientTokenRow.token < upper))
            stmt = stmt.where(PatientRow.id.in_(matching))
        return self._s.scalars(stmt.order_by(PatientRow.search_name, PatientRow.id).limit(limit)).all()

    def count(self) -> int:
        from sqlalchemy import func

        return self._s.scalar(select(func.count()).select_from(PatientRow)) or 0
