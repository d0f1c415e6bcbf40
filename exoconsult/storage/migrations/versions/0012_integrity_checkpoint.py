"""Integrity checkpoints: where the last successful audit check stopped and the replayed state it
reached, so the daily checks cost what changed (storage/checkpoints.py). Derived data, not audited:
an empty table only means the next check is a full one.

Revision ID: 0012_integrity_checkpoint
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime

revision = "0012_integrity_checkpoint"
down_revision = "0011_followup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("integrity_checkpoint",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("seq", sa.Integer(), nullable=False),
                    sa.Column("hash", sa.String(length=64), nullable=False),
                    sa.Column("scope", sa.String(length=16), nullable=False),
                    sa.Column("checked_at", UtcDateTime(), nullable=False),
                    sa.Column("last_full_at", UtcDateTime(), nullable=False),
                    sa.PrimaryKeyConstraint("id"))
    op.create_table("integrity_state",
                    sa.Column("entity", sa.String(length=40), nullable=False),
                    sa.Column("entity_id", sa.String(length=64), nullable=False),
                    sa.Column("seq", sa.Integer(), nullable=False),
                    sa.Column("digest", sa.String(length=64), nullable=True),
                    sa.PrimaryKeyConstraint("entity", "entity_id"))


def downgrade() -> None:
    op.drop_table("integrity_state")
    op.drop_table("integrity_checkpoint")
