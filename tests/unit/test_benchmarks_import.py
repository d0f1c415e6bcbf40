"""The benchmarks are not run by the test suite (they take minutes and need a quiet machine), but they must
keep importing: a renamed helper they use would otherwise be found only at the next `./run bench`."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

BENCHMARKS = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "benchmarks").glob("*.py")
                    if not p.stem.startswith("_") or p.stem == "_accounts")


@pytest.mark.parametrize("name", BENCHMARKS)
def test_each_benchmark_imports(name):
    module = importlib.import_module(f"benchmarks.{name}")
    assert module.__doc__, f"benchmarks/{name}.py says what it measures"
