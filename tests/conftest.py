"""Shared fixtures. Storage/service tests take `ctx`, which runs each test on a real SQLite file and,
when EXOCONSULT_TEST_PG_URL points at a PostgreSQL server (CI starts one), again on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest  # noqa: E402

from exoconsult.clock import FakeClock  # noqa: E402
from exoconsult.config import DataDir  # noqa: E402
from exoconsult.domain.people import Actor, Role  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("EXOCONSULT_TEST_PG_URL", "")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


def _pg_database() -> str:
    """A fresh, empty PostgreSQL database for one test; returns its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"exo_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _pg_drop(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, data_dir: DataDir):
    if request.param == "sqlite":
        yield data_dir.database_url()
        return
    if not PG_URL:
        pytest.skip("set EXOCONSULT_TEST_PG_URL to run on PostgreSQL (CI does)")
    url = _pg_database()
    yield url
    _pg_drop(url)


@pytest.fixture
def ctx(db_url: str, data_dir: DataDir, clock: FakeClock):
    from exoconsult.services.context import open_context

    context = open_context(data_dir, db_url, clock=clock, forms_dir=REPO / "forms")
    yield context
    context.close()


@pytest.fixture
def sqlite_ctx(data_dir: DataDir, clock: FakeClock):
    from exoconsult.services.context import open_context

    context = open_context(data_dir, None, clock=clock, forms_dir=REPO / "forms")
    yield context
    context.close()


@pytest.fixture
def nurse() -> Actor:
    return Actor(user_id=2, username="nurse", display_name="Ayşe Nurse", role=Role.NURSE)


@pytest.fixture
def urologist() -> Actor:
    return Actor(user_id=3, username="urologist", display_name="Dr. Deniz Uro", role=Role.UROLOGIST)


@pytest.fixture
def admin() -> Actor:
    return Actor(user_id=1, username="admin", display_name="Admin", role=Role.ADMIN)
