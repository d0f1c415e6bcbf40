"""forms lint checks added with content release 1.1: no English left in a Turkish text, at least three
options per question, the right answer neither always in one place nor systematically the longest,
the new promotional words; and the protocol's Turkish rule texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_testkit import FORMS, edit

from exoconsult.definitions.content import lint_content
from exoconsult.definitions.protocol import lint_protocol


def _problems_with(forms: Path, *fragments: str) -> list[str]:
    return [p for p in lint_content(forms) if all(f in p for f in fragments)]


def test_english_in_a_turkish_text_is_found(forms_copy: Path) -> None:
    edit(forms_copy / "consent" / "tr.md", "Kimler sorumlu?", "Who is responsible for the treatment?")
    assert _problems_with(forms_copy, "consent/tr.md", "English left in a Turkish text", "the")
    assert not _problems_with(forms_copy, "consent/en.md", "English left")  # English texts are English


def test_a_citation_in_parentheses_is_not_prose(forms_copy: Path) -> None:
    edit(forms_copy / "explanation" / "tr.md", "(Kaynak: Özman 2021)", "(Kaynak: Özman, The Journal of Urology 2021)")
    assert not _problems_with(forms_copy, "explanation/tr.md", "English left")


def test_two_options_are_not_enough(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "en.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('      - id: "c"\n        text: "It has been approved')
    end = text.index("\n", text.index("text:", start)) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _problems_with(forms_copy, "comprehension/en.yaml", "needs 3 or 4 options")  # the schema refuses it first


def _all_correct(forms: Path, option: str) -> None:
    for lang in ("en", "tr"):
        path = forms / "comprehension" / f"{lang}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(f'    correct: "{option}"\n' if line.startswith("    correct:") else line
                                for line in lines), encoding="utf-8")


def test_the_right_answer_always_in_one_place_is_refused(forms_copy: Path) -> None:
    _all_correct(forms_copy, "b")
    assert _problems_with(forms_copy, "comprehension/en.yaml", "same place in every question")


def test_the_right_answer_systematically_the_longest_is_refused(forms_copy: Path) -> None:
    path = forms_copy / "comprehension" / "en.yaml"
    edit(path, '"It is an experimental treatment, tried only in animals."',
         '"It is an experimental treatment that has so far been tried only in animals, never in men."')
    edit(path, '"Nobody knows; it may not lead to any sperm."',
         '"Nobody knows; it may not lead to any sperm, and sperm may not lead to a pregnancy either."')
    edit(path, '"A second micro-TESE, adoption, or no treatment."',
         '"A second micro-TESE, hormone treatment if a hormone problem is the cause, adoption, or none."')
    edit(path, '"You may stop; your other treatment and care are not affected."',
         '"You may stop at any time, without a reason; your other treatment and care are not affected."')
    assert _problems_with(forms_copy, "comprehension/en.yaml", "longest option in 4 of 7")


@pytest.mark.parametrize("word", ["promising", "potential", "hope", "innovative"])
def test_new_promotional_words_are_refused(forms_copy: Path, word: str) -> None:
    edit(forms_copy / "consent" / "en.md", "Exosomes for this problem", f"This {word} treatment: exosomes for this problem")
    assert _problems_with(forms_copy, "consent/en.md", "promotional word")


@pytest.mark.parametrize("phrase", ["umut verici", "yenilikçi", "potansiyel"])
def test_new_turkish_promotional_words_are_refused(forms_copy: Path, phrase: str) -> None:
    edit(forms_copy / "consent" / "tr.md", "Bu sorun için eksozomlar", f"Bu {phrase} tedavide eksozomlar")
    assert _problems_with(forms_copy, "consent/tr.md", "promotional word")


def test_english_in_a_turkish_rule_text_is_found(tmp_path: Path) -> None:
    text = (FORMS / "protocols" / "exo-noa" / "protocol.yaml").read_text(encoding="utf-8")
    (tmp_path / "protocol.yaml").write_text(text.replace('tr: "Aktif malignite."', 'tr: "Active malignancy is present."'),
                                            encoding="utf-8")
    assert any("ONC-ACTIVE: English left in the Turkish reason" in p for p in lint_protocol(tmp_path))


def test_the_boxed_statement_must_print_the_permit(forms_copy: Path) -> None:
    """Item 2: the permit line of the page-1 box quotes the clinic's permit; the other two lines are fixed."""
    edit(forms_copy / "consent" / "tr.md", 'permit: "Etik kurul onayı veya izin: {ethics.permit}"',
         'permit: "Etik kurul onayı veya izin"')
    assert _problems_with(forms_copy, "consent/tr.md", "boxed_statement.permit", "{ethics.permit}")
    edit(forms_copy / "consent" / "en.md", 'no_permit: "No ethics approval or permit recorded"',
         'no_permit: "No ethics approval at {clinic.name}"')
    assert _problems_with(forms_copy, "consent/en.md", "fixed wording")


def test_the_boxed_statement_is_checked_for_english_in_turkish(forms_copy: Path) -> None:
    edit(forms_copy / "consent" / "tr.md", 'no_permit: "Kayıtlı bir etik kurul onayı veya izin yoktur"',
         'no_permit: "The ethics approval is not recorded"')
    assert _problems_with(forms_copy, "consent/tr.md", "English left in a Turkish text")


def test_a_consent_text_without_the_boxed_statement_is_refused(forms_copy: Path) -> None:
    path = forms_copy / "consent" / "en.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("boxed_statement:")
    path.write_text(text[:start] + text[text.index("signers:"):], encoding="utf-8")
    assert _problems_with(forms_copy, "consent/en.md", "boxed_statement")
