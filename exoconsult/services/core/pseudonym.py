"""A patient's pseudonym for documents that leave the clinic (the serious-adverse-event report, the
registry's list of serious events): keyed HMAC-SHA-256 of the patient id with a clinic secret kept in the
keys folder beside the seal key. The secret is created on first use and never leaves the clinic; without
it a pseudonym cannot be traced back to a patient, with it the clinic finds him."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from exoconsult.config import make_private_dir

KEY_FILE = "pseudonym.key"


def _secret(keys_dir: Path) -> bytes:
    path = make_private_dir(keys_dir) / KEY_FILE
    if not path.is_file():
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # first writer wins when two start at once; the loser reads the winner's key
        except FileExistsError:
            pass
        tmp.unlink(missing_ok=True)
    return bytes.fromhex(path.read_text().strip())


def pseudonym(keys_dir: Path, patient_id: int) -> str:
    digest = hmac.new(_secret(keys_dir), f"patient:{patient_id}".encode(), hashlib.sha256).hexdigest()
    return f"EXO-{digest[:10].upper()}"
