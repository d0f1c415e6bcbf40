"""Indexes on the times Today orders the clinic's activity by (issue 22): its list of the 300 most recently
active consultations reads only the rows since the 300th newest registry change, so its cost stays the same
at 10,000 patients as at 300. Indexes only: no data changes, nothing audited.

Revision ID: 0022_activity_time_indexes
"""

from alembic import op

revision = "0022_activity_time_indexes"
down_revision = "0021_integrity_state_raw"
branch_labels = None
depends_on = None

# (table, column): the activity times of storage/consultation_read.py:most_recently_active
INDEXED = (("patient", "updated_at"), ("history_version", "updated_at"), ("assessment", "run_at"),
           ("consent", "signed_at"))


def upgrade() -> None:
    for table, column in INDEXED:
        op.create_index(f"ix_{table}_{column}", table, [column])


def downgrade() -> None:
    for table, column in INDEXED:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
