"""A cheap digest of each audited row as it was when last verified, beside its replay digest, so the daily
verify snapshots and re-digests only rows that changed (issue 22: the daily check at 10,000 patients).
Derived data like the rest of `integrity_state`: NULL only means the row is compared the slow way once more.

Revision ID: 0021_integrity_state_raw
"""

import sqlalchemy as sa
from alembic import op

revision = "0021_integrity_state_raw"
down_revision = "0020_clinic_logo"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("integrity_state", sa.Column("raw", sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column("integrity_state", "raw")
