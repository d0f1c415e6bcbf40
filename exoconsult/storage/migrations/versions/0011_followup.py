"""Follow-up: the recorded visits of the schedule (done with their record, or missed) and the patient's
follow-up status events (lost, resumed). Visits are never deleted and keep which visit of which
procedure they are; status events are write-once (triggers).

Revision ID: 0011_followup
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.followup import VISIT_IDENTITY_KEPT
from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0011_followup"
down_revision = "0010_adverse_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('followup_visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('visit_key', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=True),
    sa.Column('missed_reason', sa.Text(), nullable=False),
    sa.Column('answers', sa.Text(), nullable=False),
    sa.Column('schedule_version', sa.String(length=16), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', UtcDateTime(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=False),
    sa.Column('updated_at', UtcDateTime(), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_followup_visit_patient_id_patient')),
    sa.ForeignKeyConstraint(['record_id'], ['procedure_record.id'], name=op.f('fk_followup_visit_record_id_procedure_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup_visit')),
    sa.UniqueConstraint('record_id', 'visit_key', name='uq_followup_visit_record_visit')
    )
    op.create_index(op.f('ix_followup_visit_patient_id'), 'followup_visit', ['patient_id'], unique=False)
    op.create_index(op.f('ix_followup_visit_record_id'), 'followup_visit', ['record_id'], unique=False)
    op.create_table('followup_status_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=8), nullable=False),
    sa.Column('on_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_followup_status_event_patient_id_patient')),
    sa.ForeignKeyConstraint(['record_id'], ['procedure_record.id'], name=op.f('fk_followup_status_event_record_id_procedure_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followup_status_event'))
    )
    op.create_index(op.f('ix_followup_status_event_patient_id'), 'followup_status_event', ['patient_id'], unique=False)
    op.create_index(op.f('ix_followup_status_event_record_id'), 'followup_status_event', ['record_id'], unique=False)
    refuse_changes(op, "followup_status_event")
    refuse_changes(op, "followup_visit", allow_update_when=VISIT_IDENTITY_KEPT)


def downgrade() -> None:
    drop_refuse_changes(op, "followup_visit")
    drop_refuse_changes(op, "followup_status_event")
    op.drop_table("followup_status_event")
    op.drop_table("followup_visit")
