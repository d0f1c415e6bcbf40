"""The quick seal check `verify --full` uses for thousands of documents accepts only what pyHanko's full
validation accepts: every tampering pyHanko refuses, it refuses too (and leaves the verdict to pyHanko)."""

from __future__ import annotations

import re

import pytest
from asn1crypto import cms

from exoconsult.documents.keys import generate_clinic_identity
from exoconsult.documents.seal import seal_pdf, validate_sealed_pdf
from exoconsult.documents.seal_quick import QuickSealCheck
from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf
from tests.documents.samples import sample_withdrawal
from tests.documents.test_pdf_seal import (  # noqa: F401 - fixtures and helpers shared with the pyHanko tests
    NOW,
    _append_update,
    _signed_offsets,
    consent_pdf,
    identity,
    sealed,
)


@pytest.fixture(scope="module")
def stranger(tmp_path_factory):
    return generate_clinic_identity(tmp_path_factory.mktemp("other") / "keys", "Anatolia Andrology Clinic", now=NOW)


def _gap(pdf: bytes) -> tuple[int, int]:
    _, first, second, _ = map(int, re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)[-1])
    return first, second


def _with_certificates(pdf: bytes, certificates) -> bytes:
    """The same seal with another certificate set in its (unsigned) CMS container, padded to the same size."""
    first, second = _gap(pdf)
    content = cms.ContentInfo.load(bytes.fromhex(pdf[first + 1:second - 1].decode()), strict=False)
    content["content"]["certificates"] = [cms.CertificateChoices(name="certificate", value=c) for c in certificates]
    hex_digits = content.dump(force=True).hex().encode()
    assert len(hex_digits) <= second - first - 2
    return pdf[:first + 1] + hex_digits.ljust(second - first - 2, b"0") + pdf[second - 1:]


def _agree(quick: QuickSealCheck, pdf: bytes, identity) -> bool:  # noqa: F811
    """The quick check accepted it -> pyHanko accepts it too; returns whether the quick check accepted."""
    accepted = quick.certificate_if_valid(pdf) is not None
    if accepted:
        assert validate_sealed_pdf(pdf, identity.certificate).valid
    return accepted


def test_a_genuine_consent_and_withdrawal_are_proven_valid(sealed, identity, fonts):  # noqa: F811
    quick = QuickSealCheck(identity.certificate)
    withdrawal = seal_pdf(render_withdrawal_pdf(sample_withdrawal("en"), fonts), identity, reason="Withdrawal",
                          location="Ankara")
    assert quick.certificate_if_valid(sealed) == identity.certificate
    assert quick.certificate_if_valid(withdrawal) == identity.certificate


@pytest.mark.parametrize("position", [0.0, 0.1, 0.35, 0.5, 0.75, 0.95, 0.999])
def test_a_flipped_byte_in_the_signed_range_is_refused(sealed, identity, position):  # noqa: F811
    offsets = _signed_offsets(sealed)
    tampered = bytearray(sealed)
    tampered[offsets[min(int(len(offsets) * position), len(offsets) - 1)]] ^= 0x01
    assert QuickSealCheck(identity.certificate).certificate_if_valid(bytes(tampered)) is None
    assert not validate_sealed_pdf(bytes(tampered), identity.certificate).valid


def test_a_flip_anywhere_is_accepted_only_where_pyhanko_accepts_it(sealed, identity):  # noqa: F811
    quick = QuickSealCheck(identity.certificate)
    first, second = _gap(sealed)
    positions = [*range(0, len(sealed), len(sealed) // 25), *range(first, first + 400, 37), second - 1, second - 2]
    accepted = 0
    for position in positions:
        tampered = bytearray(sealed)
        tampered[position] ^= 0x01
        accepted += _agree(quick, bytes(tampered), identity)
    assert accepted < len(positions) // 4  # nearly every flip is refused; the rest are in the padding


@pytest.mark.parametrize("change_content", [True, False])
def test_an_appended_revision_is_refused(sealed, identity, change_content):  # noqa: F811
    tampered = _append_update(sealed, change_content=change_content)
    assert QuickSealCheck(identity.certificate).certificate_if_valid(tampered) is None
    assert not validate_sealed_pdf(tampered, identity.certificate).valid


def test_a_seal_by_another_clinic_key_is_refused(consent_pdf, identity, stranger):  # noqa: F811
    theirs = seal_pdf(consent_pdf, stranger, reason="Signed consent", location="Ankara")
    assert QuickSealCheck(identity.certificate).certificate_if_valid(theirs) is None
    assert not validate_sealed_pdf(theirs, identity.certificate).valid
    assert QuickSealCheck(stranger.certificate).certificate_if_valid(theirs) == stranger.certificate


def test_a_certificate_slipped_into_the_unsigned_container_is_refused(sealed, identity, stranger):  # noqa: F811
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    def asn1(certificate):
        return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))

    quick = QuickSealCheck(identity.certificate)
    for certificates in ([asn1(stranger.certificate)], [asn1(stranger.certificate), asn1(identity.certificate)]):
        assert quick.certificate_if_valid(_with_certificates(sealed, certificates)) is None
    # the container rewritten with the very certificate it held: still proven, and pyHanko agrees
    assert _agree(quick, _with_certificates(sealed, [asn1(identity.certificate)]), identity)


def test_unsealed_truncated_and_garbage_input_are_refused(consent_pdf, sealed, identity):  # noqa: F811
    quick = QuickSealCheck(identity.certificate)
    for pdf in (consent_pdf, sealed[:-10], sealed + b"\n", b"not a pdf at all", b"", sealed.replace(b"/ByteRange", b"/ByteRange", 1) * 2):
        assert quick.certificate_if_valid(pdf) is None
