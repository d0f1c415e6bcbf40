"""Explanation records: one session per patient and language, what was shown and discussed when, the
patient's questions, comprehension answers (write-once), teach-back and interpreter/witness presence.
Every row is Audited, so `exoconsult verify` replays all of it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Audited, Base


class ExplanationSessionRow(Audited, Base):
    __tablename__ = "explanation_session"
    __audit_entity__ = "explanation_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    content_version: Mapped[str] = mapped_column(String(32))
    content_sha256: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime]
    started_by: Mapped[int] = mapped_column(Integer)
    completed_at: Mapped[datetime | None]
    reflection_days_override: Mapped[int | None] = mapped_column(Integer)
    reflection_reason: Mapped[str] = mapped_column(Text, default="")
    reflection_by: Mapped[int | None] = mapped_column(Integer)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class ExplanationSectionRow(Audited, Base):
    __tablename__ = "explanation_section"
    __audit_entity__ = "explanation_section"
    __table_args__ = (UniqueConstraint("session_id", "section_id", name="uq_explanation_section_session_section"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("explanation_session.id"), index=True)
    section_id: Mapped[str] = mapped_column(String(32))
    first_shown_at: Mapped[datetime | None]
    last_shown_at: Mapped[datetime | None]
    shown_count: Mapped[int] = mapped_column(Integer, default=0)
    discussed: Mapped[bool] = mapped_column(default=False)
    discussed_at: Mapped[datetime | None]
    discussed_by: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class PatientQuestionRow(Audited, Base):
    __tablename__ = "explanation_question"
    __audit_entity__ = "explanation_question"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("explanation_session.id"), index=True)
    section_id: Mapped[str] = mapped_column(String(32), default="")
    asked_at: Mapped[datetime]
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(Integer)


class ComprehensionAnswerRow(Audited, Base):
    """Write-once (triggers): every answer the patient gave, with its attempt number."""

    __tablename__ = "comprehension_answer"
    __audit_entity__ = "comprehension_answer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("explanation_session.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(64))
    option_id: Mapped[str] = mapped_column(String(64))
    correct: Mapped[bool]
    attempt: Mapped[int] = mapped_column(Integer)
    answered_at: Mapped[datetime]


class TeachBackRow(Audited, Base):
    """Append-only: the latest row per key point counts; earlier ones stay as the record of re-explaining."""

    __tablename__ = "teach_back"
    __audit_entity__ = "teach_back"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("explanation_session.id"), index=True)
    key_point: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(16))  # restated | re_explained
    words: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(Integer)


class PresenceRow(Audited, Base):
    """An interpreter or witness present during the explanation (name and language)."""

    __tablename__ = "explanation_presence"
    __audit_entity__ = "explanation_presence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("explanation_session.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # interpreter | witness
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(35), default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(Integer)


class ExplanationRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def session(self, session_id: int) -> ExplanationSessionRow | None:
        return None if session_id is None else self.s.get(ExplanationSessionRow, session_id)

    def sessions_for(self, patient_id: int) -> Sequence[ExplanationSessionRow]:
        stmt = select(ExplanationSessionRow).where(ExplanationSessionRow.patient_id == patient_id)
        return self.s.scalars(stmt.order_by(ExplanationSessionRow.started_at.desc(), ExplanationSessionRow.id.desc())).all()

    def sections(self, session_id: int) -> dict[str, ExplanationSectionRow]:
        rows = self.s.scalars(select(ExplanationSectionRow).where(ExplanationSectionRow.session_id == session_id))
        return {r.section_id: r for r in rows}

    def questions(self, session_id: int) -> Sequence[PatientQuestionRow]:
        stmt = select(PatientQuestionRow).where(PatientQuestionRow.session_id == session_id)
        return self.s.scalars(stmt.order_by(PatientQuestionRow.asked_at, PatientQuestionRow.id)).all()

    def answers(self, session_id: int) -> Sequence[ComprehensionAnswerRow]:
        stmt = select(ComprehensionAnswerRow).where(ComprehensionAnswerRow.session_id == session_id)
        return self.s.scalars(stmt.order_by(ComprehensionAnswerRow.answered_at, ComprehensionAnswerRow.id)).all()

    def teach_back(self, session_id: int) -> Sequence[TeachBackRow]:
        stmt = select(TeachBackRow).where(TeachBackRow.session_id == session_id)
        return self.s.scalars(stmt.order_by(TeachBackRow.recorded_at, TeachBackRow.id)).all()

    def presence(self, session_id: int) -> Sequence[PresenceRow]:
        stmt = select(PresenceRow).where(PresenceRow.session_id == session_id)
        return self.s.scalars(stmt.order_by(PresenceRow.recorded_at, PresenceRow.id)).all()

    def add(self, row: Base) -> None:
        self.s.add(row)
        self.s.flush()
