"""The archive folder: a copy of every sealed document, named by document id, written atomically
(temporary file in the same folder, fsync, rename, fsync of the folder). The database is the record;
the archive is its copy on disk, repaired from the database at start-up when a copy is missing or wrong."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from exoconsult.config import make_private_dir

TMP_SUFFIX = ".partial"


def archive_folder(root: Path) -> Path:
    return make_private_dir(root / "consents")


def write_atomically(folder: Path, name: str, data: bytes) -> Path:
    if "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"bad archive name {name!r}")
    final = folder / name
    tmp = folder / (name + TMP_SUFFIX)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return final


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class ArchiveState:
    missing: tuple[str, ...]  # recorded in the database, no file
    mismatched: tuple[str, ...]  # file differs from the database's bytes
    orphans: tuple[str, ...]  # file with no database record (e.g. a killed write of an uncommitted consent)
    partials: tuple[str, ...]  # leftover temporary files


def inspect_archive(folder: Path, index: list[tuple[str, str, str]], *, deep: bool = True) -> ArchiveState:
    """Compare the folder with the database's index. `deep` also hashes every file (verify does; start-up
    only looks for missing files and leftovers, so it stays fast with thousands of documents)."""
    expected = {name: digest for name, digest, _ in index}
    present = {p.name for p in folder.iterdir() if p.is_file()} if folder.exists() else set()
    partials = sorted(n for n in present if n.endswith(TMP_SUFFIX))
    files = present - set(partials)
    missing = sorted(n for n in expected if n not in files)
    mismatched = sorted(n for n in expected if deep and n in files and sha256_file(folder / n) != expected[n])
    orphans = sorted(n for n in files if n not in expected)
    return ArchiveState(tuple(missing), tuple(mismatched), tuple(orphans), tuple(partials))
