"""What the last verify established about each stored sealed document (the audit head its PDF carries, the
stat of its archive copy found identical), tied to the row's raw digest then, so the daily verify re-reads
only documents that are new or changed (storage/document_facts.py). Derived data, not audited: an empty
table only means every document is read again.

Revision ID: 0023_integrity_document
"""

import sqlalchemy as sa
from alembic import op

revision = "0023_integrity_document"
down_revision = "0022_activity_time_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("integrity_document",
                    sa.Column("entity", sa.String(length=40), nullable=False),
                    sa.Column("entity_id", sa.String(length=64), nullable=False),
                    sa.Column("raw", sa.String(length=32), nullable=False),
                    sa.Column("anchor", sa.String(length=96), nullable=True),
                    sa.Column("archive_stat", sa.String(length=96), nullable=True),
                    sa.PrimaryKeyConstraint("entity", "entity_id"))


def downgrade() -> None:
    op.drop_table("integrity_document")
