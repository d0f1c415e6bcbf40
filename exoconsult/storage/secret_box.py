"""Secrets locked under something a person knows (the clinic passphrase, an account's password), and the
clinic backup key pair. Only `cryptography`'s primitives, composed the standard way; nothing home-made:

- a passphrase box: scrypt (RFC 7914) turns the passphrase and a random salt into a 256-bit key that
  encrypts the secret with AES-256-GCM; the box says which purpose it serves, and the purpose is
  authenticated, so a box for one purpose cannot be passed off as another;
- a public-key wrap: an ephemeral X25519 key agreement with the clinic's backup public key, HKDF-SHA256,
  then AES-256-GCM over a fresh file key: whoever holds only the public key (the unattended daily
  backup) can encrypt, only the private key (locked under the clinic passphrase) can decrypt.
"""

from __future__ import annotations

import base64
import os
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from exoconsult.domain.errors import StorageError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message

# OWASP's scrypt row (N=2^17, r=8, p=1: 128 MiB, ~0.3 s here) for the clinic passphrase, which guards every
# backup. An account's key slot sits beside that account's argon2 password hash in the same database, so a
# guesser gains nothing by attacking the slot instead of the hash: N=2^15 (32 MiB) keeps signing quick.
PASSPHRASE_COST = 2**17
PASSWORD_COST = 2**15
_SCRYPT_R, _SCRYPT_P = 8, 1
_MAX_COST = 2**20  # a box read from a file cannot make us spend more than 1 GiB


class WrongSecret(StorageError):
    """The passphrase or password does not open this box (or the box was altered)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(box: dict, key: str) -> bytes:
    try:
        return base64.b64decode(str(box[key]), validate=True)
    except (KeyError, ValueError, TypeError):
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "a locked secret is damaged (field {field})"), field=repr(key))) from None


def normalise_secret(text: str) -> bytes:
    """The bytes a typed passphrase stands for: NFKC, so the same words typed on another keyboard match."""
    return unicodedata.normalize("NFKC", text).encode("utf-8")


def _scrypt(secret: str, salt: bytes, cost: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=cost, r=_SCRYPT_R, p=_SCRYPT_P).derive(normalise_secret(secret))


def lock(secret: bytes, passphrase: str, *, purpose: str, cost: int | None = None) -> dict:
    """A JSON-able box holding `secret`, openable with `passphrase` for `purpose` only."""
    cost = PASSPHRASE_COST if cost is None else cost  # read at call time: the tests' cheap cost applies
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _scrypt(passphrase, salt, cost)
    sealed = AESGCM(key).encrypt(nonce, secret, purpose.encode("utf-8"))
    return {"kdf": "scrypt", "n": cost, "r": _SCRYPT_R, "p": _SCRYPT_P, "salt": _b64(salt), "nonce": _b64(nonce),
            "ciphertext": _b64(sealed), "purpose": purpose}


def unlock(box: dict, passphrase: str, *, purpose: str) -> bytes:
    """The secret in `box`; WrongSecret when the passphrase (or the purpose) is not the one it was locked with."""
    if not isinstance(box, dict) or box.get("kdf") != "scrypt" or box.get("purpose") != purpose:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "this is not the locked secret this step needs (it was made for another purpose, or is damaged)")))
    cost = box.get("n")
    if not isinstance(cost, int) or cost < 2**14 or cost > _MAX_COST or cost & (cost - 1) \
            or box.get("r") != _SCRYPT_R or box.get("p") != _SCRYPT_P:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the locked secret has parameters this version does not use (it was made by another version)")))
    key = _scrypt(passphrase, _unb64(box, "salt"), cost)
    try:
        return AESGCM(key).decrypt(_unb64(box, "nonce"), _unb64(box, "ciphertext"), purpose.encode("utf-8"))
    except InvalidTag:
        raise WrongSecret(f"the passphrase does not open the {purpose}") from None


# -- the clinic backup key pair --------------------------------------------------------------------------
BACKUP_KEY_PURPOSE = "clinic backup private key"
_WRAP_INFO = b"exoconsult clinic backup file key"


@dataclass(frozen=True)
class BackupKey:
    """What the data folder keeps: the public key in clear, the private key locked under the passphrase."""

    public: bytes
    private_locked: dict

    def to_json(self) -> dict:
        return {"public": _b64(self.public), "private_locked": self.private_locked}

    @classmethod
    def from_json(cls, data: object) -> BackupKey:
        if not isinstance(data, dict) or not isinstance(data.get("private_locked"), dict):
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the clinic backup key is damaged")))
        public = _unb64(data, "public")
        if len(public) != 32:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the clinic backup key is damaged (public key length)")))
        return cls(public, data["private_locked"])


def new_backup_key(passphrase: str) -> BackupKey:
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return BackupKey(public, lock(raw, passphrase, purpose=BACKUP_KEY_PURPOSE))


def _wrapping_key(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_WRAP_INFO).derive(shared)


def wrap_file_key(public: bytes) -> tuple[bytes, dict]:
    """(a fresh 256-bit file key, how to recover it with the backup private key)."""
    file_key, salt, nonce = AESGCM.generate_key(256), os.urandom(16), os.urandom(12)
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    wrapped = AESGCM(_wrapping_key(shared, salt)).encrypt(nonce, file_key, public)
    epub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return file_key, {"ephemeral": _b64(epub), "salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def unwrap_file_key(key: BackupKey, wrap: dict, passphrase: str) -> bytes:
    raw = unlock(key.private_locked, passphrase, purpose=BACKUP_KEY_PURPOSE)
    private = X25519PrivateKey.from_private_bytes(raw)
    shared = private.exchange(X25519PublicKey.from_public_bytes(_unb64(wrap, "ephemeral")))
    try:
        return AESGCM(_wrapping_key(shared, _unb64(wrap, "salt"))).decrypt(
            _unb64(wrap, "nonce"), _unb64(wrap, "wrapped"), key.public)
    except InvalidTag:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup's file key was altered; the backup cannot be opened"))) from None
