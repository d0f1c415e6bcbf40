"""Opening a clinic's services: the one place that lists what runs at start-up and which checks
`verify` makes (explicit registration, not a side effect of which module was imported first)."""

from __future__ import annotations

from pathlib import Path

from exoconsult.clock import Clock
from exoconsult.config import DataDir
from exoconsult.services.core.context import ServiceContext, open_database
from exoconsult.services.core.external_anchors import watch_commits


def open_context(data_dir: DataDir, database_url: str | None = None, *, clock: Clock | None = None,
                 forms_dir: Path | None = None, upgrade: bool = True) -> ServiceContext:
    """Open (and migrate, after a verified backup) the database for a data folder, then run the start-up
    repairs: the seal key file of an older version moves into the database; a signing killed after its
    commit but before its archive copy is completed here (and a second workstation gets its archive copy of
    every document signed elsewhere: the database is the record, each archive folder its local copy); a logo
    kept only in branding/ goes into the database."""
    ctx = open_database(data_dir, database_url, clock=clock, forms_dir=forms_dir, upgrade=upgrade)
    watch_commits(ctx.db)  # each save raises this workstation's audit high-water mark (outside the data folder)
    if upgrade:
        # Imported here: a read-only opening (`verify`) runs none of them and need not load the renderers and
        # pyHanko's signing side they live beside (issue 22: the daily check's start-up).
        from exoconsult.services.adverse_events.sae_report import repair_report_archive
        from exoconsult.services.consent.consent_archive import repair_archive
        from exoconsult.services.core import seal_key
        from exoconsult.services.core.clinic_settings import adopt_logo_file
        from exoconsult.services.procedure.procedure_note import repair_note_archive

        seal_key.adopt_slots_file(ctx.db, data_dir.keys_dir, ctx.clock)  # keys/ of an older version moves in
        repair_archive(ctx, deep=False)
        repair_note_archive(ctx)
        repair_report_archive(ctx)
        adopt_logo_file(ctx)  # an older version's logo, only in branding/, goes into the database too
    return ctx
