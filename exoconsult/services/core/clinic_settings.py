"""Clinic profile and clinic-wide settings, typed and validated, stored as JSON in the audited
`setting` table (so every change shows who changed what, from which value). The logo is a file in the
data folder; the setting keeps its file name and SHA-256."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from exoconsult.config import make_private_dir
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.domain.text import free_text_reason
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.languages import language_registry
from exoconsult.storage.accounts import SettingRepository, read_settings
from exoconsult.storage.clinic_logo import keep_logo, logo_bytes
from exoconsult.storage.uow import UnitOfWork

PAPER_SIZES = ("A4", "Letter")
LOGO_MAX_BYTES = 2 * 1024 * 1024
_PHONE = re.compile(r"^\+?[0-9 ()\-/.]{3,30}$")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True)
class ClinicSettings:
    """Every setting with its default. Field name == storage key."""

    clinic_name: str = ""
    clinic_address: str = ""
    clinic_phone: str = ""
    complication_phone: str = ""  # 24-hour line printed on every patient document
    logo_file: str = ""  # file name inside <data dir>/branding, "" = none
    logo_sha256: str = ""
    time_zone: str = "Europe/Istanbul"
    default_language: str = "tr"
    clinician_language: str = "tr"
    paper_size: str = "A4"
    idle_lock_minutes: int = 5
    reflection_days: int = 14  # content release 1.1, item 18: elective and unproven (clinical-facts §4.6)
    consent_validity_days: int = 90
    witness_required: bool = True
    witness_pin_allowed: bool = False  # a staff witness may confirm with their own signing PIN (item 14)
    country: str = "TR"  # ISO 3166 code; decides which alternatives are lawful (content release 1.1, item 8)
    certificate_fingerprint: str = ""  # SHA-256 of the clinic's signing certificate, set by setup
    setup_completed_at: str = ""  # ISO UTC time first-run setup finished, "" = not set up


class SettingRefused(ValueError):
    """A value a setting does not accept; `why` says so in words a screen translates."""

    def __init__(self, template: str, label: str = "", **values: object) -> None:
        self.why = service_message(template, terms={"label": label} if label else None, **values)
        super().__init__(self.why.english())


def _text(label: str, max_len: int, *, required: bool = False, multiline: bool = False):
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be text"), label)
        text = value.strip() if multiline else " ".join(value.split())
        if required and not text:
            raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "{label} is required"), label)
        why = free_text_reason(text, label, max_len=max_len)
        if why:
            raise SettingRefused(why.template, label, **why.values)
        return text
    return check


def _phone(label: str):
    def check(value: Any) -> str:
        text = _text(label, 30)(value)
        if text and not _PHONE.match(text):
            raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "{label} may contain digits, spaces, + ( ) - / ."),
                                 label)
        return text
    return check


def _choice(label: str, options: tuple[str, ...] | Callable[[], tuple[str, ...]]):
    def check(value: Any) -> str:
        allowed = options() if callable(options) else options
        if value not in allowed:
            raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be one of {options}"), label,
                                 options=", ".join(allowed))
        return value
    return check


def _document_languages() -> tuple[str, ...]:
    return language_registry().document_languages


def _int_range(label: str, low: int, high: int):
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be a whole number from {low} to "
                                                   "{high}"), label, low=low, high=high)
        return value
    return check


def _flag(label: str):
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "{label} must be yes or no"), label)
        return value
    return check


def _time_zone(value: Any) -> str:
    if not isinstance(value, str) or not value or value.startswith(("/", ".")) or ".." in value:
        raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "Time zone must be an IANA name such as "
                                               "Europe/Istanbul"))
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingRefused(QT_TRANSLATE_NOOP("ServiceMessages", "Unknown time zone {zone} (use an IANA name such "
                                               "as Europe/Istanbul)"), zone=repr(value)) from None
    return value


# Countries whose rules on donor gametes the texts know; others are added with their wording.
COUNTRIES = ("TR", "OTHER")


VALIDATORS: Mapping[str, Callable[[Any], Any]] = {
    "clinic_name": _text(QT_TRANSLATE_NOOP("ServiceMessages", "Clinic name"), 120, required=True),
    "clinic_address": _text(QT_TRANSLATE_NOOP("ServiceMessages", "Address"), 500, multiline=True),
    "clinic_phone": _phone(QT_TRANSLATE_NOOP("ServiceMessages", "Clinic phone")),
    "complication_phone": _phone(QT_TRANSLATE_NOOP("ServiceMessages", "24-hour complication line")),
    "time_zone": _time_zone,
    "default_language": _choice(QT_TRANSLATE_NOOP("ServiceMessages", "Default language"), _document_languages),
    "clinician_language": _choice(QT_TRANSLATE_NOOP("ServiceMessages", "Clinician's working language"), _document_languages),
    "paper_size": _choice(QT_TRANSLATE_NOOP("ServiceMessages", "Paper size"), PAPER_SIZES),
    # HIPAA automatic logoff: may be tuned, never switched off (PWD-6).
    "idle_lock_minutes": _int_range(QT_TRANSLATE_NOOP("ServiceMessages", "Idle lock (minutes)"), 1, 15),
    "reflection_days": _int_range(QT_TRANSLATE_NOOP("ServiceMessages", "Reflection period (days)"), 0, 60),
    "consent_validity_days": _int_range(QT_TRANSLATE_NOOP("ServiceMessages", "Consent validity (days)"), 1, 365),
    "witness_required": _flag(QT_TRANSLATE_NOOP("ServiceMessages", "Witness required")),
    "witness_pin_allowed": _flag(QT_TRANSLATE_NOOP("ServiceMessages", "Witnesses may confirm with a PIN")),
    "country": _choice(QT_TRANSLATE_NOOP("ServiceMessages", "Country of the clinic (ISO code)"), COUNTRIES),
}


def validate_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Clean values for the given keys, or ValidationError naming every bad key."""
    problems: dict[str, str | Reason] = {}
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        check = VALIDATORS.get(key)
        if check is None:
            problems[key] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                              "is not a setting that can be changed here"))
            continue
        try:
            clean[key] = check(value)
        except SettingRefused as refused:
            problems[key] = refused.why
    if problems:
        raise ValidationError(problems)
    return clean


