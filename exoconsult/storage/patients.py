"""Patient rows: insert/update with derived search tokens, and indexed Turkish-aware prefix search."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, aliased

from exoconsult.domain.patient import PatientData, search_tokens
from exoconsult.domain.text import fold
from exoconsult.storage.orm import PatientRow, PatientTokenRow

_FIELDS = ("family_name", "given_name", "birth_date", "sex", "mrn", "national_id", "phone", "email",
           "preferred_language", "needs_interpreter")


def _upper(word: str) -> str:
    """Smallest string greater than every string starting with `word` (exclusive range bound)."""
    return word[:-1] + chr(ord(word[-1]) + 1)


def to_data(row: PatientRow) -> PatientData:
    return PatientData(**{f: getattr(row, f) for f in _FIELDS})


class PatientRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, patient_id: int) -> PatientRow | None:
        return None if patient_id is None else self._s.get(PatientRow, patient_id)

    def many(self, patient_ids: Sequence[int]) -> Sequence[PatientRow]:
        """The given patients' registry rows (a list's few hundred ids), in no particular order."""
        if not patient_ids:
            return []
        return self._s.scalars(select(PatientRow).where(PatientRow.id.in_(list(patient_ids)))).all()

    def mrn_owner(self, mrn: str) -> int | None:
        return self._s.scalar(select(PatientRow.id).where(PatientRow.mrn == mrn))

    def ids(self) -> list[int]:
        return list(self._s.scalars(select(PatientRow.id).order_by(PatientRow.id)))

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
        sort_key = fold(f"{data.family_name} {data.given_name}")
        self._s.execute(PatientTokenRow.__table__.insert(),
                        [{"patient_id": patient_id, "token": t[:120], "sort_key": sort_key}
                         for t in sorted(search_tokens(data))])

    def search(self, query: str, limit: int) -> Sequence[PatientRow]:
        """Patients for whom every query word prefix-matches one of their folded tokens.

        Ordered by the matched word, then by name. The longest word drives a range scan of the
        (token, sort_key, patient_id) index, which yields rows already in that order, so the scan stops
        after `limit` distinct patients instead of sorting every match (a one-letter query can match
        every patient through a shared MRN prefix)."""
        words = sorted(set(fold(query).split()), key=len, reverse=True)
        if not words:
            stmt = select(PatientRow).order_by(PatientRow.search_name, PatientRow.id).limit(limit)
            return self._s.scalars(stmt).all()
        driver, others = words[0], words[1:]
        t = PatientTokenRow
        stmt = select(t.patient_id).where(t.token >= driver, t.token < _upper(driver))
        for word in others:
            other = aliased(PatientTokenRow)
            stmt = stmt.where(exists().where(other.patient_id == t.patient_id, other.token >= word,
                                             other.token < _upper(word)))
        stmt = stmt.order_by(t.token, t.sort_key, t.patient_id)
        ids: list[int] = []
        seen: set[int] = set()
        for (pid,) in self._s.execute(stmt.execution_options(yield_per=256)):
            if pid not in seen:
                seen.add(pid)
                ids.append(pid)
                if len(ids) == limit:
                    break
        rows = {r.id: r for r in self._s.scalars(select(PatientRow).where(PatientRow.id.in_(ids)))}
        return [rows[i] for i in ids]

    def count(self) -> int:
        from sqlalchemy import func

        return self._s.scalar(select(func.count()).select_from(PatientRow)) or 0
