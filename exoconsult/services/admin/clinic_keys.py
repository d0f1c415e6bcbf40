"""Do a keys/ folder and a database belong together? The certificate must be the one the database pins and
the seal key (encrypted in the database; in keys/ for a backup made before it moved there) must be the
certificate's key; used on a backup before it is restored, on the data folder after, and by `doctor`. (Checking the pair needs no secret: the key's public half is compared, nothing is decrypted.)"""

from __future__ import annotations

from pathlib import Path

from exoconsult.documents.keys import (
    CERT_FILE,
    certificate_fingerprint,
    public_key_matches,
    seal_key_public_matches,
)
from exoconsult.documents.seal_facts import load_clinic_certificate
from exoconsult.domain.errors import StorageError
from exoconsult.services.core import seal_key


def seal_identity_problems(keys: Path, pinned: str, database) -> list[str]:
    """One sentence per mismatch between keys/ and the fingerprint pinned in the database ([] = they agree)."""
    if not pinned and not (keys / CERT_FILE).exists():
        return []  # a clinic that was never set up has no seal yet
    try:
        certificate = load_clinic_certificate(keys)
    except ValueError as exc:
        return [f"the seal certificate cannot be read ({exc})"]
    found = certificate_fingerprint(certificate)
    problems = []
    if found != pinned:
        problems.append(f"the seal certificate in keys/ ({found}) is not the one the database pins ({pinned or 'none'})")
    if seal_key.is_encrypted(database) or (keys / seal_key.SLOTS_FILE).is_file():
        try:
            why = None if public_key_matches(seal_key.public_key_pem(database, keys), certificate) else \
                "the seal key is not the key of the seal certificate"
        except StorageError as exc:
            why = str(exc)
    else:
        why = seal_key_public_matches(keys, certificate)
    if why:
        problems.append(why)
    return problems
