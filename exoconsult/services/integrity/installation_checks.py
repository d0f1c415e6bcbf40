"""Installation checks (`exoconsult doctor`, Administration > Settings): one result per check, each with
a plain fix. Read-only: nothing is created, migrated or repaired. The Qt check is supplied by the caller
(the CLI runs a child process, the window already runs Qt), since services never import Qt."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import partial
from pathlib import Path

from exoconsult.config import DataDir
from exoconsult.domain.people import Actor
from exoconsult.services.core.context import ServiceContext, clinic_forms_dir
from exoconsult.services.core.permissions import Permission, requires
from exoconsult.services.integrity.disk_encryption import (
    ENCRYPTED,
    UNKNOWN,
    folder_encryption,
    how_to_encrypt,
)

FREE_SPACE_PROBLEM = 500 * 1024**2  # below this a backup (a full copy of the database) may not fit
FREE_SPACE_WARNING = 2 * 1024**3
BACKUP_WARNING = timedelta(days=2)  # a weekend without starting the app is normal
BACKUP_PROBLEM = timedelta(days=7)
EARLIEST_PLAUSIBLE = datetime(2025, 1, 1, tzinfo=UTC)

log = logging.getLogger(__name__)


class Status(StrEnum):
    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"
    SKIPPED = "skipped"


LABELS = {Status.OK: "OK", Status.WARNING: "WARN", Status.PROBLEM: "FAIL", Status.SKIPPED: "SKIP"}


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: Status
    finding: str
    fix: str = ""

    def line(self) -> str:
        text = f"[{LABELS[self.status]}] {self.name}: {self.finding}"
        return f"{text} -> fix: {self.fix}" if self.fix and self.status is not Status.OK else text


@dataclass(frozen=True)
class Installation:
    data_dir: DataDir
    database_url: str
    forms_dir: Path
    fonts_dir: Path
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


def installation_for(data_dir: DataDir, database_url: str | None = None) -> Installation:
    from exoconsult.paths import fonts_dir

    return Installation(data_dir, data_dir.database_url(database_url), clinic_forms_dir(data_dir), fonts_dir())


def _fonts(inst: Installation, _facts) -> CheckResult:
    from exoconsult.documents.fonts import font_problems

    problems = font_problems(inst.fonts_dir)
    if problems:
        return CheckResult("Fonts", Status.PROBLEM, f"in {inst.fonts_dir}: " + "; ".join(problems),
                           "reinstall ExoConsult (the fonts are part of the program); documents cannot be printed until then")
    return CheckResult("Fonts", Status.OK, f"the 4 DejaVu Sans faces load from {inst.fonts_dir}")


def _sqlite_file(inst: Installation) -> Path | None:
    from exoconsult.storage.backup import sqlite_path

    return sqlite_path(inst.database_url)


class _Facts:
    """The database is read once for the checks that need it; a failure is remembered, not retried."""

    def __init__(self, inst: Installation) -> None:
        self.inst = inst
        self._facts = None
        self.error: str | None = None
        self._tried = False

    def get(self):
        if not self._tried:
            self._tried = True
            db_file = _sqlite_file(self.inst)
            if db_file is not None and not db_file.is_file():
                self.error = f"there is no database at {db_file}"
                return None
            try:
                from exoconsult.storage.health import database_facts

                self._facts = database_facts(self.inst.database_url)
            except Exception as exc:  # noqa: BLE001 - reported as the finding of the database check
                self.error = f"cannot be opened ({type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''})"
        return self._facts


def _skipped(name: str, facts: _Facts) -> CheckResult:
    return CheckResult(name, Status.SKIPPED, "not checked: the database could not be read")


def _database(inst: Installation, facts: _Facts) -> CheckResult:
    found = facts.get()
    if found is None:
        return CheckResult("Database", Status.PROBLEM, str(facts.error),
                           "start ExoConsult to set up a new clinic, check that the data folder (or the database "
                           "server in local-settings.json) is the right one and reachable, or restore a backup "
                           "(exoconsult restore FILE)")
    if found.pragmas_wrong:
        wrong = ", ".join(f"{n}={have} (needs {want})" for n, (have, want) in found.pragmas_wrong.items())
        return CheckResult("Database", Status.PROBLEM, f"SQLite settings not as required: {wrong}",
                           "keep the data folder on a local disk of this computer, not on a network share")
    where = f"SQLite file {_sqlite_file(inst)}" if found.dialect == "sqlite" else "PostgreSQL server"
    return CheckResult("Database", Status.OK, f"{where} reachable" + (", required settings in force"
                                                                       if found.dialect == "sqlite" else ""))


def _schema(inst: Installation, facts: _Facts) -> CheckResult:
    found = facts.get()
    if found is None:
        return _skipped("Schema", facts)
    if found.schema_current:
        return CheckResult("Schema", Status.OK, f"current ({', '.join(found.heads)})")
    if found.unknown_revisions:
        return CheckResult("Schema", Status.PROBLEM, f"written by a newer ExoConsult ({', '.join(found.unknown_revisions)})",
                           "install the newer version of ExoConsult on this computer")
    return CheckResult("Schema", Status.PROBLEM,
                       f"at {', '.join(found.revisions) or 'no revision'}, this version needs {', '.join(found.heads)}",
                       "start ExoConsult once: it backs the database up and upgrades it")


def _database_holds_seal_key(inst: Installation, facts: _Facts) -> bool:
    """Whether the clinic database holds the encrypted seal key (False when it cannot be read)."""
    from exoconsult.services.core.seal_key import is_encrypted
    from exoconsult.storage.db import Database

    if facts.get() is None:
        return False
    db = Database(inst.database_url)
    try:
        return is_encrypted(db)
    except Exception:  # noqa: BLE001 - the database check reports why it cannot be read
        return False
    finally:
        db.dispose()


def _seal_key(inst: Installation, facts: _Facts) -> CheckResult:
    from exoconsult.documents.keys import CERT_FILE, KEY_FILE, load_clinic_identity
    from exoconsult.documents.seal_facts import load_clinic_certificate
    from exoconsult.services.admin.clinic_keys import seal_identity_problems
    from exoconsult.services.core.seal_key import SLOTS_FILE
    from exoconsult.storage.db import Database

    keys = inst.data_dir.keys_dir
    in_database = _database_holds_seal_key(inst, facts)
    # Before the first start of this version the encrypted key is still in keys/ (it then moves in).
    encrypted = in_database or (keys / SLOTS_FILE).is_file()
    key = None if in_database else keys / (SLOTS_FILE if encrypted else KEY_FILE)
    cert = keys / CERT_FILE
    name = "Seal key"
    missing = [p.name for p in (key, cert) if p is not None and not p.is_file()]
    if missing:
        return CheckResult(name, Status.PROBLEM, f"{', '.join(missing)} missing in {keys}",
                           "restore the keys folder from the clinic's backup (a second workstation: join the "
                           "clinic again, `exoconsult workstation join`); without it consents cannot be "
                           "sealed (a new key would not verify documents sealed before)")
    try:
        certificate = load_clinic_certificate(keys)
        if encrypted:
            db = Database(inst.database_url) if in_database else None
            try:
                problems = seal_identity_problems(keys, "", db)
            finally:
                if db is not None:
                    db.dispose()
        else:
            problems = []
        if not encrypted:
            load_clinic_identity(keys)
    except TypeError:
        return CheckResult(name, Status.PROBLEM, "the key is encrypted in a form ExoConsult does not use",
                           "restore the keys folder from the clinic's backup")
    except (ValueError, OSError) as exc:
        return CheckResult(name, Status.PROBLEM, f"cannot be used: {exc}",
                           "restore the keys folder (key and certificate together) from the clinic's backup")
    problems = [p for p in problems if "pins" not in p]  # the pinned fingerprint is the next check's
    if problems:
        return CheckResult(name, Status.PROBLEM, "; ".join(problems),
                           "restore the keys folder (key and certificate together) from the clinic's backup")
    if certificate.not_valid_after_utc < inst.now:
        return CheckResult(name, Status.PROBLEM, f"the certificate expired on {certificate.not_valid_after_utc:%Y-%m-%d}",
                           "ask the ExoConsult supplier how to renew the clinic's seal certificate")
    if key is not None and os.name == "posix" and (key.stat().st_mode & 0o077):
        return CheckResult(name, Status.PROBLEM, f"{key} can be read by other accounts on this computer",
                           f"chmod 600 {key}")
    if not encrypted:
        return CheckResult(name, Status.WARNING, "stored in clear (a clinic set up before the key was encrypted): "
                                                 "whoever copies the data folder could seal with it",
                           "a clinic set up with this version keeps it encrypted; until then rely on the account, "
                           "the file mode and disk encryption")
    return CheckResult(name, Status.OK, "present, matches its certificate, encrypted (a slot per urologist's "
                                        "password and one under the clinic passphrase)"
                       + (", in the clinic database" if in_database else ", owner-only"))


def _content(inst: Installation, _facts) -> CheckResult:
    """Against the forms folder's own record of its approvals (`verify` checks them against the database)."""
    from exoconsult.definitions.content_files import content_files, read_approvals_record
    from exoconsult.domain.content_approval import approval_state

    name, forms = "Clinic content", inst.forms_dir
    try:
        files = content_files(forms)
        recorded = read_approvals_record(forms) or []
    except Exception as exc:  # noqa: BLE001 - a content error is the finding
        return CheckResult(name, Status.PROBLEM, f"cannot be loaded from {forms}: {str(exc).splitlines()[0][:200]}",
                           f"run: exoconsult forms lint --forms {forms}, and correct what it lists")
    broken = [f for f in files if f.problem]
    if broken:
        return CheckResult(name, Status.PROBLEM, f"cannot be loaded: {broken[0].problem.splitlines()[0][:200]}",
                           f"run: exoconsult forms lint --forms {forms}, and correct what it lists")
    states = [approval_state(f, recorded) for f in files]
    changed = [s for s in states if s.status == "changed"]
    if changed:
        return CheckResult(name, Status.PROBLEM, "; ".join(s.describe() for s in changed)[:600],
                           "a urologist with the approver permission reviews the changed text (Review and approve)")
    unapproved = [s.file.path for s in states if not s.approved]
    if unapproved:
        return CheckResult(name, Status.WARNING, f"not approved by the clinic: {', '.join(unapproved)} (in {forms})",
                           "a urologist with the approver permission reviews and approves them (Review and approve, "
                           "or exoconsult content approve); until then consents print as DRAFT and cannot be signed")
    return CheckResult(name, Status.OK, f"protocol and all texts approved ({forms})")