def settings_from_stored(stored: Mapping[str, str]) -> ClinicSettings:
    """Typed settings; a stored value that no longer validates falls back to its default."""
    defaults = ClinicSettings()
    values: dict[str, Any] = {}
    for f in fields(ClinicSettings):
        raw = stored.get(f.name)
        if raw is None:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        check = VALIDATORS.get(f.name)
        try:
            values[f.name] = check(value) if check else value
        except ValueError:
            values[f.name] = getattr(defaults, f.name)
    return ClinicSettings(**values)


def write_settings(uow: UnitOfWork, values: Mapping[str, Any]) -> None:
    repo = SettingRepository(uow.session)
    for key, value in values.items():
        repo.put(key, json.dumps(value, ensure_ascii=False, sort_keys=True))


def branding_dir(ctx: ServiceContext) -> Path:
    return ctx.data_dir.root / "branding"


def logo_problem(data: bytes) -> Reason | None:
    if not isinstance(data, bytes | bytearray) or not data:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The logo file is empty."))
    if len(data) > LOGO_MAX_BYTES:
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The logo must be at most 2 MB."))
    if not (data.startswith(_PNG) or data.startswith(_JPEG)):
        return service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The logo must be a PNG or JPEG image."))
    return None


def store_logo(ctx: ServiceContext, data: bytes) -> tuple[str, str]:
    """Write the logo (owner-only, atomically) under a name derived from its hash; return (name, sha256)."""
    problem = logo_problem(data)
    if problem:
        raise ValidationError({"logo": problem})
    digest = hashlib.sha256(data).hexdigest()
    name = f"logo-{digest[:16]}{'.png' if data.startswith(_PNG) else '.jpg'}"
    folder = make_private_dir(branding_dir(ctx))
    tmp = folder / (name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / name)
    return name, digest


def current_settings(ctx: ServiceContext) -> ClinicSettings:
    """For start-up code that has no signed-in user yet (login screen, idle timer, daily backup)."""
    return settings_from_stored(read_settings(ctx.db))


def logo_image(ctx: ServiceContext, settings: ClinicSettings, session) -> bytes | None:
    """The logo documents print: this workstation's copy in branding/, else the database's (a logo set on
    another workstation of the clinic); None when there is none."""
    if not settings.logo_file:
        return None
    path = branding_dir(ctx) / Path(settings.logo_file).name
    return path.read_bytes() if path.is_file() else logo_bytes(session, settings.logo_sha256)


def adopt_logo_file(ctx: ServiceContext) -> None:
    """Start-up repair: a logo an older version kept only in branding/ goes into the database too, so the
    clinic's other workstations (and those that join it) print the same letterhead."""
    settings = current_settings(ctx)
    path = branding_dir(ctx) / Path(settings.logo_file).name
    if not settings.logo_sha256 or not path.is_file():
        return
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        if logo_bytes(uow.session, settings.logo_sha256) is not None:
            return
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != settings.logo_sha256:
        return  # changed since it was set: not the clinic's logo
    with ctx.uow(SYSTEM_ACTOR) as uow:
        keep_logo(uow.session, data, uow.now())
        uow.commit()
