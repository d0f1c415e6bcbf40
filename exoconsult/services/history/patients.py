"""Patient registry use cases: create, edit (optimistic lock), open (audited view), search."""

from __future__ import annotations

from exoconsult.domain.errors import Conflict, NotFound, ValidationError
from exoconsult.domain.patient import PatientData, validate_patient
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.dto import PatientDTO, PatientSummary
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.patients import PatientRepository, to_data

SEARCH_LIMIT = 200


def _dto(row) -> PatientDTO:
    return PatientDTO(id=row.id, data=to_data(row), row_version=row.row_version,
                      created_at=row.created_at, updated_at=row.updated_at)


def _summary(row) -> PatientSummary:
    return PatientSummary(id=row.id, mrn=row.mrn, family_name=row.family_name, given_name=row.given_name,
                          birth_date=row.birth_date, national_id_tail=row.national_id[-4:] if row.national_id else "")


class PatientService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _today(self):
        return self.ctx.clock.now().date()

    @use_case(Permission.PATIENT_EDIT)
    def create(self, work: Work, data: PatientData) -> PatientDTO:
        uow = work.uow
        clean = validate_patient(data, self._today())
        repo = PatientRepository(uow.session)
        if repo.mrn_owner(clean.mrn) is not None:
            raise ValidationError({"mrn": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "MRN {mrn} is already used by another patient."), mrn=clean.mrn)})
        row = repo.add(clean, uow.now())
        dto = _dto(row)
        work.changed(Part.PATIENT, row.id)
        work.commit()
        return dto

    @use_case(Permission.PATIENT_EDIT)
    def update(self, work: Work, patient_id: int, data: PatientData, expected_version: int) -> PatientDTO:
        uow = work.uow
        clean = validate_patient(data, self._today())
        repo = PatientRepository(uow.session)
        row = repo.get(patient_id)
        if row is None:
            raise NotFound(f"patient {patient_id} does not exist")
        if row.row_version != expected_version:
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This patient was changed by someone else since you opened it. Reopen to see the changes.")))
        owner = repo.mrn_owner(clean.mrn)
        if owner is not None and owner != patient_id:
            raise ValidationError({"mrn": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "MRN {mrn} is already used by another patient."), mrn=clean.mrn)})
        repo.update(row, clean, uow.now())
        dto = _dto(row)
        work.changed(Part.PATIENT, patient_id)
        work.commit()
        return dto

    @use_case(Permission.PATIENT_VIEW)
    def open(self, work: Work, patient_id: int) -> PatientDTO:
        """Read a whole record; the view itself is audited (who looked at which patient, when)."""
        uow = work.uow
        row = PatientRepository(uow.session).get(patient_id)
        if row is None:
            raise NotFound(f"patient {patient_id} does not exist")
        dto = _dto(row)
        uow.audit("view", "patient", patient_id)
        work.commit()
        return dto

    @use_case(Permission.PATIENT_VIEW, write=False)
    def search(self, work: Work, query: str, limit: int = SEARCH_LIMIT) -> list[PatientSummary]:
        uow = work.uow
        return [_summary(r) for r in PatientRepository(uow.session).search(query, limit)]
