"""The clinic's seal key at rest: never stored in clear, so someone holding only the files (or a copy of the
database) cannot re-seal.

The clinic database holds the seal key (PKCS#8) encrypted with a random 256-bit data key (AES-256-GCM), and
that data key in *slots* (storage/seal_key_store.py): one per account that may seal, locked with a key
derived from the account's password (scrypt, its own salt), and a recovery slot locked with the clinic
passphrase. The key's public half is kept in clear so it can be checked against the certificate without a
secret. In the database, every workstation of a clinic on PostgreSQL seals with the same key, and a slot
made on one workstation opens on the others; the certificate stays in keys/ of each data folder, pinned by
its fingerprint in the database.

When is the data key opened? At sign-in and at the password re-entry of a signature (the moments the
person's password is at hand); it is kept in this process's memory for that account until sign-out, so
sealing a procedure note or a report needs no extra prompt. A password change re-locks the account's slot;
an admin creating a sealing account (or resetting its password) gives the clinic passphrase, which opens
the recovery slot, so the new slot can be made under the account's first password.

Before this version the slots lived in `keys/clinic-seal-key.json`; `adopt_slots_file` moves that file into
the database at the first start (and after restoring an older backup). A clinic set up before the key was
encrypted still has `clinic-seal-key.pem` in clear; it keeps sealing with it (and `doctor` says so) until
it gets its clinic passphrase.
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
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.core.permissions import GRANTS, Permission
from exoconsult.storage.backup import fsync_dir
from exoconsult.storage.seal_key_store import read_seal_key, store_seal_key, store_slot
from exoconsult.storage.secret_box import PASSPHRASE_COST, PASSWORD_COST, WrongSecret, lock, unlock

SLOTS_FILE = "clinic-seal-key.json"  # where the slots lived before they moved into the database
FORMAT = "exoconsult-seal-key/1"
RECOVERY = "recovery"
_KEY_AAD = b"exoconsult clinic seal key"
NO_SEAL_KEY = QT_TRANSLATE_NOOP("ServiceMessages", "The clinic database holds no seal key.")
SEAL_KEY_ALTERED = QT_TRANSLATE_NOOP("ServiceMessages", "The seal key in the clinic database was altered or does not "
                                     "belong to its slots.")
# The use cases that seal a document (consent, withdrawal, procedure note and addendum, SAE report), and so
# the roles whose accounts need a slot (today urologists only: nurses witness, admins never seal).
SEALING_PERMISSIONS = frozenset({Permission.CONSENT_SIGN_CLINICIAN, Permission.CONSENT_WITHDRAW,
                                 Permission.PROCEDURE_RECORD, Permission.SAE_REPORT})
SEALING_ROLES = frozenset(role for role, granted in GRANTS.items() if granted & SEALING_PERMISSIONS)

# (database, account id) -> data key, in this process only, until sign-out. Keyed by database too: one
# process may serve two clinics (a restore, tests), where the same account id is another person.
_unlocked: dict[tuple[str, int], bytes] = {}


def _held(db, user_id: int) -> tuple[str, int]:
    return str(db.url), int(user_id)


def _slot(user_id: int | str) -> str:
    return user_id if user_id == RECOVERY else f"user-{int(user_id)}"


def _purpose(slot: str) -> str:
    return f"seal key slot {slot}"  # a slot cannot be passed off as another account's


def is_encrypted(source) -> bool:
    """Does the clinic database hold the encrypted seal key? (`source`: Database, Session or Connection.)"""
    return read_seal_key(source) is not None


def _read(source) -> dict:
    data = read_seal_key(source)
    if data is None:
        raise StorageError(why=service_message(NO_SEAL_KEY))
    if data.get("format") != FORMAT:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The seal key in the clinic database is damaged.")))
    return data


def _read_file(keys_dir: Path) -> dict:
    try:
        data = json.loads((keys_dir / SLOTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The seal key ({file}) cannot be read ({detail})."), file=SLOTS_FILE, detail=exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The seal key ({file}) is damaged."), file=SLOTS_FILE))
    return data


def adopt_slots_file(db, keys_dir: Path, clock) -> bool:
    """Move keys/clinic-seal-key.json (an older data folder or backup) into the database: audited, then the
    file is removed, so no stale copy of old slots stays behind. True when it was moved."""
    from exoconsult.storage.uow import UnitOfWork

    if not (keys_dir / SLOTS_FILE).is_file():
        return False
    with UnitOfWork(db, SYSTEM_ACTOR, clock) as uow:
        if read_seal_key(uow.session) is None:
            data = _read_file(keys_dir)
            store_seal_key(uow.session, data, (keys_dir / CERT_FILE).read_text(encoding="ascii"), uow.now())
            uow.audit("seal_key_moved_to_database", "clinic", "1", detail={"slots": sorted(data["slots"])})
        # else: the database already holds the key (another workstation moved its file first): the file goes
        uow.commit()
    (keys_dir / SLOTS_FILE).unlink()
    fsync_dir(keys_dir)
    return True


def encrypt_clear_key(uow, keys_dir: Path, passphrase: str) -> None:
    """Store the clear `clinic-seal-key.pem` encrypted in the database with its recovery slot (setup, or
    an older clinic getting its passphrase). The caller commits, then calls `remove_clear_key`."""
    private_key = serialization.load_pem_private_key((keys_dir / KEY_FILE).read_bytes(), password=None)
    der = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    public = private_key.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    data_key, nonce = AESGCM.generate_key(256), os.urandom(12)
    store_seal_key(uow.session, {
        "format": FORMAT, "public_key": public.decode("ascii"), "nonce": base64.b64encode(nonce).decode("ascii"),
        "sealed_key": base64.b64encode(AESGCM(data_key).encrypt(nonce, der, _KEY_AAD)).decode("ascii"),
        "slots": {RECOVERY: lock(data_key, passphrase, purpose=_purpose(RECOVERY))}},
        (keys_dir / CERT_FILE).read_text(encoding="ascii"), uow.now())


def remove_clear_key(keys_dir: Path) -> None:
    (keys_dir / KEY_FILE).unlink(missing_ok=True)
    fsync_dir(keys_dir)


def public_key_pem(source, keys_dir: Path | None = None) -> bytes:
    """The seal key's public half from the database (or, for a backup made before the key moved there,
    from its keys/ file)."""
    data = read_seal_key(source)
    if data is None and keys_dir is not None and (keys_dir / SLOTS_FILE).is_file():
        data = _read_file(keys_dir)
    if data is None:
        raise StorageError(why=service_message(NO_SEAL_KEY))
    return str(data.get("public_key", "")).encode("ascii")


def has_slot(source, user_id: int) -> bool:
    return _slot(user_id) in _read(source)["slots"]


def open_with_passphrase(source, passphrase: str) -> bytes:
    """The data key from the recovery slot; ValidationError naming the passphrase when it does not open."""
    try:
        return unlock(_read(source)["slots"][RECOVERY], passphrase, purpose=_purpose(RECOVERY))
    except (WrongSecret, KeyError):
        raise ValidationError({"passphrase": service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The clinic passphrase is not right."))}) from None


def open_with_password(source, user_id: int, password: str) -> bytes | None:
    """The data key from the account's slot (None when it has none or the password does not open it)."""
    box = _read(source)["slots"].get(_slot(user_id))
    if box is None:
        return None
    try:
        return unlock(box, password, purpose=_purpose(_slot(user_id)))
    except StorageError:  # the wrong password, or a slot moved here from another account
        return None


