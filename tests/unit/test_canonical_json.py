"""The one canonical JSON: byte-identical to what every hash already stored was computed from.

The digests below were computed with the code before the canonical-JSON functions were merged into
exoconsult.domain.canonical_json (three separate json.dumps calls: history storage and assessments,
the audit trail, the document content hash). If one of them changes, stored audit chains, assessment
staleness fingerprints or the QR hashes of signed consents stop verifying.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exoconsult.documents.canonical import canonical_json as document_json
from exoconsult.documents.canonical import content_hash
from exoconsult.domain.canonical_json import canonical_json
from exoconsult.storage.audit import canonical as audit_json
from exoconsult.storage.history import canonical_json as history_json

HISTORY = {"ğ_key": "Şişli İstanbul — ıİöÖüÜçÇğĞşŞ", "infertility_type": "primary",
           "a": [1, 2.5, -0.0, 1e16, 0.1, 1e-07, 12345678901234567890],
           "hormone_panels": [{"fsh": {"value": 12.5, "unit": "IU/L"}, "date": "2026-01-02"}], "z": None, "b": True,
           "emoji": "👍 \"quoted\" \\ / \n\t", "Zeta": False}
AUDIT = {"at": datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=timezone(timedelta(hours=3))), "born": date(1990, 1, 31),
         "dose": Decimal("1.50"), "pdf": b"%PDF-1.7 \x00\xff", "pair": (1, "İ"), 7: "int key",
         "nested": {"x": [date(2020, 2, 29)]}, "nan": float("nan"), "inf": float("-inf"), "text": "Tanık: Ayşe Öztürk"}


@dataclasses.dataclass(frozen=True)
class Leaf:
    name: str
    logo: bytes
    points: tuple
    pressure: float


@dataclasses.dataclass(frozen=True)
class Doc:
    document_id: str
    leaves: tuple
    note: str | None
    count: int
    ok: bool


DOCUMENT = Doc("2f0c-İ", (Leaf("hasta ğ", b"\x89PNG", (1, 2.5, "x"), float("nan")),
                          Leaf("lone \ud800", b"", (), float("inf"))), None, 3, True)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_history_and_assessment_inputs_hash_as_before():
    # the assessment service's fingerprint and stored inputs use the same function (test_facts_once checks it)
    expected = "64cd4bfea5e80e4e159b34d46d0a2b2bb823650607fa646ef80068f6a20154e9"
    assert sha(history_json(HISTORY)) == sha(canonical_json(HISTORY)) == expected


def test_audit_values_hash_as_before():
    assert sha(audit_json(AUDIT)) == "6bd558f40daab9000981dbcd45f3940c666502bfbe26f010b031da1ca77888ae"
    assert audit_json(HISTORY) == canonical_json(HISTORY)  # plain JSON: the audit writes it the same way


def test_document_content_hash_as_before():
    assert content_hash(DOCUMENT) == "c37d2f41726cd5f8afd97624b89fffc82e6ffcf5bce781d8740dfe3a7f3abc1a"


def test_not_a_number_is_refused_except_by_the_audit():
    with pytest.raises(ValueError):
        history_json({"x": math.nan})
    with pytest.raises(ValueError):
        canonical_json([math.inf])
    assert audit_json({"x": math.nan, "y": -math.inf}) == '{"x":NaN,"y":-Infinity}'


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_every_call_site_writes_plain_json_the_same_way(value):
    text = canonical_json(value)
    assert history_json(value) == audit_json(value) == text
    assert json.loads(text) == value
    assert text == json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text() | st.integers() | st.floats(allow_nan=False, allow_infinity=False), max_size=5))
def test_documents_encode_the_one_canonical_text(items):
    doc = Doc("id", (), None, len(items), False)
    expected = canonical_json({"__type__": "Doc", "document_id": "id", "leaves": [], "note": None,
                               "count": len(items), "ok": False})
    assert document_json(doc) == expected.encode("utf-8", "surrogatepass")
    assert document_json(tuple(items)) == canonical_json(list(items)).encode("utf-8", "surrogatepass")
