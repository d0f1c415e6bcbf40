"""A second (third, ...) workstation joins a clinic that keeps its database on a PostgreSQL server.

The database is the clinic's record of truth: patients, consents (with their sealed PDFs), the approvals
with the approved bytes, the encrypted seal key and every urologist's slot (services/core/seal_key.py).
What a workstation keeps in its own data folder is derived from it:

- local-settings.json: which database to use (the URL as given, in an owner-only file, as for any
  workstation configured by hand);
- keys/clinic-seal-cert.pem: the seal certificate, copied from the database and checked against the
  fingerprint the clinic settings pin;
- forms/: the clinic's approved content, written from the approved bytes in the database (over the
  program's shipped forms, for what is not subject to approval), with its approvals.json; a content file
  the database holds no approval for is named in the result (the shipped one is there, not approved);
- branding/: the clinic's logo, from the database (services/core/clinic_settings.py keeps it there);
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
from exoconsult.definitions.content_files import content_files, write_approvals_record
from exoconsult.documents.keys import CERT_FILE, certificate_fingerprint
from exoconsult.domain.errors import StorageError, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.admin.clinic_summary import settings_value
from exoconsult.services.core import content_approval as approvals
from exoconsult.services.core import seal_key
from exoconsult.services.core.context import default_forms_dir
from exoconsult.storage import migrate
from exoconsult.storage.accounts import read_settings
from exoconsult.storage.clinic_logo import logo_bytes
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
    logo_to_copy: str  # the logo's file name when the clinic has one the database does not hold ("" otherwise)
    # content files (protocol, texts, schedule) with no approval in the clinic database: this workstation has the
    # program's shipped version of each, which the signing gates refuse until an approver approves it
    not_approved: tuple[str, ...] = ()


def _refuse(field: str, template: str, **values: object) -> ValidationError:
    """A refusal a screen shows in its language (`template` marked in "ServiceMessages")."""
    return ValidationError({field: service_message(template, **values)})


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
        raise _refuse("data_dir", QT_TRANSLATE_NOOP(
            "ServiceMessages", "{folder} already holds a clinic (a database, keys or settings): join with an empty "
            "or new data folder."), folder=str(data_dir.root))


def check_clinic_database(db: Database) -> ClinicDatabase:
    """The clinic in a database this workstation is about to join; refused with a clear reason when it is
    not a shared database, not at this version's schema, not set up, or still keeps its seal key in keys/."""
    if db.is_sqlite:
        raise _refuse("database_url", QT_TRANSLATE_NOOP(
            "ServiceMessages", "A workstation joins the clinic's PostgreSQL database (for example {example}); a SQLite "
            "file cannot be shared."), example="postgresql+psycopg://exo@server/exoconsult")
    db.check_reachable()
    current, needed = migrate.check_not_newer(db), migrate.script_heads()
    if current != needed:
        raise _refuse("database_url", QT_TRANSLATE_NOOP(
            "ServiceMessages", "The clinic database is at schema {current}; this version needs {needed}. Start this "
            "version of ExoConsult on the clinic's first workstation once (it upgrades the database), then join."),
            current=", ".join(current) or "-", needed=", ".join(needed))
    settings = read_settings(db)
    if not settings_value(settings, "setup_completed_at"):
        raise _refuse("database_url", QT_TRANSLATE_NOOP(
            "ServiceMessages", "This database holds no clinic yet: set the clinic up on its first workstation "
            "(exoconsult setup), then join."))
    if not seal_key.is_encrypted(db):
        raise _refuse("database_url", QT_TRANSLATE_NOOP(
            "ServiceMessages", "The clinic's seal key is not in this database yet: start this version on the clinic's "
            "first workstation once (it moves the key in; a clinic without a clinic passphrase sets one there first: "
            "exoconsult clinic-passphrase)."))
    return ClinicDatabase(settings_value(settings, "clinic_name"), settings_value(settings, "certificate_fingerprint"),
                          current)


def _approved_forms(db: Database, clock: Clock) -> tuple[list, dict[str, bytes]]:
    """Every approval, and the newest approved bytes of each file (by its path in the forms folder)."""
    with UnitOfWork(db, SYSTEM_ACTOR, clock, write=False) as uow:
        repo = ContentApprovalRepository(uow.session)
        rows = list(repo.all())
        newest = {row.path: row.id for row in rows}  # oldest first: the last one of a path wins
        return [approvals.recorded(r) for r in rows], {path: repo.content_of(i) for path, i in newest.items()}


def _clinic_logo(db: Database, clock: Clock) -> tuple[str, bytes | None]:
    """(file name, bytes) of the clinic's logo; ("", None) when it has none, bytes None when the database
    does not hold it (a first workstation not yet started with this version)."""
    settings = read_settings(db)
    name = Path(settings_value(settings, "logo_file")).name
    if not name:
        return "", None
    with UnitOfWork(db, SYSTEM_ACTOR, clock, write=False) as uow:
        return name, logo_bytes(uow.session, settings_value(settings, "logo_sha256"))


def _write_logo(branding: Path, name: str, data: bytes) -> None:
    folder = make_private_dir(branding)
    (folder / name).write_bytes(data)


def _write_forms(forms: Path, recorded: list, files: dict[str, bytes]) -> None:
    shutil.copytree(default_forms_dir(), forms)
    root = forms.resolve()
    for path, data in files.items():
        target = (forms / path).resolve()
        if not target.is_relative_to(root):
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "An approval names a file outside the forms folder ({path}); nothing was joined."),
                path=repr(path)))
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
            raise _refuse("passphrase", QT_TRANSLATE_NOOP("ServiceMessages", "The clinic passphrase is not right.")) \
                from None
        found = certificate_fingerprint(x509.load_pem_x509_certificate(certificate_pem))
        if found != clinic.certificate_fingerprint:
            raise StorageError(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The seal certificate in the database ({found}) is not the one the clinic settings "
                "pin ({pinned}); nothing was joined."), found=found, pinned=clinic.certificate_fingerprint))
        recorded, files = _approved_forms(db, clock)
        logo, logo_data = _clinic_logo(db, clock)
        data_dir.ensure()
        try:
            keys = make_private_dir(data_dir.keys_dir)
            created.append(keys)
            (keys / CERT_FILE).write_bytes(certificate_pem)
            if files:
                created.append(data_dir.root / "forms")
                _write_forms(data_dir.root / "forms", recorded, files)
            if logo_data is not None:
                created.append(data_dir.root / "branding")
                _write_logo(data_dir.root / "branding", logo, logo_data)
            not_approved = tuple(f.path for f in content_files(data_dir.root / "forms" if files else default_forms_dir())
                                 if f.path not in files)
            with UnitOfWork(db, SYSTEM_ACTOR, clock) as uow:
                uow.audit("workstation_joined", "clinic", "1", detail={
                    "workstation": platform.node()[:64], "approved_files": len(files), "not_approved": list(not_approved),
                    "logo": bool(logo_data)})
                uow.commit()
            data_dir.save_local_settings({"database_url": database_url})
        except BaseException:
            for path in created:
                shutil.rmtree(path, ignore_errors=True)
            raise
    finally:
        db.dispose()
    return JoinResult(clinic, data_dir.root, len(files), logo if logo_data is None else "", not_approved)
