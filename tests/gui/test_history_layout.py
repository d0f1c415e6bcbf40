"""History entry as a clinician meets it: a message appearing under a field never moves the fields
below it (a click aimed at the next field lands on it), a refused value is marked in the entries
table instead of looking saved, and the unit box says what to do instead of looking cut off."""

from __future__ import annotations

import pytest
from history_support import DialogAnswers, make_page, make_patient
from PySide6.QtCore import QPoint, Qt

from exoconsult.gui import ui_language
from exoconsult.gui.history import history_dialogs
from exoconsult.services.history.history import HistoryService

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, sqlite_ctx, session_as, runner, urologist, monkeypatch):
    answers = DialogAnswers()
    monkeypatch.setattr(history_dialogs, "run_dialog", answers)
    patient_id = make_patient(sqlite_ctx, urologist)
    p = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    p.resize(1280, 720)
    p.show()
    p.patient_id_for_test = patient_id
    return p


def top_of(widget, ancestor) -> int:
    return widget.mapTo(ancestor, QPoint(0, 0)).y()


def test_a_message_does_not_move_the_next_field(qtbot, page):
    page.show_section("examination_imaging")
    form = page.page_for("examination_imaging").form
    right, left = form.widget_for("testis_right_volume_ml"), form.widget_for("testis_left_volume_ml")
    qtbot.wait(10)
    before = top_of(left, form)
    right.edit.setText("1.234,5")
    right.changed.emit()
    qtbot.wait(10)
    assert "one decimal separator" in form.message("testis_right_volume_ml")
    assert top_of(left, form) == before, "the message pushed the next field down"
    right.edit.setText("12")
    right.changed.emit()
    qtbot.wait(10)
    assert form.message("testis_right_volume_ml") == "" and top_of(left, form) == before


def test_a_long_turkish_message_at_1280x720_moves_no_field_and_is_read_in_full(qtbot, sqlite_ctx, session_as,
                                                                                runner, urologist, monkeypatch):
    monkeypatch.setattr(history_dialogs, "run_dialog", DialogAnswers())
    patient_id = make_patient(sqlite_ctx, urologist, mrn="M-0003")
    ui_language.use_language("tr")
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id, lang=None)
    page.resize(860, 560)  # the workspace of a 1280 x 720 window
    page.show()
    page.show_section("semen_analyses")
    editor = page.page_for("semen_analyses").group_editor
    editor.add_button.click()
    form = editor.form
    date, volume = form.widget_for("date"), form.widget_for("volume_ml")
    qtbot.wait(10)
    before = top_of(volume, form)
    qtbot.mouseClick(date.edit, Qt.MouseButton.LeftButton)
    date.edit.setText("99999")
    date.changed.emit()
    qtbot.wait(10)
    message = form.message("date")
    assert "gg.aa.yyyy" in message  # the Turkish message, which used to wrap onto a second line
    assert top_of(volume, form) == before, "the message pushed the next field down"
    line = form.rows["date"].message_label
    assert line.isVisible() and line.toolTip() == message and line.accessibleDescription() == message
    assert line.text().startswith("⚠")  # an error is marked by a sign as well as by its colour
    target = volume.edit.mapTo(page, volume.edit.rect().center())
    assert page.childAt(target) is volume.edit  # the click aimed at the next field lands on it
    date.edit.setText("10.01.2026")
    date.changed.emit()
    qtbot.wait(10)
    assert form.message("date") == "" and top_of(volume, form) == before


def test_a_refused_value_is_marked_in_the_table_not_shown_as_saved(qtbot, page, sqlite_ctx, urologist):
    page.show_section("semen_analyses")
    editor = page.page_for("semen_analyses").group_editor
    editor.add_button.click()
    editor.form.widget_for("date").edit.setText("10.01.2026")
    editor.form.widget_for("date").changed.emit()
    volume = editor.form.widget_for("volume_ml")
    volume.edit.setText("40")
    volume.changed.emit()
    page.flush()
    model = editor.model
    column = next(c for c in range(model.columnCount()) if "Volume" in model.headerData(c, Qt.Orientation.Horizontal))
    cell = model.index(0, column)
    assert model.data(cell) == "⚠ 40"
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("not saved") and "outside the allowed range" in tip  # the tooltip says why
    rows = HistoryService(sqlite_ctx).get(urologist, page.patient_id_for_test).groups["semen_analyses"]
    assert "volume_ml" not in rows[0].values
    volume.edit.setText("3.5")
    volume.changed.emit()
    page.flush()
    assert model.data(cell) == "3.5" and model.data(cell, Qt.ItemDataRole.ToolTipRole) is None


def test_the_unit_box_shows_whole_words(qtbot, sqlite_ctx, session_as, runner, urologist):
    patient_id = make_patient(sqlite_ctx, urologist, mrn="M-0002")
    ui_language.use_language("tr")  # the Turkish interface: the page's words and the questionnaire's labels
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id, lang=None)
    page.show()
    page.show_section("hormone_panels")
    editor = page.page_for("hormone_panels").group_editor
    editor.add_button.click()
    combo = editor.form.widget_for("total_testosterone").unit_combo
    assert combo.currentText() == "(birim seçin)"
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() >= widest


def test_every_column_of_an_analysis_is_in_view(qtbot, page):
    page.resize(860, 560)  # the workspace of a 1280 x 720 window
    page.show_section("semen_analyses")
    editor = page.page_for("semen_analyses").group_editor
    editor.add_button.click()
    qtbot.wait(10)
    header = editor.table.horizontalHeader()
    assert header.length() <= editor.table.viewport().width(), "columns hidden behind a scroll bar"
    assert not editor.table.horizontalScrollBar().isVisible()
