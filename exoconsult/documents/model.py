"""Render input: frozen, fully resolved document models filled by the services layer.

Every string here is final, already localised and formatted text (dates, times with time zone,
numbers); the fixed wording of each document kind comes in a label set from ``labels.py``. The renderers lay these models out and decide nothing: no language lookups, no
clinical logic, no defaults for missing wording. All text is treated as untrusted plain text and
escaped before it reaches reportlab markup (see ``escape.py``); the only inline formatting a body
block may carry is ``**bold**``.

The models hold no hash of themselves: ``canonical.content_hash`` derives it, so the value printed
in the QR code can always be recomputed from the archived model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from exoconsult.documents.labels import (
    AssessmentLabels,
    ConsentLabels,
    InformationPackLabels,
    WithdrawalLabels,
)

PaperSize = Literal["A4", "Letter"]


# --- text blocks -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadingBlock:
    """A sub-heading inside a section body."""

    text: str


@dataclass(frozen=True)
class ParagraphBlock:
    """One paragraph; ``**bold**`` spans and newlines are honoured, everything else is literal."""

    text: str


@dataclass(frozen=True)
class BulletListBlock:
    """A bulleted list; each item is paragraph text."""

    items: tuple[str, ...]


Block = HeadingBlock | ParagraphBlock | BulletListBlock


# --- who and where -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ClinicHeader:
    """Printed at the top of every page."""

    name: str
    address: str
    phone: str
    complication_line: str  # the 24-hour number to call about a complication
    logo_png: bytes | None = None


@dataclass(frozen=True)
class PatientIdentity:
    """Printed on every page so a loose sheet can be matched to its patient."""

    full_name: str
    birth_date_text: str
    mrn: str


# --- signatures --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignaturePoint:
    """One sampled pen position; x grows right, y grows down (screen coordinates)."""

    x: float
    y: float
    t_ms: int
    pressure: float = 0.5  # 0..1; 0.5 when the device reports none


@dataclass(frozen=True)
class SignatureStroke:
    points: tuple[SignaturePoint, ...]


@dataclass(frozen=True)
class SignatureBlock:
    """One signature manifestation: drawn strokes, or a typed-name marker (e.g. external witness).

    With neither strokes nor a marker the box is printed empty (a preview, or wet ink on paper).
    """

    role_label: str  # "Patient", "Treating urologist", "Interpreter (Arabic)"
    printed_name: str
    meaning: str  # "I consent to …", "I explained …"
    signed_at_text: str  # "2026-11-24 14:05 Europe/Istanbul (UTC+03:00)"
    strokes: tuple[SignatureStroke, ...] = ()
    typed_name_marker: str | None = None  # "Typed name – signed on the paper original"


# --- consent body ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InitialsState:
    """The patient's on-screen tick/initials for one section."""

    initialled: bool
    initials: str = ""


@dataclass(frozen=True)
class ConsentSection:
    number: int
    heading: str
    blocks: tuple[Block, ...]
    initials: InitialsState


@dataclass(frozen=True)
class ProductDetails:
    name: str
    manufacturer: str
    cell_source: str
    lot: str  # may read "to be filled at the procedure"
    dose_per_testis: str


@dataclass(frozen=True)
class OptionalConsent:
    """One unbundled yes/no choice; ``None`` means not yet answered (preview)."""

    statement: str
    answer: bool | None


# --- annexes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FiredRule:
    rule_id: str
    reason: str
    action: str
    source: str


@dataclass(frozen=True)
class EligibilityAnnex:
    protocol_id: str
    protocol_version: str
    protocol_sha256: str
    protocol_approval: str  # "approved 2026-10-01 by Dr X"
    verdict: str
    fired_rules: tuple[FiredRule, ...]
    review_resolution: str | None = None
    results: tuple[tuple[str, str], ...] = ()  # (finding, value): the results annex (content release 1.1, item 5)
    assessment: str = ""  # which assessment: "#12, 24.11.2026" (content release 1.1, item 13)
    history_sha256: str = ""  # of the history version that assessment judged