def put_slot(uow, data_key: bytes, user_id: int | str, password: str) -> None:
    """Give the account (or the recovery) a slot under `password`, replacing the one it had, in the
    caller's transaction (`uow`: a Work or UnitOfWork), audited by slot name."""
    slot = _slot(user_id)
    cost = PASSPHRASE_COST if slot == RECOVERY else PASSWORD_COST
    store_slot(uow.session, slot, lock(data_key, password, purpose=_purpose(slot), cost=cost), uow.now())
    uow.audit("seal_key_slot_set", "clinic", "1", detail={"slot": slot})


def remember(db, user_id: int, data_key: bytes | None) -> None:
    if data_key is not None:
        _unlocked[_held(db, user_id)] = data_key


def forget(user_id: int) -> None:
    """Sign-out: this account's data key leaves memory (for every clinic database)."""
    for held in [h for h in _unlocked if h[1] == user_id]:
        del _unlocked[held]


def forget_all() -> None:
    """After a restore: the keys were replaced and everyone signs in again."""
    _unlocked.clear()


def unlock_at_sign_in(db, user_id: int, password: str, source=None) -> None:
    """Called with a password that was just verified: keep the data key for this account's session."""
    source = db if source is None else source
    if is_encrypted(source):
        remember(db, user_id, open_with_password(source, user_id, password))


