"""The clinic's research pseudonym key: made at setup; an installation set up before it existed gets one
the first time an export needs it. Either way its creation is audited by key id, never by value."""

from __future__ import annotations

from exoconsult.domain.disclosure import pseudonym
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


def patient_pseudonym(work, patient_id: int, *, create: bool = False) -> str:
    """The patient's pseudonym under the clinic key (the research export's, the SAE report's and the
    registry report's are one and the same); "" when no key exists yet and `create` (a write Work) is off."""
    key = read_secret(work.session, PSEUDONYM_KEY)
    if key is None and create:
        key = create_pseudonym_key(work.uow, when="first use")
    return pseudonym(key, patient_id) if key else ""
