"""verify's check of the sealed procedure notes: every stored note and addendum against its recorded hash and
its archive copy. Apart from procedure_note.py, which renders and seals them, so that `verify` does not load
reportlab and pyHanko to compare hashes (issue 22: the daily check's start-up)."""

from __future__ import annotations

from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.sealed_archive import sealed_archive_problems
from exoconsult.storage.integrity import IntegrityProblem
from exoconsult.storage.procedures import ProcedureRepository

NOTE_FOLDER = "procedure-notes"


def note_archive_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    """For `exoconsult verify`: every sealed procedure note and addendum against its hash and its copy."""
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ProcedureRepository(uow.session)
        return sealed_archive_problems(repo.notes(), {name for name, _, _ in repo.note_archive_index()},
                                       ctx.data_dir.archive_dir / NOTE_FOLDER, "procedure_note", "note archive")
