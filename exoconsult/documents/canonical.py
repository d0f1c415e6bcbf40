"""Canonical JSON of a document model and the content hash printed in the QR code.

Why the model and not the PDF: the QR code is drawn inside the PDF, so it cannot carry a hash of
the PDF's own bytes. The content hash is therefore defined as

    SHA-256( canonical JSON of the document model )

where canonical JSON is the application's one canonical form (``exoconsult.domain.canonical_json``:
sorted keys, no whitespace, non-ASCII as itself) encoded as UTF-8, with every dataclass written as an
object of its fields plus ``"__type__": <class name>``, tuples as arrays, and bytes (the clinic logo) as
``{"__sha256__": <hex digest>}``, non-finite floats as ``{"__float__": "nan"|"inf"|"-inf"}``.
The model carries no hash field of its own, so nothing needs to be excluded. The PDF's own SHA-256 is a separate value, stored by the services layer next to the file.

The QR payload is ``EXOCONSULT:<document id>:<first 16 hex of the content hash>``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from typing import Any

from exoconsult.domain.canonical_json import canonical_json as canonical_json_text

QR_PREFIX = "EXOCONSULT"


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        fields["__type__"] = type(value).__name__
        return fields
    if isinstance(value, tuple | list):
        return [_jsonable(item) for item in value]
    if isinstance(value, bytes):
        return {"__sha256__": hashlib.sha256(value).hexdigest()}
    if isinstance(value, float) and not math.isfinite(value):
        # A driver may report NaN/inf pen samples; JSON has no such numbers, so spell them out.
        return {"__float__": repr(value)}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot canonicalise {type(value).__name__}")


def canonical_json(document: Any) -> bytes:
    """UTF-8 canonical JSON of a document model (see module docstring)."""
    text = canonical_json_text(_jsonable(document))  # no NaN reaches it: _jsonable spells those out
    # Lone surrogates cannot be encoded; "surrogatepass" keeps the hash defined for any str.
    return text.encode("utf-8", "surrogatepass")


def content_hash(document: Any) -> str:
    """SHA-256 hex digest of ``canonical_json(document)``."""
    return hashlib.sha256(canonical_json(document)).hexdigest()


MAX_DOCUMENT_ID_LENGTH = 64  # a UUID is 36; the QR must stay small enough to scan from paper


def qr_payload(document_id: str, digest: str) -> str:
    """The text encoded in the QR code of a document; refuses ids that would make it unscannable."""
    if not document_id or len(document_id) > MAX_DOCUMENT_ID_LENGTH or not document_id.isprintable():
        raise ValueError("document id must be 1-64 printable characters (it is encoded in the QR code)")
    return f"{QR_PREFIX}:{document_id}:{digest[:16]}"