@dataclass(frozen=True)
class ExplainedSection:
    heading: str
    shown_at_text: str
    discussed_at_text: str


@dataclass(frozen=True)
class PatientQuestion:
    question: str
    answer: str


@dataclass(frozen=True)
class ComprehensionAttempt:
    question: str
    answer_given: str
    correct: bool
    attempt: int
    answered_at_text: str


@dataclass(frozen=True)
class TeachBackEntry:
    key_point: str
    outcome: str  # "restated correctly" / "re-explained", already localised
    patient_words: str = ""


@dataclass(frozen=True)
class ExplanationAnnex:
    sections: tuple[ExplainedSection, ...]
    questions: tuple[PatientQuestion, ...]
    comprehension: tuple[ComprehensionAttempt, ...]
    comprehension_result: str  # "Passed on 2026-11-17 (5/5)"
    teach_back: tuple[TeachBackEntry, ...]


@dataclass(frozen=True)
class AuditSummaryAnnex:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ConsentDocument:
    document_id: str
    language: str  # BCP 47, e.g. "en", "tr"
    text_version: str
    approved: bool  # False: "DRAFT – not for signature" across every page
    title: str
    clinic: ClinicHeader
    patient: PatientIdentity
    sections: tuple[ConsentSection, ...]
    product: ProductDetails
    optional_consents: tuple[OptionalConsent, ...]
    signatures: tuple[SignatureBlock, ...]
    eligibility: EligibilityAnnex
    explanation: ExplanationAnnex
    audit_summary: AuditSummaryAnnex
    labels: ConsentLabels
    reflection_shortened_reason: str | None = None
    copy_marking: str | None = None  # e.g. "Translation for information" on a second-language copy
    paper_size: PaperSize = "A4"
    preamble: tuple[Block, ...] = ()  # the text's opening (what signing means, rights kept), before the parts
    # Page 1's boxed statement, before section 1 (content release 1.1, item 2): experimental, not approved, not
    # proven; then the ethics approval or permit, or that none was recorded. First line printed bold.
    statement_box: tuple[str, ...] = ()


# --- the other documents -----------------------------------------------------------------------


@dataclass(frozen=True)
class DataChoice:
    """What the withdrawing patient decided about one use of already-collected data."""

    statement: str
    chosen: bool


@dataclass(frozen=True)
class WithdrawalDocument:
    document_id: str
    language: str
    text_version: str
    approved: bool
    title: str
    clinic: ClinicHeader
    patient: PatientIdentity
    consent_document_id: str
    consent_signed_at_text: str
    withdrawal_date_text: str
    statement: tuple[Block, ...]
    data_choices: tuple[DataChoice, ...]
    signatures: tuple[SignatureBlock, ...]
    labels: WithdrawalLabels
    reason: str | None = None
    paper_size: PaperSize = "A4"


@dataclass(frozen=True)
class InformationSection:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class InformationPack:
    document_id: str
    language: str
    text_version: str
    approved: bool
    title: str
    clinic: ClinicHeader
    patient: PatientIdentity
    prepared_on_text: str
    sections: tuple[InformationSection, ...]
    labels: InformationPackLabels
    paper_size: PaperSize = "A4"
    statement_box: tuple[str, ...] = ()  # the consent's page-1 boxed statement (content release 1.1, item 2)


@dataclass(frozen=True)
class AssessmentSummary:
    document_id: str
    language: str
    text_version: str  # version of the protocol/summary wording
    title: str
    clinic: ClinicHeader
    patient: PatientIdentity
    assessed_at_text: str
    assessed_by: str
    findings: tuple[tuple[str, str], ...]  # (finding, value) e.g. ("FSH", "24.1 IU/L")
    eligibility: EligibilityAnnex
    labels: AssessmentLabels
    notes: tuple[Block, ...] = field(default_factory=tuple)
    paper_size: PaperSize = "A4"
