"""Content approvals bound to the SHA-256 of the approved bytes (write-once), per-account grants (the
content approver), and the evidence each signed consent rests on (the assessment, write-once).

Revision ID: 0015_content_approval
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0015_content_approval"
down_revision = "0014_performing_urologist"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("content_id", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("path", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=False),
        sa.Column("approver_name", sa.String(160), nullable=False),
        sa.Column("approved_at", UtcDateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_approval")),
        sa.UniqueConstraint("kind", "content_id", "language", "version", "sha256", name="uq_content_approval_bytes"),
    )
    op.create_index(op.f("ix_content_approval_sha256"), "content_approval", ["sha256"], unique=False)
    op.create_table(
        "account_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("permission", sa.String(40), nullable=False),
        sa.Column("granted_at", UtcDateTime(), nullable=False),
        sa.Column("granted_by", sa.Integer(), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_grant")),
        sa.UniqueConstraint("user_id", "permission", name="uq_account_grant_user_permission"),
    )
    op.create_index(op.f("ix_account_grant_user_id"), "account_grant", ["user_id"], unique=False)
    op.create_table(
        "consent_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("assessment_run_at", UtcDateTime(), nullable=False),
        sa.Column("protocol_sha256", sa.String(64), nullable=False),
        sa.Column("history_version", sa.Integer(), nullable=False),
        sa.Column("history_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"], name=op.f("fk_consent_evidence_consent_id_consent")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_evidence")),
        sa.UniqueConstraint("consent_id", name=op.f("uq_consent_evidence_consent_id")),
    )
    op.create_index(op.f("ix_consent_evidence_patient_id"), "consent_evidence", ["patient_id"], unique=False)
    refuse_changes(op, "content_approval")
    refuse_changes(op, "consent_evidence")


def downgrade() -> None:
    drop_refuse_changes(op, "consent_evidence")
    op.drop_index(op.f("ix_consent_evidence_patient_id"), table_name="consent_evidence")
    op.drop_table("consent_evidence")
    drop_refuse_changes(op, "content_approval")
    op.drop_index(op.f("ix_account_grant_user_id"), table_name="account_grant")
    op.drop_table("account_grant")
    op.drop_index(op.f("ix_content_approval_sha256"), table_name="content_approval")
    op.drop_table("content_approval")
