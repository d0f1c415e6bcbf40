"""A staff member's own signing PIN (content release 1.1, item 14): an argon2 hash, when it was set, and
its own failure count and lockout. Audited like the accounts (the hash left out of the audit).

Revision ID: 0019_staff_pin
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime

revision = "0019_staff_pin"
down_revision = "0018_user_screen_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("staff_pin",
                    sa.Column("user_id", sa.Integer(), nullable=False),
                    sa.Column("pin_hash", sa.Text(), nullable=False),
                    sa.Column("set_at", UtcDateTime(), nullable=False),
                    sa.Column("failed_attempts", sa.Integer(), nullable=False),
                    sa.Column("last_failed_at", UtcDateTime(), nullable=True),
                    sa.Column("locked_until", UtcDateTime(), nullable=True),
                    sa.Column("row_version", sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_staff_pin_user_id_app_user")),
                    sa.PrimaryKeyConstraint("user_id", name=op.f("pk_staff_pin")))


def downgrade() -> None:
    op.drop_table("staff_pin")
