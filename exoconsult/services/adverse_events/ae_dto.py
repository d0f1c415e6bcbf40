"""Plain inputs and read models of adverse events, their entries, SAE reports and sendings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from exoconsult.domain.adverse_events import TERMS, Choices, Deadline


@dataclass(frozen=True)
class AssessmentInput:
    """One entry: the first assessment of an event or a follow-up (a full statement, never a diff)."""

    grade: int  # CTCAE v5, 1-5
    serious_criteria: tuple[str, ...]  # ICH E2A keys; empty = not serious
    relatedness: str  # WHO-UMC key
    expected: bool  # listed among the consent's risks
    outcome: str
    outcome_date: date | None = None
    action_taken: str = ""
    note: str = ""
    known_on: date | None = None  # when the clinic learnt this; default today (a follow-up) or learnt_on


@dataclass(frozen=True)
class AdverseEventInput:
    onset_date: date
    term: str
    description: str
    assessment: AssessmentInput
    source: str = "telephone"
    term_other: str = ""
    learnt_on: date | None = None  # default: today
    record_id: int | None = None  # the procedure it follows; default: the patient's newest


@dataclass(frozen=True)
class SendingInput:
    recipient: str  # manufacturer | ethics_committee | health_authority
    addressee: str
    channel: str
    sent_on: date
    note: str = ""


@dataclass(frozen=True)
class EntryDTO:
    id: int
    kind: str  # initial | follow-up
    known_on: date
    grade: int
    serious_criteria: tuple[str, ...]
    relatedness: str
    expected: bool
    action_taken: str
    outcome: str
    outcome_date: date | None
    note: str
    recorded_by: str
    recorded_at: datetime

    @property
    def serious(self) -> bool:
        return bool(self.serious_criteria)


@dataclass(frozen=True)
class ReportDTO:
    document_id: str
    language: str
    created_by: str
    created_at: datetime
    pdf_sha256: str


@dataclass(frozen=True)
class SendingDTO:
    report_document_id: str
    recipient: str
    addressee: str
    channel: str
    sent_on: date
    note: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class AdverseEventDTO:
    id: int
    patient_id: int
    pseudonym: str  # "" until the clinic's pseudonym key exists (made at setup, or by the first report)
    record_id: int
    procedure_date: date
    lot_label: str  # "lot number · product · manufacturer"
    onset_date: date
    learnt_on: date
    source: str
    term: str
    term_text: str  # the term in the clinician's words (the "other" text when term is other)
    description: str
    recorded_by: str
    recorded_at: datetime
    entries: tuple[EntryDTO, ...]
    reports: tuple[ReportDTO, ...] = ()
    sendings: tuple[SendingDTO, ...] = ()
    deadline: Deadline | None = None
    term_other: str = ""  # the clinician's words when the term is "other"

    @property
    def current(self) -> EntryDTO:
        return self.entries[-1]

    @property
    def serious(self) -> bool:
        return any(e.serious for e in self.entries)


@dataclass(frozen=True)
class DeadlineDTO:
    """A serious event whose report is still owed to someone (the Today view lists them)."""

    event_id: int
    patient_id: int
    mrn: str
    patient_name: str
    term_text: str
    deadline: Deadline
    term: str = ""  # a key of domain.adverse_events.TERMS (screens name it in their language)
    term_other: str = ""


@dataclass(frozen=True)
class ListWords:
    """The adverse-event lists (domain.adverse_events.LISTS) worded in one language by the clinic's own
    catalogue, for the screens that show and offer them: list kind -> key (as text) -> wording."""

    language: str
    labels: Mapping[str, Mapping[str, str]]

    def word(self, table: Choices, key: object) -> str:
        """A key the list does not know (an older record's) as it is, like the printed reports."""
        return self.labels.get(table.kind, {}).get(str(key), str(key))

    def term(self, term: str, other: str = "") -> str:
        """An event's term: the clinician's own words for "other"."""
        return other if term == "other" and other else self.word(TERMS, term)


@dataclass(frozen=True)
class ComplaintDTO:
    """A "yes" to a follow-up visit's complication questions with no adverse event recorded as learnt
    that day: the visit form promises that such an answer is also recorded as an adverse event."""

    record_id: int
    visit_key: str
    visit_label: Mapping[str, str]  # language -> text
    visit_date: date
    questions: tuple[Mapping[str, str], ...]  # the questions answered "yes", language -> text
    other_text: str  # what the patient described for "any other problem"
