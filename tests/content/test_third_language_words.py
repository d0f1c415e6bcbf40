"""A third document language reaches every list label and generated sentence through files only (issue 14,
item 2): French added to a temporary copy of forms/ (its registry entry switched to documents, its patient
texts and its catalogue) is worded by the adverse-event lists, the eligibility wording, the results annex,
section 1 "Your results so far", the alternatives, the ethics-permit words and the procedure checklist,
without any Python change. Every catalogue must have every key: lint names the missing one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exoconsult.definitions.lint import lint_forms
from exoconsult.domain import adverse_events as ae
from exoconsult.domain import eligibility_words as eligibility
from exoconsult.domain.content import ContentError
from exoconsult.domain.jurisdiction import donor_sperm_text
from exoconsult.domain.procedure_day import CHECKLIST
from exoconsult.domain.redo_micro_tese import redo_micro_tese_figure
from exoconsult.domain.results_annex import results_rows
from exoconsult.domain.results_so_far import ResultsFacts, RetrievalAttempt, results_so_far
from exoconsult.services.assessment.assessments import field_labels_of
from exoconsult.services.core.document_labels import document_words
from exoconsult.services.core.languages import language_registry
from exoconsult.services.programme.programme import no_ethics_permit
from tests.content.test_language_registry import CATALOGUE, TEXT_FILES, forms_copy  # noqa: F401 (fixture)

FRENCH = "names: {en: French (Français), tr: Fransızca (Français)}\n"
# (line of the English catalogue, its French line): one label of each list or text the test reads
FRENCH_LABELS = (
    ("  decimal_separator: .\n", "  decimal_separator: ','\n"),
    ("    haematoma: Haematoma\n", "    haematoma: Hématome\n"),
    ("    eligible: eligible\n", "    eligible: éligible\n"),
    ("    birth_date: Date of birth\n", "    birth_date: Date de naissance\n"),
    ("  karyotype: Karyotype\n", "  karyotype: Caryotype\n"),
    ("    '3': March\n", "    '3': mars\n"),
    ("  no_ethics_permit: 'None: no ethics committee approval or Ministry permit has been obtained for this "
     "treatment'\n", "  no_ethics_permit: 'Aucune : ni avis de comité d’éthique ni autorisation du ministère'\n"),
    ("    identity: 'Identity confirmed by two identifiers: the patient says his full name and date of birth'\n",
     "    identity: 'Identité confirmée par deux identifiants'\n"),
)


def add_french(forms: Path) -> None:
    """What a translator adds: French's registry entry made a document language, its four patient texts (here
    the English ones marked as French) and its catalogue (the English one with a few labels in French)."""
    registry = forms / "languages.yaml"
    text = registry.read_text(encoding="utf-8")
    assert FRENCH in text
    registry.write_text(text.replace(FRENCH, FRENCH + "    documents: true\n", 1), encoding="utf-8")
    for pattern in TEXT_FILES:
        english = (forms / pattern.format(lang="en")).read_text(encoding="utf-8")
        (forms / pattern.format(lang="fr")).write_text(english.replace('language: "en"', 'language: "fr"', 1),
                                                       encoding="utf-8")
    catalogue = (forms / CATALOGUE.format(lang="en")).read_text(encoding="utf-8")
    for english, french in FRENCH_LABELS:
        assert catalogue.count(english) == 1, english
        catalogue = catalogue.replace(english, french)
    (forms / CATALOGUE.format(lang="fr")).write_text(catalogue, encoding="utf-8")


def test_french_added_as_files_reaches_every_list_and_generated_text(forms_copy: Path) -> None:  # noqa: F811
    add_french(forms_copy)
    assert lint_forms(forms_copy) == []
    words = document_words("fr", forms_copy)

    assert ae.label(words, ae.TERMS, "haematoma") == "Hématome"
    assert eligibility.verdict_text("eligible", words) == "éligible"
    assert eligibility.value_text(2.5, "mL", words) == "2,5 mL"
    assert dict(results_rows({"karyotype": "46,XY"}, words))["Caryotype"] == "46,XY (normal)"
    facts = ResultsFacts(latest_fsh_iu_l=24.1, latest_fsh_date=date(2026, 3, 3),
                         retrieval_attempts=(RetrievalAttempt(date(2026, 1, 5), "micro_tese", False),))
    assert "24,1 IU/L on 3 mars 2026" in results_so_far(facts, words)[1]
    assert redo_micro_tese_figure(facts, words) == words["alternatives.redo_micro_tese.overall"]
    assert donor_sperm_text("TR", words) == words["alternatives.donor_sperm.TR"]
    assert no_ethics_permit("fr", forms_copy).startswith("Aucune")
    assert words["procedure_note.checklist_items.identity"] == "Identité confirmée par deux identifiants"
    # a patient registry field a rule reads is labelled in French too (the questionnaire labels the others)
    labels, section = field_labels_of(forms_copy)("birth_date")
    assert labels["fr"] == "Date de naissance" and labels["tr"] == "Doğum tarihi"
    # the shipped forms are untouched: French is offered only where its files are
    assert "fr" not in language_registry().document_languages


def test_a_list_label_missing_from_a_catalogue_is_named_by_lint(forms_copy: Path) -> None:  # noqa: F811
    add_french(forms_copy)
    path = forms_copy / CATALOGUE.format(lang="fr")
    path.write_text(path.read_text(encoding="utf-8").replace("    haematoma: Hématome\n", ""), encoding="utf-8")
    problems = lint_forms(forms_copy)
    assert problems == [f"{path}: missing label 'adverse_event.term.haematoma' in 'fr'"]
    with pytest.raises(ContentError, match="missing label 'adverse_event.term.haematoma' in 'fr'"):
        ae.label(document_words("fr", forms_copy), ae.TERMS, "haematoma")


def test_a_clinic_copy_wins_label_by_label_and_an_older_copy_falls_back_to_the_shipped_labels(
        forms_copy: Path) -> None:  # noqa: F811
    path = forms_copy / CATALOGUE.format(lang="tr")
    text = path.read_text(encoding="utf-8")
    assert "    haematoma: Hematom\n" in text and "    pain: Ağrı\n" in text
    path.write_text(text.replace("    haematoma: Hematom\n", "    haematoma: Hematom (skrotal)\n")
                    .replace("    pain: Ağrı\n", ""), encoding="utf-8")
    words = document_words("tr", forms_copy)
    assert ae.label(words, ae.TERMS, "haematoma") == "Hematom (skrotal)"  # the clinic's own wording
    assert ae.label(words, ae.TERMS, "pain") == "Ağrı"  # a label its copy lacks: the shipped one
    assert any("missing label 'adverse_event.term.pain' in 'tr'" in p for p in lint_forms(forms_copy))


def test_every_catalogue_words_every_checklist_item_and_the_english_one_is_the_checklist_itself() -> None:
    """The printed note's checklist items: the English catalogue says exactly what the checklist definition
    says (the screens translate that through Qt), and every document language words each item."""
    for lang in language_registry().document_languages:
        items = document_words(lang).section("procedure_note.checklist_items")
        assert set(items) == {item.key for item in CHECKLIST}, lang
    english = document_words("en").section("procedure_note.checklist_items")
    assert english == {item.key: item.text for item in CHECKLIST}
