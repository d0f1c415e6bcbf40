"""Checking one document — a PDF file, or a document id read from a paper copy's QR code — against the
archived record and the clinic's pinned seal certificate: consents, withdrawals, procedure notes and
their addenda, and serious-adverse-event reports."""

from __future__ import annotations

import hashlib
import re

from exoconsult.documents.seal import NO_SEAL, validate_sealed_pdf
from exoconsult.domain.errors import ExoError
from exoconsult.domain.people import SYSTEM_ACTOR, Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.adverse_events.sae_report import report_check
from exoconsult.services.consent.consent_dto import DocumentCheck
from exoconsult.services.consent.consent_records import summaries
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, requires
from exoconsult.services.core.seal_check import pinned_certificate
from exoconsult.services.core.work import open_work
from exoconsult.services.procedure.procedure_note import note_check
from exoconsult.storage.consents import ConsentRepository, ConsentRow

_QR = re.compile(r"^EXOCONSULT:([0-9a-f-]{36}):([0-9a-f]{16})$")


def check_pdf(ctx: ServiceContext, data: bytes) -> DocumentCheck:
    """Is this file a valid, sealed, archived ExoConsult document, and what is its status?"""
    digest = hashlib.sha256(data).hexdigest()
    trust = pinned_certificate(ctx)  # the certificate pinned at setup, not whatever lies in keys/
    if trust.certificate is None:
        raise ExoError(why=trust.problems[0] if trust.problems else service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "no clinic certificate matches the pinned fingerprint")))
    status = validate_sealed_pdf(data, trust.certificate)
    with open_work(ctx, SYSTEM_ACTOR, write=False) as work:
        uow = work.uow
        row = ConsentRepository(uow.session).by_pdf_sha256(digest)
        found = row is not None
        kind = "unknown" if row is None else ("consent" if isinstance(row, ConsentRow) else "withdrawal")
        document_id = row.document_id if row is not None else ""
        consent_id = row.id if isinstance(row, ConsentRow) else (row.consent_id if row is not None else None)
        patient_id = None
        if consent_id is not None:
            consent = row if isinstance(row, ConsentRow) else ConsentRepository(uow.session).by_id(consent_id)
            patient_id = consent.patient_id
        consent_status, status_why = "unknown", None
        if patient_id is not None:  # only this patient's consents, not every consent on record
            consent_status = next((s.status for s in summaries(work, patient_id) if s.id == consent_id), "unknown")
        elif (note := note_check(work, digest=digest) or report_check(work, digest=digest)) is not None:
            found = True
            kind, document_id, status_why = note[0], note[1], note[2]
            consent_status = status_why.english()
    return DocumentCheck(found=found, kind=kind, document_id=document_id, seal_valid=status.valid,
                         seal_problem=status.problem, identical_to_archive=found, status=consent_status,
                         signer=status.signer_name, signed_at=status.signing_time,
                         certificate_warnings=trust.problems, status_why=status_why,
                         unsealed_copy=status.problem is not None and status.problem.template == NO_SEAL)


def check_document_id(ctx: ServiceContext, text: str) -> DocumentCheck:
    """A document id, or the QR payload EXOCONSULT:<id>:<16 hex> from a paper copy."""
    text = text.strip()
    match = _QR.match(text)
    document_id = match.group(1) if match else text
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ConsentRepository(uow.session)
        row = repo.by_document_id(document_id) or repo.withdrawal_by_document_id(document_id)
        data = bytes(row.pdf) if row is not None else None
        qr_hash = row.content_hash if isinstance(row, ConsentRow) else None
    if data is None:
        with open_work(ctx, SYSTEM_ACTOR, write=False) as work:
            note = note_check(work, document_id=document_id) or report_check(work, document_id=document_id)
        if note is not None:
            data, qr_hash = note[3], note[4]
    if data is None:
        return DocumentCheck(False, "unknown", document_id, False, service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "No document with this id is on record.")), False, "unknown")
    result = check_pdf(ctx, data)
    if match and qr_hash is not None and not qr_hash.startswith(match.group(2)):
        return DocumentCheck(True, result.kind, document_id, result.seal_valid,
                             service_message(QT_TRANSLATE_NOOP(
                                 "ServiceMessages", "The QR code's content hash does not match the archived document.")),
                             False, result.status, result.signer, result.signed_at, status_why=result.status_why)
    return result


class DocumentVerifier:
    """"Verify a document" in the app (any signed-in role)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.DOCUMENT_VERIFY)
    def check_file(self, actor: Actor, data: bytes) -> DocumentCheck:
        return check_pdf(self.ctx, data)

    @requires(Permission.DOCUMENT_VERIFY)
    def check_id(self, actor: Actor, text: str) -> DocumentCheck:
        return check_document_id(self.ctx, text)
