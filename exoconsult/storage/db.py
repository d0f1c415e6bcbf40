"""Engines and sessions. SQLite pragmas are set on every connection and read back (asserted, not assumed)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from exoconsult.domain.errors import StorageError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.storage.audit import PENDING_HEAD, install_audit_hooks

BUSY_TIMEOUT_MS = 10_000

# (pragma, value to set, value expected when read back)
SQLITE_PRAGMAS: tuple[tuple[str, str, object], ...] = (
    ("foreign_keys", "ON", 1),
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("busy_timeout", str(BUSY_TIMEOUT_MS), BUSY_TIMEOUT_MS),
    ("secure_delete", "ON", 1),
    ("trusted_schema", "OFF", 0),
)


def read_sqlite_pragmas(dbapi_conn) -> dict[str, object]:
    cur = dbapi_conn.cursor()
    try:
        return {name: cur.execute(f"PRAGMA {name}").fetchone()[0] for name, _, _ in SQLITE_PRAGMAS}
    finally:
        cur.close()


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so DDL (migrations) is transactional and
    # writers can take the lock up front with BEGIN IMMEDIATE (pysqlite workaround from the SQLAlchemy docs).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        for name, value, _ in SQLITE_PRAGMAS:
            cur.execute(f"PRAGMA {name}={value}")
    finally:
        cur.close()
    actual = read_sqlite_pragmas(dbapi_conn)
    wrong = {n: actual[n] for n, _, want in SQLITE_PRAGMAS if actual[n] != want}
    if wrong:
        dbapi_conn.close()
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "SQLite refused required settings ({settings}); the database folder may be on a network share"), settings=wrong))


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _on_sqlite_connect)

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # Writers take the write lock at BEGIN so the audit chain head they read cannot go stale.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _create_private_file(path: Path) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def _forget_pending_head(session: Session) -> None:
    session.info.pop(PENDING_HEAD, None)


class Database:
    """One database: a writer engine (BEGIN IMMEDIATE on SQLite) and a reader engine."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            db_file = parsed.database
            if not db_file or db_file == ":memory:":
                raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "an in-memory SQLite database cannot hold clinical records")))
            self.sqlite_path: Path | None = Path(db_file)
            _create_private_file(self.sqlite_path)
            self.write_engine = _sqlite_engine(url, immediate=True)
            self.read_engine = _sqlite_engine(url, immediate=False)
        elif self.dialect == "postgresql":
            self.sqlite_path = None
            try:
                # connect_timeout: an unreachable server must fail in seconds, not after the OS gives up (minutes).
                self.write_engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
            except ModuleNotFoundError as exc:  # the driver is an extra: most clinics run on SQLite
                raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "this installation has no PostgreSQL driver ({driver}): install it with "
                                       "pip install \"exoconsult[postgres]\""), driver=exc.name)) from None
            self.read_engine = self.write_engine
        else:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "unsupported database {name}: use SQLite or PostgreSQL"), name=repr(self.dialect)))
        self._write_sessions = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        install_audit_hooks(self._write_sessions)
        install_audit_hooks(self._read_sessions)
        # Called after a commit that appended audit entries: (seq, hash) before and after it. Listeners must
        # not raise (the commit has happened); they keep anchors outside the database.
        self.audit_commit_listeners: list[Callable[[tuple[int, str], tuple[int, str]], None]] = []
        for factory in (self._write_sessions, self._read_sessions):
            event.listen(factory, "after_commit", self._after_commit)
            event.listen(factory, "after_rollback", _forget_pending_head)

    def _after_commit(self, session: Session) -> None:
        pending = session.info.pop(PENDING_HEAD, None)
        if pending is None:
            return
        for listener in list(self.audit_commit_listeners):
            try:
                listener((pending[0], pending[1]), (pending[2], pending[3]))
            except Exception:  # noqa: BLE001 - an anchor that cannot be written must not undo a committed save
                pass

    def check_reachable(self) -> None:
        """Connect once; an unreachable or refusing server becomes one StorageError line (no traceback)."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.read_engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            where = make_url(self.url).render_as_string(hide_password=True)
            first = str(exc.orig or exc).strip().splitlines()
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "cannot reach the database {where}: {error}"), where=where, error=first[0] if first else exc.__class__.__name__)) from None

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def session(self, *, write: bool) -> Session:
        return (self._write_sessions if write else self._read_sessions)()

    @contextmanager
    def connect(self, *, write: bool = False) -> Iterator:
        with (self.write_engine if write else self.read_engine).connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()
