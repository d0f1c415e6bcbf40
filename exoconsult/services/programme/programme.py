"""The clinic's treatment programme: the clinic-specific facts the explanation and consent texts quote
through their {placeholders} (product, manufacturer, costs, ethics permit, conflicts of interest,
independent expert advice, follow-up schedule). Kept as one audited setting; admins edit, staff read."""

from __future__ import annotations

import json
from collections.abc import Mapping

from exoconsult.domain.content import PLACEHOLDERS
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.jurisdiction import donor_sperm_text
from exoconsult.domain.redo_micro_tese import redo_micro_tese_figure
from exoconsult.domain.results_so_far import ResultsFacts
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import print_problem
from exoconsult.services.core.work import Work
from exoconsult.storage.accounts import SettingRepository

SETTING_KEY = "programme"
# Filled from other records, not typed here: clinic profile, the delivering doctor, the lot at the procedure,
# the patient's own repeat micro-TESE figure.
DERIVED = frozenset({"clinic.name", "clinic.phone", "clinic.complication_phone", "clinic.reflection_days",
                     "doctor.name", "product.lot", "alternatives.redo_micro_tese", "alternatives.donor_sperm"})
# Names and dates read the same in every language; every other fact is entered once per language the
# texts are printed in ("key" is English, "key@tr" Turkish): a Turkish consent never prints English facts.
LANGUAGE_NEUTRAL = frozenset({"product.name", "expert_advice.name", "expert_advice.date"})
OTHER_LANGUAGES = ("tr",)
FACTS = tuple(k for k in PLACEHOLDERS if k not in DERIVED)
EDITABLE = FACTS + tuple(f"{k}@{lang}" for lang in OTHER_LANGUAGES for k in FACTS if k not in LANGUAGE_NEUTRAL)
OPTIONAL = frozenset({"product.quality_tests", "procedure.duration"})  # printed as "[not recorded]" when empty


def fact_key(key: str, lang: str) -> str:
    """Where the value of placeholder `key` in `lang` is kept."""
    return key if lang == "en" or key in LANGUAGE_NEUTRAL or key in DERIVED else f"{key}@{lang}"


def missing_facts(work: Work, lang: str) -> tuple[str, ...]:
    """Programme facts a consent in `lang` needs that are not recorded (content release 1.1, item 3)."""
    stored = read_programme(work)
    return tuple(k for k in FACTS if k not in OPTIONAL and not stored.get(fact_key(k, lang), "").strip())


def read_programme(work: Work) -> dict[str, str]:
    raw = work.stored_settings.get(SETTING_KEY)
    try:
        stored = json.loads(raw) if raw else {}
    except ValueError:
        stored = {}
    return {k: str(v) for k, v in stored.items() if k in EDITABLE}


def placeholder_values(work: Work, *, doctor_name: str = "", lot: str = "", lang: str = "en",
                       facts: ResultsFacts | None = None) -> dict[str, str]:
    """Every placeholder's value for a document in `lang`; empty ones print as a visible '[not recorded]'.

    `facts`: the patient's results, for his own repeat micro-TESE figure (item 7)."""
    settings = work.settings
    values = {k: "" for k in PLACEHOLDERS}
    stored = read_programme(work)
    values.update({k: stored.get(fact_key(k, lang), "") for k in FACTS})
    if facts is not None:
        values["alternatives.redo_micro_tese"] = redo_micro_tese_figure(facts, lang)
    values.update({"clinic.name": settings.clinic_name, "clinic.phone": settings.clinic_phone,
                   "clinic.complication_phone": settings.complication_phone,
                   "clinic.reflection_days": str(settings.reflection_days),
                   "doctor.name": doctor_name, "product.lot": lot,
                   "alternatives.donor_sperm": donor_sperm_text(settings.country, lang)})
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
            why = print_problem(str(value), max_len=2000)
            if why and key not in problems:
                problems[key] = f"{PLACEHOLDERS.get(key, key)} {why}"
        if problems:
            raise ValidationError(problems)
        merged = {**read_programme(work), **{k: str(v).strip() for k, v in changes.items()}}
        SettingRepository(work.session).put(SETTING_KEY, json.dumps(merged, ensure_ascii=False, sort_keys=True))
        work.changed(Part.SETTINGS)
        work.commit()
        return {k: merged.get(k, "") for k in EDITABLE}
