"""The admin's use cases on the clinic settings (the settings themselves live in core.clinic_settings)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from exoconsult.services.core.changes import Part
from exoconsult.services.core.clinic_settings import (
    ClinicSettings,
    branding_dir,
    store_logo,
    validate_changes,
    write_settings,
)
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.clinic_logo import keep_logo


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.OWN_ACCOUNT, write=False)  # every signed-in role holds it: not sensitive
    def read(self, work: Work) -> ClinicSettings:
        return work.settings

    @use_case(Permission.SETTINGS_MANAGE)
    def update(self, work: Work, changes: Mapping[str, Any]) -> ClinicSettings:
        uow = work.uow
        clean = validate_changes(changes)
        write_settings(uow, clean)
        work.changed(Part.SETTINGS)
        result = work.settings
        work.commit()
        return result

    @use_case(Permission.SETTINGS_MANAGE)
    def set_logo(self, work: Work, image: bytes) -> ClinicSettings:
        uow = work.uow
        data = bytes(image) if isinstance(image, bytearray) else image
        name, digest = store_logo(self.ctx, data)
        keep_logo(uow.session, data, uow.now())  # every workstation of the clinic prints the same letterhead
        write_settings(uow, {"logo_file": name, "logo_sha256": digest})
        work.changed(Part.SETTINGS)
        result = work.settings
        work.commit()
        return result

    @use_case(Permission.SETTINGS_MANAGE)
    def remove_logo(self, work: Work) -> ClinicSettings:
        uow = work.uow
        write_settings(uow, {"logo_file": "", "logo_sha256": ""})
        work.changed(Part.SETTINGS)
        result = work.settings
        work.commit()
        return result

    @use_case(Permission.OWN_ACCOUNT, write=False)
    def logo_path(self, work: Work) -> Path | None:
        """The logo file for documents, or None. A file whose hash changed since upload is not used."""
        s = work.settings
        if not s.logo_file:
            return None
        path = branding_dir(self.ctx) / Path(s.logo_file).name
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return path if hashlib.sha256(data).hexdigest() == s.logo_sha256 else None
