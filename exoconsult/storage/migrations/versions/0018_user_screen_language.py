"""Each account's screen language, kept with the account so it follows the user to every workstation
(issue 14, item 1; it was a per-workstation setting before). Nullable — NULL is "the clinic's working
language" — and listed as an added column, so the accounts' earlier audit entries replay unchanged.

Revision ID: 0018_user_screen_language
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_user_screen_language"
down_revision = "0017_integrity_sealed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("app_user", sa.Column("ui_language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    op.drop_column("app_user", "ui_language")
