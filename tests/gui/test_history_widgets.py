"""Each question type's widget: value(), set_value(), changed, problem(), plain text, keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from exoconsult.domain.questionnaire import Option, Question, QuestionType
from exoconsult.gui import ui_language
from exoconsult.gui.history.number_text import parse_decimal
from exoconsult.gui.history.quantity_widget import QuantityWidget
from exoconsult.gui.history.question_widgets import (
    DateWidget,
    DecimalWidget,
    InfoWidget,
    IntegerWidget,
    MultiChoiceWidget,
    SingleChoiceWidget,
    TextWidget,
    YesNoWidget,
)
from exoconsult.gui.history.widget_factory import make_question_widget

pytestmark = pytest.mark.gui


def _type(widget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _q(qtype: QuestionType, **kw) -> Question:
    label = kw.pop("label", {"en": "Label", "tr": "Etiket"})
    return Question(id=kw.pop("id", "x"), type=qtype, label=label, **kw)


def test_yes_no_by_keyboard_and_api(qtbot):
    ui_language.use_language("tr")  # the Turkish interface (reset after each test)
    w = YesNoWidget("tr")
    qtbot.addWidget(w)
    assert (w.yes_button.text(), w.no_button.text()) == ("Evet", "Hayır")
    assert w.value() is None
    with qtbot.waitSignal(w.changed, timeout=500):
        qtbot.mouseClick(w.no_button, Qt.MouseButton.LeftButton)
    assert w.value() is False
    w.set_value(True)
    assert w.value() is True
    w.set_value(None)
    assert w.value() is None
    # First letters answer directly, in either language: H(ayır)/N(o), E(vet)/Y(es)
    QTest.keyClick(w.yes_button, Qt.Key.Key_H)
    assert w.value() is False
    QTest.keyClick(w.no_button, Qt.Key.Key_Y)
    assert w.value() is True


def test_single_choice_empty_first_entry_and_keyboard(qtbot):
    w = SingleChoiceWidget("en", [("primary", "Primary"), ("secondary", "Secondary")])
    qtbot.addWidget(w)
    assert w.value() is None
    with qtbot.waitSignal(w.changed, timeout=500):
        QTest.keyClick(w.combo, Qt.Key.Key_Down)
    assert w.value() == "primary"
    w.set_value("secondary")
    assert w.value() == "secondary"
    w.set_value("no-such-option")
    assert w.value() is None


def test_multi_choice_keeps_questionnaire_order(qtbot):
    w = MultiChoiceWidget("en", [("a", "A"), ("b", "B"), ("c", "C")])
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.changed, timeout=500):
        w.boxes["c"].click()
    w.boxes["a"].click()
    assert w.value() == ["a", "c"]
    w.set_value(["b"])
    assert w.value() == ["b"]
    w.set_value(None)
    assert w.value() is None


def test_integer_refuses_decimals_with_a_message(qtbot):
    w = IntegerWidget("en", "months")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.changed, timeout=500):
        _type(w.edit, "24")
    assert w.value() == 24 and w.problem() is None
    _type(w.edit, ",5")
    assert w.value() is None
    assert "whole number" in w.problem()
    assert w.suffix_label.text() == "months"


@pytest.mark.parametrize("text, expected", [("12,5", 12.5), ("12.5", 12.5), ("0.125", 0.125), ("7", 7.0),
                                            ("", None)])
def test_decimal_accepts_comma_and_point(qtbot, text, expected):
    w = DecimalWidget("en")
    qtbot.addWidget(w)
    _type(w.edit, text)
    assert w.value() == expected
    assert w.problem() is None


@pytest.mark.parametrize("text", ["1.234,5", "12.5.3", "1,234.5", "1.234", "١٢", "12a", "12 5", "1 234"])
def test_decimal_refuses_grouped_or_malformed_input(qtbot, text):
    ui_language.use_language("tr")
    w = DecimalWidget("tr")
    qtbot.addWidget(w)
    _type(w.edit, text)
    assert w.value() is None
    assert w.problem()  # a message, in Turkish here
    assert w.draft_text() == {"text": text}


def test_decimal_shows_decimal_comma_in_turkish(qtbot):
    w = DecimalWidget("tr")
    qtbot.addWidget(w)
    w.set_value(12.5)
    assert w.edit.text() == "12,5"
    assert parse_decimal(w.edit.text()) == 12.5


def test_quantity_shows_canonical_value_beside_the_entered_one(qtbot):
    q = _q(QuestionType.QUANTITY, id="total_testosterone", units=("nmol/L", "ng/dL", "ng/mL"))
    w = make_question_widget(q, "en", "hormone_panels")
    qtbot.addWidget(w)
    assert isinstance(w, QuantityWidget)
    assert w.unit() is None  # testosterone: the unit must be chosen, never assumed
    _type(w.edit, "350")
    assert w.value() is None and "unit" in w.problem()
    w.unit_combo.setCurrentIndex(w.unit_combo.findData("ng/dL"))
    w.unit_combo.activated.emit(w.unit_combo.currentIndex())
    assert w.value() == {"value": 350.0, "unit": "ng/dL"}
    assert w.canonical_label.text() == "= 12.15 nmol/L"
    w.set_value({"value": 14.2, "unit": "nmol/L"})
    assert w.canonical_label.text() == ""  # already canonical: nothing to add
    w.set_value(3.5)  # a bare number is in the canonical unit
    assert w.value() == {"value": 3.5, "unit": "nmol/L"}


def test_quantity_with_equivalent_units_preselects_the_canonical_one(qtbot):
    q = _q(QuestionType.QUANTITY, id="fsh", units=("IU/L", "mIU/mL"))
    w = make_question_widget(q, "en", "hormone_panels")
    qtbot.addWidget(w)
    _type(w.edit, "24,1")
    assert w.value() == {"value": 24.1, "unit": "IU/L"}


def test_date_is_typed_and_shown_as_dd_mm_yyyy(qtbot):
    w = DateWidget("en")
    qtbot.addWidget(w)
    assert w.edit.placeholderText() == "dd.mm.yyyy"
    _type(w.edit, "03.02.2026")
    assert w.value() == "2026-02-03"  # ISO, as the case format stores it
    w.set_value("2025-12-24")
    assert w.edit.text() == "24.12.2025"
    w.edit.setText("31.02.2026")
    assert w.value() is None and "31.02.2026" in w.problem()
    w.edit.setText("02/03/26")
    assert w.problem()


def test_text_is_plain_and_trimmed(qtbot):
    w = TextWidget("en", 20)
    qtbot.addWidget(w)
    _type(w.edit, "  <b>Ş</b> ")
    assert w.value() == "<b>Ş</b>"
    w.set_value(None)
    assert w.value() is None


def test_info_is_read_only_plain_text(qtbot):
    payload = "<b>not bold</b><img src='file:///etc/passwd'>"
    w = make_question_widget(_q(QuestionType.INFO, label={"en": payload, "tr": payload}), "en")
    qtbot.addWidget(w)
    assert isinstance(w, InfoWidget)
    assert w.value() is None
    assert w.label.text() == payload
    assert w.label.textFormat() == Qt.TextFormat.PlainText
    assert w.focusPolicy() == Qt.FocusPolicy.NoFocus


@pytest.mark.parametrize("qtype", list(QuestionType))
def test_factory_covers_every_question_type_and_labels_are_plain(qtbot, qtype):
    options = (Option("a", {"en": "<i>A</i>", "tr": "A"}),)
    q = _q(qtype, options=options, units=("mL",) if qtype in (QuestionType.DECIMAL, QuestionType.QUANTITY) else ())
    w = make_question_widget(q, "en")
    qtbot.addWidget(w)
    assert w.value() is None
    for label in w.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
