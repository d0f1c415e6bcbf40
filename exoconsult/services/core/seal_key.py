"""The clinic's seal key at rest: never on disk in clear, so someone holding only the files cannot re-seal.

`keys/clinic-seal-key.json` holds the seal key (PKCS#8) encrypted with a random 256-bit data key
(AES-256-GCM), and that data key in *slots*: one per account that may seal, locked with a key derived
from the account's password (scrypt, its own salt), and a recovery slot locked with the clinic passphrase.
The key's public half is kept in clear so keys/ can be checked against the certificate without a secret.

When is the data key opened? At sign-in and at the password re-entry of a signature (the moments the
person's password is at hand); it is kept in this process's memory for that account until sign-out, so
sealing a procedure note or a report needs no extra prompt. A password change re-locks the account's slot;
an admin creating a sealing account (or resetting its password) gives the clinic passphrase, which opens
the recovery slot, so the new slot can be made under the account's first password.

A clinic set up before this version still has `clinic-seal-key.pem` in clear; it keeps sealing with it
(and `doctor` says so) until it is set up anew or restored from a backup of a clinic that has slots.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from exoconsult.documents.keys import CERT_FILE, KEY_FILE, Identity, identity_from_parts
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.services.core.permissions import GRANTS, Permission
from exoconsult.storage.backup import fsync_dir
from exoconsult.storage.secret_box import PASSWORD_COST, WrongSecret, lock, unlock

SLOTS_FILE = "clinic-seal-key.json"
FORMAT = "exoconsult-seal-key/1"
RECOVERY = "recovery"
_KEY_AAD = b"exoconsult clinic seal key"
# The use cases that seal a document (consent, withdrawal, procedure note and addendum, SAE report), and so
# the roles whose accounts need a slot (today urologists only: nurses witness, admins never seal).
SEALING_PERMISSIONS = frozenset({Permission.CONSENT_SIGN_CLINICIAN, Permission.CONSENT_WITHDRAW,
                                 Permission.PROCEDURE_RECORD, Permission.SAE_REPORT})
SEALING_ROLES = frozenset(role for role, granted in GRANTS.items() if granted & SEALING_PERMISSIONS)

# (keys folder, account id) -> data key, in this process only, until sign-out. Keyed by folder too: one
# process may serve two data folders (a restore, tests), where the same account id is another person.
_unlocked: dict[tuple[str, int], bytes] = {}


def _held(keys_dir: Path, user_id: int) -> tuple[str, int]:
    return str(keys_dir.resolve()), int(user_id)


def _slot(user_id: int | str) -> str:
    return user_id if user_id == RECOVERY else f"user-{int(user_id)}"


def _purpose(slot: str) -> str:
    return f"seal key slot {slot}"  # a slot cannot be passed off as another account's


def is_encrypted(keys_dir: Path) -> bool:
    return (keys_dir / SLOTS_FILE).is_file()


def _read(keys_dir: Path) -> dict:
    try:
        data = json.loads((keys_dir / SLOTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StorageError(f"the seal key ({SLOTS_FILE}) cannot be read ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
        raise StorageError(f"the seal key ({SLOTS_FILE}) is damaged")
    return data


def _write(keys_dir: Path, data: dict) -> None:
    path = keys_dir / SLOTS_FILE
    tmp = path.with_name(path.name + ".partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(keys_dir)


def encrypt_clear_key(keys_dir: Path, passphrase: str) -> None:
    """Replace the clear `clinic-seal-key.pem` by the slots file with its recovery slot (setup)."""
    clear = keys_dir / KEY_FILE
    private_key = serialization.load_pem_private_key(clear.read_bytes(), password=None)
    der = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    public = private_key.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    data_key, nonce = AESGCM.generate_key(256), os.urandom(12)
    _write(keys_dir, {"format": FORMAT, "public_key": public.decode("ascii"),
                      "nonce": base64.b64encode(nonce).decode("ascii"),
                      "sealed_key": base64.b64encode(AESGCM(data_key).encrypt(nonce, der, _KEY_AAD)).decode("ascii"),
                      "slots": {RECOVERY: lock(data_key, passphrase, purpose=_purpose(RECOVERY))}})
    clear.unlink()
    fsync_dir(keys_dir)


def public_key_pem(keys_dir: Path) -> bytes:
    return str(_read(keys_dir).get("public_key", "")).encode("ascii")


def has_slot(keys_dir: Path, user_id: int) -> bool:
    return _slot(user_id) in _read(keys_dir)["slots"]


def open_with_passphrase(keys_dir: Path, passphrase: str) -> bytes:
    """The data key from the recovery slot; ValidationError naming the passphrase when it does not open."""
    try:
        return unlock(_read(keys_dir)["slots"][RECOVERY], passphrase, purpose=_purpose(RECOVERY))
    except (WrongSecret, KeyError):
        raise ValidationError({"passphrase": "The clinic passphrase is not right."}) from None


def open_with_password(keys_dir: Path, user_id: int, password: str) -> bytes | None:
    """The data key from the account's slot (None when it has none or the password does not open it)."""
    box = _read(keys_dir)["slots"].get(_slot(user_id))
    if box is None:
        return None
    try:
        return unlock(box, password, purpose=_purpose(_slot(user_id)))
    except StorageError:  # the wrong password, or a slot moved here from another account
        return None


