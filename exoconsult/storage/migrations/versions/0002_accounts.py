"""Staff accounts: unique Turkish-folded usernames, lockout state kept in the database, never deleted.

Revision ID: 0002_accounts
"""

import sqlalchemy as sa
from alembic import op

# Alembic loads every revision script whenever it reads the schema history (also in `verify`, which
# does not migrate): importing the mapping here registers it, so the audit replay checks users too.
import exoconsult.storage.accounts  # noqa: F401
from exoconsult.storage.orm import UtcDateTime

revision = "0002_accounts"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

_PG_REFUSE_DELETE = """
CREATE OR REPLACE FUNCTION exo_refuse_user_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'app_user rows are never deleted (deactivate the account instead)';
END $$;
"""


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("username_key", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("title", sa.String(40), nullable=False),
        sa.Column("registration_number", sa.String(40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", UtcDateTime(), nullable=True),
        sa.Column("locked_until", UtcDateTime(), nullable=True),
        sa.Column("last_login_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deactivated_at", UtcDateTime(), nullable=True),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username_key", name=op.f("uq_app_user_username_key")),
        sa.CheckConstraint("role IN ('admin', 'urologist', 'nurse')", name=op.f("ck_app_user_role")),
        sqlite_autoincrement=True,
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE TRIGGER app_user_no_delete BEFORE DELETE ON app_user "
                   "BEGIN SELECT RAISE(ABORT, 'app_user rows are never deleted (deactivate the account instead)'); END")
    else:
        op.execute(_PG_REFUSE_DELETE)
        op.execute("CREATE TRIGGER app_user_no_delete BEFORE DELETE ON app_user FOR EACH ROW "
                   "EXECUTE FUNCTION exo_refuse_user_delete()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS app_user_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS app_user_no_delete ON app_user")
    op.drop_table("app_user")
