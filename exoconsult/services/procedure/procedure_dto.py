"""Plain read models and inputs of the procedure day (lots, checklist, record, notes, recall)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from exoconsult.domain.translatable import Reason

# Where a procedure day can stand, in order (ProcedureDay.stage; screens label each one)
PROCEDURE_STAGES = ("stopped", "before_anaesthesia", "time_out", "procedure", "sign_out", "note", "done")


@dataclass(frozen=True)
class LotReceipt:
    product_name: str
    manufacturer: str
    lot_number: str
    expiry_date: date
    received_on: date
    vials: int
    volume_per_vial_ml: float
    temperature_on_receipt_c: float
    storage_min_c: float
    storage_max_c: float
    coa_reference: str = ""
    coa_pdf: bytes | None = None


@dataclass(frozen=True)
class LotEventDTO:
    event: str
    at: datetime
    by: str
    reason: str
    patient_id: int | None


@dataclass(frozen=True)
class LotDTO:
    id: int
    product_name: str
    manufacturer: str
    lot_number: str
    expiry_date: date
    received_on: date
    received_by: str
    vials: int
    volume_per_vial_ml: float
    temperature_on_receipt_c: float
    storage_min_c: float
    storage_max_c: float
    coa_reference: str
    coa_sha256: str
    status: str  # effective: a quarantined/released lot past its expiry date is "expired"
    status_reason: str
    status_on: date | None
    released_by: str
    patients: int  # how many patients received it
    unusable_reason: str  # why it cannot be chosen today ("" when it can)
    row_version: int
    events: tuple[LotEventDTO, ...] = ()

    @property
    def identity(self) -> str:
        """Which lot, in any language: "EXO-2611-A · ExoSperm-EV (Anatolia Biologics)". A screen adds the
        expiry date in its own words and format."""
        return f"{self.lot_number} · {self.product_name} ({self.manufacturer})"


@dataclass(frozen=True)
class RecallRecipient:
    patient_id: int
    mrn: str
    patient_name: str
    birth_date: date
    phone: str
    email: str
    procedure_date: date
    left_volume_ml: float
    right_volume_ml: float
    performed_by: str


@dataclass(frozen=True)
class ItemState:
    key: str
    part: str
    text: str
    roles: tuple[str, ...]
    detail_prompt: str
    needs_lot: bool
    answer: str | None  # yes | no | None
    reason: str = ""
    lot_label: str = ""
    answered_by: str = ""
    answered_at: datetime | None = None
    answer_id: int | None = None
    decision: str | None = None  # stop | continue, for a "no"
    decision_reason: str = ""
    decided_by: str = ""

    @property
    def settled(self) -> bool:
        return self.answer == "yes" or (self.answer == "no" and self.decision == "continue")

    @property
    def waiting_for_decision(self) -> bool:
        return self.answer == "no" and self.decision is None


@dataclass(frozen=True)
class ProcedureDay:
    """One planned procedure with its checklist as it stands."""

    plan_id: int
    patient_id: int
    mrn: str
    patient_name: str
    birth_date: date
    planned_on: date
    consent_document_id: str | None
    consent_status: str | None  # today
    items: tuple[ItemState, ...]
    stopped: str  # why the checklist is stopped ("" when it is not; English: logs, command line)
    lot_id: int | None
    record_id: int | None
    note_document_id: str | None
    addenda: tuple[str, ...] = ()
    language: str = "tr"
    performing_urologist: str = ""  # named on the consent; the one who records the procedure (item 4)
    stopped_why: Reason | None = None  # `stopped` for a screen in another language

    def part_complete(self, part: str) -> bool:
        return all(i.settled for i in self.items if i.part == part)

    @property
    def progress(self) -> tuple[int, int]:
        return sum(1 for i in self.items if i.settled), len(self.items)

    @property
    def stage(self) -> str:
        """One of PROCEDURE_STAGES."""
        if self.stopped:
            return "stopped"
        if self.note_document_id:
            return "done"
        for part in ("before_anaesthesia", "time_out"):
            if not self.part_complete(part):
                return part
        if self.record_id is None:
            return "procedure"
        return "sign_out" if not self.part_complete("sign_out") else "note"


@dataclass(frozen=True)
class ProcedureInput:
    started_at: datetime
    ended_at: datetime
    anaesthetic_agent: str  # e.g. lidocaine
    anaesthetic_concentration: str  # e.g. 1%
    anaesthetic_left_ml: float
    anaesthetic_right_ml: float
    cord_block: bool
    skin_infiltration: bool
    needle_gauge: int
    left_volume_ml: float
    right_volume_ml: float
    left_sites: int
    right_sites: int
    assistant: str = ""
    events: tuple[str, ...] = field(default_factory=tuple)  # vasovagal | bleeding | pain | other
    events_note: str = ""
    pain_score: int | None = None
    discharged_at: datetime | None = None


@dataclass(frozen=True)
class NoteSummary:
    document_id: str
    kind: str  # note | addendum
    patient_id: int
    language: str
    created_at: datetime
    pdf_sha256: str
    archive_path: str
    corrects_document_id: str | None = None


@dataclass(frozen=True)
class ChecklistProgress:
    """A procedure day's checklist as Today lists it: `done` of `total` answered, in `stage` (a key of
    domain.procedure_day's stages), or `stopped` with the reason ("" when it runs)."""

    done: int
    total: int
    stage: str
    stopped: str = ""
    stopped_why: Reason | None = None  # the same, for a screen in another language