def put_slot(keys_dir: Path, data_key: bytes, user_id: int, password: str) -> None:
    """Give the account a slot under `password` (replacing the one it had)."""
    data = _read(keys_dir)
    slot = _slot(user_id)
    data["slots"][slot] = lock(data_key, password, purpose=_purpose(slot), cost=PASSWORD_COST)
    _write(keys_dir, data)


def remember(keys_dir: Path, user_id: int, data_key: bytes | None) -> None:
    if data_key is not None:
        _unlocked[_held(keys_dir, user_id)] = data_key


def forget(user_id: int) -> None:
    """Sign-out: this account's data key leaves memory (for every data folder)."""
    for held in [h for h in _unlocked if h[1] == user_id]:
        del _unlocked[held]


def forget_all() -> None:
    """After a restore: the keys were replaced and everyone signs in again."""
    _unlocked.clear()


def unlock_at_sign_in(keys_dir: Path, user_id: int, password: str) -> None:
    """Called with a password that was just verified: keep the data key for this account's session."""
    if is_encrypted(keys_dir):
        remember(keys_dir, user_id, open_with_password(keys_dir, user_id, password))


def relock_slot(keys_dir: Path, user_id: int, old_password: str, new_password: str) -> None:
    """After a password change: the account's slot follows its new password."""
    if not is_encrypted(keys_dir):
        return
    data_key = open_with_password(keys_dir, user_id, old_password) or _unlocked.get(_held(keys_dir, user_id))
    if data_key is not None:
        put_slot(keys_dir, data_key, user_id, new_password)
        remember(keys_dir, user_id, data_key)


def identity_with_passphrase(keys_dir: Path, passphrase: str) -> Identity:
    """The seal key opened with the clinic passphrase (recovery: whoever knows it holds the seal)."""
    return _decrypt(keys_dir, open_with_passphrase(keys_dir, passphrase))


def sealing_identity(keys_dir: Path, user_id: int) -> Identity:
    """The seal key and certificate for a seal made by `user_id` (whose data key this process holds)."""
    if not is_encrypted(keys_dir):
        from exoconsult.documents.keys import load_clinic_identity

        return load_clinic_identity(keys_dir)  # a clinic set up before the key was encrypted
    data_key = _unlocked.get(_held(keys_dir, user_id))
    if data_key is None:
        raise StorageError("this account cannot open the clinic's seal key: sign in again; if it still fails, an "
                           "administrator gives the account its key (Reset password, with the clinic passphrase)")
    return _decrypt(keys_dir, data_key)


def _decrypt(keys_dir: Path, data_key: bytes) -> Identity:
    data = _read(keys_dir)
    try:
        der = AESGCM(data_key).decrypt(base64.b64decode(data["nonce"]), base64.b64decode(data["sealed_key"]), _KEY_AAD)
    except (InvalidTag, KeyError, ValueError):
        raise StorageError(f"the seal key ({SLOTS_FILE}) was altered or does not belong to these slots") from None
    return identity_from_parts(der, (keys_dir / CERT_FILE).read_bytes(), keys_dir)
