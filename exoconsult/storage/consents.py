"""Signed consents and withdrawals: the sealed PDF bytes, their SHA-256 and the signatures, committed in
one transaction with the audit. Rows are write-once (triggers): the only change a consent row accepts is
signed → withdrawn, which touches nothing but the status, time and withdrawal link."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column, undefer

from exoconsult.storage.orm import AUDIT_ADDED, Audited, Base, PatientRow
from exoconsult.storage.printing import PrintRecordRow

# SQL (valid in SQLite and PostgreSQL triggers) naming the one permitted update of a consent row.
WITHDRAWAL_ONLY = (
    "OLD.status = 'signed' AND NEW.status = 'withdrawn' AND NEW.withdrawn_at IS NOT NULL "
    "AND NEW.withdrawal_document_id IS NOT NULL AND NEW.document_id = OLD.document_id "
    "AND NEW.pdf_sha256 = OLD.pdf_sha256 AND NEW.pdf = OLD.pdf AND NEW.patient_id = OLD.patient_id "
    "AND NEW.signed_at = OLD.signed_at AND NEW.language = OLD.language AND NEW.text_version = OLD.text_version "
    "AND NEW.archive_name = OLD.archive_name AND NEW.signed_by = OLD.signed_by"
)
# Added with the column (migration 0014): the performing urologist never changes on a signed consent.
PERFORMER_UNCHANGED = {"sqlite": "NEW.performing_urologist_id IS OLD.performing_urologist_id",
                       "postgresql": "NEW.performing_urologist_id IS NOT DISTINCT FROM OLD.performing_urologist_id"}


class ConsentRow(Audited, Base):
    __tablename__ = "consent"
    __audit_entity__ = "consent"
    __table_args__ = {"info": {AUDIT_ADDED: ("performing_urologist_id",)}}  # added by 0014

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(36), unique=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    explanation_session_id: Mapped[int] = mapped_column(ForeignKey("explanation_session.id"))
    language: Mapped[str] = mapped_column(String(8))
    text_id: Mapped[str] = mapped_column(String(64))
    text_version: Mapped[str] = mapped_column(String(32))
    text_sha256: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))  # hash of the document model printed in the QR
    section_hashes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {section id: sha256 of its text}
    status: Mapped[str] = mapped_column(String(16))  # signed | withdrawn (expired/superseded are computed)
    signed_at: Mapped[datetime] = mapped_column(index=True)  # Today: most recently active, unprinted (0022)
    signed_by: Mapped[int] = mapped_column(Integer)  # the treating urologist (re-authenticated)
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # loaded only when read: listings stay light
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    archive_name: Mapped[str] = mapped_column(String(80))
    withdrawn_at: Mapped[datetime | None]
    withdrawal_document_id: Mapped[str | None] = mapped_column(String(36))
    # The urologist named on the consent as the one who performs the procedure (content release 1.1,
    # item 4); None on consents signed before it was recorded (their signing urologist performs).
    performing_urologist_id: Mapped[int | None] = mapped_column(Integer)


class ConsentSignatureRow(Audited, Base):
    """One signature manifestation: printed name, role, meaning, time; strokes as JSON points."""

    __tablename__ = "consent_signature"
    __audit_entity__ = "consent_signature"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(36), index=True)  # consent or withdrawal document
    role: Mapped[str] = mapped_column(String(32))
    printed_name: Mapped[str] = mapped_column(String(200))
    meaning: Mapped[str] = mapped_column(Text)
    signed_at: Mapped[datetime]
    user_id: Mapped[int | None] = mapped_column(Integer)  # staff signers; None for patient/external
    detail: Mapped[str] = mapped_column(Text, default="")  # e.g. interpreter language
    strokes: Mapped[str] = mapped_column(Text)  # canonical JSON


class WithdrawalRow(Audited, Base):
    __tablename__ = "consent_withdrawal"
    __audit_entity__ = "consent_withdrawal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(36), unique=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"), unique=True)
    withdrawn_at: Mapped[datetime]
    recorded_by: Mapped[int] = mapped_column(Integer)
    choices: Mapped[str] = mapped_column(Text)  # canonical JSON {choice id: bool}
    reason: Mapped[str] = mapped_column(Text, default="")
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # loaded only when read: listings stay light
    pdf_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    archive_name: Mapped[str] = mapped_column(String(80))


class ConsentChoiceRow(Audited, Base):
    """The patient's answer to one optional choice of a consent (registry, publication, recontact,
    manufacturer), stored beside the sealed PDF that prints it so exports can honour it. Write-once.
    Consents signed before these rows existed have none: their answers are only on the PDF."""

    __tablename__ = "consent_choice"
    __audit_entity__ = "consent_choice"
    __table_args__ = (UniqueConstraint("consent_id", "choice_id", name="uq_consent_choice_consent_choice"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"), index=True)
    choice_id: Mapped[str] = mapped_column(String(32))
    answer: Mapped[bool]


class ConsentRepository:
    _BATCH = 32  # documents read together by each_document (~90 KB each)

    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, row: Base) -> None:
        self.s.add(row)
        self.s.flush()

    def by_document_id(self, document_id: str) -> ConsentRow | None:
        return self.s.scalar(select(ConsentRow).where(ConsentRow.document_id == document_id))

    def by_id(self, consent_id: int) -> ConsentRow | None:
        return None if consent_id is None else self.s.get(ConsentRow, consent_id)

    def withdrawal_by_document_id(self, document_id: str) -> WithdrawalRow | None:
        return self.s.scalar(select(WithdrawalRow).where(WithdrawalRow.document_id == document_id))

    def withdrawal_for(self, consent_id: int) -> WithdrawalRow | None:
        return self.s.scalar(select(WithdrawalRow).where(WithdrawalRow.consent_id == consent_id))

    def by_pdf_sha256(self, digest: str) -> ConsentRow | WithdrawalRow | None:
        return (self.s.scalar(select(ConsentRow).where(ConsentRow.pdf_sha256 == digest))
                or self.s.scalar(select(WithdrawalRow).where(WithdrawalRow.pdf_sha256 == digest)))

    def for_patient(self, patient_id: int) -> Sequence[ConsentRow]:
        stmt = select(ConsentRow).where(ConsentRow.patient_id == patient_id)
        return self.s.scalars(stmt.order_by(ConsentRow.signed_at.desc())).all()

    def all(self) -> Sequence[ConsentRow]:
        return self.s.scalars(select(ConsentRow).order_by(ConsentRow.signed_at, ConsentRow.id)).all()

    def signed_unprinted(self, signed_since: datetime) -> list[tuple[ConsentRow, str, str, str]]:
        """(consent, patient's MRN, family name, given name) of every consent still "signed" in the table,
        signed since `signed_since`, of which no copy was ever printed, oldest first: one statement, whatever
        the number of consents the clinic holds (Today's "signed, not printed")."""
        printed = select(PrintRecordRow.id).where(PrintRecordRow.document_id == ConsentRow.document_id).exists()
        stmt = (select(ConsentRow, PatientRow.mrn, PatientRow.family_name, PatientRow.given_name)
                .outerjoin(PatientRow, PatientRow.id == ConsentRow.patient_id)
                .where(ConsentRow.status == "signed", ConsentRow.signed_at >= signed_since, ~printed)
                .order_by(ConsentRow.signed_at, ConsentRow.id))
        return [tuple(r) for r in self.s.execute(stmt)]

    def of_patients(self, patient_ids: Sequence[int]) -> list[tuple[ConsentRow, str, str, str]]:
        """(consent, patient's MRN, family name, given name) of the given patients' consents (a list's few
        hundred ids), newest first as a consultation record holds them."""
        stmt = (select(ConsentRow, PatientRow.mrn, PatientRow.family_name, PatientRow.given_name)
                .outerjoin(PatientRow, PatientRow.id == ConsentRow.patient_id)
                .where(ConsentRow.patient_id.in_(list(patient_ids)))
                .order_by(ConsentRow.signed_at.desc(), ConsentRow.id.desc()))
        return [tuple(r) for r in self.s.execute(stmt)]

    def all_withdrawals(self) -> Sequence[WithdrawalRow]:
        return self.s.scalars(select(WithdrawalRow).order_by(WithdrawalRow.id)).all()

    def choices(self, consent_ids: Sequence[int]) -> dict[int, dict[str, bool]]:
        """{consent id: {choice id: answer}} (consents without stored answers are left out)."""
        out: dict[int, dict[str, bool]] = {}
        if consent_ids:
            stmt = select(ConsentChoiceRow).where(ConsentChoiceRow.consent_id.in_(list(consent_ids)))
            for row in self.s.scalars(stmt.order_by(ConsentChoiceRow.id)):
                out.setdefault(row.consent_id, {})[row.choice_id] = row.answer
        return out

    def signatures(self, document_id: str) -> Sequence[ConsentSignatureRow]:
        stmt = select(ConsentSignatureRow).where(ConsentSignatureRow.document_id == document_id)
        return self.s.scalars(stmt.order_by(ConsentSignatureRow.id)).all()

    def archive_index(self) -> list[tuple[str, str, str]]:
        """(archive name, pdf sha256, 'consent'|'withdrawal') for every stored document, without the bytes."""
        rows = [(n, h, "consent") for n, h in self.s.execute(select(ConsentRow.archive_name, ConsentRow.pdf_sha256))]
        rows += [(n, h, "withdrawal") for n, h in self.s.execute(select(WithdrawalRow.archive_name, WithdrawalRow.pdf_sha256))]
        return rows

    def each_document(self, *, with_pdf: bool = True) -> Iterator[ConsentRow | WithdrawalRow]:
        """Every consent, then every withdrawal, with its PDF; read a few rows at a time, and a row's PDF is let
        go when the caller moves on, so a check of every stored document never holds them all (issue 22).
        `with_pdf=False`: the PDF is read only for a row whose `pdf` the caller touches (the daily verify
        reads only new or changed documents)."""
        for table in (ConsentRow, WithdrawalRow):
            ids = self.s.scalars(select(table.id).order_by(table.id)).all()
            for start in range(0, len(ids), self._BATCH):
                batch = select(table).where(table.id.in_(ids[start:start + self._BATCH])).order_by(table.id)
                for row in self.s.scalars(batch.options(undefer(table.pdf)) if with_pdf else batch).all():
                    yield row
                    self.s.expire(row, ["pdf"])

    def pdf_by_archive_name(self, name: str) -> bytes | None:
        return (self.s.scalar(select(ConsentRow.pdf).where(ConsentRow.archive_name == name))
                or self.s.scalar(select(WithdrawalRow.pdf).where(WithdrawalRow.archive_name == name)))
