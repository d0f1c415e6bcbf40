"""fill_placeholders: whitelisted fields only, gaps stay visible."""

from __future__ import annotations

import pytest
from content_testkit import FORMS

from exoconsult.definitions.content import fill_placeholders, load_consent_text, load_explanation
from exoconsult.domain.content import PLACEHOLDER_PATTERN, PLACEHOLDERS, fill_section


def test_fills_known_fields() -> None:
    text = "Call {clinic.complication_phone} day and night; cost {costs.total}."
    filled = fill_placeholders(
        text, {"clinic.complication_phone": "+90 212 555 00 00", "costs.total": "100 TL"}
    )
    assert filled == "Call +90 212 555 00 00 day and night; cost 100 TL."


@pytest.mark.parametrize(("lang", "mark"), [("en", "[not recorded]"), ("tr", "[kaydedilmedi]")])
def test_missing_or_blank_values_are_marked_visibly(lang: str, mark: str) -> None:
    text = "Doctor: {doctor.name}. Permit: {ethics.permit}. Expert: {expert_advice.name}."
    filled = fill_placeholders(text, {"doctor.name": "Dr Ayşe Yılmaz", "ethics.permit": "   "}, lang=lang)
    assert filled == f"Doctor: Dr Ayşe Yılmaz. Permit: {mark}. Expert: {mark}."


def test_unknown_placeholder_in_text_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown placeholder \{clinic\.fax\}"):
        fill_placeholders("Fax {clinic.fax}", {})


def test_unknown_value_name_is_refused() -> None:
    with pytest.raises(ValueError, match="clinic.fax"):
        fill_placeholders("Call {clinic.phone}", {"clinic.phone": "1", "clinic.fax": "2"})


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        fill_placeholders("{clinic.phone}", {}, lang="de")


def test_text_without_placeholders_is_unchanged() -> None:
    assert fill_placeholders("No fields here (about 18 in 100).", {}) == "No fields here (about 18 in 100)."


def test_values_are_not_re_expanded() -> None:
    # A value that itself looks like a field must be printed as typed, not substituted again.
    assert fill_placeholders("{doctor.name}", {"doctor.name": "{costs.total}"}) == "{costs.total}"


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_filling_every_field_leaves_no_braces_in_the_documents(lang: str) -> None:
    values = {name: f"<{name}>" for name in PLACEHOLDERS}
    for section in (*load_explanation(FORMS, lang).sections, *load_consent_text(FORMS, lang).sections):
        filled = fill_section(section, values, lang=lang).plain_text()
        assert not PLACEHOLDER_PATTERN.search(filled.replace("<", "").replace(">", "")), section.id
    people = fill_section(load_explanation(FORMS, lang).section("people"), {}, lang=lang).plain_text()
    assert ("[not recorded]" if lang == "en" else "[kaydedilmedi]") in people
