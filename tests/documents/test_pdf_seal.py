"""Clinic identity and PAdES seal: TAM-2/TAM-3 offline, with sockets blocked."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re
import socket
import stat

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from exoconsult.documents.consent_pdf import render_consent_pdf
from exoconsult.documents.keys import (
    CERT_FILE,
    KEY_FILE,
    certificate_fingerprint,
    generate_clinic_identity,
    load_clinic_identity,
)
from exoconsult.documents.seal import (
    async_seal_pdf,
    async_validate_sealed_pdf,
    seal_pdf,
    validate_sealed_pdf,
)
from exoconsult.documents.withdrawal_pdf import render_withdrawal_pdf
from tests.documents.samples import sample_consent, sample_withdrawal

NOW = dt.datetime(2026, 11, 24, 11, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    return generate_clinic_identity(tmp_path_factory.mktemp("id") / "keys", "Anatolia Andrology Clinic", now=NOW)


@pytest.fixture(scope="module")
def consent_pdf(fonts):
    return render_consent_pdf(sample_consent("tr"), fonts)


@pytest.fixture(scope="module")
def sealed(consent_pdf, identity):
    return seal_pdf(consent_pdf, identity, reason="Signed consent", location="Ankara")


def _append_update(pdf: bytes, *, change_content: bool) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if change_content:
        stream = writer.add_object(generic.StreamObject(stream_data=b"0 0 1 rg 100 100 200 50 re f"))
        writer.add_stream_to_page(0, stream)
    else:
        writer.update_root()  # a new revision that rewrites the catalogue unchanged
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_identity_files_are_owner_only_and_certificate_names_the_clinic(identity):
    keys_dir = identity.key_path.parent
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    for name in (KEY_FILE, CERT_FILE):
        assert stat.S_IMODE((keys_dir / name).stat().st_mode) == 0o600
    cert = identity.certificate
    assert identity.clinic_name == "Anatolia Andrology Clinic"
    assert "O=Anatolia Andrology Clinic" in cert.subject.rfc4514_string()
    assert cert.not_valid_after_utc - cert.not_valid_before_utc > dt.timedelta(days=365 * 20 - 1)
    from cryptography import x509

    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment


def test_identity_round_trips_and_is_not_overwritten(identity):
    loaded = load_clinic_identity(identity.key_path.parent)
    assert certificate_fingerprint(loaded.certificate) == certificate_fingerprint(identity.certificate)
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", certificate_fingerprint(identity.certificate))
    with pytest.raises(FileExistsError):
        generate_clinic_identity(identity.key_path.parent, "Other", now=NOW)


def test_passphrase_protected_identity_needs_the_passphrase(tmp_path):
    generate_clinic_identity(tmp_path / "k", "Clinic", now=NOW, passphrase=b"correct horse")
    assert b"ENCRYPTED" in (tmp_path / "k" / KEY_FILE).read_bytes()
    with pytest.raises(TypeError):
        load_clinic_identity(tmp_path / "k")
    assert load_clinic_identity(tmp_path / "k", passphrase=b"correct horse").clinic_name == "Clinic"


def test_mismatched_key_and_certificate_are_refused(tmp_path):
    first = generate_clinic_identity(tmp_path / "a", "A", now=NOW)
    generate_clinic_identity(tmp_path / "b", "B", now=NOW)
    (tmp_path / "b" / CERT_FILE).write_bytes(first.cert_path.read_bytes())
    with pytest.raises(ValueError, match="does not match"):
        load_clinic_identity(tmp_path / "b")


def test_seal_validates_offline(sealed, identity, consent_pdf, no_network):
    status = validate_sealed_pdf(sealed, identity.certificate)
    assert status.valid and status.bottom_line and status.intact and status.trusted
    assert status.coverage == "ENTIRE_FILE"
    assert status.modification_level == "NONE"
    assert status.signer_name == "Anatolia Andrology Clinic"
    assert status.signing_time is not None and status.signing_time.tzinfo is not None
    assert status.problem is None
    assert sealed.startswith(consent_pdf)  # an incremental update: the rendered bytes are kept as they were
    assert no_network == []


def test_sealing_makes_no_network_connection(consent_pdf, identity, no_network):
    sealed = seal_pdf(consent_pdf, identity, reason="r", location="l")
    assert validate_sealed_pdf(sealed, identity.certificate).valid
    assert no_network == []


def test_withdrawal_can_be_sealed(identity, fonts):
    sealed = seal_pdf(render_withdrawal_pdf(sample_withdrawal("en"), fonts), identity, reason="Withdrawal",
                      location="Ankara")
    assert validate_sealed_pdf(sealed, identity.certificate).valid


def _signed_offsets(sealed: bytes) -> list[int]:
    """Every offset the seal's /ByteRange covers (the signature container itself is excluded)."""
    match = re.findall(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", sealed)[-1]
    start1, length1, start2, length2 = map(int, match)
    assert start1 + length1 < start2 and start2 + length2 == len(sealed)  # the seal covers the whole file
    return [*range(start1, start1 + length1), *range(start2, start2 + length2)]


# Fractions of the signed bytes: page content near the start, the middle, the xref and trailer at the end.
@pytest.mark.parametrize("position", [0.0, 0.1, 0.35, 0.5, 0.75, 0.95, 0.999])
def test_flipped_byte_in_the_signed_range_is_not_intact(sealed, identity, position, no_network):
    # A flip inside the signature container's unused padding is outside what any PAdES seal covers;
    # the stored SHA-256 of the whole file (TAM-1, services layer) is what catches that one.
    offsets = _signed_offsets(sealed)
    tampered = bytearray(sealed)
    tampered[offsets[min(int(len(offsets) * position), len(offsets) - 1)]] ^= 0x01
    status = validate_sealed_pdf(bytes(tampered), identity.certificate)
    assert not status.valid
    assert not status.intact
    assert status.problem


def test_appended_content_change_is_not_valid(sealed, identity, no_network):
    status = validate_sealed_pdf(_append_update(sealed, change_content=True), identity.certificate)
    assert status.intact  # the sealed revision itself is untouched ...
    assert not status.bottom_line  # ... but what was added after it is not allowed
    assert not status.valid
    assert status.coverage != "ENTIRE_FILE"


def test_any_appended_revision_is_not_valid_as_sealed(sealed, identity):
    status = validate_sealed_pdf(_append_update(sealed, change_content=False), identity.certificate)
    assert status.intact and status.coverage != "ENTIRE_FILE"
    assert not status.valid
    assert status.problem


def test_other_clinic_certificate_is_untrusted(sealed, tmp_path):
    stranger = generate_clinic_identity(tmp_path / "other", "Anatolia Andrology Clinic", now=NOW)
    status = validate_sealed_pdf(sealed, stranger.certificate)
    assert status.intact and not status.trusted and not status.valid


def test_unsealed_and_garbage_input_are_reported_not_valid(consent_pdf, identity):
    assert validate_sealed_pdf(consent_pdf, identity.certificate).problem.english() == "the PDF carries no seal"
    garbage = validate_sealed_pdf(b"not a pdf at all", identity.certificate)
    assert not garbage.valid and not garbage.intact


def test_sync_wrappers_refuse_inside_a_running_loop(consent_pdf, identity):
    async def inside_loop():
        with pytest.raises(RuntimeError, match="event loop"):
            seal_pdf(consent_pdf, identity, reason="r", location="l")
        sealed = await async_seal_pdf(consent_pdf, identity, reason="r", location="l")
        with pytest.raises(RuntimeError, match="event loop"):
            validate_sealed_pdf(sealed, identity.certificate)
        return await async_validate_sealed_pdf(sealed, identity.certificate)

    assert asyncio.run(inside_loop()).valid


def test_no_network_fixture_blocks_internet_sockets(no_network):
    # (conftest is imported twice under two names by pytest, so match on the message, not the class)
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9))
    left, right = socket.socketpair()  # local pairs stay allowed (asyncio needs one)
    left.close()
    right.close()
    assert len(no_network) == 2
