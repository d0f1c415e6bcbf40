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
    """Any internet socket, connection or name lookup fails the test and is recorded.

    AF_UNIX socket pairs stay allowed: asyncio's event loop (which pyHanko runs) needs one for its
    self-pipe, and it cannot reach another machine.
    """
    attempts: list[tuple] = []
    real_socket = socket.socket

    def refuse(*args):
        attempts.append(args)
        raise NetworkAttempted(f"network access attempted: {args!r}")

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
                refuse("socket", family, type)
            super().__init__(family, type, proto, fileno)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse("create_connection", *a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse("getaddrinfo", *a))
    return attempts
