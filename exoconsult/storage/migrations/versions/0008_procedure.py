"""The procedure day: product lots and their events, checklist answers and decisions, procedure records
and sealed procedure notes. Everything but the lot itself is write-once (triggers); a lot may change only
its status (the event rows keep its history), never what was received, and is never deleted.

Revision ID: 0008_procedure
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.procedures import LOT_STATUS_ONLY
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0008_procedure"
down_revision = "0007_printing"
branch_labels = None
depends_on = None

WRITE_ONCE = ("product_lot_event", "procedure_checklist_answer", "procedure_checklist_decision", "procedure_record",
              "procedure_note")


def upgrade() -> None:
    op.create_table('product_lot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_name', sa.String(length=200), nullable=False),
    sa.Column('manufacturer', sa.String(length=200), nullable=False),
    sa.Column('lot_number', sa.String(length=64), nullable=False),
    sa.Column('expiry_date', sa.Date(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('received_by', sa.Integer(), nullable=False),
    sa.Column('vials', sa.Integer(), nullable=False),
    sa.Column('volume_per_vial_ml', sa.Float(), nullable=False),
    sa.Column('temperature_on_receipt_c', sa.Float(), nullable=False),
    sa.Column('storage_min_c', sa.Float(), nullable=False),
    sa.Column('storage_max_c', sa.Float(), nullable=False),
    sa.Column('coa_reference', sa.String(length=200), nullable=False),
    sa.Column('coa_pdf', sa.LargeBinary(), nullable=True),
    sa.Column('coa_sha256', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.Column('released_by', sa.Integer(), nullable=True),
    sa.Column('released_at', UtcDateTime(), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_lot')),
    sa.UniqueConstraint('manufacturer', 'lot_number', name='uq_product_lot_manufacturer_lot')
    )
    op.create_index(op.f('ix_product_lot_lot_number'), 'product_lot', ['lot_number'], unique=False)
    op.create_table('product_lot_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=16), nullable=False),
    sa.Column('at', UtcDateTime(), nullable=False),
    sa.Column('by', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['lot_id'], ['product_lot.id'], name=op.f('fk_product_lot_event_lot_id_product_lot')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_product_lot_event_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_lot_event'))
    )
    op.create_index(op.f('ix_product_lot_event_lot_id'), 'product_lot_event', ['lot_id'], unique=False)
    op.create_index(op.f('ix_product_lot_event_patient_id'), 'product_lot_event', ['patient_id'], unique=False)
    op.create_table('procedure_checklist_answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=40), nullable=False),
    sa.Column('answer', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=True),
    sa.Column('answered_by', sa.Integer(), nullable=False),
    sa.Column('answered_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['product_lot.id'], name=op.f('fk_procedure_checklist_answer_lot_id_product_lot')),
    sa.ForeignKeyConstraint(['plan_id'], ['procedure_plan.id'], name=op.f('fk_procedure_checklist_answer_plan_id_procedure_plan')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_procedure_checklist_answer_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_checklist_answer'))
    )
    op.create_index(op.f('ix_procedure_checklist_answer_plan_id'), 'procedure_checklist_answer', ['plan_id'], unique=False)
    op.create_table('procedure_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('consent_document_id', sa.String(length=36), nullable=False),
    sa.Column('lot_id', sa.Integer(), nullable=False),
    sa.Column('performed_by', sa.Integer(), nullable=False),
    sa.Column('assistant', sa.String(length=200), nullable=False),
    sa.Column('started_at', UtcDateTime(), nullable=False),
    sa.Column('ended_at', UtcDateTime(), nullable=False),
    sa.Column('anaesthetic_agent', sa.String(length=60), nullable=False),
    sa.Column('anaesthetic_concentration', sa.String(length=20), nullable=False),
    sa.Column('anaesthetic_left_ml', sa.Float(), nullable=False),
    sa.Column('anaesthetic_right_ml', sa.Float(), nullable=False),
    sa.Column('cord_block', sa.Boolean(), nullable=False),
    sa.Column('skin_infiltration', sa.Boolean(), nullable=False),
    sa.Column('needle_gauge', sa.Integer(), nullable=False),
    sa.Column('left_volume_ml', sa.Float(), nullable=False),
    sa.Column('right_volume_ml', sa.Float(), nullable=False),
    sa.Column('left_sites', sa.Integer(), nullable=False),
    sa.Column('right_sites', sa.Integer(), nullable=False),
    sa.Column('events', sa.Text(), nullable=False),
    sa.Column('events_note', sa.Text(), nullable=False),
    sa.Column('pain_score', sa.Integer(), nullable=True),
    sa.Column('discharged_at', UtcDateTime(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['lot_id'], ['product_lot.id'], name=op.f('fk_procedure_record_lot_id_product_lot')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_procedure_record_patient_id_patient')),
    sa.ForeignKeyConstraint(['plan_id'], ['procedure_plan.id'], name=op.f('fk_procedure_record_plan_id_procedure_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_record')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_procedure_record_plan_id'))
    )
    op.create_index(op.f('ix_procedure_record_lot_id'), 'procedure_record', ['lot_id'], unique=False)
    op.create_index(op.f('ix_procedure_record_patient_id'), 'procedure_record', ['patient_id'], unique=False)
    op.create_table('procedure_checklist_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=False),
    sa.Column('decided_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['procedure_checklist_answer.id'], name=op.f('fk_procedure_checklist_decision_answer_id_procedure_checklist_answer')),
    sa.ForeignKeyConstraint(['plan_id'], ['procedure_plan.id'], name=op.f('fk_procedure_checklist_decision_plan_id_procedure_plan')),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_procedure_checklist_decision_patient_id_patient')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_checklist_decision')),
    sa.UniqueConstraint('answer_id', name=op.f('uq_procedure_checklist_decision_answer_id'))
    )
    op.create_index(op.f('ix_procedure_checklist_decision_plan_id'), 'procedure_checklist_decision', ['plan_id'], unique=False)
    op.create_table('procedure_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('corrects_document_id', sa.String(length=36), nullable=True),
    sa.Column('correction', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('pdf_sha256', sa.String(length=64), nullable=False),
    sa.Column('archive_name', sa.String(length=80), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name=op.f('fk_procedure_note_patient_id_patient')),
    sa.ForeignKeyConstraint(['record_id'], ['procedure_record.id'], name=op.f('fk_procedure_note_record_id_procedure_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_procedure_note')),
    sa.UniqueConstraint('document_id', name=op.f('uq_procedure_note_document_id')),
    sa.UniqueConstraint('pdf_sha256', name=op.f('uq_procedure_note_pdf_sha256'))
    )
    op.create_index(op.f('ix_procedure_note_patient_id'), 'procedure_note', ['patient_id'], unique=False)
    op.create_index(op.f('ix_procedure_note_record_id'), 'procedure_note', ['record_id'], unique=False)
    for table in WRITE_ONCE:
        refuse_changes(op, table)
    refuse_changes(op, "product_lot", allow_update_when=LOT_STATUS_ONLY)


def downgrade() -> None:
    drop_refuse_changes(op, "product_lot")
    for table in reversed(WRITE_ONCE):
        drop_refuse_changes(op, table)
    for table in ("procedure_note", "procedure_checklist_decision", "procedure_record", "procedure_checklist_answer",
                  "product_lot_event", "product_lot"):
        op.drop_table(table)
