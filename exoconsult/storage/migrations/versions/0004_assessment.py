"""Assessments: write-once eligibility snapshots and their append-only needs_review resolutions.

The history module (0003_history) had not landed when this was written, so an assessment refers to the
history it was computed from by patient id + history version + sha256 of the canonical history JSON,
not by a foreign key; a changed hash is what marks the assessment stale.

Revision ID: 0004_assessment
"""

import sqlalchemy as sa
from alembic import op

# Alembic loads every revision script whenever it reads the schema history (also in `verify`, which
# does not migrate): importing the mapping here registers it, so the audit replay checks these rows too.
import exoconsult.storage.assessments  # noqa: F401
from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0004_assessment"
down_revision = "0003_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("history_version", sa.Integer(), nullable=False),
        sa.Column("history_sha256", sa.String(64), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("protocol_id", sa.String(64), nullable=False),
        sa.Column("protocol_version", sa.String(32), nullable=False),
        sa.Column("protocol_sha256", sa.String(64), nullable=False),
        sa.Column("protocol_approved_by", sa.String(200), nullable=False),
        sa.Column("protocol_approved_on", sa.String(32), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("fired", sa.Text(), nullable=False),
        sa.Column("missing", sa.Text(), nullable=False),
        sa.Column("derived", sa.Text(), nullable=False),
        sa.Column("run_by_id", sa.Integer(), nullable=False),
        sa.Column("run_by", sa.String(64), nullable=False),
        sa.Column("run_by_name", sa.String(100), nullable=False),
        sa.Column("run_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_assessment_patient_id_patient")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.CheckConstraint("verdict IN ('eligible', 'needs_review', 'ineligible', 'incomplete')",
                           name=op.f("ck_assessment_verdict")),
    )
    op.create_index("ix_assessment_patient_latest", "assessment", ["patient_id", "id"])
    op.create_table(
        "assessment_resolution",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("resolved_by_id", sa.Integer(), nullable=False),
        sa.Column("resolved_by", sa.String(64), nullable=False),
        sa.Column("resolved_by_name", sa.String(100), nullable=False),
        sa.Column("resolved_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"],
                                name=op.f("fk_assessment_resolution_assessment_id_assessment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_resolution")),
        sa.UniqueConstraint("assessment_id", name=op.f("uq_assessment_resolution_assessment_id")),
        sa.CheckConstraint("decision IN ('proceed', 'do_not_proceed')", name=op.f("ck_assessment_resolution_decision")),
        # the same rule the service enforces (spec: a written reason of at least 20 characters)
        sa.CheckConstraint("length(reason) >= 20", name=op.f("ck_assessment_resolution_reason_length")),
    )
    refuse_changes(op, "assessment")
    refuse_changes(op, "assessment_resolution")


def downgrade() -> None:
    drop_refuse_changes(op, "assessment_resolution")
    drop_refuse_changes(op, "assessment")
    op.drop_table("assessment_resolution")
    op.drop_index("ix_assessment_patient_latest", table_name="assessment")
    op.drop_table("assessment")
