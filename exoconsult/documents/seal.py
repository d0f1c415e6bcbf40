"""PAdES seal (pyHanko) on rendered PDFs, and offline validation of a sealed PDF.

Level PAdES B-B: no timestamp authority is reachable offline, so the signing time inside the
signature is the workstation clock, corroborated by the audit trail. Nothing here opens a network
connection: the validation context has ``allow_fetching=False`` and the clinic certificate is the
only trust root.

"Valid" is stricter than pyHanko's ``bottom_line``: a sealed consent is a write-once record, so
besides ``bottom_line`` (intact, cryptographically valid, trusted, no disallowed modification) the
seal must cover the entire file. Any incremental update appended after sealing - even one that
pyHanko's difference analysis would tolerate - makes the record "not valid as sealed".

pyHanko's synchronous entry points wrap ``asyncio.run``; calling them inside a running event loop
fails. ``seal_pdf``/``validate_sealed_pdf`` therefore refuse clearly when a loop is running, and
``async_seal_pdf``/``async_validate_sealed_pdf`` are the ones to await from async code.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from exoconsult.documents.keys import Identity
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message

SEAL_FIELD_NAME = "ExoConsultClinicSeal"
NO_SEAL = QT_TRANSLATE_NOOP("ServiceMessages", "the PDF carries no seal")  # a printed or saved copy
BYTES_RESERVED = 16384  # room for the CMS blob; an EC P-256 seal with its certificate needs ~2 kB


@dataclass(frozen=True)
class SealStatus:
    """Outcome of validating a sealed PDF, in the terms a clinician or auditor needs."""

    valid: bool  # bottom_line AND the seal covers the entire file
    bottom_line: bool  # pyHanko's overall judgement
    intact: bool  # the covered bytes hash to the signed digest
    cryptographically_valid: bool  # the signature verifies with the certificate's key
    trusted: bool  # the certificate chains to the given clinic certificate
    coverage: str  # SignatureCoverageLevel name, e.g. "ENTIRE_FILE"
    modification_level: str | None  # ModificationLevel name of changes after signing, e.g. "NONE"
    signer_name: str | None
    signing_time: dt.datetime | None  # as reported by the signer (no timestamp authority offline)
    signature_count: int
    problem: Reason | None = None  # why it is not valid, in plain words (English: .english(); a screen its own)

    @classmethod
    def unreadable(cls, problem: Reason, signature_count: int = 0) -> SealStatus:
        return cls(valid=False, bottom_line=False, intact=False, cryptographically_valid=False, trusted=False,
                   coverage="UNCLEAR", modification_level=None, signer_name=None, signing_time=None,
                   signature_count=signature_count, problem=problem)


def _asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _refuse_inside_event_loop(name: str) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    raise RuntimeError(f"{name} cannot run inside a running event loop; await async_{name} instead")


async def async_seal_pdf(pdf_bytes: bytes, identity: Identity, *, reason: str, location: str,
                         audit_head: tuple[int, str] | None = None) -> bytes:
    """Append a PAdES B-B signature made with the clinic key; returns the sealed PDF bytes.
    `audit_head` (number, hash of the newest audit entry) is written into the document catalog in the
    sealed revision: an anchor of the audit chain outside the database (see seal_facts.py)."""
    certificate = _asn1_certificate(identity.certificate)
    key_der = identity.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption())
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=SEAL_FIELD_NAME,
        reason=reason,
        location=location,
        name=identity.clinic_name or None,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    if audit_head is not None:
        from exoconsult.documents.seal_facts import write_audit_head

        write_audit_head(writer, audit_head)
    output = await signers.async_sign_pdf(writer, metadata, signer=signer, bytes_reserved=BYTES_RESERVED)
    return output.getvalue()


def seal_pdf(pdf_bytes: bytes, identity: Identity, *, reason: str, location: str,
             audit_head: tuple[int, str] | None = None) -> bytes:
    """Synchronous ``async_seal_pdf``; not for use inside a running event loop."""
    _refuse_inside_event_loop("seal_pdf")
    return asyncio.run(async_seal_pdf(pdf_bytes, identity, reason=reason, location=location, audit_head=audit_head))


async def async_validate_sealed_pdf(pdf_bytes: bytes, trusted_cert: x509.Certificate) -> SealStatus:
    """Validate the clinic seal offline against ``trusted_cert`` as the only trust root."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # any parse failure of a tampered file means: not intact
        return SealStatus.unreadable(_problem(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the file cannot be read as a PDF: {detail}"), exc))
    if not signatures:
        return SealStatus.unreadable(_problem(NO_SEAL))
    context = ValidationContext(trust_roots=[_asn1_certificate(trusted_cert)], allow_fetching=False)
    try:
        status = await async_validate_pdf_signature(signatures[0], signer_validation_context=context)
    except Exception as exc:  # a mangled signature dictionary or CMS blob is a failed seal, not a crash
        return SealStatus.unreadable(_problem(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the seal cannot be checked: {detail}"), exc), len(signatures))
    coverage = status.coverage.name if status.coverage is not None else "UNCLEAR"
    entire_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    valid = bool(status.bottom_line) and entire_file and len(signatures) == 1
    problem = None
    if not status.intact:
        problem = _problem(QT_TRANSLATE_NOOP("ServiceMessages", "the sealed content has been altered"))
    elif not status.valid:
        problem = _problem(QT_TRANSLATE_NOOP("ServiceMessages", "the seal's signature does not verify"))
    elif not status.trusted:
        problem = _problem(QT_TRANSLATE_NOOP("ServiceMessages", "the seal was not made with this clinic's certificate"))
    elif not status.bottom_line:
        problem = _problem(QT_TRANSLATE_NOOP("ServiceMessages", "the file was modified after sealing"))
    elif not valid:
        problem = _problem(QT_TRANSLATE_NOOP("ServiceMessages", "data was appended to the file after sealing"))
    signer_name = None
    if status.signing_cert is not None:
        subject = status.signing_cert.subject.native
        signer_name = subject.get("common_name") or status.signing_cert.subject.human_friendly
    modification = status.modification_level.name if status.modification_level is not None else None
    return SealStatus(valid=valid, bottom_line=bool(status.bottom_line), intact=bool(status.intact),
                      cryptographically_valid=bool(status.valid), trusted=bool(status.trusted), coverage=coverage,
                      modification_level=modification, signer_name=signer_name,
                      signing_time=status.signer_reported_dt, signature_count=len(signatures), problem=problem)


def _problem(template: str, error: Exception | None = None) -> Reason:
    """Why a seal is not valid. pyHanko's own words (`detail`) stay in the English (command line, logs); a
    translation may leave them out, as they mean nothing to a clinician."""
    return service_message(template, **({"detail": f"{type(error).__name__}: {error}"} if error is not None else {}))


def validate_sealed_pdf(pdf_bytes: bytes, trusted_cert: x509.Certificate) -> SealStatus:
    """Synchronous ``async_validate_sealed_pdf``; not for use inside a running event loop."""
    _refuse_inside_event_loop("validate_sealed_pdf")
    return asyncio.run(async_validate_sealed_pdf(pdf_bytes, trusted_cert))
