"""Read models of the explanation stage (frozen; built from rows inside a unit of work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from exoconsult.domain.content import Block, ComprehensionQuestion


@dataclass(frozen=True)
class SectionState:
    section_id: str
    title: str
    first_shown_at: datetime | None
    last_shown_at: datetime | None
    shown_count: int
    discussed: bool
    discussed_at: datetime | None
    notes: str


@dataclass(frozen=True)
class PatientQuestion:
    id: int
    section_id: str
    asked_at: datetime
    question: str
    answer: str


@dataclass(frozen=True)
class AnswerRecord:
    question_id: str
    option_id: str
    correct: bool
    attempt: int
    answered_at: datetime
    prompt: str = ""  # the question as the patient read it (in the session's language), for the console


@dataclass(frozen=True)
class TeachBack:
    key_point: str
    result: str  # restated | re_explained
    words: str
    recorded_at: datetime


@dataclass(frozen=True)
class Presence:
    role: str  # interpreter | witness
    name: str
    language: str
    recorded_at: datetime


@dataclass(frozen=True)
class ComprehensionState:
    passed: bool
    next_question: ComprehensionQuestion | None  # what the patient is asked now
    pending: int  # questions not yet answered correctly
    total: int
    attempts: tuple[AnswerRecord, ...]
    key_points: tuple[str, ...]


@dataclass(frozen=True)
class AnswerOutcome:
    correct: bool
    correct_option_id: str
    correct_option_text: str
    explanation: str  # shown after a wrong answer
    state: ComprehensionState


@dataclass(frozen=True)
class ExplanationDTO:
    id: int
    patient_id: int
    language: str
    content_version: str
    content_approved: bool
    started_at: datetime
    started_by: int  # user id of the clinician who delivered it
    completed_at: datetime | None
    sections: tuple[SectionState, ...]
    questions: tuple[PatientQuestion, ...]
    teach_back: tuple[TeachBack, ...]  # latest per key point
    presence: tuple[Presence, ...]
    interpreter_needed: bool
    reflection_override_days: int | None
    reflection_reason: str
    comprehension: ComprehensionState

    def section(self, section_id: str) -> SectionState:
        return next(s for s in self.sections if s.section_id == section_id)


@dataclass(frozen=True)
class PresentedSection:
    """One screen of the patient presentation: text blocks, plus generated lines for section 1."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    generated: tuple[str, ...]


@dataclass(frozen=True)
class PatientExplanation:
    language: str
    title: str
    version: str
    approved: bool
    patient_name: str
    sections: tuple[PresentedSection, ...]
    sources: tuple[str, ...]
