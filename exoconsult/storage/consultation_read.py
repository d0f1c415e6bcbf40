"""The read side: one patient's consultation as stored — his registry record, newest history version,
assessments with their resolutions, explanation sessions with everything recorded in them, consents and
procedure plans — loaded inside the caller's transaction as plain frozen records (never ORM rows).

`load_consultations` loads any number of patients with the same fixed set of SELECTs (one per table,
the id lists cut into chunks), so a screen listing a whole clinic costs what one patient costs, times
the chunks. Services derive what they show (staleness, gates, stages, statuses) from these records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from exoconsult.domain.history_values import HistoryDoc
from exoconsult.storage.assessments import AssessmentResolutionRow, AssessmentRow
from exoconsult.storage.consents import ConsentRow
from exoconsult.storage.explanation import (
    ComprehensionAnswerRow,
    ExplanationSectionRow,
    ExplanationSessionRow,
    PatientQuestionRow,
    PresenceRow,
    TeachBackRow,
)
from exoconsult.storage.history import HistoryVersionRow
from exoconsult.storage.orm import Base
from exoconsult.storage.patients import PatientRow
from exoconsult.storage.printing import ProcedurePlanRow

CHUNK = 500  # ids per IN list: well inside SQLite's and PostgreSQL's parameter limits


class Record:
    """A frozen copy of one row's columns, read by attribute like the row it copies."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a stored record is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted((k, repr(v)) for k, v in self._values.items())))

    def __repr__(self) -> str:
        return f"Record({self._values!r})"


def _copy(row: Base, *, skip: Iterable[str] = (), **extra: Any) -> Record:
    leave = set(skip)
    values = {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs if c.key not in leave}
    values.update(extra)
    return Record(values)


@dataclass(frozen=True)
class ExplanationRecord:
    """One explanation session and what was recorded in it. Offers the read methods of the explanation
    repository over what was loaded, so the same code reads a loaded record or the live tables."""

    session_row: Record
    _sections: Mapping[str, Record] = field(default_factory=dict)
    _questions: tuple[Record, ...] = ()
    _answers: tuple[Record, ...] = ()
    _teach_back: tuple[Record, ...] = ()
    _presence: tuple[Record, ...] = ()

    def sections(self, session_id: int) -> dict[str, Record]:
        return dict(self._sections) if session_id == self.session_row.id else {}

    def questions(self, session_id: int) -> Sequence[Record]:
        return self._questions if session_id == self.session_row.id else ()

    def answers(self, session_id: int) -> Sequence[Record]:
        return self._answers if session_id == self.session_row.id else ()

    def teach_back(self, session_id: int) -> Sequence[Record]:
        return self._teach_back if session_id == self.session_row.id else ()

    def presence(self, session_id: int) -> Sequence[Record]:
        return self._presence if session_id == self.session_row.id else ()


@dataclass(frozen=True)
class ConsultationRecord:
    patient: Record
    history: Record | None  # the newest version; `.document` is its HistoryDoc
    assessments: tuple[Record, ...]  # newest first
    resolutions: Mapping[int, Record]  # assessment id -> its resolution
    explanations: tuple[ExplanationRecord, ...]  # newest first
    consents: tuple[Record, ...]  # newest first; the sealed PDF bytes are not loaded
    plans: tuple[Record, ...]  # by planned date


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


def _rows(session: Session, model, column, ids: Sequence[int], *order) -> list:
    out: list = []
    for chunk in _chunks(ids):
        out += session.scalars(select(model).where(column.in_(chunk)).order_by(*order)).all()
    return out


def _newest_histories(session: Session, ids: Sequence[int]) -> list[HistoryVersionRow]:
    out: list[HistoryVersionRow] = []
    for chunk in _chunks(ids):
        newest = (select(HistoryVersionRow.patient_id, func.max(HistoryVersionRow.version).label("v"))
                  .where(HistoryVersionRow.patient_id.in_(chunk)).group_by(HistoryVersionRow.patient_id).subquery())
        out += session.scalars(select(HistoryVersionRow).join(
            newest, (HistoryVersionRow.patient_id == newest.c.patient_id) & (HistoryVersionRow.version == newest.c.v)
        )).all()
    return out


