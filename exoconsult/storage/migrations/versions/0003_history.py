"""History capture: audited history versions per patient, and per-user drafts of unsaved edits.

Revision ID: 0003_history
"""

import sqlalchemy as sa
from alembic import op

# Importing the mapping registers it, so the audit replay in `verify` (which reads the revision
# scripts but does not migrate) checks history versions too.
import exoconsult.storage.history  # noqa: F401
from exoconsult.storage.orm import UtcDateTime

revision = "0003_history"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "history_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("history", sa.Text(), nullable=False),
        sa.Column("row_keys", sa.Text(), nullable=False),
        sa.Column("next_row", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_history_version_patient_id_patient")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_version")),
        sa.UniqueConstraint("patient_id", "version", name="uq_history_version_patient_version"),
    )
    op.create_index(op.f("ix_history_version_patient_id"), "history_version", ["patient_id"])
    op.create_table(
        "history_draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_history_draft_patient_id_patient")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_draft")),
        sa.UniqueConstraint("patient_id", "user_id", name="uq_history_draft_patient_user"),
    )
    op.create_index(op.f("ix_history_draft_patient_id"), "history_draft", ["patient_id"])


def downgrade() -> None:
    op.drop_table("history_draft")
    op.drop_table("history_version")
