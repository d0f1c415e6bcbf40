"""Signed consents, their signatures and withdrawals; write-once by triggers (a consent row may only
go from signed to withdrawn).

Revision ID: 0006_consent
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.consents import WITHDRAWAL_ONLY
from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0006_consent"
down_revision = "0005_explanation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("explanation_session_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text_id", sa.String(64), nullable=False),
        sa.Column("text_version", sa.String(32), nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("section_hashes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("signed_at", UtcDateTime(), nullable=False),
        sa.Column("signed_by", sa.Integer(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("archive_name", sa.String(80), nullable=False),
        sa.Column("withdrawn_at", UtcDateTime(), nullable=True),
        sa.Column("withdrawal_document_id", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_consent_patient_id_patient")),
        sa.ForeignKeyConstraint(["explanation_session_id"], ["explanation_session.id"],
                                name=op.f("fk_consent_explanation_session_id_explanation_session")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("document_id", name=op.f("uq_consent_document_id")),
        sa.UniqueConstraint("pdf_sha256", name=op.f("uq_consent_pdf_sha256")),
    )
    op.create_index(op.f("ix_consent_patient_id"), "consent", ["patient_id"])
    op.create_table(
        "consent_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("printed_name", sa.String(200), nullable=False),
        sa.Column("meaning", sa.Text(), nullable=False),
        sa.Column("signed_at", UtcDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("strokes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_signature")),
    )
    op.create_index(op.f("ix_consent_signature_document_id"), "consent_signature", ["document_id"])
    op.create_table(
        "consent_withdrawal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("withdrawn_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("choices", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("archive_name", sa.String(80), nullable=False),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"], name=op.f("fk_consent_withdrawal_consent_id_consent")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_withdrawal")),
        sa.UniqueConstraint("document_id", name=op.f("uq_consent_withdrawal_document_id")),
        sa.UniqueConstraint("consent_id", name=op.f("uq_consent_withdrawal_consent_id")),
        sa.UniqueConstraint("pdf_sha256", name=op.f("uq_consent_withdrawal_pdf_sha256")),
    )
    refuse_changes(op, "consent", allow_update_when=WITHDRAWAL_ONLY)
    refuse_changes(op, "consent_signature")
    refuse_changes(op, "consent_withdrawal")


def downgrade() -> None:
    for table in ("consent_withdrawal", "consent_signature", "consent"):
        drop_refuse_changes(op, table)
        op.drop_table(table)