def load_consultations(session: Session, patient_ids: Iterable[int]) -> dict[int, ConsultationRecord]:
    """The consultation records of the given patients (unknown ids are left out)."""
    ids = sorted(set(patient_ids))
    patients = {r.id: _copy(r) for r in _rows(session, PatientRow, PatientRow.id, ids)}
    ids = sorted(patients)
    histories = {r.patient_id: _copy(r, document=r.doc()) for r in _newest_histories(session, ids)}
    assessments: dict[int, list[Record]] = defaultdict(list)
    for r in _rows(session, AssessmentRow, AssessmentRow.patient_id, ids, AssessmentRow.id.desc()):
        assessments[r.patient_id].append(_copy(r))
    assessment_ids = [a.id for rows in assessments.values() for a in rows]
    resolutions = {r.assessment_id: _copy(r) for r in _rows(session, AssessmentResolutionRow,
                                                           AssessmentResolutionRow.assessment_id, assessment_ids)}
    sessions = _rows(session, ExplanationSessionRow, ExplanationSessionRow.patient_id, ids,
                     ExplanationSessionRow.started_at.desc(), ExplanationSessionRow.id.desc())
    session_ids = [s.id for s in sessions]
    children: dict[type, dict[int, list[Record]]] = {}
    for model, order in ((PatientQuestionRow, (PatientQuestionRow.asked_at, PatientQuestionRow.id)),
                         (ComprehensionAnswerRow, (ComprehensionAnswerRow.answered_at, ComprehensionAnswerRow.id)),
                         (TeachBackRow, (TeachBackRow.recorded_at, TeachBackRow.id)),
                         (PresenceRow, (PresenceRow.recorded_at, PresenceRow.id)),
                         (ExplanationSectionRow, (ExplanationSectionRow.id,))):
        grouped: dict[int, list[Record]] = defaultdict(list)
        for r in _rows(session, model, model.session_id, session_ids, *order):
            grouped[r.session_id].append(_copy(r))
        children[model] = grouped
    explanations: dict[int, list[ExplanationRecord]] = defaultdict(list)
    for s in sessions:
        explanations[s.patient_id].append(ExplanationRecord(
            _copy(s), {r.section_id: r for r in children[ExplanationSectionRow][s.id]},
            tuple(children[PatientQuestionRow][s.id]), tuple(children[ComprehensionAnswerRow][s.id]),
            tuple(children[TeachBackRow][s.id]), tuple(children[PresenceRow][s.id])))
    consents: dict[int, list[Record]] = defaultdict(list)
    for r in _rows(session, ConsentRow, ConsentRow.patient_id, ids, ConsentRow.signed_at.desc(), ConsentRow.id.desc()):
        consents[r.patient_id].append(_copy(r, skip=("pdf",)))
    plans: dict[int, list[Record]] = defaultdict(list)
    for r in _rows(session, ProcedurePlanRow, ProcedurePlanRow.patient_id, ids,
                   ProcedurePlanRow.planned_on, ProcedurePlanRow.id):
        plans[r.patient_id].append(_copy(r))
    return {pid: ConsultationRecord(
        patient=patients[pid], history=histories.get(pid), assessments=tuple(assessments[pid]),
        resolutions={a.id: resolutions[a.id] for a in assessments[pid] if a.id in resolutions},
        explanations=tuple(explanations[pid]), consents=tuple(consents[pid]), plans=tuple(plans[pid]))
        for pid in ids}


def most_recently_active(session: Session, limit: int) -> list[int]:
    """Ids of the `limit` patients whose records changed most recently (registration, a history version,
    an assessment, an explanation, a consent), newest activity first: the consultations a clinic is
    working on, not the first names of the alphabet.

    Reads only the recent rows, whatever the size of the clinic: every patient has a registry row, so at
    least `limit` patients were active since the `limit`-th newest registry change, and every patient
    listed has his newest activity at or after it; older rows cannot change the list (indexed columns)."""
    since = session.scalar(select(PatientRow.updated_at).order_by(PatientRow.updated_at.desc())
                           .offset(max(limit - 1, 0)).limit(1))
    explained = func.coalesce(ExplanationSessionRow.completed_at, ExplanationSessionRow.started_at)
    sources = ((PatientRow.id, PatientRow.updated_at), (HistoryVersionRow.patient_id, HistoryVersionRow.updated_at),
               (AssessmentRow.patient_id, AssessmentRow.run_at), (ExplanationSessionRow.patient_id, explained),
               (ConsentRow.patient_id, ConsentRow.signed_at))
    selects = []
    for pid, at in sources:
        stmt = select(pid.label("pid"), at.label("at"))
        selects.append(stmt if since is None else stmt.where(at >= since))
    activity = union_all(*selects).subquery()
    latest = func.max(activity.c.at)
    stmt = (select(activity.c.pid).group_by(activity.c.pid)
            .order_by(latest.desc(), activity.c.pid.desc()).limit(limit))
    return list(session.scalars(stmt))


def load_consultation(session: Session, patient_id: int) -> ConsultationRecord | None:
    return load_consultations(session, [patient_id]).get(patient_id)


def history_doc(row: HistoryVersionRow | Record | None) -> HistoryDoc:
    """The history document of a version, whether read live or loaded as a record."""
    if row is None:
        return HistoryDoc()
    return row.document if isinstance(row, Record) else row.doc()