def _backup(inst: Installation, facts: _Facts) -> CheckResult:
    name = "Last backup"
    if _sqlite_file(inst) is None:
        return CheckResult(name, Status.OK, "PostgreSQL: backups are the database server's job (pg_dump), not checked here")
    found = facts.get()
    if found is None:
        return _skipped(name, facts)
    if found.newest_backup_at is None:
        return CheckResult(name, Status.WARNING, "no backup has been made yet",
                           "Administration > Backups > Back up now (ExoConsult also makes one at the first start of each day)")
    age = inst.now - datetime.fromisoformat(found.newest_backup_at)
    text = f"{found.newest_backup_at[:16].replace('T', ' ')} UTC ({age.days} days ago)"
    if age > BACKUP_WARNING:
        status = Status.PROBLEM if age > BACKUP_PROBLEM else Status.WARNING
        return CheckResult(name, status, text, "start ExoConsult (it backs up at the first start of each day) or "
                                               "Administration > Backups > Back up now; copy backups off this computer")
    return CheckResult(name, Status.OK, text)


def _local_settings(inst: Installation, _facts) -> CheckResult:
    name, path = "Local settings", inst.data_dir.local_settings_path
    problems = inst.data_dir.local_settings_problems()
    if problems:
        return CheckResult(name, Status.PROBLEM, "; ".join(problems),
                           f"correct {path.name} (the README's Settings section lists every key) or remove the key")
    return CheckResult(name, Status.OK, f"{path.name}: " + ("every key known" if path.exists() else "none (defaults)"))


