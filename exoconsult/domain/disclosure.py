"""What may leave the clinic about patients: stable pseudonyms and suppressed small counts (pure).

A pseudonym is HMAC-SHA-256 of the patient's internal id under the clinic's secret key: the same
patient gets the same pseudonym in every export made with that key, and nobody without the key can
compute it from anything they know about him (name, MRN, id). A count below SMALL_COUNT could point at
one man in a small clinic, so anything meant to leave the clinic shows it as "< 5"."""

from __future__ import annotations

import hashlib
import hmac

SMALL_COUNT = 5
SUPPRESSED = f"< {SMALL_COUNT}"


def pseudonym(key: bytes, patient_id: int) -> str:
    if len(key) < 32:
        raise ValueError("a pseudonym key has at least 256 bits")
    digest = hmac.new(key, f"exoconsult-patient:{patient_id}".encode("ascii"), hashlib.sha256).hexdigest()
    return f"P{digest[:16].upper()}"


def shown_count(n: int) -> str:
    """A count as it may be shown outside the clinic."""
    return SUPPRESSED if n < SMALL_COUNT else str(n)
