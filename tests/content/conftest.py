"""Fixtures for the content tests: a private, editable copy of the shipped texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from content_testkit import CONTENT_DIRS, FORMS


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    """Copy of the content folders of forms/, so a test can break one file without touching the repo."""
    target = tmp_path / "forms"
    for name in CONTENT_DIRS:
        shutil.copytree(FORMS / name, target / name)
    return target
