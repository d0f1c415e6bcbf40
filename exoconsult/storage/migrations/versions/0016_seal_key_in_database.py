"""The clinic's encrypted seal key and its slots move from keys/clinic-seal-key.json into the database, so
a second workstation on the clinic's PostgreSQL database seals with the same key and sees every slot; the
seal certificate is stored beside it (a joining workstation copies it; the fingerprint stays pinned).
(The file of an existing data folder is moved in at the next start: services/core/seal_key.adopt_slots_file.)

Revision ID: 0016_seal_key_in_database
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime

revision = "0016_seal_key_in_database"
down_revision = "0015_content_approval"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seal_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(40), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("nonce", sa.String(40), nullable=False),
        sa.Column("sealed_key", sa.Text(), nullable=False),
        sa.Column("certificate", sa.Text(), nullable=False),
        sa.Column("stored_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seal_key")),
    )
    op.create_table(
        "seal_key_slot",
        sa.Column("slot", sa.String(40), nullable=False),
        sa.Column("box", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_seal_key_slot")),
    )


def downgrade() -> None:
    op.drop_table("seal_key_slot")
    op.drop_table("seal_key")
