"""The clinic's treatment programme: the clinic-specific facts the explanation and consent texts quote
through their {placeholders} (product, manufacturer, costs, ethics permit, conflicts of interest,
independent expert advice, follow-up schedule), in each language the texts are printed in. Kept as one
audited setting; admins edit (every change audited with who, what, before and after), staff read. A
consent cannot be signed while a fact it prints is missing in its language (content release 1.1, item 3)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from exoconsult.domain.content import PLACEHOLDERS
from exoconsult.domain.errors import ValidationError
from exoconsult.domain.gates import Gate, gate
from exoconsult.domain.jurisdiction import donor_sperm_text
from exoconsult.domain.redo_micro_tese import redo_micro_tese_figure
from exoconsult.domain.results_so_far import ResultsFacts
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.languages import SOURCE_LANGUAGE, language_registry
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.printable import printable_reason
from exoconsult.services.core.work import Work
from exoconsult.storage import audit_log
from exoconsult.storage.accounts import SettingRepository

SETTING_KEY = "programme"
# Filled from other records, not typed here: clinic profile, the delivering doctor, the lot at the procedure,
# the patient's own repeat micro-TESE figure.
DERIVED = frozenset({"clinic.name", "clinic.phone", "clinic.complication_phone", "clinic.reflection_days",
                     "doctor.name", "product.lot", "alternatives.redo_micro_tese", "alternatives.donor_sperm"})
# Names and dates read the same in every language; every other fact is entered once per language the
# texts are printed in ("key" is English, "key@tr" Turkish): a Turkish consent never prints English facts.
LANGUAGE_NEUTRAL = frozenset({"product.name", "expert_advice.name", "expert_advice.date"})
# The document languages of the shipped language registry (forms/languages.yaml), English first.
OTHER_LANGUAGES = tuple(c for c in language_registry().document_languages if c != SOURCE_LANGUAGE)
LANGUAGES = (SOURCE_LANGUAGE, *OTHER_LANGUAGES)
CHANGE_ACTION = "programme_facts_changed"
FACTS = tuple(k for k in PLACEHOLDERS if k not in DERIVED)


def no_ethics_permit(lang: str, forms_dir: Path | None = None) -> str:
    """"None" is an allowed ethics permit only when recorded explicitly (content release 1.1, item 3): the
    screen's "no ethics approval or permit" choice records these words of the document catalogue in each
    language."""
    return document_words(lang, forms_dir)["programme.no_ethics_permit"]


def no_ethics_permit_recorded(permit: str | None, lang: str, forms_dir: Path | None = None) -> bool:
    """Did the clinic record explicitly that there is no ethics approval or permit (item 3)? Only then does the
    consent's boxed statement say so instead of quoting the permit (item 2)."""
    return (permit or "").strip() == no_ethics_permit(lang, forms_dir)


EDITABLE = FACTS + tuple(f"{k}@{lang}" for lang in OTHER_LANGUAGES for k in FACTS if k not in LANGUAGE_NEUTRAL)
OPTIONAL = frozenset({"product.quality_tests", "procedure.duration"})  # printed as "[not recorded]" when empty


def fact_key(key: str, lang: str) -> str:
    """Where the value of placeholder `key` in `lang` is kept."""
    return key if lang == "en" or key in LANGUAGE_NEUTRAL or key in DERIVED else f"{key}@{lang}"


def _fact_reason(key: str, value: object) -> Reason | None:
    """Why a fact's value cannot be printed in the texts, naming the fact as the screens do ("key@tr" by its
    fact's label)."""
    label = PLACEHOLDERS.get(key.split("@")[0])
    if label is None:
        return printable_reason(str(value), max_len=2000)
    return printable_reason(str(value), max_len=2000, label=label, label_context="ProgrammeFacts")


def missing_facts(work: Work, lang: str) -> tuple[str, ...]:
    """Programme facts a consent in `lang` needs that are not recorded (content release 1.1, item 3)."""
    return _missing(read_programme(work), lang)


def _missing(stored: Mapping[str, str], lang: str) -> tuple[str, ...]:
    return tuple(k for k in FACTS if k not in OPTIONAL and not stored.get(fact_key(k, lang), "").strip())


def programme_facts_gate(work: Work, lang: str) -> Gate:
    """Can a consent in `lang` be signed as far as programme facts go? Closed, with what is not recorded at
    all and what is recorded in English only (a missing translation never prints English instead)."""
    stored = read_programme(work)
    missing = _missing(stored, lang)
    if not missing:
        return gate("programme_facts", True, QT_TRANSLATE_NOOP("GateReasons", "The programme facts are recorded "
                                                                              "in this language."))
    untranslated = tuple(PLACEHOLDERS[k] for k in missing if lang != "en" and stored.get(k, "").strip())
    absent = tuple(PLACEHOLDERS[k] for k in missing if PLACEHOLDERS[k] not in untranslated)
    lists = {"absent": absent, "untranslated": untranslated}
    if absent and untranslated:
        template = QT_TRANSLATE_NOOP("GateReasons", "Programme facts missing for a consent in this language — not "
                                     "recorded: {absent} — not translated into it: {untranslated}. An "
                                     "administrator enters them under Administration → Programme facts.")
    elif absent:
        template = QT_TRANSLATE_NOOP("GateReasons", "Programme facts missing for a consent in this language — not "
                                     "recorded: {absent}. An administrator enters them under Administration → "
                                     "Programme facts.")
    else:
        template = QT_TRANSLATE_NOOP("GateReasons", "Programme facts missing for a consent in this language — not "
                                     "translated into it: {untranslated}. An administrator enters them under "
                                     "Administration → Programme facts.")
    return gate("programme_facts", False, template, lists)