def _clinic_settings(inst: Installation, facts: _Facts) -> CheckResult:
    from exoconsult.services.core.clinic_settings import VALIDATORS, ClinicSettings
    from exoconsult.services.programme.programme import EDITABLE, SETTING_KEY

    name = "Clinic settings"
    found = facts.get()
    if found is None:
        return _skipped(name, facts)
    known = {f.name for f in dataclasses.fields(ClinicSettings)} | {SETTING_KEY}
    unknown = sorted(set(found.settings) - known)
    invalid = []
    for key in sorted(set(found.settings) & known):
        try:
            value = json.loads(found.settings[key])
            if key == SETTING_KEY:  # the treatment programme: one JSON object of placeholder values
                unknown += [f"{SETTING_KEY}.{k}" for k in sorted(set(value) - set(EDITABLE))]
            elif key in VALIDATORS:
                VALIDATORS[key](value)
        except (ValueError, TypeError):
            invalid.append(key)
    if unknown or invalid:
        parts = ([f"unknown key(s) {', '.join(unknown)} have no effect"] if unknown else []) + \
                ([f"invalid value(s) for {', '.join(invalid)}: the default is used instead"] if invalid else [])
        return CheckResult(name, Status.WARNING, "; ".join(parts),
                           "an administrator opens Administration > Clinic settings, checks the values and saves; "
                           "unknown keys written by a newer version are harmless")
    return CheckResult(name, Status.OK, f"{len(found.settings)} stored, all known and valid")


