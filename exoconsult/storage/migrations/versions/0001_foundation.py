"""Foundation: patients, search tokens, settings, the append-only audit chain.

Revision ID: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0001_foundation"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "patient",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mrn", sa.String(32), nullable=False),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("given_name", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("sex", sa.String(8), nullable=False),
        sa.Column("national_id", sa.String(11), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("preferred_language", sa.String(35), nullable=False),
        sa.Column("needs_interpreter", sa.Boolean(), nullable=False),
        sa.Column("search_name", sa.String(210), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient")),
        sa.UniqueConstraint("mrn", name=op.f("uq_patient_mrn")),
    )
    op.create_index(op.f("ix_patient_search_name"), "patient", ["search_name"])
    op.create_table(
        "patient_token",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(120), nullable=False),
        sa.Column("sort_key", sa.String(210), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_patient_token_patient_id_patient"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_token")),
    )
    op.create_index(op.f("ix_patient_token_patient_id"), "patient_token", ["patient_id"])
    op.create_index("ix_patient_token_token_sort", "patient_token", ["token", "sort_key", "patient_id"])
    op.create_table(
        "setting",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("workstation", sa.String(128), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_entry_hash")),
    )
    op.create_index(op.f("ix_audit_entry_action"), "audit_entry", ["action"])
    op.create_index("ix_audit_entry_entity", "audit_entry", ["entity", "entity_id"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
        sa.UniqueConstraint("id", name=op.f("uq_audit_head_id")),
    )
    refuse_changes(op, "audit_entry")


def downgrade() -> None:
    drop_refuse_changes(op, "audit_entry")
    for table in ("audit_head", "audit_entry", "setting", "patient_token", "patient"):
        op.drop_table(table)
