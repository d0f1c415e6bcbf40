"""The sealed documents whose seal a verify found valid, with the SHA-256 of the bytes it checked and the
pinned certificate it checked them against, so the daily verify validates only new or changed documents
(storage/checkpoints.py). Derived data, not audited: an empty table only means every seal is checked again.

Revision ID: 0017_integrity_sealed
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_integrity_sealed"
down_revision = "0016_seal_key_in_database"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("integrity_sealed",
                    sa.Column("kind", sa.String(length=24), nullable=False),
                    sa.Column("document_id", sa.String(length=64), nullable=False),
                    sa.Column("sha256", sa.String(length=64), nullable=False),
                    sa.Column("certificate", sa.String(length=128), nullable=False),
                    sa.PrimaryKeyConstraint("kind", "document_id"))


def downgrade() -> None:
    op.drop_table("integrity_sealed")
