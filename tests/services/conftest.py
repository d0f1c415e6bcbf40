"""Fixtures shared by the service tests (a module may define its own `clinic` to override this one)."""

from __future__ import annotations

import pytest

from exoconsult.services.core import seal_key
from tests.backup_support import set_up_clinic


@pytest.fixture
def clinic(ctx):
    """A set-up clinic on SQLite and PostgreSQL, with no seal key left unlocked from another test."""
    seal_key.forget_all()
    staff = set_up_clinic(ctx)
    yield ctx, staff
    seal_key.forget_all()
