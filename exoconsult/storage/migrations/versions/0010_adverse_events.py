"""Adverse events: the event, its entries (first assessment and follow-ups), sealed serious-adverse-event
reports and their sendings. All write-once (triggers): a follow-up is appended, never written over.

Revision ID: 0010_adverse_events
"""

import sqlalchemy as sa
from alembic import op

from exoconsult.storage.adverse_events import WRITE_ONCE
from exoconsult.storage.orm import UtcDateTime
from exoconsult.storage.triggers import drop_refuse_changes, refuse_changes

revision = "0010_adverse_events"
down_revision = "0008_procedure"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "adverse_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("onset_date", sa.Date(), nullable=False),
        sa.Column("learnt_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("term", sa.String(length=32), nullable=False),
        sa.Column("term_other", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        _fk("adverse_event", "patient_id", "patient"),
        _fk("adverse_event", "record_id", "procedure_record"),
        _fk("adverse_event", "lot_id", "product_lot"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adverse_event")),
    )
    for column in ("patient_id", "record_id", "lot_id"):
        op.create_index(op.f(f"ix_adverse_event_{column}"), "adverse_event", [column], unique=False)
    op.create_table(
        "adverse_event_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("known_on", sa.Date(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("serious_criteria", sa.Text(), nullable=False),
        sa.Column("relatedness", sa.String(length=16), nullable=False),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        _fk("adverse_event_entry", "event_id", "adverse_event"),
        _fk("adverse_event_entry", "patient_id", "patient"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adverse_event_entry")),
    )
    op.create_index(op.f("ix_adverse_event_entry_event_id"), "adverse_event_entry", ["event_id"], unique=False)
    op.create_table(
        "sae_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("archive_name", sa.String(length=80), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        _fk("sae_report", "event_id", "adverse_event"),
        _fk("sae_report", "patient_id", "patient"),
        _fk("sae_report", "entry_id", "adverse_event_entry"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sae_report")),
        sa.UniqueConstraint("document_id", name=op.f("uq_sae_report_document_id")),
        sa.UniqueConstraint("pdf_sha256", name=op.f("uq_sae_report_pdf_sha256")),
    )
    op.create_index(op.f("ix_sae_report_event_id"), "sae_report", ["event_id"], unique=False)
    op.create_index(op.f("ix_sae_report_patient_id"), "sae_report", ["patient_id"], unique=False)
    op.create_table(
        "sae_report_sending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=24), nullable=False),
        sa.Column("addressee", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        _fk("sae_report_sending", "report_id", "sae_report"),
        _fk("sae_report_sending", "event_id", "adverse_event"),
        _fk("sae_report_sending", "patient_id", "patient"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sae_report_sending")),
    )
    op.create_index(op.f("ix_sae_report_sending_report_id"), "sae_report_sending", ["report_id"], unique=False)
    op.create_index(op.f("ix_sae_report_sending_event_id"), "sae_report_sending", ["event_id"], unique=False)
    for table in WRITE_ONCE:
        refuse_changes(op, table)


def downgrade() -> None:
    for table in reversed(WRITE_ONCE):
        drop_refuse_changes(op, table)
    for table in reversed(WRITE_ONCE):
        op.drop_table(table)
