"""The lot register: receive (quarantined), release (a urologist), mark used up, expired, discard,
recall. Every change writes the lot's new status and a write-once lot event in one unit of work, with
the audit. Only a released, unexpired lot stored within its range can be chosen on the procedure day."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

from exoconsult.domain import procedure_day as day
from exoconsult.domain.errors import Conflict, NotFound, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import number_reason, text_field_reason
from exoconsult.services.core.work import Work
from exoconsult.services.procedure.procedure_dto import LotDTO, LotEventDTO, LotReceipt
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.procedures import LotEventRow, LotRow, ProcedureRepository

MAX_COA_BYTES = 20 * 1024 * 1024


def local_date(work: Work, when: datetime) -> date:
    return when.astimezone(ZoneInfo(work.settings.time_zone)).date()


def local_today(work: Work) -> date:
    return local_date(work, work.now())


def user_name(work: Work, user_id: int | None) -> str:
    if user_id is None:
        return ""
    return work.memo(("user_name", user_id), lambda: getattr(UserRepository(work.session).get(user_id),
                                                             "display_name", f"user {user_id}"))


def lot_status(work: Work, row: LotRow) -> str:
    return day.effective_status(row.status, row.expiry_date, local_today(work))


def unusable_reason(work: Work, row: LotRow) -> str:
    return day.lot_unusable_reason(lot_status(work, row), row.temperature_on_receipt_c, row.storage_min_c,
                                   row.storage_max_c)


def unusable_why(work: Work, row: LotRow) -> Reason | None:
    """`unusable_reason` as words a screen shows in its own language (they are marked in the "Lots" context)."""
    why = unusable_reason(work, row)
    return Reason(why, context="Lots") if why else None


def lot_dto(work: Work, row: LotRow, *, patients: int = 0, with_events: bool = False) -> LotDTO:
    events: tuple[LotEventDTO, ...] = ()
    if with_events:
        events = tuple(LotEventDTO(e.event, e.at, user_name(work, e.by), e.reason, e.patient_id)
                       for e in ProcedureRepository(work.session).lot_events(row.id))
    return LotDTO(
        id=row.id, product_name=row.product_name, manufacturer=row.manufacturer, lot_number=row.lot_number,
        expiry_date=row.expiry_date, received_on=row.received_on, received_by=user_name(work, row.received_by),
        vials=row.vials, volume_per_vial_ml=row.volume_per_vial_ml,
        temperature_on_receipt_c=row.temperature_on_receipt_c, storage_min_c=row.storage_min_c,
        storage_max_c=row.storage_max_c, coa_reference=row.coa_reference, coa_sha256=row.coa_sha256,
        status=lot_status(work, row), status_reason=row.status_reason, status_on=row.status_on,
        released_by=user_name(work, row.released_by), patients=patients, unusable_reason=unusable_reason(work, row),
        row_version=row.row_version, events=events)


def get_lot(work: Work, lot_id: int) -> LotRow:
    row = ProcedureRepository(work.session).lot(lot_id)
    if row is None:
        raise NotFound(f"lot {lot_id} does not exist")
    return row


def add_event(work: Work, row: LotRow, event: str, reason: str = "", patient_id: int | None = None) -> None:
    ProcedureRepository(work.session).add(LotEventRow(lot_id=row.id, event=event, at=work.now(),
                                                      by=work.actor.user_id, reason=reason, patient_id=patient_id))


def _text(problems: dict[str, str | Reason], key: str, value: str, label: str, max_len: int,
          required: bool = True) -> str:
    if (why := text_field_reason(value, label, max_len=max_len, required=required, one_line=True)):
        problems[key] = why
    return (value or "").strip()


def _number(problems: dict[str, str | Reason], key: str, value: float, label: str, low: float, high: float) -> float:
    if (why := number_reason(value, label, low, high)):
        problems[key] = why
        return 0.0
    return float(value)


def validate_receipt(r: LotReceipt, today: date) -> dict:
    p: dict[str, str | Reason] = {}
    out = {
        "product_name": _text(p, "product_name", r.product_name, QT_TRANSLATE_NOOP("ServiceMessages", "The product name"), 200),
        "manufacturer": _text(p, "manufacturer", r.manufacturer, QT_TRANSLATE_NOOP("ServiceMessages", "The manufacturer"), 200),
        "lot_number": _text(p, "lot_number", r.lot_number, QT_TRANSLATE_NOOP("ServiceMessages", "The lot number"), 64),
        "coa_reference": _text(p, "coa_reference", r.coa_reference, QT_TRANSLATE_NOOP(
            "ServiceMessages", "The certificate of analysis reference"), 200, False),
        "volume_per_vial_ml": _number(p, "volume_per_vial_ml", r.volume_per_vial_ml, QT_TRANSLATE_NOOP(
            "ServiceMessages", "The volume per vial (mL)"), 0.01, 100),
        "temperature_on_receipt_c": _number(p, "temperature_on_receipt_c", r.temperature_on_receipt_c, QT_TRANSLATE_NOOP(
            "ServiceMessages", "The temperature on receipt (°C)"), -200, 60),
        "storage_min_c": _number(p, "storage_min_c", r.storage_min_c, QT_TRANSLATE_NOOP(
            "ServiceMessages", "The lowest storage temperature (°C)"), -200, 60),
        "storage_max_c": _number(p, "storage_max_c", r.storage_max_c, QT_TRANSLATE_NOOP(
            "ServiceMessages", "The highest storage temperature (°C)"), -200, 60),
    }
    if (why := number_reason(r.vials, QT_TRANSLATE_NOOP("ServiceMessages", "The number of vials"), 1, 10_000,
                             whole=True)):
        p["vials"] = why
    if not isinstance(r.received_on, date) or r.received_on > today:
        p["received_on"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The date received cannot be in the future."))
    if not isinstance(r.expiry_date, date):
        p["expiry_date"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Give the expiry date."))
    elif isinstance(r.received_on, date) and r.expiry_date < r.received_on:
        p["expiry_date"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The expiry date is before the date received."))
    if "storage_min_c" not in p and "storage_max_c" not in p and out["storage_min_c"] > out["storage_max_c"]:
        p["storage_max_c"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The highest storage temperature is below the lowest."))
    if r.coa_pdf is not None and (not r.coa_pdf.startswith(b"%PDF") or len(r.coa_pdf) > MAX_COA_BYTES):
        p["coa_pdf"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The certificate of analysis must be a PDF file of at most {megabytes} MB."),
            megabytes=MAX_COA_BYTES // (1024 * 1024))
    if p:
        raise ValidationError(p)
    return out


# A refused transition names the lot's status as a word the screen translates.
STATUS_WORDS = {day.QUARANTINED: QT_TRANSLATE_NOOP("ServiceMessages", "quarantined"),
                day.RELEASED: QT_TRANSLATE_NOOP("ServiceMessages", "released"),
                day.USED_UP: QT_TRANSLATE_NOOP("ServiceMessages", "used up"),
                day.EXPIRED: QT_TRANSLATE_NOOP("ServiceMessages", "expired"),
                day.DISCARDED: QT_TRANSLATE_NOOP("ServiceMessages", "discarded"),
                day.RECALLED: QT_TRANSLATE_NOOP("ServiceMessages", "recalled")}
TRANSITION_REFUSED = {"release": QT_TRANSLATE_NOOP("ServiceMessages", "A {status} lot cannot be released."),
                      "use_up": QT_TRANSLATE_NOOP("ServiceMessages", "A {status} lot cannot be used up."),
                      "expire": QT_TRANSLATE_NOOP("ServiceMessages", "A {status} lot cannot be expired."),
                      "discard": QT_TRANSLATE_NOOP("ServiceMessages", "A {status} lot cannot be discarded."),
                      "recall": QT_TRANSLATE_NOOP("ServiceMessages", "A {status} lot cannot be recalled.")}


class LotService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.LOT_VIEW, write=False)
    def list(self, work: Work) -> list[LotDTO]:
        """Every lot with its status today and how many patients received it."""
        counts = ProcedureRepository(work.session).patients_per_lot()
        return [lot_dto(work, r, patients=counts.get(r.id, 0)) for r in ProcedureRepository(work.session).lots()]

    @use_case(Permission.LOT_VIEW, write=False)
    def get(self, work: Work, lot_id: int) -> LotDTO:
        counts = ProcedureRepository(work.session).patients_per_lot()
        return lot_dto(work, get_lot(work, lot_id), patients=counts.get(lot_id, 0), with_events=True)

    @use_case(Permission.LOT_VIEW, write=False)
    def usable(self, work: Work) -> list[LotDTO]:
        """The lots that can be chosen on the procedure day today."""
        return [lot_dto(work, r) for r in ProcedureRepository(work.session).lots() if not unusable_reason(work, r)]

    @use_case(Permission.LOT_MANAGE)
    def receive(self, work: Work, receipt: LotReceipt) -> LotDTO:
        """A lot arrives: it is quarantined until a urologist releases it."""
        fields = validate_receipt(receipt, local_today(work))
        repo = ProcedureRepository(work.session)
        if repo.lot_by_number(fields["lot_number"], fields["manufacturer"]):
            raise ValidationError({"lot_number": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This manufacturer's lot number is already in the register."))})
        coa = receipt.coa_pdf
        row = LotRow(**fields, expiry_date=receipt.expiry_date, received_on=receipt.received_on,
                     received_by=work.actor.user_id, vials=receipt.vials, coa_pdf=coa,
                     coa_sha256=hashlib.sha256(coa).hexdigest() if coa else "", status=day.QUARANTINED,
                     status_reason="", status_on=None, released_by=None, released_at=None)
        repo.add(row)
        add_event(work, row, "received")
        work.changed(Part.LOTS)
        dto = lot_dto(work, row)
        work.commit()
        return dto

    def _transition(self, work: Work, lot_id: int, transition: str, row_version: int | None, reason: str = "",
                    on: date | None = None) -> LotDTO:
        row = get_lot(work, lot_id)
        if row_version is not None and row.row_version != row_version:
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                          "Someone else changed this lot: reload it.")))
        status = lot_status(work, row)
        if status not in day.TRANSITIONS[transition]:
            raise ValidationError({"status": service_message(TRANSITION_REFUSED[transition],
                                                             terms={"status": STATUS_WORDS.get(status, status)})})
        row.status, row.status_reason, row.status_on = day.TARGET[transition], reason, on or local_today(work)
        add_event(work, row, day.TARGET[transition], reason)
        work.changed(Part.LOTS)
        dto = lot_dto(work, row, patients=ProcedureRepository(work.session).patients_per_lot().get(row.id, 0))
        work.commit()
        return dto

    @use_case(Permission.LOT_RELEASE)
    def release(self, work: Work, lot_id: int, row_version: int | None = None) -> LotDTO:
        """A urologist releases a quarantined lot: it needs its certificate of analysis and a receipt
        temperature within the manufacturer's range."""
        row = get_lot(work, lot_id)
        if lot_status(work, row) != day.QUARANTINED:
            return self._transition(work, lot_id, "release", row_version)  # refuses, naming the status
        if not row.coa_reference and not row.coa_sha256:
            raise ValidationError({"coa": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Record the certificate of analysis before releasing the lot."))})
        if not day.temperature_in_range(row.temperature_on_receipt_c, row.storage_min_c, row.storage_max_c):
            raise ValidationError({"temperature": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The lot arrived outside its storage range: it cannot be released."))})
        row.released_by, row.released_at = work.actor.user_id, work.now()
        return self._transition(work, lot_id, "release", row_version)

    @use_case(Permission.LOT_MANAGE)
    def mark_used_up(self, work: Work, lot_id: int, row_version: int | None = None) -> LotDTO:
        return self._transition(work, lot_id, "use_up", row_version)

    @use_case(Permission.LOT_MANAGE)
    def mark_expired(self, work: Work, lot_id: int, row_version: int | None = None) -> LotDTO:
        """Record in the register that a lot past its expiry date is expired (it cannot be used either way)."""
        return self._transition(work, lot_id, "expire", row_version)

    @use_case(Permission.LOT_MANAGE)
    def discard(self, work: Work, lot_id: int, reason: str, row_version: int | None = None) -> LotDTO:
        return self._transition(work, lot_id, "discard", row_version, _reason(reason))

    @use_case(Permission.LOT_RECALL)
    def recall(self, work: Work, lot_id: int, reason: str, recalled_on: date | None = None,
               row_version: int | None = None) -> LotDTO:
        """A urologist records a recall (by the manufacturer or the authority): the lot can never be used
        again, and every patient who received it can be listed."""
        if recalled_on is not None and (not isinstance(recalled_on, date) or recalled_on > local_today(work)):
            raise ValidationError({"recalled_on": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The recall date cannot be in the future."))})
        return self._transition(work, lot_id, "recall", row_version, _reason(reason), recalled_on)

    @use_case(Permission.LOT_VIEW)
    def certificate(self, work: Work, lot_id: int) -> bytes:
        """The stored certificate of analysis PDF (viewing it is audited)."""
        row = get_lot(work, lot_id)
        if not row.coa_pdf:
            raise NotFound("no certificate of analysis PDF is stored for this lot")
        data = bytes(row.coa_pdf)
        if hashlib.sha256(data).hexdigest() != row.coa_sha256:
            raise ValidationError({"coa": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The stored certificate does not match its recorded SHA-256."))})
        work.audit("view", "product_lot_coa", lot_id)
        work.commit()
        return data


def _reason(reason: str) -> str:
    if (why := text_field_reason(reason, QT_TRANSLATE_NOOP("ServiceMessages", "The reason"), max_len=2000)):
        raise ValidationError({"reason": why})
    return (reason or "").strip()
