"""`verify` with the checks that do not trust the database alone: every stored PDF's seal against the
pinned clinic certificate (listed in verify.DOCUMENT_CHECKS), and the audit chain against the anchors
kept outside the database (backup folders named by the caller, this workstation's high-water mark)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from exoconsult.domain.errors import ExoError
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.external_anchors import anchor_report, record_high_water_mark
from exoconsult.services.integrity.verify import VerifyReport, verify_installation
from exoconsult.storage.document_facts import save_document_facts
from exoconsult.storage.schema_version import at_shipped_head


def verify_with_anchors(ctx: ServiceContext, backup_folders: tuple[Path, ...] = (), *,
                        full: bool = False) -> tuple[VerifyReport, list[str]]:
    """(report, notes). When everything holds, this workstation's high-water mark moves up to the head."""
    _refuse_an_older_schema(ctx)
    report = verify_installation(ctx, full=full)
    if len(report.checks) == 1:  # the database itself failed: nothing else is meaningful
        return report, []
    problems, notes = anchor_report(ctx, backup_folders, report.documents)
    report = replace(report, checks=(*report.checks, "anchors outside the database"),
                     problems=(*report.problems, *problems))
    if report.ok:
        record_high_water_mark(ctx)
        if report.documents is not None:
            save_document_facts(ctx.db, report.documents)
    return report, notes


def _refuse_an_older_schema(ctx: ServiceContext) -> None:
    """verify reads without migrating; on an older schema its checks would fail on tables that do not
    exist yet ("no such table"), which reads like damage. Say what it is and what to do instead."""
    if at_shipped_head(ctx.db):
        return
    from exoconsult.storage import migrate

    current, heads = migrate.current_revisions(ctx.db), migrate.script_heads()
    if set(current) == set(heads):
        return
    if not current:
        raise ExoError("the database holds no ExoConsult clinic yet (no schema): nothing to verify.")
    raise ExoError(f"the database is at schema {', '.join(current)}, older than this version's "
                   f"({', '.join(heads)}); verify does not change it. Start ExoConsult once, or run "
                   "`exoconsult db upgrade` (it backs up first), then verify again.")
