"""The recall question, answered in one query: which patients received this lot, when, how much into
each testis, and how to reach them. For the urologist only (contact details), and audited."""

from __future__ import annotations

from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.lots import local_date, user_name
from exoconsult.services.procedure.procedure_dto import RecallRecipient
from exoconsult.storage.patients import PatientRepository
from exoconsult.storage.procedures import ProcedureRepository


def find_lot(work: Work, lot: int | str, manufacturer: str | None = None):
    """A lot by id, or by lot number (and manufacturer, when two manufacturers use the same number)."""
    repo = ProcedureRepository(work.session)
    if isinstance(lot, int):
        row = repo.lot(lot)
        if row is None:
            raise NotFound(f"lot {lot} does not exist")
        return row
    found = repo.lot_by_number(str(lot).strip(), manufacturer)
    if not found:
        raise NotFound(f"no lot numbered {lot!r} is in the register")
    if len(found) > 1:
        raise ValidationError({"manufacturer": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Lots of more than one manufacturer carry this number: name the manufacturer "
            "({manufacturers})."), manufacturers=", ".join(r.manufacturer for r in found))})
    return found[0]


class RecallService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.RECALL_QUERY)
    def recipients(self, work: Work, lot: int | str, manufacturer: str | None = None) -> list[RecallRecipient]:
        """Every patient who received the lot, in procedure order, with his contact details."""
        row = find_lot(work, lot, manufacturer)
        patients = PatientRepository(work.session)
        out = []
        for record in ProcedureRepository(work.session).records_with_lot(row.id):
            p = patients.get(record.patient_id)
            out.append(RecallRecipient(
                patient_id=p.id, mrn=p.mrn, patient_name=f"{p.family_name}, {p.given_name}", birth_date=p.birth_date,
                phone=p.phone, email=p.email, procedure_date=local_date(work, record.started_at),
                left_volume_ml=record.left_volume_ml, right_volume_ml=record.right_volume_ml,
                performed_by=user_name(work, record.performed_by)))
        work.audit("recall_query", "product_lot", row.id, detail={"lot_number": row.lot_number,
                                                                  "patients": [r.patient_id for r in out]})
        work.commit()
        return out
