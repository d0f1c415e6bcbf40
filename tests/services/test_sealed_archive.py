"""verify's check of a sealed document kind kept in the database and an archive folder (procedure notes,
serious adverse event reports): every way a copy can go wrong is named, with the document it belongs to."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

from exoconsult.services.core.sealed_archive import sealed_archive_problems


def _row(document_id: str, pdf: bytes, recorded: bytes | None = None) -> SimpleNamespace:
    return SimpleNamespace(document_id=document_id, pdf=pdf, archive_name=f"note-{document_id}.pdf",
                           pdf_sha256=hashlib.sha256(recorded if recorded is not None else pdf).hexdigest())


def test_each_stored_pdf_and_archive_copy_is_checked_and_a_stray_file_is_named(tmp_path):
    good, edited, missing, differs = (_row("a", b"%PDF a"), _row("b", b"%PDF b!", recorded=b"%PDF b"),
                                      _row("c", b"%PDF c"), _row("d", b"%PDF d"))
    (tmp_path / good.archive_name).write_bytes(good.pdf)
    (tmp_path / edited.archive_name).write_bytes(b"%PDF b")
    (tmp_path / differs.archive_name).write_bytes(b"%PDF d, replaced")
    (tmp_path / "note-z.pdf").write_bytes(b"%PDF z")
    rows = [good, edited, missing, differs]
    found = sealed_archive_problems(rows, {r.archive_name for r in rows}, tmp_path, "procedure_note", "note archive")
    assert [(p.entity_id, p.message) for p in found] == [
        ("b", "stored PDF does not match its recorded SHA-256"),
        ("c", "archive copy note-c.pdf is missing"),
        ("d", "archive copy note-d.pdf differs from the record"),
        ("", "file note-z.pdf in the note archive has no record")]
    assert {p.entity for p in found[:3]} == {"procedure_note"}


def test_a_clean_archive_has_no_problem(tmp_path):
    row = _row("a", b"%PDF a")
    (tmp_path / row.archive_name).write_bytes(row.pdf)
    assert sealed_archive_problems([row], {row.archive_name}, tmp_path, "sae_report", "SAE report archive") == []
    assert sealed_archive_problems([], set(), tmp_path / "absent", "sae_report", "SAE report archive") == []
