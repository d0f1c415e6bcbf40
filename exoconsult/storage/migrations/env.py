"""Alembic environment: always run from code (storage/migrate.py) on the app's own connection."""

from alembic import context

import exoconsult.storage.accounts  # noqa: F401  (staff accounts)
import exoconsult.storage.adverse_events  # noqa: F401  (adverse events, their entries, SAE reports and sendings)
import exoconsult.storage.assessments  # noqa: F401  (assessment snapshots and resolutions)
import exoconsult.storage.consent_evidence  # noqa: F401  (what each signed consent rests on)
import exoconsult.storage.consents  # noqa: F401  (signed consents and withdrawals)
import exoconsult.storage.content_approvals  # noqa: F401  (content approvals and account grants)
import exoconsult.storage.explanation  # noqa: F401  (explanation records)
import exoconsult.storage.followup  # noqa: F401  (follow-up visits and status events)
import exoconsult.storage.history  # noqa: F401  (history versions and drafts)
import exoconsult.storage.printing  # noqa: F401  (print records and procedure plans)
import exoconsult.storage.procedures  # noqa: F401  (lots, checklists, procedure records and notes)
import exoconsult.storage.seal_key_store  # noqa: F401  (the encrypted seal key and its slots)
from exoconsult.storage import orm  # noqa: F401  (registers every mapped table)
from exoconsult.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
