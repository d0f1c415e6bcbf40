"""Reading a patient's history and registry record as the rules and screens need them: the steps other
use cases share (they take the open Work and read the patient's consultation record)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from exoconsult.definitions.questionnaire import load_questionnaire
from exoconsult.domain import questionnaire as qn
from exoconsult.domain.errors import NotFound
from exoconsult.domain.history_values import canonical_of
from exoconsult.services.core.work import Work
from exoconsult.services.history.history_dto import FieldValue, GroupRow, HistoryDTO
from exoconsult.storage.consultation_read import Record, history_doc
from exoconsult.storage.history import HistoryVersionRow

_QUESTIONNAIRES: dict[Path, qn.Questionnaire] = {}


def questionnaire_for(forms_dir: Path) -> qn.Questionnaire:
    """Loaded strictly once per forms folder (DefinitionError if forms/ is broken)."""
    key = Path(forms_dir).resolve()
    if key not in _QUESTIONNAIRES:
        _QUESTIONNAIRES[key] = load_questionnaire(key)
    return _QUESTIONNAIRES[key]


def clinic_today(work: Work) -> date:
    """Today in the clinic's time zone: a date typed in Istanbul just after midnight is not "future"."""
    return work.now().astimezone(ZoneInfo(work.settings.time_zone)).date()


def read_history(work: Work, patient_id: int) -> HistoryDTO:
    """The patient's newest history version (NotFound for an unknown patient); read once per unit of work."""
    def load() -> HistoryDTO:
        record = work.consultation(patient_id)
        if record is None:
            raise NotFound(f"patient {patient_id} does not exist")
        return history_dto(questionnaire_for(work.ctx.forms_dir), patient_id, record.history)
    return work.memo(("history", patient_id), load)


def patient_block(work: Work, patient_id: int) -> dict[str, Any]:
    """The case-format `patient` block of a registered patient (optional fields only when filled)."""
    record = work.consultation(patient_id)
    if record is None:
        raise NotFound(f"patient {patient_id} does not exist")
    row = record.patient
    block: dict[str, Any] = {"family_name": row.family_name, "given_name": row.given_name,
                             "birth_date": row.birth_date.isoformat(), "sex": row.sex, "mrn": row.mrn,
                             "preferred_language": row.preferred_language,
                             "needs_interpreter": row.needs_interpreter}
    for optional in ("national_id", "phone", "email"):
        if getattr(row, optional):
            block[optional] = getattr(row, optional)
    return block


def history_dto(q: qn.Questionnaire, patient_id: int, row: HistoryVersionRow | Record | None) -> HistoryDTO:
    doc = history_doc(row)
    fields: dict[str, FieldValue] = {}
    groups: dict[str, tuple[GroupRow, ...]] = {}
    for fid, value in doc.history.items():
        if fid in doc.row_keys or isinstance(value, list):
            continue
        section = q.section_for(fid)
        fields[fid] = FieldValue(fid, value, canonical_of(section.question(fid) if section else None, None, value))
    for group in doc.row_keys:
        section = q.repeat_section(group)
        rows = []
        for key, entry in doc.rows(group):
            values = {fid: FieldValue(f"{group}/{key}/{fid}", v,
                                      canonical_of(section.question(fid) if section else None, group, v))
                      for fid, v in entry.items()}
            rows.append(GroupRow(key, values))
        groups[group] = tuple(rows)
    completion = {s.id: qn.section_completion(s, doc.history) for s in q.sections}
    return HistoryDTO(patient_id=patient_id, version=row.version if row else 0, source=row.source if row else "",
                      row_version=row.row_version if row else 0, updated_at=row.updated_at if row else None,
                      updated_by=row.updated_by if row else "", fields=fields, groups=groups,
                      completion=completion, history=json.loads(json.dumps(doc.history)))
