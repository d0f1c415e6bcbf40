"""The assessment screen in the interface language (issue 14 item 4): with the Turkish UI, missing fields
carry their Turkish questionnaire labels (never an identifier), rule reasons and actions are the
protocol's Turkish texts, and verdicts, outcome groups and derived values are Turkish; with the English
UI the same screen is English throughout."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QFrame, QLabel

from exoconsult.gui import ui_language
from exoconsult.services.history.history import HistoryService
from tests.gui.test_assessment_page import assessments, page_for, patient_with  # noqa: F401 (fixtures)

pytestmark = pytest.mark.gui

IDENTIFIER = re.compile(r"\b[a-z0-9]+(_[a-z0-9]+)+\b|\b[a-z_]+\.[a-z_]+\b")
ENGLISH = ("needed by", "Missing", "Reason", "Action", "INCOMPLETE", "ELIGIBLE", "Cautions", "years", "Age")


@pytest.fixture
def turkish_ui(qapp):
    ui_language.use_language("tr")
    assert ui_language.current_language() == "tr", "the Turkish translation is not built (./run i18n)"
    yield
    ui_language.use_language(ui_language.SOURCE_LANGUAGE)


def _visible_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()]


def _plain(rich: str) -> str:
    return re.sub(r"<[^>]+>", "", rich)


def test_missing_fields_show_their_turkish_questionnaire_labels(turkish_ui, sqlite_ctx, page_for, patient_with,
                                                                 assessments, urologist):
    questionnaire = HistoryService(sqlite_ctx).questionnaire()
    pid = patient_with("incomplete")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    links = {link.objectName().removeprefix("missing_"): _plain(link.text()) for link in page.missing.links}
    assert {"y_microdeletion", "scrotal_ultrasound_done"} <= set(links)
    for field in ("y_microdeletion", "scrotal_ultrasound_done"):
        section = questionnaire.section_for(field)
        assert links[field].startswith(section.question(field).label["tr"]), links[field]
        assert f"({section.title['tr']})" in links[field]
    for text in links.values():
        assert "gerektiren kural" in text and not IDENTIFIER.search(text), text
    assert page.missing_heading.text() == "Eksik bilgiler"
    assert page.banner.text().startswith("EKSİK BİLGİ") and "alan eksik" in page.banner.text()
    assert page.earlier.item(0, 1).text() == "eksik bilgi"


def test_rule_texts_verdict_and_derived_values_are_turkish(turkish_ui, page_for, patient_with, assessments,
                                                          urologist):
    pid = patient_with("eligible_with_caution")
    shown = assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    assert page.banner.text().startswith("UYGUN") and "2 uyarı" in page.banner.text()
    assert page.fired.group_titles == ["Uyarılar (hastayla konuşun; engel değildir)"]
    rule = next(f for f in shown.fired if f.rule == "GEN-AZFC")
    texts = _visible_texts(page.fired.findChild(QFrame, "rule_GEN-AZFC"))
    assert {"Gerekçe", "Yapılacak", "Kaynak"} <= set(texts)
    assert rule.reason_in("tr") in texts and rule.action_in("tr") in texts
    assert rule.reason_in("tr") != rule.reason_in("en") and rule.reason_in("en") not in texts
    assert page.derived.values["Yaş"].endswith("yaş") and "Age" not in page.derived.values
    for text in _visible_texts(page):
        assert not any(word in text.split() for word in ENGLISH), text


def test_with_the_english_ui_missing_fields_have_english_labels_not_identifiers(sqlite_ctx, page_for, patient_with,
                                                                                 assessments, urologist):
    questionnaire = HistoryService(sqlite_ctx).questionnaire()
    pid = patient_with("incomplete")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    link = next(link for link in page.missing.links if link.objectName() == "missing_y_microdeletion")
    text = _plain(link.text())
    assert text.startswith(questionnaire.section_for("y_microdeletion").question("y_microdeletion").label["en"])
    assert "y_microdeletion" not in text and "needed by" in text
