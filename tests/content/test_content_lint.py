"""lint_content and the strict loaders catch each kind of broken content (tested on broken copies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_testkit import FORMS, edit, line_of

from exoconsult.definitions.content import lint_content, load_comprehension, load_explanation
from exoconsult.domain.content import ContentError


def _one_problem_containing(problems: list[str], *fragments: str) -> str:
    matching = [p for p in problems if all(f in p for f in fragments)]
    assert matching, f"no problem containing {fragments} in {problems}"
    return matching[0]


def test_copy_is_clean_before_breaking_it(forms_copy: Path) -> None:
    assert lint_content(forms_copy) == []


@pytest.mark.parametrize(
    "relative", ["explanation/tr.md", "comprehension/en.yaml", "consent/tr.md", "consent/withdrawal-en.md"]
)
def test_missing_translation(forms_copy: Path, relative: str) -> None:
    (forms_copy / relative).unlink()
    _one_problem_containing(lint_content(forms_copy), relative, "missing translation")


def test_a_third_language_must_be_complete(forms_copy: Path) -> None:
    (forms_copy / "explanation" / "de.md").write_bytes((forms_copy / "explanation" / "en.md").read_bytes())
    problems = lint_content(forms_copy)
    _one_problem_containing(problems, "comprehension/de.yaml", "missing translation")
    _one_problem_containing(problems, "explanation/de.md", "language is 'en'")


def test_unquoted_no_option_is_read_as_boolean_and_refused(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "en.yaml"
    edit(path, 'text: "Yes, this offer and this price are only valid today."', "text: No")
    line = line_of(path, "text: No")
    problem = _one_problem_containing(lint_content(forms_copy), f"en.yaml:{line}", "boolean")
    assert "questions.6.options.0.text" in problem


def test_unquoted_plain_string_is_refused(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "tr.yaml"
    edit(
        path,
        'prompt: "Kararınızı bugün vermek zorunda mısınız?"',
        "prompt: Kararınızı bugün vermek zorunda mısınız?",
    )
    line = line_of(path, "prompt: Kararınızı")
    with pytest.raises(ContentError) as caught:
        load_comprehension(forms_copy, "tr")
    assert caught.value.line == line and "must be quoted" in str(caught.value)


def test_unknown_front_matter_key_names_file_and_line(forms_copy: Path) -> None:
    path = forms_copy / "explanation" / "en.md"
    edit(path, 'version: "2.1.0"\n', 'version: "2.1.0"\nreviewed_by: "someone"\n')
    line = line_of(path, "reviewed_by:")
    problem = _one_problem_containing(
        lint_content(forms_copy), f"explanation/en.md:{line}", "reviewed_by", "unknown key"
    )
    with pytest.raises(ContentError) as caught:
        load_explanation(forms_copy, "en")
    assert str(caught.value) == problem


def test_unknown_key_in_a_question_names_its_line(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "tr.yaml"
    edit(path, '    key_point: "no_guarantee"\n', '    key_point: "no_guarantee"\n    hint: "x"\n')
    _one_problem_containing(lint_content(forms_copy), f"tr.yaml:{line_of(path, 'hint:')}", "unknown key")


def test_unknown_placeholder(forms_copy: Path) -> None:
    path = forms_copy / "explanation" / "tr.md"
    edit(path, "- Acil bir durumda 112'yi arayın.", "- Acil bir durumda {clinic.fax} numarasını arayın.")
    line = line_of(path, "{clinic.fax}")
    _one_problem_containing(
        lint_content(forms_copy), f"explanation/tr.md:{line}", "unknown placeholder {clinic.fax}"
    )


def test_unknown_placeholder_in_a_consent_choice(forms_copy: Path) -> None:
    edit(forms_copy / "consent" / "en.md", "shared with the manufacturer,", "shared with {manufacturer},")
    _one_problem_containing(lint_content(forms_copy), "consent/en.md", "unknown placeholder {manufacturer}")


@pytest.mark.parametrize(
    ("relative", "old", "new", "word"),
    [
        ("explanation/en.md", "Exosomes are not cells.", "Exosomes are a breakthrough.", "breakthrough"),
        ("explanation/en.md", "Exosomes are not cells.", "Exosomes regenerate the testis.", "regenerat"),
        ("consent/en.md", "I may say no,", "This is new hope. I may say no,", "new hope"),
        ("explanation/tr.md", "Eksozomlar hücre değildir;", "Eksozomlar mucizevi bir tedavidir;", "mucize"),
        (
            "comprehension/tr.yaml",
            "Azospermi için birçok klinikte uygulanan standart",
            "Azospermi için YENİ UMUT olan standart",
            "yeni umut",
        ),
    ],
)
def test_promotional_words(forms_copy: Path, relative: str, old: str, new: str, word: str) -> None:
    edit(forms_copy / relative, old, new)
    _one_problem_containing(lint_content(forms_copy), relative, f"promotional word {word!r}")


def test_mismatched_section_order_between_languages(forms_copy: Path) -> None:
    path = forms_copy / "explanation" / "tr.md"
    text = path.read_text(encoding="utf-8")
    start, middle = text.index("## Diğer seçenekler {#alternatives}"), text.index("## Ücretler {#costs}")
    end = text.index("## Sizin seçimleriniz {#choices}")
    path.write_text(text[:start] + text[middle:end] + text[start:middle] + text[end:], encoding="utf-8")
    problems = lint_content(forms_copy)
    _one_problem_containing(problems, "explanation/tr.md", "in this order")
    _one_problem_containing(problems, "explanation/tr.md", "differ from the en version")
    _one_problem_containing(problems, "consent/tr.md", "section ids differ from the tr explanation")


def test_missing_section(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "en.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("## Costs {#costs}"), text.index("## My choices {#choices}")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    _one_problem_containing(lint_content(forms_copy), "consent/en.md", "in this order", "found results")


def test_unknown_section_id_names_its_line(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "tr.md"
    edit(path, "{#people}", "{#staff}")
    _one_problem_containing(
        lint_content(forms_copy), f"consent/tr.md:{line_of(path, '{#staff}')}", "unknown section id"
    )


def test_missing_correct_option(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "en.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('correct: "c"', 'correct: "d"', 1), encoding="utf-8")
    problem = _one_problem_containing(
        lint_content(forms_copy), "comprehension/en.yaml", "'d' is not among its options"
    )
    assert "guarantee" in problem  # the first question whose right answer is "c"


def test_question_ids_must_match_across_languages(forms_copy: Path) -> None:
    edit(forms_copy / "comprehension" / "tr.yaml", 'id: "withdraw"', 'id: "stop"')
    _one_problem_containing(lint_content(forms_copy), "comprehension/tr.yaml", "differ from the en version")


def test_required_key_point_must_be_covered(forms_copy: Path) -> None:
    for lang in ("en", "tr"):
        edit(
            forms_copy / "comprehension" / f"{lang}.yaml",
            'key_point: "complication_contact"',
            'key_point: "future_child"',
        )
    problems = lint_content(forms_copy)
    _one_problem_containing(problems, "comprehension/en.yaml", "'complication_contact'")
    _one_problem_containing(problems, "comprehension/tr.yaml", "'complication_contact'")


def test_too_few_questions(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "en.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('  - id: "withdraw"')], encoding="utf-8")
    problems = lint_content(forms_copy)
    _one_problem_containing(problems, "comprehension/en.yaml", "at least 5 questions")
    _one_problem_containing(problems, "comprehension/en.yaml", "'right_to_withdraw'")


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ('approved: true\n  approved_by: ""\n  approved_on: ""', "approved_by is empty"),
        ('approved: true\n  approved_by: "Dr A"\n  approved_on: "24.11.2026"', "not a YYYY-MM-DD date"),
        ('approved: false\n  approved_by: "Dr A"\n  approved_on: ""', "must be empty"),
        ('approved: "no"\n  approved_by: ""\n  approved_on: ""', "approval.approved"),
        ('approved: true\n  approved_by: "Dr A"\n  approved_on: 2026-11-24', "approval.approved_on"),
    ],
)
def test_approval_metadata_must_be_well_formed(forms_copy: Path, new: str, message: str) -> None:
    edit(forms_copy / "consent" / "en.md", 'approved: false\n  approved_by: ""\n  approved_on: ""', new)
    _one_problem_containing(lint_content(forms_copy), "consent/en.md", message)


def test_well_formed_approval_is_loaded(forms_copy: Path) -> None:
    edit(
        forms_copy / "explanation" / "en.md",
        'approved: false\n  approved_by: ""\n  approved_on: ""',
        'approved: true\n  approved_by: "Dr A. Example"\n  approved_on: "2026-11-20"',
    )
    approval = load_explanation(forms_copy, "en").meta.approval
    assert (
        approval.approved
        and approval.approved_by == "Dr A. Example"
        and str(approval.approved_on) == "2026-11-20"
    )


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "01.0.0", "1.0.0-draft"])
def test_version_must_be_semver(forms_copy: Path, version: str) -> None:
    edit(forms_copy / "consent" / "withdrawal-tr.md", 'version: "1.1.0"', f'version: "{version}"')
    _one_problem_containing(lint_content(forms_copy), "withdrawal-tr.md", "not semantic")


def test_versions_must_agree_across_languages(forms_copy: Path) -> None:
    edit(forms_copy / "consent" / "tr.md", 'version: "3.1.0"', 'version: "4.0.0"')
    _one_problem_containing(lint_content(forms_copy), "exo-consent", "versions differ")


def test_optional_consents_must_all_be_present(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "tr.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- [manufacturer]")], encoding="utf-8")
    problems = lint_content(forms_copy)
    _one_problem_containing(problems, "consent/tr.md", "optional consents must be")
    _one_problem_containing(problems, "consent/tr.md", "ids differ from the en version")


def test_optional_consent_needs_an_id(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "en.md"
    edit(path, "- [recontact] The clinic", "- The clinic")
    _one_problem_containing(
        lint_content(forms_copy), f"consent/en.md:{line_of(path, '- The clinic may')}", "[choice-id]"
    )


def test_withdrawal_data_choices_must_be_complete(forms_copy: Path) -> None:
    edit(forms_copy / "consent" / "withdrawal-en.md", "- [delete]", "- [erase]")
    _one_problem_containing(
        lint_content(forms_copy), "withdrawal-en.md", "data choices must be keep, anonymise, delete"
    )


def test_signer_roles_must_be_complete(forms_copy: Path) -> None:
    edit(forms_copy / "consent" / "en.md", "  witness:", "  observer:")
    _one_problem_containing(lint_content(forms_copy), "consent/en.md", "signers must be")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("- **Adoption.**", "1. Adoption.", "numbered lists"),
        ("- **Adoption.**", "- [Adoption](https://example.org)", "links"),
        ("- **Adoption.**", "- *Adoption.*", "single '*'"),
        ("- **Adoption.**", "- **Adoption.", "unmatched '**'"),
        ("- **Adoption.**", "# Adoption", "level-1 headings"),
        ("- **Adoption.**", "| a | b |", "tables"),
        ("- **Adoption.**", "<b>Adoption</b>", "HTML"),
        ("## Costs {#costs}", "## Costs", "'## Title {#section-id}'"),
    ],
)
def test_markdown_outside_the_subset_is_refused_with_its_line(
    forms_copy: Path, old: str, new: str, message: str
) -> None:
    path = forms_copy / "explanation" / "en.md"
    edit(path, old, new)
    line = line_of(path, new)
    _one_problem_containing(lint_content(forms_copy), f"explanation/en.md:{line}", message)


def test_results_section_must_stay_a_lead_in(forms_copy: Path) -> None:
    edit(
        forms_copy / "explanation" / "en.md",
        "looks wrong or missing.\n",
        "looks wrong or missing.\n\n- Your FSH was high.\n",
    )
    _one_problem_containing(lint_content(forms_copy), "explanation/en.md", "generated from the case")


def test_duplicate_yaml_key_is_refused(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "en.yaml"
    edit(path, '    correct: "b"\n', '    correct: "b"\n    correct: "a"\n')
    _one_problem_containing(lint_content(forms_copy), "comprehension/en.yaml", "repeated")


def test_wrong_document_id(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "en.md"
    edit(path, 'id: "exo-consent"', 'id: "exo-explanation"')
    line = line_of(path, 'id: "exo-explanation"')
    _one_problem_containing(lint_content(forms_copy), f"consent/en.md:{line}", "must hold 'exo-consent'")


@pytest.mark.parametrize("lang", ["../en", "EN", "e", "en/../tr", "ü1"])
def test_language_code_cannot_point_outside_the_forms_folder(lang: str) -> None:
    with pytest.raises(ValueError, match="two lower-case letters"):
        load_explanation(FORMS, lang)


def test_missing_front_matter(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "withdrawal-en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split("\n---\n", 1)[1], encoding="utf-8")
    _one_problem_containing(lint_content(forms_copy), "withdrawal-en.md:1", "front matter")
