"""What a clinic backup (or the clinic on this computer) is, in words anyone may read: clinic name, seal
certificate fingerprint, time, app and schema version, counts of patients and consents, audit chain head.
No patient's data. Shown before a restore, beside the current clinic, and kept in clear in each backup."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from exoconsult import __version__
from exoconsult.domain.errors import StorageError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.storage import backup as files
from exoconsult.storage import clinic_backup_file as container
from exoconsult.storage.accounts import read_settings

FORMAT = "exoconsult-clinic-backup/2"
DATABASE_MEMBER = "database/exoconsult.sqlite"
FOLDERS = ("keys", "forms", "branding")  # the data folder's own folders that make up a clinic
POSTGRES_MESSAGE = QT_TRANSLATE_NOOP("ServiceMessages", "This clinic's database is PostgreSQL: backups are the "
                                     "database server's job (pg_dump or continuous archiving, set up by the "
                                     "clinic's IT). ExoConsult does not back it up.")


@dataclass(frozen=True)
class ClinicSummary:
    """What a backup (or the current clinic) is, without any patient's data: shown before a restore."""

    clinic_name: str
    certificate_fingerprint: str
    created_at: str  # ISO UTC time of the backup ("" for the current clinic)
    app_version: str
    schema_revisions: tuple[str, ...]
    patients: int
    consents: int
    audit_head_seq: int
    audit_head_hash: str

    def to_json(self) -> dict:
        return dict(asdict(self), schema_revisions=list(self.schema_revisions))

    @classmethod
    def from_json(cls, data: object) -> ClinicSummary:
        try:
            assert isinstance(data, dict)
            return cls(str(data["clinic_name"]), str(data["certificate_fingerprint"]), str(data["created_at"]),
                       str(data["app_version"]), tuple(str(r) for r in data["schema_revisions"]),
                       int(data["patients"]), int(data["consents"]), int(data["audit_head_seq"]),
                       str(data["audit_head_hash"]))
        except (AssertionError, KeyError, TypeError, ValueError):
            raise container.BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the backup's summary is damaged"))) from None


def sqlite_file(database_url: str) -> Path:
    path = files.sqlite_path(database_url)
    if path is None:
        raise StorageError(why=service_message(POSTGRES_MESSAGE))
    return path


def settings_value(settings: dict[str, str], key: str) -> str:
    """A stored setting's text (values are JSON text); "" when absent."""
    try:
        value = json.loads(settings.get(key, '""'))
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""


def summarise(db, facts: files.SnapshotFacts, created_at: str) -> ClinicSummary:
    """The summary of a database (live or a copy) from its settings and the facts read with it."""
    settings = read_settings(db)
    return ClinicSummary(settings_value(settings, "clinic_name"), settings_value(settings, "certificate_fingerprint"),
                         created_at, __version__, facts.schema_revisions, facts.row_counts.get("patient", 0),
                         facts.row_counts.get("consent", 0), facts.audit_head_seq, facts.audit_head_hash)


def read_summary(path: Path) -> ClinicSummary:
    """A backup's summary, readable without the passphrase (BackupRefused when it is not a clinic backup)."""
    header = container.read_header(Path(path))
    if header.get("format") != FORMAT:
        raise container.BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "not a clinic backup this version can read")))
    return ClinicSummary.from_json(header.get("summary"))
