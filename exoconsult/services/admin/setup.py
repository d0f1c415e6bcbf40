"""First-run setup: the clinic profile, the first admin account, the clinic's signing identity (EC P-256
key + self-signed certificate naming the clinic, owner-only files in the data folder) and the clinic
backup key, locked under the clinic passphrase the admin chooses (services/admin/backup_key.py).

There is no built-in account (HIPAA unique user identification): setup is the only way to create the
first admin, and it refuses to run a second time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exoconsult.documents.keys import certificate_fingerprint, generate_clinic_identity
from exoconsult.domain.errors import Conflict, ValidationError
from exoconsult.domain.people import SYSTEM_ACTOR, Actor, Role
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.accounts.accounts import UserFields, insert_user, validate_user_fields
from exoconsult.services.accounts.auth import hash_password, password_reason
from exoconsult.services.admin.backup_key import backup_key_path, create_backup_key, passphrase_reason
from exoconsult.services.core import seal_key
from exoconsult.services.core.clinic_settings import (
    current_settings,
    store_logo,
    validate_changes,
    write_settings,
)
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.pseudonym_key import create_pseudonym_key
from exoconsult.storage.accounts import UserRepository, read_settings
from exoconsult.storage.clinic_logo import keep_logo


@dataclass(frozen=True)
class ClinicProfile:
    clinic_name: str
    time_zone: str = "Europe/Istanbul"
    default_language: str = "tr"
    clinician_language: str = "tr"
    paper_size: str = "A4"
    clinic_address: str = ""
    clinic_phone: str = ""
    complication_phone: str = ""
    logo: bytes | None = None  # PNG or JPEG, at most 2 MB


@dataclass(frozen=True)
class AdminAccount:
    username: str
    display_name: str


@dataclass(frozen=True)
class SetupStatus:
    """What the start screen needs before anyone signs in."""

    is_set_up: bool
    clinic_name: str
    default_language: str
    idle_lock_minutes: int


@dataclass(frozen=True)
class SetupResult:
    admin: Actor
    certificate_fingerprint: str
    certificate_path: Path


def is_set_up(ctx: ServiceContext) -> bool:
    return bool(read_settings(ctx.db).get("setup_completed_at"))


def setup_status(ctx: ServiceContext) -> SetupStatus:
    s = current_settings(ctx)
    return SetupStatus(is_set_up=bool(s.setup_completed_at), clinic_name=s.clinic_name,
                       default_language=s.default_language, idle_lock_minutes=s.idle_lock_minutes)


def _validate(profile: ClinicProfile, admin: AdminAccount, password: str, passphrase: str) -> tuple[dict, UserFields]:
    problems: dict[str, str | Reason] = {}
    clean_profile: dict = {}
    try:
        clean_profile = validate_changes({
            "clinic_name": profile.clinic_name, "clinic_address": profile.clinic_address,
            "clinic_phone": profile.clinic_phone, "complication_phone": profile.complication_phone,
            "time_zone": profile.time_zone, "default_language": profile.default_language,
            "clinician_language": profile.clinician_language, "paper_size": profile.paper_size})
    except ValidationError as exc:
        problems.update(exc.as_given())
    fields = UserFields(username=admin.username, display_name=admin.display_name, role=Role.ADMIN)
    try:
        fields = validate_user_fields(fields)
    except ValidationError as exc:
        problems.update({f"admin_{k}": v for k, v in exc.as_given().items()})
    if (why := password_reason(password, username=fields.username, display_name=fields.display_name)):
        problems["password"] = why
    if (why := passphrase_reason(passphrase, clinic_name=profile.clinic_name)):
        problems["passphrase"] = why
    elif passphrase == password:
        problems["passphrase"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The clinic passphrase must not be the admin's password."))
    if problems:
        raise ValidationError(problems)
    return clean_profile, fields


ALREADY_SET_UP = QT_TRANSLATE_NOOP("ServiceMessages", "This clinic is already set up; change the profile in Settings.")


def run_setup(ctx: ServiceContext, profile: ClinicProfile, admin: AdminAccount, password: str,
              passphrase: str) -> SetupResult:
    """Create the clinic profile, the first admin, the signing identity and the backup key (locked under
    the clinic `passphrase`). Refuses a second run."""
    if is_set_up(ctx):
        raise Conflict(why=service_message(ALREADY_SET_UP))
    clean_profile, fields = _validate(profile, admin, password, passphrase)
    password_hash = hash_password(password)
    logo = store_logo(ctx, profile.logo) if profile.logo else None
    keys_dir = ctx.data_dir.keys_dir
    with ctx.uow(SYSTEM_ACTOR) as uow:
        # Checked again inside the write transaction so two simultaneous setups cannot both pass.
        if UserRepository(uow.session).count() or is_set_up(ctx):
            raise Conflict(why=service_message(ALREADY_SET_UP))
        now = uow.now()
        try:
            identity = generate_clinic_identity(keys_dir, clean_profile["clinic_name"], now=now)
        except FileExistsError:
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{folder} already holds a signing key from an earlier installation; move that "
                "folder somewhere safe, then run setup again."), folder=keys_dir)) from None
        try:
            create_backup_key(ctx.data_dir, passphrase, clinic_name=clean_profile["clinic_name"])
            seal_key.encrypt_clear_key(uow, keys_dir, passphrase)  # the seal key is never stored in clear
            fingerprint = certificate_fingerprint(identity.certificate)
            row = insert_user(uow, fields, password_hash, must_change_password=False)
            values = dict(clean_profile, certificate_fingerprint=fingerprint,
                          setup_completed_at=now.isoformat(timespec="seconds"))
            if logo:
                values.update(logo_file=logo[0], logo_sha256=logo[1])
                keep_logo(uow.session, profile.logo, now)  # every workstation of the clinic prints it
            write_settings(uow, values)
            create_pseudonym_key(uow, when="setup")
            uow.audit("setup_completed", "clinic", "1", detail={"admin_user_id": row.id,
                                                              "certificate_fingerprint": fingerprint})
            admin_actor = Actor(user_id=row.id, username=row.username, display_name=row.display_name,
                                role=Role.ADMIN)
            uow.commit()
            seal_key.remove_clear_key(keys_dir)
        except BaseException:
            # The key has sealed nothing yet: remove it so a corrected setup can run again.
            identity.key_path.unlink(missing_ok=True)
            identity.cert_path.unlink(missing_ok=True)
            backup_key_path(ctx.data_dir).unlink(missing_ok=True)
            raise
    return SetupResult(admin=admin_actor, certificate_fingerprint=fingerprint, certificate_path=identity.cert_path)

