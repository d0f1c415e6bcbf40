"""Print records of archived documents (write-once) and procedure plans.

Revision ID: 0007_printing
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0007_printing"
down_revision = "0006_consent"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("document_kind", sa.String(16), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("archived_sha256", sa.String(64), nullable=False),
        sa.Column("marks", sa.String(64), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("print_number", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(200), nullable=False),
        sa.Column("printed_at", UtcDateTime(), nullable=False),
        sa.Column("printed_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_print_record_patient_id_patient")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_record")),
        sa.UniqueConstraint("job_id", name=op.f("uq_print_record_job_id")),
    )
    op.create_index(op.f("ix_print_record_document_id"), "print_record", ["document_id"])
    op.create_index(op.f("ix_print_record_patient_id"), "print_record", ["patient_id"])
    op.create_table(
        "procedure_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("consent_document_id", sa.String(36), nullable=True),
        sa.Column("ready", sa.Boolean(), nullable=False),
        sa.Column("ready_by", sa.Integer(), nullable=True),
        sa.Column("ready_at", UtcDateTime(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_procedure_plan_patient_id_patient")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_plan")),
    )
    op.create_index(op.f("ix_procedure_plan_patient_id"), "procedure_plan", ["patient_id"])
    refuse_changes(op, "print_record")


def downgrade() -> None:
    drop_refuse_changes(op, "print_record")
    op.drop_table("procedure_plan")
    op.drop_table("print_record")
