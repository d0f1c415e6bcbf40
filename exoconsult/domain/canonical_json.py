"""Canonical JSON: the one text form of every value that is hashed or compared as stored text.

Keys sorted, no whitespace, non-ASCII characters written as themselves (so Turkish text is stored and
hashed as typed, not as \\u escapes). Stored hashes depend on these exact bytes: the audit chain, the
history fingerprint that marks an assessment stale, and the content hash printed in a consent's QR
code. Changing any option here breaks the verification of data already stored.

Each caller first turns its own objects into JSON values (the audit its column values, the documents
their dataclasses) and then calls this one function.
"""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any, *, allow_nan: bool = False) -> str:
    """`value` (JSON types only) as canonical JSON text.

    allow_nan: NaN and infinities are not JSON, so by default they are refused (ValueError). The audit
    trail passes True: it has always written them as the bare tokens NaN/Infinity rather than refuse to
    record a change, and its stored entries must keep verifying.
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=allow_nan)
