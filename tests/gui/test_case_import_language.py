"""A case file imported on the History screen: its problems and its unusual values are said in the interface
language, each field by its label from the questionnaire, the JSON path and the values as the file writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from history_support import DialogAnswers, make_page, make_patient
from PySide6.QtWidgets import QMessageBox

from exoconsult.gui import ui_language
from exoconsult.gui.history import case_actions, history_dialogs
from tests.gui.test_turkish_screens import ENGLISH, WORD

pytestmark = pytest.mark.gui

SHOTS = Path("/tmp/shots-i18n-case")

BAD_CASE = {
    "format": "exoconsult-case/1", "assessed_on": "2026-11-24",
    "patient": {"family_name": "Yılmaz", "given_name": "Ahmet", "birth_date": "1988-03-02", "sex": "male",
                "mrn": "M-0001"},
    "history": {"karyotipe": "46,XY", "varicocele": "grade4", "testis_left_volume_ml": 61,
                "exogenous_testosterone_or_aas": "never", "testosterone_stopped_on": "2026-01-01",
                "semen_analyses": [{"date": "15.07.2026", "sperm_seen": "none", "concentration_million_per_ml": 3}],
                "hormone_panels": [{"date": "2026-01-10", "fsh": {"value": 5, "unit": "g/L"},
                                    "total_testosterone": {"value": 350, "unit": "nmol/L"}}]}}

UNUSUAL_CASE = {**BAD_CASE, "history": {"hormone_panels": [
    {"date": "2026-01-10", "total_testosterone": {"value": 55, "unit": "nmol/L"}, "fsh": 150}]}}


@pytest.fixture
def answers(monkeypatch) -> DialogAnswers:
    log = DialogAnswers()
    monkeypatch.setattr(history_dialogs, "run_dialog", log)
    return log


def _import(page, monkeypatch, tmp_path, case: dict) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(case_actions, "choose_open_path", lambda *a: str(path))
    page.view.import_button.click()


def _lines(box: QMessageBox) -> list[str]:
    return [line for line in box.text().splitlines() if line.startswith(("history.", "patient.", "format", "$"))]


def _english_words(lines: list[str]) -> list[str]:
    """Words of the ENGLISH list outside the JSON path (the file's own address, never translated)."""
    return sorted({word for line in lines for word in WORD.findall(line.partition(": ")[2]) if word in ENGLISH})


def _shot(box: QMessageBox, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    box.show()  # laid out as a person sees it (run_dialog was answered without showing it)
    box.grab().save(str(SHOTS / name))
    box.close()


def test_the_problems_of_a_case_file_are_turkish_with_the_turkish_interface(qtbot, sqlite_ctx, session_as, runner,
                                                                            nurse, urologist, tmp_path, monkeypatch,
                                                                            answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    ui_language.use_language("tr")  # signed in with the Turkish interface (reset after the test)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id, lang="tr")
    _import(page, monkeypatch, tmp_path, BAD_CASE)
    (box,) = answers.seen
    _shot(box, "case-import-problems-tr.png")
    lines = _lines(box)
    assert len(lines) == 8 and _english_words(lines) == []
    said = dict(line.split(": ", 1) for line in lines)
    assert said["history.karyotipe"] == "tanınmayan anahtar"
    assert said["history.varicocele"] == '"grade4" izin verilen değerlerden biri değil: none, subclinical, grade1, ' \
                                         'grade2, grade3'  # the values as the file writes them
    assert said["history.testis_left_volume_ml"] == "Sol testis hacmi (mL) 61 izin verilen 0-60 mL aralığının dışında"
    assert said["history.semen_analyses[0].date"] == '"15.07.2026" bir tarih değil; YYYY-AA-GG biçiminde yazın'
    assert said["history.semen_analyses[0].concentration_million_per_ml"] == (
        "0’dan büyük bir konsantrasyon “Sperm görüldü mü?: none” yanıtıyla çelişiyor")
    assert said["history.hormone_panels[0].total_testosterone.value"] == (
        "Total testosteron 350 nmol/L izin verilen 0-100 nmol/L aralığının dışında — ng/dL mi demek istediniz?")
    assert said["history.hormone_panels[0].fsh.unit"].startswith('"g/L" kabul edilmiyor; ')
    assert said["history.testosterone_stopped_on"] == (
        "Bırakma tarihi “Testosteron veya anabolik steroid kullanımı: never” yanıtıyla çelişiyor")
    assert "içe aktarılmadı" in box.text()  # the screen's own heading


def test_the_problems_of_a_case_file_are_english_with_the_english_interface(qtbot, sqlite_ctx, session_as, runner,
                                                                            nurse, urologist, tmp_path, monkeypatch,
                                                                            answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    _import(page, monkeypatch, tmp_path, BAD_CASE)
    (box,) = answers.seen
    _shot(box, "case-import-problems-en.png")
    said = dict(line.split(": ", 1) for line in _lines(box))
    assert said["history.karyotipe"] == "unknown key"
    assert said["history.testis_left_volume_ml"] == "Left testis volume (mL) 61 is outside 0-60 mL"
    assert said["history.semen_analyses[0].concentration_million_per_ml"] == (
        "a concentration above 0 contradicts Sperm seen: none")
    assert said["history.testosterone_stopped_on"] == "a stop date contradicts Testosterone or anabolic steroid use: never"
    assert said["history.hormone_panels[0].total_testosterone.value"] == (
        "Total testosterone 350 nmol/L is outside 0-100 nmol/L — did you mean ng/dL?")


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_unusual_values_in_a_case_file_are_asked_about_in_the_interface_language(qtbot, sqlite_ctx, session_as, runner,
                                                                                 nurse, urologist, tmp_path,
                                                                                 monkeypatch, answers, lang):
    patient_id = make_patient(sqlite_ctx, nurse)
    ui_language.use_language(lang)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id, lang=lang)
    answers.message_answer = QMessageBox.StandardButton.No
    _import(page, monkeypatch, tmp_path, UNUSUAL_CASE)
    (box,) = answers.seen
    _shot(box, f"case-import-unusual-{lang}.png")
    said = dict(line.split(": ", 1) for line in _lines(box))
    testosterone = said["history.hormone_panels[0].total_testosterone"]
    fsh = said["history.hormone_panels[0].fsh"]
    if lang == "tr":
        assert _english_words(list(said.values())) == [] and "olağan aralık" in box.text()
        # computed numbers with the Turkish decimal comma
        assert testosterone == ("Total testosteron 55 nmol/L olağan aralığın (0,5-50 nmol/L) dışında — ng/dL "
                                "(= 1,909 nmol/L) mi demek istediniz?")
        assert fsh == "FSH 150 IU/L olağan aralığın (0-60 IU/L) dışında: FSH > 60 IU/L, testiküler yetmezlikte bile nadirdir"
    else:
        assert testosterone == ("Total testosterone 55 nmol/L is outside the plausible band (0.5-50 nmol/L) — did you "
                                "mean ng/dL (= 1.909 nmol/L)?")
        assert fsh.startswith("FSH 150 IU/L is outside the plausible band (0-60 IU/L): ")


def test_a_file_that_is_not_json_is_refused_in_turkish_with_the_turkish_interface(qtbot, sqlite_ctx, session_as,
                                                                                  runner, nurse, urologist, tmp_path,
                                                                                  monkeypatch, answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    ui_language.use_language("tr")
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id, lang="tr")
    path = tmp_path / "broken.json"
    monkeypatch.setattr(case_actions, "choose_open_path", lambda *a: str(path))
    path.write_text('{"format": "exoconsult-case/1",\n  "history": {,}}', encoding="utf-8")
    page.view.import_button.click()
    path.write_text('{"format": "exoconsult-case/1", "history": {}, "history": {}}', encoding="utf-8")
    page.view.import_button.click()
    path.write_bytes(b'{"format": "exoconsult-case/1",\n "note": "\xff"}')
    page.view.import_button.click()
    broken, repeated, not_utf8 = (_lines(box) for box in answers.seen)
    _shot(answers.seen[0], "case-import-not-json-tr.png")
    assert broken == ["$: geçerli JSON değil: satır 2, sütun 15: çift tırnak içinde bir anahtar adı bekleniyordu"]
    assert repeated == ["$: history: anahtar birden fazla kez geçiyor (hangisinin kastedildiği belirsiz); reddedildi"]
    assert not_utf8 == ["$: satır 2: UTF-8 metin değil"]
    assert _english_words(broken + repeated + not_utf8) == []
