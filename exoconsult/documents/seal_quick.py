"""A quick proof that a stored PDF carries an intact clinic seal over the whole file, for `verify --full`,
which checks thousands of them (issue 22). pyHanko spends ~40 ms per consent, most of it reading the
32,768-digit /Contents hex string one token at a time, and parses each file twice (seal facts, then
validation). Here one file is read once: the signed byte ranges, the CMS blob in the gap between them,
and the signature over them checked with the clinic certificate's public key (asn1crypto and
cryptography, which pyHanko itself uses).

It only ever *accepts*: anything it cannot prove (another layout, an appended revision, a flipped byte,
another certificate, an unusual algorithm) returns None and the caller runs pyHanko's full validation,
which also gives the reason. It accepts only what pyHanko accepts: the seal's byte ranges cover every
byte of the file except the signature's own hex string; the digest of those bytes is the signed message
digest; the signed attributes verify with the trusted certificate's P-256 key; the certificate in the
seal is that very certificate (byte for byte) and so is the one its signing-certificate attribute names.
What pyHanko judges of the certificate itself (key usage, validity today, trust root) does not differ
between documents, so the caller arms this only after pyHanko found one document sealed with that
certificate valid in the same run."""

from __future__ import annotations

import hashlib
import re

from asn1crypto import cms, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
_HEX = re.compile(rb"[0-9a-fA-F]*")
_SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47"  # asn1crypto knows it by name only once pyHanko registered it
_TAIL = 64 * 1024  # pyHanko writes the signature dictionary in the last revision, near the end


class QuickSealCheck:
    """Proves seals made with one trusted certificate valid, or says it cannot (None)."""

    def __init__(self, trusted: x509.Certificate) -> None:
        self._der = trusted.public_bytes(serialization.Encoding.DER)
        self._key = trusted.public_key()
        self._certificate = trusted
        self._der_sha256 = hashlib.sha256(self._der).digest()
        as_asn1 = asn1_x509.Certificate.load(self._der)
        self._issuer, self._serial = as_asn1.issuer.dump(), as_asn1.serial_number

    def certificate_if_valid(self, pdf: bytes) -> x509.Certificate | None:
        """The trusted certificate when `pdf`'s seal is proven intact and valid over the whole file, else None
        (not proven: the caller validates with pyHanko)."""
        try:
            return self._certificate if self._proven(pdf) else None
        except (ValueError, TypeError, KeyError, IndexError, InvalidSignature):
            return None  # malformed in any way: not for this path to judge

    def _proven(self, pdf: bytes) -> bool:
        if pdf.count(b"/ByteRange") != 1 or not isinstance(self._key, ec.EllipticCurvePublicKey):
            return False
        found = _BYTE_RANGE.search(pdf, max(0, len(pdf) - _TAIL))
        if found is None:
            return False
        start, first, second, length = (int(g) for g in found.groups())
        # two ranges: from the first byte to the signature's hex string, and from after it to the last byte
        if start != 0 or not 0 < first < second or second + length != len(pdf) or found.start() < second:
            return False
        gap = pdf[first:second]
        if gap[:1] != b"<" or gap[-1:] != b">" or not _HEX.fullmatch(gap, 1, len(gap) - 1):
            return False
        if not pdf[max(0, first - 16):first].rstrip().endswith(b"/Contents"):
            return False
        content = cms.ContentInfo.load(bytes.fromhex(gap[1:-1].decode("ascii")), strict=False)
        if content["content_type"].native != "signed_data":
            return False
        signed = content["content"]
        signers, encapsulated = signed["signer_infos"], signed["encap_content_info"]
        if len(signers) != 1 or encapsulated["content"].native is not None:
            return False
        signer = signers[0]
        if (signer["digest_algorithm"]["algorithm"].native != "sha256"
                or signer["signature_algorithm"].signature_algo != "ecdsa"
                or signer["signature_algorithm"]["algorithm"].native not in ("sha256_ecdsa", "ecdsa")):
            return False
        if not self._signer_is_trusted(signed, signer):
            return False
        attributes = {a["type"].native: a["values"] for a in signer["signed_attrs"]}
        digest = hashlib.sha256(memoryview(pdf)[:first])
        digest.update(memoryview(pdf)[second:])
        if (attributes["content_type"][0].native != encapsulated["content_type"].native
                or attributes["message_digest"][0].native != digest.digest()):
            return False
        self._key.verify(signer["signature"].native, signer["signed_attrs"].untag().dump(),
                         ec.ECDSA(hashes.SHA256()))  # raises InvalidSignature
        return True

    def _signer_is_trusted(self, signed: cms.SignedData, signer: cms.SignerInfo) -> bool:
        """Every certificate in the seal is the trusted one byte for byte (pyHanko's seal carries only it, so
        whichever one pyHanko would pick as the signer's is it), the signer is named by its issuer and
        serial number, and its signing-certificate-v2 attribute (PAdES) names exactly that certificate."""
        certificates = [c.chosen.dump() if c.name == "certificate" else b"" for c in signed["certificates"]]
        if not certificates or any(der != self._der for der in certificates):
            return False
        sid = signer["sid"]
        if (sid.name != "issuer_and_serial_number" or sid.chosen["serial_number"].native != self._serial
                or sid.chosen["issuer"].dump() != self._issuer):
            return False
        attributes = {a["type"].native: a["values"] for a in signer["signed_attrs"]}
        named = attributes.get("signing_certificate_v2", attributes.get(_SIGNING_CERTIFICATE_V2))
        if named is None or len(named) != 1:
            return False
        ids = tsp.SigningCertificateV2.load(named[0].dump())["certs"]
        return (len(ids) >= 1 and ids[0]["hash_algorithm"]["algorithm"].native == "sha256"
                and ids[0]["cert_hash"].native == self._der_sha256)
