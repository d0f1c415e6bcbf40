"""Case files (spec/case-format.md, "exoconsult-case/1"): export a patient's history, import a case.

Export writes the newest history version exactly as stored (entered values and units kept), so
export -> import -> export gives the same file. Import validates the whole file first (every problem
with its JSON path) and writes nothing unless all of it is valid; for a patient already registered
(same MRN) it adds a new history version and never changes the patient record or earlier versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from exoconsult.domain.case import CASE_FORMAT, CaseError, CaseWarning, case_to_json, parse_case
from exoconsult.domain.errors import ExoError, NotFound, ValidationError
from exoconsult.domain.history_values import HistoryDoc
from exoconsult.domain.patient import PatientData, validate_patient
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.history.reading import clinic_today
from exoconsult.storage.history import HistoryRepository
from exoconsult.storage.patients import PatientRepository, to_data

_OPTIONAL_TEXT = ("national_id", "phone", "email")


@dataclass(frozen=True)
class ImportResult:
    written: bool
    errors: Mapping[str, str] = field(default_factory=dict)  # JSON path -> why in English (nothing written)
    warnings: tuple[CaseWarning, ...] = ()  # plausibility warnings (str(): "path: message" in English)
    patient_id: int | None = None
    version: int | None = None  # the history version the import created
    created_patient: bool = False
    notes: tuple[str, ...] = ()  # e.g. patient details in the file that differ from the record (kept)
    reasons: Mapping[str, Reason] = field(default_factory=dict)  # `errors` as words a screen says in its language

    @property
    def needs_confirmation(self) -> bool:
        return not self.written and not self.errors and bool(self.warnings)


def patient_block(data: PatientData) -> dict[str, Any]:
    """The case `patient` block; optional texts that are empty are left out ("not asked")."""
    out: dict[str, Any] = {
        "family_name": data.family_name, "given_name": data.given_name,
        "birth_date": data.birth_date.isoformat() if data.birth_date else None, "sex": data.sex, "mrn": data.mrn,
    }
    for key in _OPTIONAL_TEXT:
        if getattr(data, key):
            out[key] = getattr(data, key)
    out["preferred_language"] = data.preferred_language
    out["needs_interpreter"] = data.needs_interpreter
    return out


def _refused(error: ValidationError) -> ImportResult:
    return ImportResult(written=False, errors=dict(error.problems), reasons=dict(error.reasons))


def _differences(record: PatientData, given: Mapping[str, Any]) -> list[str]:
    stored = patient_block(record)
    return sorted(k for k, v in given.items() if stored.get(k, "") != v)


def case_of(work: Work, patient_id: int) -> tuple[dict[str, Any], int | None]:
    """(the patient's newest history as a case-format object, its version); not audited: callers that hand
    it out (export) audit that themselves."""
    today = clinic_today(work)
    patient = PatientRepository(work.session).get(patient_id)
    if patient is None:
        raise NotFound(f"patient {patient_id} does not exist")
    latest = HistoryRepository(work.session).latest(patient_id)
    history = latest.doc().history if latest is not None else {}
    case = {"format": CASE_FORMAT, "assessed_on": today.isoformat(),
            "patient": patient_block(to_data(patient)), "history": history}
    try:  # what we write must be what we would accept: a broken export is a bug, never a file
        parse_case(case, today=today)
    except CaseError as exc:
        raise ExoError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The stored history of patient {patient} does not form a valid case: {detail}"),
            patient=patient_id, parts={"detail": tuple(
                service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{where}: {detail}"), where=path, parts={"detail": why})
                for path, why in exc.as_given().items() if isinstance(why, Reason))})) from exc
    return case, latest.version if latest else None


class CaseService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx


    @use_case(Permission.CASE_EXPORT)
    def export_case(self, work: Work, patient_id: int) -> dict[str, Any]:
        """The patient's newest history as a case-format object (audited: who exported what, when)."""
        case, version = case_of(work, patient_id)
        work.audit("case.export", "patient", patient_id, detail={"history_version": version, "format": CASE_FORMAT})
        work.commit()
        return case

    @use_case(Permission.CASE_EXPORT, write=False)
    def find_patient(self, work: Work, mrn: str) -> int:
        uow = work.uow
        owner = PatientRepository(uow.session).mrn_owner(mrn.strip())
        if owner is None:
            raise NotFound(f"no patient has MRN {mrn.strip()}")
        return owner

    @use_case(Permission.CASE_IMPORT)
    def import_case(self, work: Work, case_json: object, *, accept_warnings: bool = False) -> ImportResult:
        """Validate everything, then (only then) write: a new patient or a new history version.
        Plausibility warnings block the import until the user confirms them (accept_warnings)."""
        actor, uow = work.actor, work.uow
        today = clinic_today(work)
        try:
            case = parse_case(case_json, today=today)
        except CaseError as exc:
            return _refused(exc)
        if case.warnings and not accept_warnings:
            return ImportResult(written=False, warnings=case.warnings)
        history = case_to_json(case)["history"]
        mrn = str(case.patient.get("mrn") or "").strip()
        patients = PatientRepository(uow.session)
        owner = patients.mrn_owner(mrn) if mrn else None
        notes: list[str] = []
        if owner is None:
            try:
                clean = validate_patient(case.patient_data(), today)
            except ValidationError as exc:
                return _refused(ValidationError({f"patient.{k}": v for k, v in exc.as_given().items()}))
            owner = patients.add(clean, uow.now()).id
            created = True
        else:
            created = False
            row = patients.get(owner)
            assert row is not None
            differing = _differences(to_data(row), case_to_json(case)["patient"])
            if differing:
                notes.append("the file's patient details differ from the record in "
                             f"{', '.join(differing)}; the record was kept unchanged")
        repo = HistoryRepository(uow.session)
        repo.lock_patient(owner)
        version = repo.add_version(owner, HistoryDoc.from_case_history(history), source="import",
                                   now=uow.now(), by=actor.username)
        uow.audit("case.import", "history_version", version.id,
                  detail={"patient_id": owner, "version": version.version, "created_patient": created,
                          "warnings_accepted": [str(w) for w in case.warnings], "notes": notes})
        work.changed(Part.HISTORY, owner)
        work.changed(Part.PATIENT, owner)
        work.commit()
        return ImportResult(written=True, warnings=case.warnings, patient_id=owner, version=version.version,
                            created_patient=created, notes=tuple(notes))
