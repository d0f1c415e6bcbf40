"""Printed wording of an eligibility assessment (pure): verdicts, review decisions, the protocol approval,
derived-value names and their values, worded from the document catalogue of the document's language
(forms/i18n/documents.<lang>.yaml, section eligibility), which the caller passes in as `words`.

A Turkish consent annex or assessment summary says "uygun", never "eligible" (content release 1.1,
item 1). Rule reasons and actions come from the protocol (rules.texts).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from exoconsult.domain.document_words import DocumentWords

SECTION = "eligibility"
# The patient's registry fields a rule may read (the questionnaire labels every other field); worded in the
# catalogue under eligibility.patient_fields, with the section title under .section.
PATIENT_FIELDS = ("birth_date",)

# (derived key, unit key) in the protocol's order; each is named in the catalogue (eligibility.derived.<key>)
DERIVED = (
    ("age_years", "years"), ("latest_fsh_iu_l", "IU/L"), ("latest_fsh_date", ""), ("latest_lh_iu_l", "IU/L"),
    ("latest_lh_date", ""), ("latest_testosterone_nmol_l", "nmol/L"), ("latest_testosterone_date", ""),
    ("mean_testis_volume_ml", "mL"), ("min_testis_volume_ml", "mL"), ("obstructive_pattern", ""),
    ("central_pattern", ""), ("low_gonadotropins", ""), ("negative_centrifuged_analyses", ""),
    ("any_sperm_seen", ""), ("low_volume_acidic_semen", ""), ("cftr_positive", ""),
    ("months_since_testosterone_stopped", "months"), ("micro_tese_on_record", ""),
    ("months_since_last_micro_tese", "months"), ("failed_retrieval_on_record", ""),
    ("failed_testicular_retrieval_on_record", ""), ("latest_testicular_retrieval_found_sperm", ""),
    ("earlier_testicular_retrieval_found_sperm", ""),
)
_WORDED_UNITS = ("years", "months", "analyses")  # units the catalogue words; the others (IU/L, mL) print as they are


def word(key: str, words: DocumentWords, **values: str) -> str:
    return words[f"{SECTION}.{key}"].format(**values)


def patient_field_label(field: str, catalogues: Mapping[str, DocumentWords],
                        ) -> tuple[dict[str, str], dict[str, str]] | None:
    """(label, section title) per language (the catalogues by language) of a patient registry field; None
    when it has none."""
    if field not in PATIENT_FIELDS:
        return None
    return ({lang: words[f"{SECTION}.patient_fields.{field}"] for lang, words in catalogues.items()},
            {lang: words[f"{SECTION}.patient_fields.section"] for lang, words in catalogues.items()})


def verdict_text(verdict: str, words: DocumentWords) -> str:
    return words.get(f"{SECTION}.verdict.{verdict}") or verdict


def decision_text(decision: str, words: DocumentWords) -> str:
    return words.get(f"{SECTION}.decision.{decision}") or decision


def approval_text(approved_by: str, approved_on: str, words: DocumentWords) -> str:
    """The protocol's approval as printed; an empty approver means the protocol was not approved."""
    if not approved_by.strip():
        return word("not_approved", words)
    return word("approved", words, on=date_text(approved_on), by=approved_by)


def date_text(value: str) -> str:
    """An ISO date as DD.MM.YYYY (how every assessment prints dates); anything else unchanged."""
    try:
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    except (TypeError, ValueError):
        return value


def value_text(value: Any, unit: str, words: DocumentWords) -> str:
    """A derived value as printed: yes/no, dates as DD.MM.YYYY, the language's decimal separator."""
    if value is None:
        return word("unknown", words)
    if isinstance(value, bool):
        return word("yes" if value else "no", words)
    if isinstance(value, float):
        text = words.decimal(value)
    elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        text = date_text(value)
    else:
        text = str(value)
    unit_text = word(unit, words) if unit in _WORDED_UNITS else unit
    return f"{text} {unit_text}".strip()


def parameter_key(name: str) -> str:
    """The catalogue key of a protocol parameter's label."""
    return f"{SECTION}.parameters.{name}"


def parameter_text(name: str, value: Any, unit: str, words: DocumentWords) -> str:
    """A protocol parameter as a screen shows it ("Minimum age: 18 years"): its label in the catalogue's
    language, or its id when the catalogue has none (a clinic may add parameters; forms lint warns)."""
    return f"{words.get(parameter_key(name)) or name}: {value_text(value, unit, words)}"


def derived_rows(derived: Mapping[str, Any], words: DocumentWords) -> tuple[tuple[str, str], ...]:
    """(label, value) for every derived value the assessment reported, in the protocol's order.

    A value this catalogue does not name is left out rather than printed under its English key."""
    return tuple((words[f"{SECTION}.derived.{key}"], value_text(derived[key], unit, words))
                 for key, unit in DERIVED if key in derived)


def hash_groups(digest: str, size: int = 8) -> str:
    """A hex digest in space-separated groups, so a line break can only fall between groups (item 12)."""
    return " ".join(digest[i:i + size] for i in range(0, len(digest), size))
