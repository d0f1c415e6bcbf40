"""verify's check of the sealed procedure notes: every stored note and addendum against its recorded hash and
its archive copy. Apart from procedure_note.py, which renders and seals them, so that `verify` does not load
reportlab and pyHanko to compare hashes (issue 22: the daily check's start-up)."""

from __future__ import annotations

import hashlib

from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.context import ServiceContext
from exoconsult.storage.archive import sha256_file
from exoconsult.storage.integrity import IntegrityProblem
from exoconsult.storage.procedures import ProcedureRepository

NOTE_FOLDER = "procedure-notes"


def note_archive_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    """For `exoconsult verify`: every sealed procedure note and addendum against its hash and its copy."""
    folder = ctx.data_dir.archive_dir / NOTE_FOLDER
    problems = []
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ProcedureRepository(uow.session)
        for row in repo.notes():
            if hashlib.sha256(bytes(row.pdf)).hexdigest() != row.pdf_sha256:
                problems.append(IntegrityProblem("archive", "stored PDF does not match its recorded SHA-256",
                                                 "procedure_note", row.document_id))
            path = folder / row.archive_name
            if not path.is_file():
                problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} is missing",
                                                 "procedure_note", row.document_id))
            elif sha256_file(path) != row.pdf_sha256:
                problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} differs from the record",
                                                 "procedure_note", row.document_id))
        known = {name for name, _, _ in repo.note_archive_index()}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.name not in known:
                problems.append(IntegrityProblem("archive", f"file {path.name} in the note archive has no record"))
    return problems
