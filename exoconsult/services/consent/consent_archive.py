"""Keeping the consent archive folder and the database in agreement (start-up repair, and verify's check
of every archived consent and withdrawal). Checking one document is integrity/document_check.py."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from stat import S_ISREG

from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.context import ServiceContext
from exoconsult.storage.archive import (
    ArchiveState,
    archive_folder,
    inspect_archive,
    sha256_file,
    write_atomically,
)
from exoconsult.storage.consents import ConsentRepository, ConsentRow
from exoconsult.storage.document_facts import DocumentFacts, document_key
from exoconsult.storage.integrity import IntegrityProblem


def _index(ctx: ServiceContext) -> list[tuple[str, str, str]]:
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        return ConsentRepository(uow.session).archive_index()


def repair_archive(ctx: ServiceContext, *, deep: bool = True) -> ArchiveState:
    """Start-up check: rewrite missing or damaged copies from the database and remove leftover temporary
    files. Orphan files (no record: a signing killed before its commit) are left for `verify` to report."""
    folder = archive_folder(ctx.data_dir.archive_dir)
    state = inspect_archive(folder, _index(ctx), deep=deep)
    if state.missing or state.mismatched or state.partials:
        with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
            repo = ConsentRepository(uow.session)
            for name in state.missing + state.mismatched:
                write_atomically(folder, name, repo.pdf_by_archive_name(name))
        for name in state.partials:
            (folder / name).unlink(missing_ok=True)
    return state


def archive_problems(ctx: ServiceContext, facts: DocumentFacts | None = None) -> list[IntegrityProblem]:
    """For `exoconsult verify`: every stored document against its archived copy, and the bytes in the
    database against the recorded hash. With `facts` (the daily check) a document whose row reads back as
    when last verified is not re-hashed, nor its archive copy while that copy's stat is unchanged."""
    folder = ctx.data_dir.archive_dir / "consents"
    problems = []
    # Several workstations share a PostgreSQL database: each archive folder is filled from it at every start.
    elsewhere = "" if ctx.db.is_sqlite else (" on this workstation (a document signed on another workstation "
                                             "since this one started is copied here at its next start)")
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ConsentRepository(uow.session)
        for row in repo.each_document(with_pdf=facts is None):  # a few at a time: memory stays bounded
            kind = "consent" if isinstance(row, ConsentRow) else "withdrawal"
            key = document_key(row)
            if facts is None or not facts.pdf_known(key):
                if hashlib.sha256(bytes(row.pdf)).hexdigest() != row.pdf_sha256:
                    problems.append(IntegrityProblem("archive", "stored PDF does not match its recorded SHA-256",
                                                     kind, row.document_id))
                elif facts is not None:
                    facts.note_pdf(key)
            path = folder / row.archive_name
            stat = _stat(path)
            if stat is None:
                problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} is missing{elsewhere}",
                                                 kind, row.document_id))
            elif facts is not None and facts.archive_unchanged(key, stat):
                continue
            elif sha256_file(path) != row.pdf_sha256:
                problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} differs from the record",
                                                 kind, row.document_id))
            elif facts is not None:
                facts.note_archive(key, stat)
        known = {name for name, _, _ in repo.archive_index()}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name not in known:
                problems.append(IntegrityProblem("archive", f"file {path.name} in the archive has no record"))
    return problems


def _stat(path: Path) -> os.stat_result | None:
    """The archive copy's stat, None when there is no such file."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat if S_ISREG(stat.st_mode) else None
