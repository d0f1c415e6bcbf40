"""Printed wording of an eligibility assessment, one catalogue per language (pure).

A Turkish consent annex or assessment summary says "uygun", never "eligible" (content release 1.1,
item 1). Verdicts, review decisions, the protocol approval, derived-value names and their values are
worded here; rule reasons and actions come from the protocol (rules.texts).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

VERDICT: Mapping[str, Mapping[str, str]] = {
    "en": {"eligible": "eligible", "needs_review": "needs review", "ineligible": "not eligible",
           "incomplete": "incomplete information"},
    "tr": {"eligible": "uygun", "needs_review": "değerlendirme gerekli", "ineligible": "uygun değil",
           "incomplete": "eksik bilgi"},
}
DECISION: Mapping[str, Mapping[str, str]] = {
    "en": {"proceed": "proceed", "do_not_proceed": "do not proceed"},
    "tr": {"proceed": "devam edilsin", "do_not_proceed": "devam edilmesin"},
}
_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {"yes": "yes", "no": "no", "unknown": "not known", "approved": "approved on {on} by {by}",
           "not_approved": "protocol not approved by the clinic", "stale": (
               "**Out of date:** the history changed after this assessment; it cannot lead to a consent until "
               "the assessment is run again."),
           "missing": "**Missing information:** {fields}", "needed_by": "{field} (needed by {rules})",
           "title": "Eligibility assessment (experimental exosome therapy)", "resolution": "{decision} — {by}, {at}: {why}",
           "years": "years", "months": "months"},
    "tr": {"yes": "evet", "no": "hayır", "unknown": "bilinmiyor", "approved": "{on} tarihinde {by} tarafından onaylandı",
           "not_approved": "protokol klinik tarafından onaylanmamış", "stale": (
               "**Güncel değil:** bu değerlendirmeden sonra öykü değişti; değerlendirme yeniden yapılmadan onama "
               "geçilemez."),
           "missing": "**Eksik bilgiler:** {fields}", "needed_by": "{field} (gerektiren kural: {rules})",
           "title": "Uygunluk değerlendirmesi (deneysel eksozom tedavisi)", "resolution": "{decision} — {by}, {at}: {why}",
           "years": "yaş", "months": "ay"},
}

# Labels of the patient's registry fields a rule may read (the questionnaire labels every other field)
PATIENT_FIELDS: Mapping[str, Mapping[str, str]] = {
    "en": {"": "Patient details", "birth_date": "Date of birth"},
    "tr": {"": "Hasta bilgileri", "birth_date": "Doğum tarihi"},
}

# (derived key, English label, Turkish label, unit key) in the protocol's order
DERIVED_LABELS: tuple[tuple[str, str, str, str], ...] = (
    ("age_years", "Age", "Yaş", "years"),
    ("latest_fsh_iu_l", "Latest FSH", "Son FSH", "IU/L"),
    ("latest_fsh_date", "FSH measured on", "FSH ölçüm tarihi", ""),
    ("latest_lh_iu_l", "Latest LH", "Son LH", "IU/L"),
    ("latest_lh_date", "LH measured on", "LH ölçüm tarihi", ""),
    ("latest_testosterone_nmol_l", "Latest total testosterone", "Son total testosteron", "nmol/L"),
    ("latest_testosterone_date", "Testosterone measured on", "Testosteron ölçüm tarihi", ""),
    ("mean_testis_volume_ml", "Mean testis volume", "Ortalama testis hacmi", "mL"),
    ("min_testis_volume_ml", "Smaller testis volume", "Küçük testisin hacmi", "mL"),
    ("obstructive_pattern", "Obstructive pattern", "Tıkanıklık (obstrüktif) tablosu", ""),
    ("central_pattern", "Central (hypogonadotropic) pattern", "Santral (hipogonadotropik) tablo", ""),
    ("low_gonadotropins", "Low gonadotropins", "Düşük gonadotropinler", ""),
    ("negative_centrifuged_analyses", "Negative centrifuged semen analyses",
     "Santrifüjle sperm görülmeyen semen analizleri", ""),
    ("any_sperm_seen", "Sperm seen in any analysis", "Herhangi bir analizde sperm görülmesi", ""),
    ("low_volume_acidic_semen", "Low-volume acidic ejaculate", "Düşük hacimli asidik ejakülat", ""),
    ("cftr_positive", "CFTR variant found", "CFTR varyantı", ""),
    ("months_since_testosterone_stopped", "Months since testosterone stopped",
     "Testosteronun bırakılmasından bu yana geçen süre", "months"),
    ("micro_tese_on_record", "Micro-TESE on record", "Kayıtlı mikro-TESE", ""),
    ("months_since_last_micro_tese", "Months since last micro-TESE", "Son mikro-TESE'den bu yana geçen süre",
     "months"),
    ("failed_retrieval_on_record", "Failed retrieval on record", "Kayıtlı başarısız sperm elde etme girişimi", ""),
    ("failed_testicular_retrieval_on_record", "Failed testicular retrieval on record",
     "Testisten kayıtlı başarısız sperm elde etme girişimi", ""),
    ("latest_testicular_retrieval_found_sperm", "Latest testicular retrieval found sperm",
     "Son testis işleminde sperm bulunması", ""),
    ("earlier_testicular_retrieval_found_sperm", "Earlier testicular retrieval found sperm",
     "Daha önceki bir testis işleminde sperm bulunması", ""),
)


def lang_of(lang: str) -> str:
    return "tr" if lang == "tr" else "en"


def word(key: str, lang: str, **values: str) -> str:
    return _WORDS[lang_of(lang)][key].format(**values)


def patient_field_label(field: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """(label, section title) per language of a patient registry field; None when it has none."""
    if field not in PATIENT_FIELDS["en"] or not field:
        return None
    return ({lang: table[field] for lang, table in PATIENT_FIELDS.items()},
            {lang: table[""] for lang, table in PATIENT_FIELDS.items()})


def verdict_text(verdict: str, lang: str) -> str:
    return VERDICT[lang_of(lang)].get(verdict, verdict)


def decision_text(decision: str, lang: str) -> str:
    return DECISION[lang_of(lang)].get(decision, decision)


def approval_text(approved_by: str, approved_on: str, lang: str) -> str:
    """The protocol's approval as printed; an empty approver means the protocol was not approved."""
    if not approved_by.strip():
        return word("not_approved", lang)
    return word("approved", lang, on=date_text(approved_on), by=approved_by)


