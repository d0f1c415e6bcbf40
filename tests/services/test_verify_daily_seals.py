"""The daily verify validates the seals of documents added or changed since they were last found valid
(issue 22); the full verify validates every seal. SQLite's quick check runs daily, the thorough
integrity check in the full one. What only the full verify catches is pinned here, so the README's
statement of it stays true."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from exoconsult.documents import seal
from exoconsult.documents.seal_quick import QuickSealCheck
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage.checkpoints import sealed_verified
from exoconsult.storage.triggers import drop_refuse_changes
from tests.consent_support import ready_for_consent, sign


@pytest.fixture
def ready(ctx, staff, clock, tmp_path):
    return ready_for_consent(ctx, staff, clock, tmp_path)


@pytest.fixture
def validated(ctx, ready, monkeypatch) -> list[str]:
    """Document ids whose seal a verify validates (the real validation by pyHanko, or the quick proof once
    pyHanko accepted one; counted)."""
    seen: list[str] = []
    real, real_quick = seal.validate_sealed_pdf, QuickSealCheck.certificate_if_valid

    def counting(pdf, certificate):
        seen.append(next(doc for doc, data in _stored(ctx).items() if data == pdf))
        return real(pdf, certificate)

    def counting_quick(self, pdf):
        proven = real_quick(self, pdf)
        if proven is not None:
            seen.append(next(doc for doc, data in _stored(ctx).items() if data == pdf))
        return proven

    monkeypatch.setattr(seal, "validate_sealed_pdf", counting)  # seal_check imports it when a seal is due
    monkeypatch.setattr(QuickSealCheck, "certificate_if_valid", counting_quick)
    return seen


def _stored(ctx) -> dict[str, bytes]:
    with ctx.db.connect() as conn:
        return {r.document_id: bytes(r.pdf) for r in conn.execute(text("SELECT document_id, pdf FROM consent"))}


def _forge(ctx, document_id: str) -> None:
    """Flip one byte of a stored consent behind the app's back (its write-once trigger dropped first)."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    pdf = bytearray(_stored(ctx)[document_id])
    pdf[len(pdf) // 3] ^= 0x01
    with ctx.db.write_engine.begin() as conn:
        drop_refuse_changes(Operations(MigrationContext.configure(conn)), "consent")
        conn.execute(text("UPDATE consent SET pdf = :p WHERE document_id = :d"), {"p": bytes(pdf), "d": document_id})


def _seal_problems(report) -> list[str]:
    return [p.entity_id for p in report.problems if p.kind == "seal"]


def test_the_daily_verify_validates_only_the_seals_added_since(ctx, ready, validated):
    first = sign(ctx, ready).document_id
    report = verify_installation(ctx, full=True)
    assert report.ok and validated == [first] and "database integrity" in report.checks
    assert list(sealed_verified(ctx.db)) == [("consent", first)]
    validated.clear()
    second = sign(ctx, ready).document_id
    report = verify_installation(ctx)
    assert report.ok and validated == [second] and "database integrity (quick check)" in report.checks
    validated.clear()
    assert verify_installation(ctx).ok and validated == []  # nothing new: no seal validated
    assert verify_installation(ctx, full=True).ok and sorted(validated) == sorted([first, second])


def test_a_document_added_after_the_checkpoint_and_forged_is_caught_by_the_daily_verify(ctx, ready):
    sign(ctx, ready)
    assert verify_installation(ctx, full=True).ok
    added = sign(ctx, ready).document_id
    _forge(ctx, added)
    assert _seal_problems(verify_installation(ctx)) == [added]


def test_a_document_forged_before_the_checkpoint_is_validated_again_because_its_bytes_changed(ctx, ready):
    old = sign(ctx, ready).document_id
    assert verify_installation(ctx, full=True).ok
    _forge(ctx, old)
    assert _seal_problems(verify_installation(ctx)) == [old]


def test_a_forged_document_whose_seal_record_was_rewritten_too_is_left_to_the_full_verify(ctx, ready):
    """The limit the README states: the record of seals found valid is not itself protected."""
    import hashlib

    old = sign(ctx, ready).document_id
    assert verify_installation(ctx, full=True).ok
    _forge(ctx, old)
    with ctx.db.connect(write=True) as conn:
        conn.execute(text("UPDATE integrity_sealed SET sha256 = :s WHERE document_id = :d"),
                     {"s": hashlib.sha256(_stored(ctx)[old]).hexdigest(), "d": old})
        conn.commit()
    daily = verify_installation(ctx)
    assert _seal_problems(daily) == [] and not daily.ok  # the row no longer matches its audit trail, though
    assert _seal_problems(verify_installation(ctx, full=True)) == [old]