def relock_slot(uow, db, user_id: int, old_password: str, new_password: str) -> None:
    """After a password change, in its transaction: the account's slot follows its new password."""
    if not is_encrypted(uow.session):
        return
    data_key = open_with_password(uow.session, user_id, old_password) or _unlocked.get(_held(db, user_id))
    if data_key is not None:
        put_slot(uow, data_key, user_id, new_password)
        remember(db, user_id, data_key)


def identity_with_passphrase(source, keys_dir: Path, passphrase: str) -> Identity:
    """The seal key opened with the clinic passphrase (recovery: whoever knows it holds the seal)."""
    return _decrypt(source, keys_dir, open_with_passphrase(source, passphrase))


def sealing_identity(db, keys_dir: Path, user_id: int, source=None) -> Identity:
    """The seal key and certificate for a seal made by `user_id` (whose data key this process holds)."""
    source = db if source is None else source
    if not is_encrypted(source):
        from exoconsult.documents.keys import load_clinic_identity

        return load_clinic_identity(keys_dir)  # a clinic set up before the key was encrypted
    data_key = _unlocked.get(_held(db, user_id))
    if data_key is None:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "This account cannot open the clinic's seal key: sign in again; if it still fails, "
            "an administrator gives the account its key (Reset password, with the clinic passphrase).")))
    return _decrypt(source, keys_dir, data_key)


def _decrypt(source, keys_dir: Path, data_key: bytes) -> Identity:
    data = _read(source)
    try:
        der = AESGCM(data_key).decrypt(base64.b64decode(data["nonce"]), base64.b64decode(data["sealed_key"]), _KEY_AAD)
    except (InvalidTag, KeyError, ValueError):
        raise StorageError(why=service_message(SEAL_KEY_ALTERED)) from None
    return identity_from_parts(der, (keys_dir / CERT_FILE).read_bytes(), keys_dir)


def certificate_with_passphrase(source, passphrase: str) -> bytes:
    """The clinic's seal certificate (PEM) as stored in the database, after proving the clinic passphrase:
    the recovery slot opens and the key it unlocks is the certificate's (a workstation joining the clinic)."""
    from cryptography import x509

    from exoconsult.documents.keys import public_key_matches

    data = _read(source)
    data_key = open_with_passphrase(source, passphrase)
    try:
        der = AESGCM(data_key).decrypt(base64.b64decode(data["nonce"]), base64.b64decode(data["sealed_key"]), _KEY_AAD)
    except (InvalidTag, KeyError, ValueError):
        raise StorageError(why=service_message(SEAL_KEY_ALTERED)) from None
    private_key = serialization.load_der_private_key(der, password=None)
    pem = str(data.get("certificate", "")).encode("ascii")
    public = private_key.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        certificate = x509.load_pem_x509_certificate(pem)
    except ValueError:
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The seal certificate in the clinic database cannot be read."))) from None
    if not public_key_matches(public, certificate):
        raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The seal certificate in the clinic database is not the certificate of its seal key.")))
    return pem
