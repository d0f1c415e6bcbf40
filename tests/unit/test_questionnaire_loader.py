"""Strict loading of forms/questionnaires: every problem named by file and line, the YAML traps caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exoconsult.definitions.questionnaire import DefinitionError, load_questionnaire
from exoconsult.domain.people import Role
from exoconsult.domain.questionnaire import Compare, QuestionType
from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "forms" / "questionnaires", tmp_path / "questionnaires")
    return tmp_path


def edit(forms: Path, name: str, old: str, new: str) -> None:
    path = forms / "questionnaires" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture text not unique in {name}: {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(forms: Path, name: str, needle: str) -> int:
    lines = (forms / "questionnaires" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def problems(forms: Path) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        load_questionnaire(forms)
    return caught.value.problems


def test_the_shipped_questionnaire_loads_and_covers_the_whole_vocabulary() -> None:
    q = load_questionnaire(REPO / "forms")
    top = {qq.id for s in q.sections if s.repeat is None for qq in s.answerable}
    assert top == set(HISTORY_FIELDS)
    for group, fields in GROUP_FIELDS.items():
        assert {qq.id for qq in q.repeat_section(group).answerable} == set(fields)
    fsh = q.repeat_section("hormone_panels").question("fsh")
    assert fsh.type is QuestionType.QUANTITY and fsh.units == ("IU/L", "mIU/mL") and fsh.maximum == 200
    assert fsh.plausible_max == 60  # from the vocabulary, not the form
    stop = q.section_for("testosterone_stopped_on").question("testosterone_stopped_on")
    assert stop.show_if == Compare("exogenous_testosterone_or_aas", "eq", "stopped")
    assert q.section("genetics").captured_by == (Role.UROLOGIST,)
    assert Role.NURSE in q.section("hormone_panels").captured_by
    for section in q.sections:
        assert set(section.title) == {"en", "tr"}
        for question in section.questions:
            assert all(question.label[lang].strip() for lang in ("en", "tr"))
            for option in question.options:
                assert all(option.label[lang].strip() for lang in ("en", "tr"))


def test_unknown_key_is_named_with_file_and_line(forms: Path) -> None:
    edit(forms, "genetics.yaml", '    label: {en: "Karyotype", tr: "Karyotip"}\n',
         '    label: {en: "Karyotype", tr: "Karyotip"}\n    colour: "red"\n')
    line = line_of(forms, "genetics.yaml", "colour:")
    assert problems(forms) == [f"questionnaires/genetics.yaml:{line}: questions[0].colour: unknown key 'colour'"]


def test_unquoted_no_read_as_boolean_is_an_error_not_false(forms: Path) -> None:
    edit(forms, "medicines.yaml", '{value: "none", label: {en: "None", tr: "Kullanmıyor"}}',
         '{value: No, label: {en: "None", tr: "Kullanmıyor"}}')
    line = line_of(forms, "medicines.yaml", "value: No,")
    [problem] = problems(forms)
    assert problem.startswith(f"questionnaires/medicines.yaml:{line}: questions[0].options[0].value: ")
    assert "boolean false" in problem and "quote" in problem


def test_unquoted_yes_in_a_label_is_an_error(forms: Path) -> None:
    edit(forms, "contraindications.yaml", 'label: {en: "Bleeding disorder", tr: "Kanama bozukluğu"}',
         'label: {en: yes, tr: "Kanama bozukluğu"}')
    [problem] = problems(forms)
    assert "contraindications.yaml:" in problem and "questions[0].label.en" in problem and "boolean true" in problem


def test_missing_translation_names_the_text(forms: Path) -> None:
    edit(forms, "risk_factors.yaml", 'label: {en: "Chemotherapy", tr: "Kemoterapi"}', 'label: {en: "Chemotherapy"}')
    line = line_of(forms, "risk_factors.yaml", '"Chemotherapy"')
    assert problems(forms) == [f"questionnaires/risk_factors.yaml:{line}: questions[2].label: missing translation 'tr'"]


def test_empty_translation_is_an_error(forms: Path) -> None:
    edit(forms, "risk_factors.yaml", 'label: {en: "Chemotherapy", tr: "Kemoterapi"}',
         'label: {en: "Chemotherapy", tr: ""}')
    [problem] = problems(forms)
    assert "questions[2].label.tr" in problem


def test_show_if_reference_to_a_missing_question(forms: Path) -> None:
    edit(forms, "semen_analyses.yaml", 'q: "sperm_seen", op: "eq"', 'q: "sperm_sen", op: "eq"')
    line = line_of(forms, "semen_analyses.yaml", '- id: "concentration_million_per_ml"')
    [problem] = problems(forms)
    assert problem.startswith(f"questionnaires/semen_analyses.yaml:{line}: concentration_million_per_ml: show_if")
    assert "'sperm_sen'" in problem


def test_show_if_value_must_be_an_option(forms: Path) -> None:
    edit(forms, "risk_factors.yaml", 'op: "eq", value: "stopped"', 'op: "eq", value: "stoped"')
    [problem] = problems(forms)
    assert "'stoped' is not an option of exogenous_testosterone_or_aas" in problem


def test_show_if_on_yes_no_needs_a_boolean(forms: Path) -> None:
    text = 'show_if: {q: "scrotal_ultrasound_done", op: "eq", value: true}\n    options:'
    edit(forms, "examination_imaging.yaml", text, text.replace("value: true", 'value: "yes"'))
    [problem] = problems(forms)
    assert "scrotal_ultrasound_done is yes/no" in problem


def test_group_question_cannot_refer_to_another_groups_field(forms: Path) -> None:
    edit(forms, "semen_analyses.yaml", 'q: "sperm_seen", op: "eq", value: "present"', 'q: "fsh", op: "answered"')
    [problem] = problems(forms)
    assert "'fsh', which is not a question in this section's scope" in problem


def test_vocabulary_mismatches_are_reported(forms: Path) -> None:
    edit(forms, "hormone_panels.yaml", 'units: ["nmol/L", "ng/dL", "ng/mL"]', 'units: ["nmol/L", "ng/dL"]')
    edit(forms, "infertility_partner.yaml", "    min: 14\n    max: 70", "    min: 18\n    max: 70")
    edit(forms, "genetics.yaml", '      - {value: "not_done", label: {en: "Not done", tr: "Yapılmadı"}}\n  - id: "y_microdeletion"',
         '  - id: "y_microdeletion"')
    found = problems(forms)
    assert any("hormone_panels.yaml" in p and "total_testosterone: units must be ['nmol/L', 'ng/dL', 'ng/mL']" in p
               for p in found)
    assert any("partner_age_years: hard range must be min 14, max 70" in p for p in found)
    assert any("karyotype: options must be exactly" in p and "missing ['not_done']" in p for p in found)


def test_unknown_question_id_and_uncovered_field(forms: Path) -> None:
    edit(forms, "contraindications.yaml", '- id: "active_malignancy"', '- id: "active_malignancy_now"')
    found = problems(forms)
    assert any("'active_malignancy_now' is not a case-format field" in p for p in found)
    assert any("history field 'active_malignancy' is not asked by any section" in p for p in found)


def test_duplicate_yaml_key_is_an_error(forms: Path) -> None:
    edit(forms, "genetics.yaml", 'id: "genetics"\n', 'id: "genetics"\nid: "genetics_again"\n')
    [problem] = problems(forms)
    assert problem == "questionnaires/genetics.yaml:3: duplicate key 'id'"


def test_admin_may_not_capture_history(forms: Path) -> None:
    edit(forms, "genetics.yaml", 'captured_by: ["urologist"]', 'captured_by: ["urologist", "admin"]')
    assert any("only nurse and urologist capture history" in p for p in problems(forms))


def test_unlisted_section_file_and_missing_manifest(forms: Path) -> None:
    (forms / "questionnaires" / "extra.yaml").write_text('kind: "section"\n', encoding="utf-8")
    assert problems(forms) == ["questionnaires/extra.yaml:1: not listed in questionnaire.yaml (it would be ignored)"]
    (forms / "questionnaires" / "questionnaire.yaml").unlink()
    assert "missing" in problems(forms)[0]


def test_yaml_syntax_error_has_a_line(forms: Path) -> None:
    edit(forms, "medicines.yaml", 'id: "medicines"', 'id: "medicines\n  broken: [')
    [problem] = problems(forms)
    assert problem.startswith("questionnaires/medicines.yaml:") and "YAML error" in problem