def _free_space(inst: Installation, _facts) -> CheckResult:
    existing = next(p for p in (inst.data_dir.root, *inst.data_dir.root.parents) if p.exists())
    free = shutil.disk_usage(existing).free
    text = f"{free / 1024**3:.1f} GB free in {inst.data_dir.root}"
    fix = "free space on this disk (delete old files, empty the recycle bin) or move the data folder to a larger disk"
    if free < FREE_SPACE_PROBLEM:
        return CheckResult("Free disk space", Status.PROBLEM, text, fix)
    if free < FREE_SPACE_WARNING:
        return CheckResult("Free disk space", Status.WARNING, text, fix)
    return CheckResult("Free disk space", Status.OK, text)


def _clock(inst: Installation, facts: _Facts) -> CheckResult:
    name, now = "Clock", inst.now
    fix = "set this computer's date, time and time zone (turn on 'set time automatically'); every record is stamped with it"
    if now < EARLIEST_PLAUSIBLE:
        return CheckResult(name, Status.PROBLEM, f"this computer says {now:%Y-%m-%d %H:%M} UTC", fix)
    found = facts.get()
    if found is None:
        return CheckResult(name, Status.OK, f"{now:%Y-%m-%d %H:%M} UTC (not compared with the audit trail: no database)")
    if found.newest_audit_at and now < datetime.fromisoformat(found.newest_audit_at):
        return CheckResult(name, Status.PROBLEM, f"{now:%Y-%m-%d %H:%M} UTC is before the newest audit entry "
                                                 f"({found.newest_audit_at[:16].replace('T', ' ')} UTC)", fix)
    return CheckResult(name, Status.OK, f"{now:%Y-%m-%d %H:%M} UTC, after the newest audit entry")


def _encryption(inst: Installation, _facts) -> CheckResult:
    name = "Disk encryption"
    found = folder_encryption(inst.data_dir.root)
    if found.state == ENCRYPTED:
        return CheckResult(name, Status.OK, found.detail)
    prefix = "cannot tell whether the data folder is encrypted" if found.state == UNKNOWN else "the data folder is NOT on an encrypted disk"
    return CheckResult(name, Status.WARNING, f"{prefix} ({found.detail}); patient data at rest relies on it",
                       how_to_encrypt())


CHECKS: tuple[tuple[str, Callable[[Installation, _Facts], CheckResult]], ...] = (
    ("Fonts", _fonts), ("Database", _database), ("Schema", _schema), ("Seal key", _seal_key),
    ("Clinic content", _content), ("Local settings", _local_settings), ("Clinic settings", _clinic_settings),
    ("Last backup", _backup), ("Free disk space", _free_space), ("Clock", _clock),
    ("Disk encryption", _encryption))

ExtraCheck = tuple[str, Callable[[], CheckResult]]  # e.g. the Qt check, which only the caller can run


def run_checks(inst: Installation, extra: Sequence[ExtraCheck] = ()) -> list[CheckResult]:
    """Every check, in a fixed order; a check that crashes is reported as a problem, never hides the rest."""
    facts = _Facts(inst)
    checks: list[ExtraCheck] = [*extra, *((name, partial(check, inst, facts)) for name, check in CHECKS)]
    results = []
    for name, check in checks:
        try:
            results.append(check())
        except Exception as exc:  # noqa: BLE001
            log.error("installation check %s crashed", name, exc_info=exc)
            results.append(CheckResult(name, Status.PROBLEM, f"the check itself failed ({type(exc).__name__})",
                                       "send the log file (logs/exoconsult.log in the data folder) to the ExoConsult supplier"))
    return results


class InstallationCheckService:
    """The admin's Settings page runs the same checks as `exoconsult doctor` on the open data folder."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.SETTINGS_MANAGE)
    def run(self, actor: Actor, extra: Sequence[ExtraCheck] = ()) -> tuple[CheckResult, ...]:
        from exoconsult.paths import fonts_dir

        inst = Installation(self.ctx.data_dir, self.ctx.db.url, self.ctx.forms_dir, fonts_dir(), self.ctx.clock.now())
        return tuple(run_checks(inst, extra or ()))
