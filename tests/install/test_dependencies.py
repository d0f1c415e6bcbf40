"""The declared dependencies follow the project's rules: every runtime dependency is bounded below its
next major version (tzdata excepted: calendar-versioned data), the PostgreSQL driver is an extra."""

from __future__ import annotations

import re
import sys
import tomllib

import pytest

from exoconsult.domain.errors import StorageError
from exoconsult.storage.db import Database
from tests.conftest import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
NAME = re.compile(r"^[A-Za-z0-9_.-]+")


def _name(requirement: str) -> str:
    return NAME.match(requirement).group(0).lower().replace("_", "-")


def test_every_runtime_dependency_has_an_upper_bound() -> None:
    unbounded = [r for r in PROJECT["dependencies"] if "<" not in r.split(";")[0] and _name(r) != "tzdata"]
    assert unbounded == []


def test_time_zone_data_is_declared_and_postgresql_is_an_extra() -> None:
    runtime = {_name(r) for r in PROJECT["dependencies"]}
    assert "tzdata" in runtime
    assert "psycopg" not in runtime
    assert [_name(r) for r in PROJECT["optional-dependencies"]["postgres"]] == ["psycopg"]


def test_a_postgresql_url_without_the_driver_says_how_to_install_it(monkeypatch) -> None:
    for module in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ModuleNotFoundError
    with pytest.raises(StorageError, match=r'exoconsult\[postgres\]'):
        Database("postgresql+psycopg://exo@127.0.0.1:1/none")
