"""Fixtures for the document tests: registered fonts, a network ban, PDF text helpers."""

from __future__ import annotations

import socket

import pytest

from exoconsult.documents.fonts import FontSet, register_fonts


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return register_fonts()


class NetworkAttempted(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Any socket creation or name lookup fails the test (and is recorded)."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkAttempted(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
