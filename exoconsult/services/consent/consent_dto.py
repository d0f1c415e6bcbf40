"""What the signing screen sends and what the consent services return (frozen, no ORM rows)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from exoconsult.domain.gates import Gate
from exoconsult.domain.signature import Stroke
from exoconsult.domain.translatable import Reason

# What a signed consent can be on a given day (screens label each one)
CONSENT_STATUSES = ("signed", "withdrawn", "expired", "superseded")


@dataclass(frozen=True)
class CapturedSignature:
    role: str  # one of exoconsult.domain.content.SIGNER_ROLES
    printed_name: str
    strokes: tuple[Stroke, ...] = ()
    user_id: int | None = None  # staff signers (urologist, a staff witness)
    language: str = ""  # interpreter: the language interpreted
    typed_only: bool = False  # external witness by typed name only (no strokes)
    relation: str = ""  # external witness: relation to the patient (brother, friend…)


@dataclass(frozen=True)
class ConsentSubmission:
    language: str
    initials: Mapping[str, str]  # section id -> the patient's initials
    optional_answers: Mapping[str, bool]  # optional consent id -> yes/no (each must be answered)
    signatures: tuple[CapturedSignature, ...]
    product_lot: str = ""
    product_dose: str = ""
    include_partner: bool = False
    performing_urologist_id: int | None = None  # None: the preparation's default (the signing urologist)


@dataclass(frozen=True)
class RequiredSigner:
    role: str
    meaning: str
    required: bool


@dataclass(frozen=True)
class ConsentPreparation:
    """Everything the signing screen shows before anyone signs."""

    patient_id: int
    language: str
    text_version: str
    text_approved: bool
    gates: tuple[Gate, ...]
    sections: tuple[tuple[str, str], ...]  # (section id, heading)
    optional_consents: tuple[tuple[str, str], ...]  # (id, statement)
    signers: tuple[RequiredSigner, ...]
    product: Mapping[str, str] = field(default_factory=dict)
    previous_version: str = ""  # text version of the patient's earlier consent in this language, if any
    changed_sections: tuple[tuple[str, str], ...] = ()  # (id, heading) that differ from that consent
    urologists: tuple[tuple[int, str], ...] = ()  # (user id, name): who may be named as performing it (item 4)
    performing_urologist_id: int | None = None  # the default: the urologist running the consultation
    witness_pin_allowed: bool = False  # the clinic lets a staff witness confirm with their own signing PIN

    @property
    def can_sign(self) -> bool:
        return self.text_approved and all(g.open for g in self.gates)


@dataclass(frozen=True)
class ConsentSummary:
    id: int
    document_id: str
    patient_id: int
    mrn: str
    patient_name: str
    language: str
    text_version: str
    status: str  # one of CONSENT_STATUSES
    signed_at: datetime
    archive_path: str
    pdf_sha256: str
    withdrawal_document_id: str | None = None


@dataclass(frozen=True)
class DocumentCheck:
    """`exoconsult verify FILE.pdf` and "Verify a document" in the app."""

    found: bool  # the file (or document id) matches an archived record
    kind: str  # consent | withdrawal | unknown
    document_id: str
    seal_valid: bool
    seal_problem: Reason | None  # why the seal or the lookup fails: .english() for the command line
    identical_to_archive: bool
    status: str  # of the consent, or "unknown"
    signer: str | None = None
    signed_at: datetime | None = None
    # keys/ holds another certificate than the pinned one (named both), or cannot be read
    certificate_warnings: tuple[Reason, ...] = ()
    status_why: Reason | None = None  # a procedure note's or report's status as words a screen translates
    unsealed_copy: bool = False  # the file carries no seal at all: a printed or saved copy

    @property
    def valid(self) -> bool:
        return self.found and self.seal_valid and self.identical_to_archive
