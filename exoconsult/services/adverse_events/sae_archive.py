"""verify's check of the sealed serious adverse event reports: each against its recorded hash and its archive
copy. Apart from sae_report.py, which renders and seals them, so that `verify` does not load reportlab and
pyHanko to compare hashes (issue 22: the daily check's start-up)."""

from __future__ import annotations

import hashlib

from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.context import ServiceContext
from exoconsult.storage.adverse_events import AdverseEventRepository
from exoconsult.storage.archive import sha256_file
from exoconsult.storage.integrity import IntegrityProblem

FOLDER = "sae-reports"


def report_archive_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    """For `exoconsult verify`: every sealed SAE report against its hash and its archive copy."""
    folder = ctx.data_dir.archive_dir / FOLDER
    problems = []
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = AdverseEventRepository(uow.session)
        for row in repo.reports():
            path = folder / row.archive_name
            if hashlib.sha256(bytes(row.pdf)).hexdigest() != row.pdf_sha256:
                problems.append(IntegrityProblem("archive", "stored PDF does not match its recorded SHA-256",
                                                 "sae_report", row.document_id))
            if not path.is_file():
                problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} is missing",
                                                 "sae_report", row.document_id))
            elif sha256_file(path) != row.pdf_sha256:
                problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} differs from the record",
                                                 "sae_report", row.document_id))
        known = {name for name, _, _ in repo.report_archive_index()}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name not in known:
                problems.append(IntegrityProblem("archive", f"file {path.name} in the SAE report archive has no record"))
    return problems
