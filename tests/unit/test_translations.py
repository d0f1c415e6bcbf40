"""The screen translations: the shipped .qm files are exactly what lrelease builds from the .ts files
translators edit (so an edited .ts cannot ship with a stale .qm), and the package finds them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import i18n


@pytest.mark.parametrize("language", i18n.languages())
def test_the_shipped_qm_is_what_lrelease_builds_from_the_ts(language: str, tmp_path: Path):
    built = tmp_path / f"exoconsult_{language}.qm"
    i18n.lrelease(i18n.ts_path(language), built)
    shipped = i18n.qm_path(language)
    assert shipped.exists(), f"{shipped.name} is missing: run ./run i18n"
    assert shipped.read_bytes() == built.read_bytes(), (
        f"{shipped.name} is not what lrelease builds from {i18n.ts_path(language).name}: run ./run i18n")


def test_turkish_is_translated_and_shipped_where_the_package_looks():
    from exoconsult.paths import resources_dir

    assert "tr" in i18n.languages()
    assert (resources_dir() / "i18n" / "exoconsult_tr.qm").is_file()


@pytest.mark.parametrize("language", i18n.languages())
def test_every_string_of_the_screens_is_translated(language: str, tmp_path: Path):
    """lupdate over today's code into a copy of the .ts: a tr() string without a translation is listed
    (unfinished), and so is a translation whose string left the code (vanished: run ./run i18n)."""
    missing = i18n.untranslated(i18n.located_copy(language, tmp_path))
    listed = "\n".join(f"  {where or '(no longer in the code)'}  [{context}] {source!r}"
                       for where, context, source in missing)
    assert not missing, (f"{len(missing)} screen strings lack a {language} translation in "
                         f"{i18n.ts_path(language).name} (translate them with pyside6-linguist, then ./run i18n):\n"
                         f"{listed}")