@dataclass(frozen=True)
class FactChange:
    by: str  # the account's username
    at: datetime


@dataclass(frozen=True)
class ProgrammeFacts:
    """The programme facts screen: every fact in every language, what is missing, who changed it last."""

    values: Mapping[str, str]  # fact_key(key, lang) -> value, for every editable entry
    languages: tuple[str, ...]
    facts: tuple[str, ...]  # in the order of PLACEHOLDERS
    neutral: frozenset[str]  # one value for every language (names, dates)
    optional: frozenset[str]
    missing: Mapping[str, tuple[str, ...]]  # language -> fact keys a consent in it still lacks
    last_changed: Mapping[str, FactChange]  # fact_key -> the newest audited change
    no_permit: Mapping[str, str]  # language -> the words recorded when there is no ethics approval or permit


def _last_changes(work: Work) -> dict[str, FactChange]:
    out: dict[str, FactChange] = {}
    for entry in audit_log.iterate(work.session, audit_log.AuditQuery(action=CHANGE_ACTION)):
        detail = json.loads(entry.detail or "{}")
        for key in detail.get("changed", {}):
            out[key] = FactChange(entry.actor, datetime.fromisoformat(entry.at))
    return out


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
    words = document_words(lang, work.ctx.forms_dir)
    if facts is not None:
        values["alternatives.redo_micro_tese"] = redo_micro_tese_figure(facts, words)
    values.update({"clinic.name": settings.clinic_name, "clinic.phone": settings.clinic_phone,
                   "clinic.complication_phone": settings.complication_phone,
                   "clinic.reflection_days": str(settings.reflection_days),
                   "doctor.name": doctor_name, "product.lot": lot,
                   "alternatives.donor_sperm": donor_sperm_text(settings.country, words)})
    return values


def _store(work: Work, changes: Mapping[str, str]) -> dict[str, str]:
    """Write validated changes; audit who changed which fact in which language, from what to what."""
    before = read_programme(work)
    merged = {**before, **{k: str(v).strip() for k, v in changes.items()}}
    changed = {k: {"before": before.get(k, ""), "after": merged[k]} for k in sorted(changes)
               if before.get(k, "") != merged[k]}
    if changed:
        SettingRepository(work.session).put(SETTING_KEY, json.dumps(merged, ensure_ascii=False, sort_keys=True))
        work.audit(CHANGE_ACTION, "programme", SETTING_KEY, detail={"changed": changed})
        work.changed(Part.SETTINGS)
    return merged


class ProgrammeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.OWN_ACCOUNT, write=False)  # not patient data: every signed-in role may read it
    def read(self, work: Work) -> ProgrammeFacts:
        current = read_programme(work)
        return ProgrammeFacts(values={k: current.get(k, "") for k in EDITABLE}, languages=LANGUAGES, facts=FACTS,
                              neutral=LANGUAGE_NEUTRAL, optional=OPTIONAL,
                              missing={lang: _missing(current, lang) for lang in LANGUAGES},
                              last_changed=_last_changes(work),
                              no_permit={lang: no_ethics_permit(lang, work.ctx.forms_dir) for lang in LANGUAGES})

    @use_case(Permission.SETTINGS_MANAGE)
    def update(self, work: Work, changes: Mapping[str, str]) -> dict[str, str]:
        problems: dict[str, str | Reason] = {k: service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{key} is not a programme field."), key=k) for k in changes if k not in EDITABLE}
        for key, value in changes.items():
            why = _fact_reason(key, value)
            if why and key not in problems:
                problems[key] = why
        if problems:
            raise ValidationError(problems)
        merged = _store(work, changes)
        work.commit()
        return {k: merged.get(k, "") for k in EDITABLE}

    @use_case(Permission.SETTINGS_MANAGE)
    def set_fact(self, work: Work, key: str, lang: str, value: str) -> str:
        """One fact in one language (the command line's `programme set`); returns where it was kept."""
        if key not in FACTS:
            raise ValidationError({"key": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{key} is not a programme fact (one of: {facts})."), key=repr(key),
                facts=", ".join(FACTS))})
        if lang not in LANGUAGES:
            raise ValidationError({"lang": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{lang} is not a language of the texts ({languages})."), lang=repr(lang),
                languages=", ".join(LANGUAGES))})
        where = fact_key(key, lang)
        if (why := _fact_reason(key, value)):
            raise ValidationError({where: why})
        _store(work, {where: value})
        work.commit()
        return where
