"""verify's check of the sealed serious adverse event reports: each against its recorded hash and its archive
copy. Apart from sae_report.py, which renders and seals them, so that `verify` does not load reportlab and
pyHanko to compare hashes (issue 22: the daily check's start-up)."""

from __future__ import annotations

from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.sealed_archive import sealed_archive_problems
from exoconsult.storage.adverse_events import AdverseEventRepository
from exoconsult.storage.integrity import IntegrityProblem

FOLDER = "sae-reports"


def report_archive_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    """For `exoconsult verify`: every sealed SAE report against its hash and its archive copy."""
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = AdverseEventRepository(uow.session)
        return sealed_archive_problems(repo.reports(), {name for name, _, _ in repo.report_archive_index()},
                                       ctx.data_dir.archive_dir / FOLDER, "sae_report", "SAE report archive")
