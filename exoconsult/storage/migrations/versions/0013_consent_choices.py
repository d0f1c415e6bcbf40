"""The patient's optional consent choices beside the sealed consent (write-once), and the clinic's
secrets (the research pseudonym key; not audited: the audit would copy the value).

Consents signed earlier keep their answers only on their PDF; exports treat them as "not on record".

Revision ID: 0013_consent_choices
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0013_consent_choices"
down_revision = "0012_integrity_checkpoint"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_choice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consent_id", sa.Integer(), nullable=False),
        sa.Column("choice_id", sa.String(32), nullable=False),
        sa.Column("answer", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["consent_id"], ["consent.id"], name=op.f("fk_consent_choice_consent_id_consent")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_choice")),
        sa.UniqueConstraint("consent_id", "choice_id", name="uq_consent_choice_consent_choice"),
    )
    op.create_index(op.f("ix_consent_choice_consent_id"), "consent_choice", ["consent_id"], unique=False)
    refuse_changes(op, "consent_choice")
    op.create_table(
        "clinic_secret",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_clinic_secret")),
    )


def downgrade() -> None:
    op.drop_table("clinic_secret")
    drop_refuse_changes(op, "consent_choice")
    op.drop_index(op.f("ix_consent_choice_consent_id"), table_name="consent_choice")
    op.drop_table("consent_choice")
