"""What a sealed PDF itself says, independent of the database: the certificate that made the seal, and
the audit chain head (number and hash of the newest audit entry) at the moment of sealing, which the
sealed revision carries in its document catalog. Both are covered by the seal, so a database rewritten
or rolled back afterwards disagrees with every document sealed before: `verify` compares them.

Reading uses pyHanko's parser only (no validation): a file too damaged to parse gives no facts, and the
seal check reports it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509

from exoconsult.documents.keys import CERT_FILE

if TYPE_CHECKING:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

AUDIT_HEAD_KEY = "/ExoConsultAuditHead"
_HEAD = re.compile(r"^([0-9]{1,15}):([0-9a-f]{64})$")
CERTIFICATE_LIMIT = 64 * 1024


@dataclass(frozen=True)
class SealFacts:
    certificate: x509.Certificate | None  # the certificate inside the seal (None: no readable seal)
    audit_head: tuple[int, str] | None  # (entry number, hash); None for documents sealed before anchors existed


def write_audit_head(writer: IncrementalPdfFileWriter, audit_head: tuple[int, str]) -> None:
    from pyhanko.pdf_utils import generic  # here, not at the top: `verify` imports this module (issue 22)

    seq, digest = audit_head
    if not _HEAD.match(f"{seq}:{digest}"):
        raise ValueError("an audit head is an entry number and a SHA-256 hex digest")
    writer.root[generic.NameObject(AUDIT_HEAD_KEY)] = generic.TextStringObject(f"{seq}:{digest}")
    writer.update_root()


def seal_facts(pdf_bytes: bytes) -> SealFacts:
    try:
        reader = _reader(pdf_bytes)
        signatures = reader.embedded_signatures
        certificate = None
        if signatures:
            certificate = x509.load_der_x509_certificate(signatures[0].signer_cert.dump())
        raw = reader.root.get(AUDIT_HEAD_KEY)
    except Exception:  # noqa: BLE001 - an unparseable file has no facts; the seal check says why
        return SealFacts(None, None)
    return SealFacts(certificate, _head(raw))


def sealed_audit_head(pdf_bytes: bytes) -> tuple[int, str] | None:
    """Only the audit head: read from the document catalog without parsing the signature (0.7 ms against
    11 ms per consent, and without loading pyHanko's signing side), for the anchors `verify` compares
    every day. Whether the seal covering it is valid is the seal check's to say."""
    try:
        raw = _reader(pdf_bytes).root.get(AUDIT_HEAD_KEY)
    except Exception:  # noqa: BLE001 - an unparseable file has no facts; the seal check says why
        return None
    return _head(raw)


def _reader(pdf_bytes: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader  # here, not at the top: `verify` imports this module

    return PdfFileReader(io.BytesIO(pdf_bytes), strict=False)


def _head(raw) -> tuple[int, str] | None:
    head = _HEAD.match(str(raw)) if raw is not None else None
    return (int(head.group(1)), head.group(2)) if head else None


def load_clinic_certificate(keys_dir: Path) -> x509.Certificate:
    """Only the public certificate from keys/ (checking a seal needs no private key)."""
    path = keys_dir / CERT_FILE
    if not path.is_file() or path.stat().st_size > CERTIFICATE_LIMIT:
        raise ValueError(f"{path} is missing or not a certificate")
    return x509.load_pem_x509_certificate(path.read_bytes())
