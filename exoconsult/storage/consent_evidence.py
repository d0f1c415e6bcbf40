"""What a signed consent rests on (content release 1.1, item 13): the assessment that opened its
eligibility gate — its id, when it was run, the SHA-256 of the protocol that judged and of the history
version it judged. Write-once; `verify` re-checks every row against the assessment it names."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Audited, Base

if TYPE_CHECKING:
    from exoconsult.storage.assessments import AssessmentRow


class ConsentEvidenceRow(Audited, Base):
    __tablename__ = "consent_evidence"
    __audit_entity__ = "consent_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"), unique=True)
    patient_id: Mapped[int] = mapped_column(Integer, index=True)
    assessment_id: Mapped[int] = mapped_column(Integer)
    assessment_run_at: Mapped[datetime]
    protocol_sha256: Mapped[str] = mapped_column(String(64))
    history_version: Mapped[int] = mapped_column(Integer)
    history_sha256: Mapped[str] = mapped_column(String(64))


class ConsentEvidenceRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, row: ConsentEvidenceRow) -> ConsentEvidenceRow:
        self._s.add(row)
        self._s.flush()
        return row

    def all(self) -> Sequence[ConsentEvidenceRow]:
        return self._s.scalars(select(ConsentEvidenceRow).order_by(ConsentEvidenceRow.id)).all()

    def all_with_assessments(self) -> list[tuple[ConsentEvidenceRow, str, AssessmentRow | None]]:
        """(evidence, its consent's document id (#id if none), the assessment it names or None) for every consent, in one
        query (verify checks them all; one lookup per consent cost a second at 2,500 patients)."""
        from exoconsult.storage.assessments import AssessmentRow
        from exoconsult.storage.consents import ConsentRow

        stmt = (select(ConsentEvidenceRow, ConsentRow.document_id, AssessmentRow)
                .outerjoin(ConsentRow, ConsentRow.id == ConsentEvidenceRow.consent_id)
                .outerjoin(AssessmentRow, AssessmentRow.id == ConsentEvidenceRow.assessment_id)
                .order_by(ConsentEvidenceRow.id))
        return [(e, str(d) if d is not None else f"#{e.consent_id}", a) for e, d, a in self._s.execute(stmt)]
