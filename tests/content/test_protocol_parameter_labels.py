"""A protocol parameter is shown by its label in the screen's language, with its unit in that language
(issue 14 item 4): the catalogue words it (eligibility.parameters.<name>); a parameter a clinic adds to its
protocol without a label is shown by its id, and `forms lint` warns about it without failing."""

from __future__ import annotations

import argparse
from pathlib import Path

from exoconsult.cli.forms import run_lint
from exoconsult.definitions.content_files import content_files
from exoconsult.definitions.content_review import review_sections
from exoconsult.definitions.lint import lint_forms, lint_warnings
from exoconsult.services.core.document_labels import document_words
from tests.content.test_language_registry import forms_copy  # noqa: F401 (fixture)


def _parameters(forms: Path, lang: str) -> list[str]:
    protocol = next(f for f in content_files(forms) if f.kind == "protocol")
    [parameters] = review_sections(forms, protocol, document_words(lang, forms))[0].blocks
    return [item[0].text for item in parameters.items]


def _add_clinic_parameter(forms: Path) -> None:
    """The clinic's own minimum-age parameter in place of the shipped one (in its entry and every rule)."""
    path = forms / "protocols" / "exo-noa" / "protocol.yaml"
    text = path.read_text(encoding="utf-8")
    assert "min_age_years: {default: 18" in text
    path.write_text(text.replace("min_age_years", "clinic_min_age_years"), encoding="utf-8")


def test_each_parameter_is_named_in_the_screen_language_with_its_unit(forms_copy: Path) -> None:  # noqa: F811
    turkish, english = _parameters(forms_copy, "tr"), _parameters(forms_copy, "en")
    assert turkish[:3] == ["En küçük yaş: 18 yaş", "Bu yaşın üstünde değerlendirme gerekli: 60 yaş",
                           "Santrifüj peletinde sperm görülmeyen semen analizi: en az: 2 analiz"]
    assert "Low total testosterone: below: 10.4 nmol/L" in english
    assert "Düşük total testosteron: şunun altında: 10,4 nmol/L" in turkish
    assert lint_warnings(forms_copy) == []


def test_a_clinic_parameter_without_a_label_shows_its_id_and_lint_warns(forms_copy: Path, capsys) -> None:  # noqa: F811
    _add_clinic_parameter(forms_copy)
    assert _parameters(forms_copy, "tr")[0] == "clinic_min_age_years: 18 yaş"
    [warning] = lint_warnings(forms_copy)
    assert "'clinic_min_age_years' has no label 'eligibility.parameters.clinic_min_age_years'" in warning
    assert lint_forms(forms_copy) == []  # a warning, not a problem
    assert run_lint(argparse.Namespace(forms=str(forms_copy), data_dir=None, database_url=None)) == 0
    assert "warning: " in capsys.readouterr().out
