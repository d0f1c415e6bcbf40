"""Helpers for breaking copied content files in tests (imported by the test modules of this folder)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FORMS = REPO / "forms"
CONTENT_DIRS = ("explanation", "comprehension", "consent")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a copied file; fails loudly if the text to break is not there any more."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line containing needle."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
