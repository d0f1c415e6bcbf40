"""The check `verify` makes of a kind of sealed document kept in the database and in an archive folder
(procedure notes, serious adverse event reports): each stored PDF against its recorded SHA-256, its archive
copy against the same, and no file in the folder without its record. Free of reportlab and pyHanko, so that
`verify` does not load them to compare hashes (issue 22: the daily check's start-up)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from exoconsult.storage.archive import sha256_file
from exoconsult.storage.integrity import IntegrityProblem


def sealed_archive_problems(rows: Iterable, known: set[str], folder: Path, entity: str,
                            archive_name: str) -> list[IntegrityProblem]:
    """`rows`: the stored documents (pdf, pdf_sha256, archive_name, document_id); `known`: every archive file
    name the records hold; `archive_name`: how the folder is named in a problem ("note archive")."""
    problems = []
    for row in rows:
        if hashlib.sha256(bytes(row.pdf)).hexdigest() != row.pdf_sha256:
            problems.append(IntegrityProblem("archive", "stored PDF does not match its recorded SHA-256",
                                             entity, row.document_id))
        path = folder / row.archive_name
        if not path.is_file():
            problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} is missing",
                                             entity, row.document_id))
        elif sha256_file(path) != row.pdf_sha256:
            problems.append(IntegrityProblem("archive", f"archive copy {row.archive_name} differs from the record",
                                             entity, row.document_id))
    if folder.is_dir():
        problems += [IntegrityProblem("archive", f"file {path.name} in the {archive_name} has no record")
                     for path in sorted(folder.iterdir()) if path.is_file() and path.name not in known]
    return problems
