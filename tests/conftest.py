"""Shared fixtures. Storage/service tests take `ctx`, which runs each test on a real SQLite file and,
when EXOCONSULT_TEST_PG_URL points at a PostgreSQL server (CI starts one), again on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
# The audit high-water marks every command and app close writes go to a throw-away folder, never into the
# tester's own ~/.config (subprocesses inherit it).
os.environ.setdefault("EXOCONSULT_CONFIG_DIR", __import__("tempfile").mkdtemp(prefix="exoconsult-test-config-"))

import pytest  # noqa: E402

from exoconsult.clock import FakeClock  # noqa: E402
from exoconsult.config import DataDir  # noqa: E402
from exoconsult.domain.people import Actor, Role  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("EXOCONSULT_TEST_PG_URL", "")


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashing():
    """In-process tests hash and check passwords and passphrases with the same algorithms at their lowest
    cost: argon2id t=1, m=8 MiB, p=1 and scrypt N=2^14. The production costs make each sign-in, signature
    and approval take about 0.4 s on purpose, which, over the suite's thousands of them, was minutes of CI.
    What the costs are is pinned by their own tests (tests/services/test_auth.py, test_secret_box), which
    use the production values explicitly; commands run as subprocesses keep the real costs."""
    from argon2 import PasswordHasher

    from exoconsult.services.accounts import auth
    from exoconsult.services.core import seal_key
    from exoconsult.storage import secret_box

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
        patch.setattr(secret_box, "PASSPHRASE_COST", 2**14)  # the lowest cost unlock() accepts
        patch.setattr(seal_key, "PASSWORD_COST", 2**14)
        patch.setattr(seal_key, "PASSPHRASE_COST", 2**14)
        yield


@pytest.fixture(autouse=True)
def _close_the_app_log():
    """A command run in-process opens its data folder's log; close it so the next test's records do not
    land in an earlier test's folder."""
    yield
    from exoconsult import app_log

    app_log.stop()


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
    from exoconsult.services.clinic import open_context

    context = open_context(data_dir, db_url, clock=clock, forms_dir=REPO / "forms")
    yield context
    context.close()


@pytest.fixture
def sqlite_ctx(data_dir: DataDir, clock: FakeClock):
    from exoconsult.services.clinic import open_context

    context = open_context(data_dir, None, clock=clock, forms_dir=REPO / "forms")
    yield context
    context.close()


# Known passwords of the test accounts (at least 12 characters, as the policy demands).
STAFF_PASSWORDS = {"admin": "admin-test-password", "nurse": "nurse-test-password",
                   "urologist": "urologist-test-password"}
_STAFF = (  # created in this order, so the ids are admin 1, nurse 2, urologist 3
    ("admin", "Admin", Role.ADMIN, "", ""),
    ("nurse", "Ayşe Nurse", Role.NURSE, "", ""),
    ("urologist", "Dr. Deniz Uro", Role.UROLOGIST, "", "TR-UR-0042"),
)
_HASHES: dict[str, str] = {}  # argon2 hashing is slow on purpose: hash each test password once per run


def create_staff(context) -> dict[str, Actor]:
    """Real, active accounts for the three test users (the per-call account check refuses unknown ids)."""
    from exoconsult.domain.people import SYSTEM_ACTOR
    from exoconsult.services.accounts.accounts import UserFields, insert_user, validate_user_fields
    from exoconsult.services.accounts.auth import hash_password

    out: dict[str, Actor] = {}
    with context.uow(SYSTEM_ACTOR) as uow:
        for username, display, role, title, registration in _STAFF:
            if username not in _HASHES:
                _HASHES[username] = hash_password(STAFF_PASSWORDS[username])
            fields = validate_user_fields(UserFields(username, display, role, title, registration))
            row = insert_user(uow, fields, _HASHES[username], must_change_password=False)
            out[username] = Actor(user_id=row.id, username=row.username, display_name=row.display_name, role=role)
        uow.commit()
    return out


@pytest.fixture
def staff(request) -> dict[str, Actor] | None:
    """The test accounts in the test's database (`ctx` or `sqlite_ctx`), or None for tests without one."""
    for name in ("ctx", "sqlite_ctx"):
        if name in request.fixturenames:
            return create_staff(request.getfixturevalue(name))
    return None


def _staff_actor(staff: dict[str, Actor] | None, fallback: Actor) -> Actor:
    return fallback if staff is None else staff[fallback.username]


@pytest.fixture
def nurse(staff) -> Actor:
    return _staff_actor(staff, Actor(user_id=2, username="nurse", display_name="Ayşe Nurse", role=Role.NURSE))


@pytest.fixture
def urologist(staff) -> Actor:
    return _staff_actor(staff, Actor(user_id=3, username="urologist", display_name="Dr. Deniz Uro", role=Role.UROLOGIST))


@pytest.fixture
def admin(staff) -> Actor:
    return _staff_actor(staff, Actor(user_id=1, username="admin", display_name="Admin", role=Role.ADMIN))
