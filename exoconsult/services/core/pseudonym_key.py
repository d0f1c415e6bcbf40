"""The clinic's research pseudonym key: made at setup; an installation set up before it existed gets one
the first time an export needs it. Either way its creation is audited by key id, never by value."""

from __future__ import annotations

from exoconsult.storage.clinic_secret import PSEUDONYM_KEY, create_secret, key_id, read_secret


def create_pseudonym_key(uow, *, when: str) -> bytes:
    """Make the key in the caller's write transaction and audit it (`when`: "setup" | "first use")."""
    key = create_secret(uow.session, PSEUDONYM_KEY, uow.now())
    uow.audit("pseudonym_key.create", "clinic_secret", PSEUDONYM_KEY, detail={"key_id": key_id(key), "when": when})
    return key


def pseudonym_key(work) -> bytes:
    """The key, made now (audited) when this installation has none yet: needs a write Work."""
    return read_secret(work.session, PSEUDONYM_KEY) or create_pseudonym_key(work.uow, when="first use")


def pseudonym_key_id(key: bytes) -> str:
    return key_id(key)
