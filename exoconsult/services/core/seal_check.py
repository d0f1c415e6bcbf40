"""`verify`'s check of every stored PDF's PAdES seal, and of the clinic certificate itself.

Before (issue 21), `verify` compared stored PDFs only with hashes in a chain an attacker can recompute,
and `verify FILE.pdf` trusted whatever certificate lay in keys/: swapping in a self-made key pair made a
forged document VALID and every genuine one NOT VALID. Now the trusted certificate is the one whose
SHA-256 fingerprint setup pinned in the audited settings; the certificate in keys/ and the certificate
inside every sealed document must be that one, and each disagreement is an error naming both
fingerprints. Every stored document's seal is validated against the pinned certificate."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509

from exoconsult.documents.keys import CERT_FILE, certificate_fingerprint
from exoconsult.documents.seal_facts import load_clinic_certificate, seal_facts
from exoconsult.documents.seal_quick import QuickSealCheck
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.clinic_settings import current_settings
from exoconsult.services.core.context import ServiceContext
from exoconsult.storage.checkpoints import record_sealed_verified, sealed_verified
from exoconsult.storage.consents import ConsentRepository, ConsentRow
from exoconsult.storage.integrity import IntegrityProblem


@dataclass(frozen=True)
class TrustedCertificate:
    certificate: x509.Certificate | None  # the pinned one, from keys/ or from a sealed document
    pinned: str  # fingerprint in the audited settings ("" before setup)
    in_keys: str  # fingerprint of keys/clinic-seal-cert.pem ("" if unreadable)
    problems: tuple[Reason, ...]  # English for `verify` and logs (.english()), a screen's own words on screen


def _short(fingerprint: str) -> str:
    return fingerprint[:23] + "…" if len(fingerprint) > 23 else fingerprint or "(none)"


def trusted_certificate(ctx: ServiceContext, document_certificates: list[x509.Certificate] = ()) -> TrustedCertificate:
    pinned = current_settings(ctx).certificate_fingerprint
    problems: list[Reason] = []
    keys_cert: x509.Certificate | None = None
    in_keys = ""
    if (ctx.data_dir.keys_dir / CERT_FILE).exists():
        try:
            keys_cert = load_clinic_certificate(ctx.data_dir.keys_dir)
            in_keys = certificate_fingerprint(keys_cert)
        except ValueError as exc:
            problems.append(service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the clinic certificate cannot be read: {detail}"), detail=str(exc)))
    # No keys/ at all (e.g. a database restored onto another computer): seals are still checked against
    # the pinned certificate found inside the sealed documents; only sealing new ones needs keys/.
    if not pinned:
        return TrustedCertificate(keys_cert, pinned, in_keys, tuple(problems))
    if in_keys and in_keys != pinned:
        problems.append(service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the certificate in keys/ ({in_keys}) is not the clinic certificate pinned in the "
                               "audited settings ({pinned}): keys/ was replaced"), in_keys=in_keys, pinned=pinned))
    chosen = keys_cert if in_keys == pinned else next(
        (c for c in document_certificates if certificate_fingerprint(c) == pinned), None)
    return TrustedCertificate(chosen, pinned, in_keys, tuple(problems))


def seal_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    """Every stored consent and withdrawal: sealed with the pinned certificate, and its seal valid.

    A seal found valid once is a fact about those bytes and that certificate: a document listed in
    `integrity_sealed` with the same SHA-256 and the same certificate (the one in keys/, and the pinned one
    once setup pinned it) is not validated again, so the daily verify validates the documents added or changed since. A full verify
    empties the list first and validates every seal. Documents are read a few at a time (memory stays
    bounded); once pyHanko found one seal made with the trusted certificate valid, the others are proven
    with the quick check (documents/seal_quick.py), and pyHanko validates whatever it cannot prove."""
    first = trusted_certificate(ctx)
    # the certificate validated against, when it is the one in keys/ (and the pinned one, once pinned)
    against = first.in_keys if first.certificate is not None and first.pinned in ("", first.in_keys) else ""
    known = sealed_verified(ctx.db) if against else {}
    trust = first if against else pinned_certificate(ctx)
    problems = [IntegrityProblem("certificate", p.english()) for p in trust.problems]
    check = _DocumentSeals(trust, against)
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        for row in ConsentRepository(uow.session).each_document():
            kind, pdf = "consent" if isinstance(row, ConsentRow) else "withdrawal", bytes(row.pdf)
            sha = hashlib.sha256(pdf).hexdigest()
            if known.get((kind, row.document_id)) != (sha, against):
                problems += check.problems(kind, row.document_id, pdf, sha)
    if against and check.valid:
        record_sealed_verified(ctx.db, check.valid)
    return problems


class _DocumentSeals:
    """One document's seal at a time against the trusted certificate; collects those found valid."""

    def __init__(self, trust: TrustedCertificate, against: str) -> None:
        self.trust, self.against = trust, against
        self.valid: list[tuple[str, str, str, str]] = []  # (kind, document id, sha256, certificate)
        self._quick: QuickSealCheck | None = None  # armed once pyHanko accepted a seal by the trusted certificate

    def problems(self, kind: str, doc_id: str, pdf: bytes, sha: str) -> list[IntegrityProblem]:
        trust = self.trust
        inside = self._quick.certificate_if_valid(pdf) if self._quick is not None else None
        if inside is not None:  # proven valid, sealed with the trusted (pinned) certificate itself
            self._valid(kind, doc_id, sha, inside)
            return []
        inside = seal_facts(pdf).certificate
        problems = []
        if inside is not None and trust.pinned and certificate_fingerprint(inside) != trust.pinned:
            problems.append(IntegrityProblem(
                "certificate", f"sealed with certificate {_short(certificate_fingerprint(inside))}, not the pinned "
                               f"clinic certificate {_short(trust.pinned)}", kind, doc_id))
        if trust.certificate is None:
            return [*problems, IntegrityProblem("seal", "cannot be checked: no certificate matching the pinned "
                                                        f"fingerprint {_short(trust.pinned)} was found", kind, doc_id)]
        from exoconsult.documents.seal import (
            validate_sealed_pdf,  # pyHanko's signing side: only when a seal is due
        )

        status = validate_sealed_pdf(pdf, trust.certificate)
        if not status.valid:
            problems.append(IntegrityProblem("seal", f"the seal is not valid: {status.problem.english() if status.problem else ''}", kind, doc_id))
        elif inside is not None:
            self._valid(kind, doc_id, sha, inside)
            if self._quick is None and inside == trust.certificate:
                self._quick = QuickSealCheck(trust.certificate)
        return problems

    def _valid(self, kind: str, doc_id: str, sha: str, inside: x509.Certificate) -> None:
        if certificate_fingerprint(inside) == self.against:
            self.valid.append((kind, doc_id, sha, self.against))


def pinned_certificate(ctx: ServiceContext) -> TrustedCertificate:
    """For checking one document: the pinned certificate, from keys/ when it holds it, else from inside
    the stored sealed documents (after keys/ was replaced); `problems` then names both fingerprints."""
    trust = trusted_certificate(ctx)
    if trust.certificate is not None and (not trust.pinned or trust.in_keys == trust.pinned):
        return trust
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        for row in ConsentRepository(uow.session).each_document():
            inside = seal_facts(bytes(row.pdf)).certificate
            if inside is not None and certificate_fingerprint(inside) == trust.pinned:
                return trusted_certificate(ctx, [inside])
    return trust
