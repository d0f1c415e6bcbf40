"""The language registry (forms/languages.yaml): the one list of languages, read by the loaders, lint, the
documents and the settings. A new language is files, not Python: a small `xx` language added to a copy of
forms/ passes `forms lint` and is offered where documents are printed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from exoconsult.definitions.languages import load_languages
from exoconsult.definitions.lint import lint_forms
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.languages import language_registry
from tests.conftest import REPO

# The patient texts of a document language, as forms/ names them ({lang} = its code).
TEXT_FILES = ("explanation/{lang}.md", "comprehension/{lang}.yaml", "consent/{lang}.md",
              "consent/withdrawal-{lang}.md")
CATALOGUE = "i18n/documents.{lang}.yaml"  # every fixed word of the printed documents

XX_ENTRY = """
  - code: xx
    native_name: Xxish
    names: {en: Test language (Xxish), tr: Deneme dili (Xxish)}
    documents: true
"""


@pytest.fixture
def forms_copy(tmp_path: Path) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(REPO / "forms", target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


def add_xx_language(forms: Path) -> None:
    """What a translator adds for a new language: its registry entry, its texts and its document catalogue
    (here the English ones, the texts marked as `xx`, a few labels in Xxish). No form label carries it
    (form_labels is false): the partial language of a test."""
    with (forms / "languages.yaml").open("a", encoding="utf-8") as registry:
        registry.write(XX_ENTRY)
    for pattern in TEXT_FILES:
        english = (forms / pattern.format(lang="en")).read_text(encoding="utf-8")
        (forms / pattern.format(lang="xx")).write_text(english.replace('language: "en"', 'language: "xx"', 1),
                                                       encoding="utf-8")
    english = (forms / CATALOGUE.format(lang="en")).read_text(encoding="utf-8")
    assert "  patient: Patient\n" in english and "page_x_of_y: Page {page} of {total}\n" in english
    (forms / CATALOGUE.format(lang="xx")).write_text(
        english.replace("  patient: Patient\n", "  patient: Xatient\n", 1)
        .replace("page_x_of_y: Page {page} of {total}\n", "page_x_of_y: '{total}/{page} xage'\n", 1), encoding="utf-8")


def test_the_shipped_registry_lists_the_document_languages_and_the_patients_languages() -> None:
    registry = load_languages(REPO / "forms")
    assert registry.document_languages == ("tr", "en")
    assert set(registry.label_languages) == {"en", "tr"}
    assert {"ar", "ru", "de", "fr", "fa", "ku"} <= set(registry.codes) - set(registry.document_languages)
    assert registry.name("tr", "en") == "Turkish (Türkçe)" and registry.name("tr", "tr") == "Türkçe"
    assert registry.name("ar", "fr") == "العربية"  # no name in that screen language: its own name
    assert registry.document_language("ar", "tr") == "tr" and registry.document_language("en", "tr") == "en"


def test_a_language_added_as_files_passes_lint_and_is_offered_for_documents(forms_copy: Path) -> None:
    add_xx_language(forms_copy)
    assert lint_forms(forms_copy) == []
    registry = load_languages(forms_copy)
    assert "xx" in registry.document_languages and registry.name("xx", "tr") == "Deneme dili (Xxish)"
    words = document_words("xx", forms_copy)
    assert words["page.patient"] == "Xatient" and words["page.page_x_of_y"] == "{total}/{page} xage"
    assert words.section("consent", shared=True)["yes"] == "Yes"  # shared labels come from `common`
    assert words.date(date(2026, 12, 3)) == "2026-12-03"


def test_a_label_missing_from_a_catalogue_is_a_lint_error_naming_key_and_language(forms_copy: Path) -> None:
    add_xx_language(forms_copy)
    catalogue = forms_copy / CATALOGUE.format(lang="xx")
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("  draft_watermark:", "  draft_watermarks:", 1), encoding="utf-8")
    problems = lint_forms(forms_copy)
    assert any("missing label 'page.draft_watermark' in 'xx'" in p for p in problems)
    assert any("unknown label 'page.draft_watermarks' in 'xx'" in p for p in problems)
    catalogue.write_text(text.replace("Page {page} of {total}", "Page {page}", 1).replace(
        "page_x_of_y: '{total}/{page} xage'", "page_x_of_y: '{page} xage'", 1), encoding="utf-8")
    assert any("'page.page_x_of_y' in 'xx' names ['page']" in p for p in lint_forms(forms_copy))


def test_a_document_language_without_a_catalogue_is_a_lint_error(forms_copy: Path) -> None:
    add_xx_language(forms_copy)
    (forms_copy / CATALOGUE.format(lang="xx")).unlink()
    problems = lint_forms(forms_copy)
    assert len(problems) == 1 and "no document catalogue for 'xx'" in problems[0]


def test_a_document_language_without_its_texts_is_a_lint_error_naming_file_and_language(forms_copy: Path) -> None:
    add_xx_language(forms_copy)
    (forms_copy / "consent" / "withdrawal-xx.md").unlink()
    problems = lint_forms(forms_copy)
    assert len(problems) == 1 and "withdrawal-xx.md" in problems[0] and "'xx'" in problems[0]


def test_texts_in_an_unregistered_language_are_refused(forms_copy: Path) -> None:
    shutil.copy(forms_copy / "explanation" / "en.md", forms_copy / "explanation" / "zz.md")
    assert any("'zz', which is not a registered language" in p for p in lint_forms(forms_copy))


def test_a_form_label_in_an_unregistered_language_is_refused_and_a_registered_one_may_be_added(
        forms_copy: Path) -> None:
    section = forms_copy / "questionnaires" / "medicines.yaml"
    original = section.read_text(encoding="utf-8")
    assert 'tr: "Kullanmıyor"' in original
    section.write_text(original.replace('tr: "Kullanmıyor"', 'tr: "Kullanmıyor", de: "Keine"', 1), encoding="utf-8")
    assert lint_forms(forms_copy) == []  # German is registered: a label may carry it
    section.write_text(original.replace('tr: "Kullanmıyor"', 'tr: "Kullanmıyor", zz: "?"', 1), encoding="utf-8")
    problems = lint_forms(forms_copy)
    assert problems and all("medicines.yaml" in p for p in problems)
    assert any("'zz' is not in the language registry" in p for p in problems)


def test_a_broken_registry_is_the_one_problem_lint_reports(forms_copy: Path) -> None:
    registry = forms_copy / "languages.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("code: en", "code: tr", 1), encoding="utf-8")
    problems = lint_forms(forms_copy)
    assert len(problems) == 1 and "listed twice: tr" in problems[0]


def test_the_services_read_the_clinics_own_registry(forms_copy: Path) -> None:
    add_xx_language(forms_copy)

    class Clinic:  # the only part of a ServiceContext the registry reads
        forms_dir = forms_copy

    assert "xx" in language_registry(Clinic()).document_languages  # type: ignore[arg-type]
    assert "xx" not in language_registry().document_languages
