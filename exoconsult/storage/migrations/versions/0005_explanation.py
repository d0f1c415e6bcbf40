"""Explanation records: sessions, sections shown/discussed, patient questions, comprehension answers
(write-once), teach-back (append-only), interpreter/witness presence.

Revision ID: 0005_explanation
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0005_explanation"
down_revision = "0004_assessment"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def _session_child(name: str, *columns: sa.Column | sa.Constraint) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        *columns,
        _fk(name, "session_id", "explanation_session"),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_session_id"), name, ["session_id"])


def upgrade() -> None:
    op.create_table(
        "explanation_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("content_version", sa.String(32), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=False),
        sa.Column("completed_at", UtcDateTime(), nullable=True),
        sa.Column("reflection_days_override", sa.Integer(), nullable=True),
        sa.Column("reflection_reason", sa.Text(), nullable=False),
        sa.Column("reflection_by", sa.Integer(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        _fk("explanation_session", "patient_id", "patient"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_explanation_session")),
    )
    op.create_index(op.f("ix_explanation_session_patient_id"), "explanation_session", ["patient_id"])
    _session_child(
        "explanation_section",
        sa.Column("section_id", sa.String(32), nullable=False),
        sa.Column("first_shown_at", UtcDateTime(), nullable=True),
        sa.Column("last_shown_at", UtcDateTime(), nullable=True),
        sa.Column("shown_count", sa.Integer(), nullable=False),
        sa.Column("discussed", sa.Boolean(), nullable=False),
        sa.Column("discussed_at", UtcDateTime(), nullable=True),
        sa.Column("discussed_by", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.UniqueConstraint("session_id", "section_id", name="uq_explanation_section_session_section"),
    )
    _session_child(
        "explanation_question",
        sa.Column("section_id", sa.String(32), nullable=False),
        sa.Column("asked_at", UtcDateTime(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
    )
    _session_child(
        "comprehension_answer",
        sa.Column("question_id", sa.String(64), nullable=False),
        sa.Column("option_id", sa.String(64), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=False),
    )
    _session_child(
        "teach_back",
        sa.Column("key_point", sa.String(64), nullable=False),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
    )
    _session_child(
        "explanation_presence",
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
    )
    for table in ("comprehension_answer", "teach_back"):
        refuse_changes(op, table)


def downgrade() -> None:
    for table in ("comprehension_answer", "teach_back"):
        drop_refuse_changes(op, table)
    for table in ("explanation_presence", "teach_back", "comprehension_answer", "explanation_question",
                  "explanation_section", "explanation_session"):
        op.drop_table(table)
