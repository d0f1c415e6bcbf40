"""The clinic's sealing identity: an EC P-256 key and a self-signed certificate, made at first run.

What the seal proves: "this PDF was produced by this ExoConsult installation and has not changed
since". It is an installation seal, not a personal signature; the people's signatures are the
manifestations inside the PDF plus the audit trail (reliability-goals.md §4.2, fallback option 1).

Key storage choice: the private key is written as unencrypted PKCS#8 PEM by default, with file
mode 0600 in a 0700 directory. The application must be able to seal a consent without asking for
an extra secret at every signature, and a passphrase kept on the same disk would add nothing; the
protection is the OS account, the file mode and full-disk encryption of the workstation. A clinic
that wants the key encrypted passes ``passphrase`` (and must then supply it to load the identity).

The certificate carries digitalSignature + nonRepudiation key usage because pyHanko's validator
requires non-repudiation by default, and is valid for about 20 years so a consent archived today
still validates against the same certificate when it is checked years later.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

KEY_FILE = "clinic-seal-key.pem"
CERT_FILE = "clinic-seal-cert.pem"
VALIDITY = dt.timedelta(days=365 * 20 + 5)  # 20 years including leap days


@dataclass(frozen=True)
class Identity:
    """The loaded sealing identity."""

    private_key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    key_path: Path
    cert_path: Path

    @property
    def clinic_name(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else ""


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 fingerprint as colon-separated upper-case hex (what people compare by eye)."""
    return certificate.fingerprint(hashes.SHA256()).hex(":").upper()


def _write_private(path: Path, data: bytes) -> None:
    # Created 0600 from the first byte (no window in which the key is world-readable); refuses to
    # overwrite an existing identity.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o600)


def generate_clinic_identity(keys_dir: Path, clinic_name: str, *, now: dt.datetime,
                             passphrase: bytes | None = None) -> Identity:
    """Create the key and self-signed certificate in ``keys_dir``; refuses if either file exists."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    name = " ".join(clinic_name.split())
    if not name:
        raise ValueError("clinic name is required")
    name = name[:64]  # X.520 upper bound for commonName / organizationName
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(keys_dir, 0o700)
    key_path, cert_path = keys_dir / KEY_FILE, keys_dir / CERT_FILE
    if key_path.exists() or cert_path.exists():
        raise FileExistsError(f"a clinic identity already exists in {keys_dir}")

    private_key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
    ])
    start = now.astimezone(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=5)  # tolerate clock skew
    public_key = private_key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(private_key, hashes.SHA256())
    )
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    )
    key_pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    _write_private(key_path, key_pem)
    _write_private(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
    return Identity(private_key=private_key, certificate=certificate, key_path=key_path, cert_path=cert_path)


def load_clinic_identity(keys_dir: Path, *, passphrase: bytes | None = None) -> Identity:
    """Load the identity written by ``generate_clinic_identity``; checks the key matches the certificate."""
    key_path, cert_path = keys_dir / KEY_FILE, keys_dir / CERT_FILE
    private_key = serialization.load_pem_private_key(key_path.read_bytes(), password=passphrase)
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or not isinstance(private_key.curve, ec.SECP256R1):
        raise ValueError("the clinic seal key is not an EC P-256 key")
    certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
    if certificate.public_key() != private_key.public_key():
        raise ValueError("the clinic seal key does not match its certificate")
    return Identity(private_key=private_key, certificate=certificate, key_path=key_path, cert_path=cert_path)


def seal_key_public_matches(keys_dir: Path, certificate: x509.Certificate) -> str | None:
    """Why the seal key in `keys_dir` is not the certificate's key (None when it is). Reads only the key's
    public half, so it works on a key stored encrypted."""
    key_path = keys_dir / KEY_FILE
    if not key_path.is_file():
        return f"the seal key ({KEY_FILE}) is missing"
    try:
        private_key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        return f"the seal key cannot be read ({exc})"
    if private_key.public_key() != certificate.public_key():
        return "the seal key is not the key of the seal certificate"
    return None


def identity_from_parts(key_der: bytes, cert_pem: bytes, keys_dir: Path) -> Identity:
    """The identity from a PKCS#8 DER key (decrypted by the caller) and the certificate; checks they match."""
    private_key = serialization.load_der_private_key(key_der, password=None)
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or not isinstance(private_key.curve, ec.SECP256R1):
        raise ValueError("the clinic seal key is not an EC P-256 key")
    certificate = x509.load_pem_x509_certificate(cert_pem)
    if certificate.public_key() != private_key.public_key():
        raise ValueError("the clinic seal key does not match its certificate")
    return Identity(private_key=private_key, certificate=certificate, key_path=keys_dir / KEY_FILE,
                    cert_path=keys_dir / CERT_FILE)


def public_key_matches(public_pem: bytes, certificate: x509.Certificate) -> bool:
    try:
        return serialization.load_pem_public_key(public_pem) == certificate.public_key()
    except ValueError:
        return False
