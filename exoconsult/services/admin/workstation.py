"""A second (third, ...) workstation joins a clinic that keeps its database on a PostgreSQL server.

The database is the clinic's record of truth: patients, consents (with their sealed PDFs), the approvals
with the approved bytes, the encrypted seal key and every urologist's slot (services/core/seal_key.py).
What a workstation keeps in its own data folder is derived from it:

- local-settings.json: which database to use (the URL as given, in an owner-only file, as for any
  workstation configured by hand);
- keys/clinic-seal-cert.pem: the seal certificate, copied from the database and checked against the
  fingerprint the clinic settings pin;
- forms/: the clinic's approved content, written from the approved bytes in the database (over the
  program's shipped forms, for what is not subject to approval), with its approvals.json;
- archive/: a local copy of every sealed document, written at each start from the database (documents
  signed here are also written at once).

Joining asks the clinic passphrase once, which proves the workstation belongs to the clinic: it opens the
recovery slot and the key it unlocks must be the certificate's. From then on each urologist opens his own
slot from the database when he signs in, whichever workstation he uses. Nothing the passphrase unlocks is
stored on the workstation.
"""

from __future__ import annotations

import platform
import shutil
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from exoconsult.clock import Clock, SystemClock
from exoconsult.config import DataDir, make_private_dir
from exoconsult.definitions.content_files import write_approvals_record
from exoconsult.documents.keys import CERT_FILE, certificate_fingerprint
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.admin.clinic_summary import settings_value
from exoconsult.services.core import content_approval as approvals
from exoconsult.services.core import seal_key
from exoconsult.services.core.context import default_forms_dir
from exoconsult.storage import migrate
from exoconsult.storage.accounts import read_settings
from exoconsult.storage.content_approvals import ContentApprovalRepository
from exoconsult.storage.db import Database
from exoconsult.storage.uow import UnitOfWork


@dataclass(frozen=True)
class ClinicDatabase:
    """What joining shows before the passphrase is asked: which clinic this database holds."""

    clinic_name: str
    certificate_fingerprint: str
    schema: tuple[str, ...]


@dataclass(frozen=True)
class JoinResult:
    clinic: ClinicDatabase
    data_dir: Path
    approved_files: int  # files of forms/ written from the approvals in the database
    logo_to_copy: str  # the logo's file name when the clinic has one ("" when not): it is not in the database


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _holds_a_clinic(db_file: Path) -> bool:
    """Whether a SQLite file in the data folder holds a clinic. The app, started on a new folder, made an
    empty database before offering to join: that one holds none (an unreadable file counts as a clinic)."""
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return False
    db = Database(f"sqlite:///{db_file}")
    try:
        return bool(settings_value(read_settings(db), "setup_completed_at"))
    except Exception:  # noqa: BLE001 - not readable as an empty ExoConsult database: never overwrite it
        return True
    finally:
        db.dispose()


def _check_empty(data_dir: DataDir) -> None:
    if data_dir.local_settings().get("database_url") or (data_dir.keys_dir / CERT_FILE).exists() \
            or _holds_a_clinic(data_dir.db_path):
        raise _refuse("data_dir", f"{data_dir.root} already holds a clinic (a database, keys or settings): "
                                  "join with an empty or new data folder")


def check_clinic_database(db: Database) -> ClinicDatabase:
    """The clinic in a database this workstation is about to join; refused with a clear reason when it is
    not a shared database, not at this version's schema, not set up, or still keeps its seal key in keys/."""
    if db.is_sqlite:
        raise _refuse("database_url", "A workstation joins the clinic's PostgreSQL database (for example "
                                      "postgresql+psycopg://exo@server/exoconsult); a SQLite file cannot be shared.")
    db.check_reachable()
    current, needed = migrate.check_not_newer(db), migrate.script_heads()
    if current != needed:
        raise _refuse("database_url", f"The clinic database is at schema {', '.join(current) or 'none'}; this "
                                      f"version needs {', '.join(needed)}. Start this version of ExoConsult on "
                                      "the clinic's first workstation once (it upgrades the database), then join.")
    settings = read_settings(db)
    if not settings_value(settings, "setup_completed_at"):
        raise _refuse("database_url", "This database holds no clinic yet: set the clinic up on its first "
                                      "workstation (exoconsult setup), then join.")
    if not seal_key.is_encrypted(db):
        raise _refuse("database_url", "The clinic's seal key is not in this database yet: start this version on "
                                      "the clinic's first workstation once (it moves the key in; a clinic without "
                                      "a clinic passphrase sets one there first: exoconsult clinic-passphrase).")
    return ClinicDatabase(settings_value(settings, "clinic_name"), settings_value(settings, "certificate_fingerprint"),
                          current)


def _approved_forms(db: Database, clock: Clock) -> tuple[list, dict[str, bytes]]:
    """Every approval, and the newest approved bytes of each file (by its path in the forms folder)."""
    with UnitOfWork(db, SYSTEM_ACTOR, clock, write=False) as uow:
        repo = ContentApprovalRepository(uow.session)
        rows = list(repo.all())
        newest = {row.path: row.id for row in rows}  # oldest first: the last one of a path wins
        return [approvals.recorded(r) for r in rows], {path: repo.content_of(i) for path, i in newest.items()}


def _write_forms(forms: Path, recorded: list, files: dict[str, bytes]) -> None:
    shutil.copytree(default_forms_dir(), forms)
    root = forms.resolve()
    for path, data in files.items():
        target = (forms / path).resolve()
        if not target.is_relative_to(root):
            raise StorageError(f"an approval names a file outside the forms folder ({path!r}); nothing was joined")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    write_approvals_record(forms, recorded)


def join_clinic(data_dir: DataDir, database_url: str, passphrase: str, *, clock: Clock | None = None) -> JoinResult:
    """Set up `data_dir` as a workstation of the clinic in `database_url` (see the module text). Nothing is
    written when a check fails; a failure while writing removes what was written."""
    clock = clock or SystemClock()
    _check_empty(data_dir)
    db = Database(database_url)
    created: list[Path] = []
    try:
        clinic = check_clinic_database(db)
        try:
            certificate_pem = seal_key.certificate_with_passphrase(db, passphrase)
        except ValidationError:
            raise _refuse("passphrase", "The clinic passphrase is not right.") from None
        found = certificate_fingerprint(x509.load_pem_x509_certificate(certificate_pem))
        if found != clinic.certificate_fingerprint:
            raise StorageError(f"the seal certificate in the database ({found}) is not the one the clinic settings "
                               f"pin ({clinic.certificate_fingerprint}); nothing was joined")
        recorded, files = _approved_forms(db, clock)
        logo = settings_value(read_settings(db), "logo_file")
        data_dir.ensure()
        try:
            keys = make_private_dir(data_dir.keys_dir)
            created.append(keys)
            (keys / CERT_FILE).write_bytes(certificate_pem)
            if files:
                created.append(data_dir.root / "forms")
                _write_forms(data_dir.root / "forms", recorded, files)
            with UnitOfWork(db, SYSTEM_ACTOR, clock) as uow:
                uow.audit("workstation_joined", "clinic", "1", detail={
                    "workstation": platform.node()[:64], "approved_files": len(files)})
                uow.commit()
            data_dir.save_local_settings({"database_url": database_url})
        except BaseException:
            for path in created:
                shutil.rmtree(path, ignore_errors=True)
            raise
    finally:
        db.dispose()
    return JoinResult(clinic, data_dir.root, len(files), logo)
