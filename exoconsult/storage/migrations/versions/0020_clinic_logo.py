"""The clinic's logo images in the database, so a workstation that joins the clinic (and every other one)
prints the same letterhead. Keyed by SHA-256, written once; the audited setting logo_sha256 names the one
in use.

Revision ID: 0020_clinic_logo
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime

revision = "0020_clinic_logo"
down_revision = "0019_staff_pin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("clinic_logo",
                    sa.Column("sha256", sa.String(length=64), nullable=False),
                    sa.Column("data", sa.LargeBinary(), nullable=False),
                    sa.Column("stored_at", UtcDateTime(), nullable=False),
                    sa.PrimaryKeyConstraint("sha256", name=op.f("pk_clinic_logo")))


def downgrade() -> None:
    op.drop_table("clinic_logo")