def date_text(value: str) -> str:
    """An ISO date as DD.MM.YYYY (both languages print dates this way); anything else unchanged."""
    try:
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    except (TypeError, ValueError):
        return value


def value_text(value: Any, unit: str, lang: str) -> str:
    """A derived value as printed: yes/no, dates as DD.MM.YYYY, the language's decimal separator."""
    lang = lang_of(lang)
    if value is None:
        return word("unknown", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        text = text.replace(".", ",") if lang == "tr" else text
    elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        text = date_text(value)
    else:
        text = str(value)
    unit_text = word(unit, lang) if unit in ("years", "months") else unit
    return f"{text} {unit_text}".strip()


def derived_rows(derived: Mapping[str, Any], lang: str) -> tuple[tuple[str, str], ...]:
    """(label, value) for every derived value the assessment reported, in the protocol's order.

    A value this catalogue does not name is left out rather than printed under its English key."""
    column = 1 if lang_of(lang) == "en" else 2
    return tuple((row[column], value_text(derived[row[0]], row[3], lang))
                 for row in DERIVED_LABELS if row[0] in derived)


def hash_groups(digest: str, size: int = 8) -> str:
    """A hex digest in space-separated groups, so a line break can only fall between groups (item 12)."""
    return " ".join(digest[i:i + size] for i in range(0, len(digest), size))
