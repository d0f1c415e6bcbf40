"""The performing urologist (content release 1.1, item 4): named on each consent, chosen from the
clinic's urologists, and carried into the procedure plan. Both columns are nullable — consents and plans
from before name no one (their signing urologist performs) — and listed as added columns, so their audit
entries replay unchanged. A signed consent's performer is frozen with the rest of it (triggers).

Revision ID: 0014_performing_urologist
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.consents import PERFORMER_UNCHANGED, WITHDRAWAL_ONLY
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0014_performing_urologist"
down_revision = "0013_consent_choices"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("consent", sa.Column("performing_urologist_id", sa.Integer(), nullable=True))
    op.add_column("procedure_plan", sa.Column("performing_urologist_id", sa.Integer(), nullable=True))
    dialect = op.get_bind().dialect.name
    drop_refuse_changes(op, "consent")
    refuse_changes(op, "consent", allow_update_when=f"{WITHDRAWAL_ONLY} AND {PERFORMER_UNCHANGED[dialect]}")


def downgrade() -> None:
    drop_refuse_changes(op, "consent")
    refuse_changes(op, "consent", allow_update_when=WITHDRAWAL_ONLY)
    op.drop_column("procedure_plan", "performing_urologist_id")
    op.drop_column("consent", "performing_urologist_id")
