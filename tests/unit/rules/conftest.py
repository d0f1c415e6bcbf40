"""Fixtures for rule tests; the case builders live in builders.py."""

from __future__ import annotations

import pytest

from exoconsult.definitions.protocol import load_protocol
from exoconsult.rules.model import Protocol
from tests.unit.rules.builders import PROTOCOL_DIR


@pytest.fixture(scope="session")
def protocol() -> Protocol:
    return load_protocol(PROTOCOL_DIR)
