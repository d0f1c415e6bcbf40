"""The admin's use cases on the clinic settings (the settings themselves live in core.clinic_settings)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from exoconsult.domain.people import Actor
from exoconsult.services.core.clinic_settings import (
    ClinicSettings,
    branding_dir,
    current_settings,
    store_logo,
    validate_changes,
    write_settings,
)
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, requires


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @requires(Permission.OWN_ACCOUNT)  # every signed-in role holds it: the values are not sensitive
    def read(self, actor: Actor) -> ClinicSettings:
        return current_settings(self.ctx)

    @requires(Permission.SETTINGS_MANAGE)
    def update(self, actor: Actor, changes: Mapping[str, Any]) -> ClinicSettings:
        clean = validate_changes(changes)
        with self.ctx.uow(actor) as uow:
            write_settings(uow, clean)
            uow.commit()
        return current_settings(self.ctx)

    @requires(Permission.SETTINGS_MANAGE)
    def set_logo(self, actor: Actor, image: bytes) -> ClinicSettings:
        name, digest = store_logo(self.ctx, bytes(image) if isinstance(image, bytearray) else image)
        with self.ctx.uow(actor) as uow:
            write_settings(uow, {"logo_file": name, "logo_sha256": digest})
            uow.commit()
        return current_settings(self.ctx)

    @requires(Permission.SETTINGS_MANAGE)
    def remove_logo(self, actor: Actor) -> ClinicSettings:
        with self.ctx.uow(actor) as uow:
            write_settings(uow, {"logo_file": "", "logo_sha256": ""})
            uow.commit()
        return current_settings(self.ctx)

    @requires(Permission.OWN_ACCOUNT)
    def logo_path(self, actor: Actor) -> Path | None:
        """The logo file for documents, or None. A file whose hash changed since upload is not used."""
        s = current_settings(self.ctx)
        if not s.logo_file:
            return None
        path = branding_dir(self.ctx) / Path(s.logo_file).name
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return path if hashlib.sha256(data).hexdigest() == s.logo_sha256 else None
