"""The clinic's treatment programme: the clinic-specific facts the explanation and consent texts quote
through their {placeholders} (product, manufacturer, costs, ethics permit, conflicts of interest,
independent expert advice, follow-up schedule). Kept as one audited setting; admins edit, staff read."""

from __future__ import annotations

import json
from collections.abc import Mapping

from exoconsult.domain.content import PLACEHOLDERS
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.text import free_text_problem
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.accounts import SettingRepository

SETTING_KEY = "programme"
# Filled from other records, not typed here: clinic profile, the delivering doctor, the lot at the procedure.
DERIVED = frozenset({"clinic.name", "clinic.phone", "clinic.complication_phone", "clinic.reflection_days",
                     "doctor.name", "product.lot"})
EDITABLE = tuple(k for k in PLACEHOLDERS if k not in DERIVED)


def read_programme(work: Work) -> dict[str, str]:
    raw = work.stored_settings.get(SETTING_KEY)
    try:
        stored = json.loads(raw) if raw else {}
    except ValueError:
        stored = {}
    return {k: str(v) for k, v in stored.items() if k in EDITABLE}


def placeholder_values(work: Work, *, doctor_name: str = "", lot: str = "") -> dict[str, str]:
    """Every placeholder's value for a document; empty ones print as a visible '[not recorded]'."""
    settings = work.settings
    values = {k: "" for k in PLACEHOLDERS}
    values.update(read_programme(work))
    values.update({"clinic.name": settings.clinic_name, "clinic.phone": settings.clinic_phone,
                   "clinic.complication_phone": settings.complication_phone,
                   "clinic.reflection_days": str(settings.reflection_days),
                   "doctor.name": doctor_name, "product.lot": lot})
    return values


class ProgrammeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.OWN_ACCOUNT, write=False)  # not patient data: every signed-in role may read it
    def read(self, work: Work) -> dict[str, str]:
        current = read_programme(work)
        return {k: current.get(k, "") for k in EDITABLE}

    @use_case(Permission.SETTINGS_MANAGE)
    def update(self, work: Work, changes: Mapping[str, str]) -> dict[str, str]:
        problems = {k: "is not a programme field" for k in changes if k not in EDITABLE}
        for key, value in changes.items():
            why = free_text_problem(str(value), max_len=2000)
            if why and key not in problems:
                problems[key] = f"{PLACEHOLDERS.get(key, key)} {why}"
        if problems:
            raise ValidationError(problems)
        merged = {**read_programme(work), **{k: str(v).strip() for k, v in changes.items()}}
        SettingRepository(work.session).put(SETTING_KEY, json.dumps(merged, ensure_ascii=False, sort_keys=True))
        work.changed(Part.SETTINGS)
        work.commit()
        return {k: merged.get(k, "") for k in EDITABLE}
