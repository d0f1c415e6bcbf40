"""The history stage over the real HistoryService (SQLite, ImmediateRunner): keyboard filling,
show_if, completion counts, read-only sections, plausibility prompts, hard-range refusals, rows."""

from __future__ import annotations

import pytest
from history_support import DialogAnswers, focused, key, make_page, make_patient, show_active, type_here
from PySide6.QtCore import Qt

from exoconsult.gui import ui_language
from exoconsult.gui.history import history_dialogs
from exoconsult.gui.history.quantity_widget import QuantityWidget
from exoconsult.gui.history.question_widgets import SingleChoiceWidget, YesNoWidget
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import ABSENT

pytestmark = pytest.mark.gui


@pytest.fixture
def answers(monkeypatch) -> DialogAnswers:
    log = DialogAnswers()
    monkeypatch.setattr(history_dialogs, "run_dialog", log)
    return log


@pytest.fixture
def patient_id(sqlite_ctx, nurse) -> int:
    return make_patient(sqlite_ctx, nurse)


@pytest.fixture
def uro_page(qtbot, sqlite_ctx, session_as, runner, urologist, patient_id):
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    show_active(qtbot, page)
    return page


def stored(ctx, actor, patient_id):
    return HistoryService(ctx).get(actor, patient_id)


def autosave(page) -> None:
    """The debounce timer's job, run now (the timer itself is covered by test_autosave_debounce)."""
    page.flush()


# -- keyboard ------------------------------------------------------------------------------------------

def _answer_focused(value) -> None:
    """Answer whatever question has focus, by keyboard only."""
    owner = focused().parentWidget()
    if isinstance(owner, YesNoWidget):
        if value:
            key(Qt.Key.Key_Space)  # Space ticks the focused "Yes"
        else:
            key(Qt.Key.Key_Right)  # move to "No" ...
            key(Qt.Key.Key_Space)  # ... and tick it
    elif isinstance(owner, SingleChoiceWidget):
        key(Qt.Key.Key_Down, value)  # value = position of the option
    else:
        type_here(str(value))


def _fill_section(page, section_id: str, values: list) -> None:
    page.view.navigator.setFocus()
    page.show_section(section_id)
    key(Qt.Key.Key_Tab)  # from the section list into the first question
    for value in values:
        if value is not None:
            _answer_focused(value)
        key(Qt.Key.Key_Tab)


def test_fill_a_full_history_by_keyboard(qtbot, uro_page, sqlite_ctx, urologist, patient_id):
    page = uro_page
    # Given the urologist on an empty history; When every section is filled with keys only
    _fill_section(page, "infertility_partner", ["30", 1, "32", True])
    _fill_section(page, "risk_factors", [1, False, False, False, False, False, 1])
    _fill_section(page, "medicines", [1])  # none: the "can it be paused" question stays hidden
    _fill_section(page, "examination_imaging", [2, "12,5", "11.5", "4,1", None, 1, 1, False])
    _fill_section(page, "genetics", [1, 1, 1])
    _fill_section(page, "contraindications", [False, False, False, False, False])
    # Repeatable groups: Enter adds an entry, the date field takes focus, Enter again adds the next.
    page.show_section("semen_analyses")
    editor = page.page_for("semen_analyses").group_editor
    editor.table.setFocus()
    key(Qt.Key.Key_Return)
    type_here("03.02.2026")
    for value in ["2,5", "7.4", "3", False, 1]:
        key(Qt.Key.Key_Tab)
        _answer_focused(value)
    page.show_section("hormone_panels")
    hormones = page.page_for("hormone_panels").group_editor
    hormones.table.setFocus()
    key(Qt.Key.Key_Return)
    type_here("10.01.2026")
    key(Qt.Key.Key_Tab)
    type_here("24,1")
    key(Qt.Key.Key_Return)  # Enter in the entry form adds the next panel
    type_here("05.03.2026")
    key(Qt.Key.Key_Tab)
    type_here("26")
    key(Qt.Key.Key_Tab, 4)  # FSH unit, LH value, LH unit -> testosterone value
    type_here("12,4")
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Down)  # testosterone unit: nmol/L (must be chosen; no default)
    autosave(page)

    # Then everything is stored, and the sections count as complete
    dto = stored(sqlite_ctx, urologist, patient_id)
    assert dto.value("infertility_duration_months") == 30
    assert dto.value("infertility_type") == "primary"
    assert dto.value("partner_age_years") == 32
    assert dto.value("partner_evaluated") is True
    assert dto.value("testis_volume_method") == "ultrasound"
    assert dto.value("testis_right_volume_ml") == 12.5
    assert dto.value("testis_left_volume_ml") == 11.5
    assert dto.value("testis_right_long_axis_cm") == 4.1
    assert dto.value("ultrasound_testicular_mass") is ABSENT  # hidden: no ultrasound done
    assert dto.value("karyotype") == "46,XY"
    assert dto.value("active_malignancy") is False
    (semen,) = dto.groups["semen_analyses"]
    assert semen.values["date"].entered == "2026-02-03"
    assert semen.values["volume_ml"].entered == 2.5
    assert semen.values["sperm_seen"].entered == "none"
    panels = dto.groups["hormone_panels"]
    assert [r.values["date"].entered for r in panels] == ["2026-01-10", "2026-03-05"]
    assert panels[0].values["fsh"].entered == {"value": 24.1, "unit": "IU/L"}
    assert panels[1].values["total_testosterone"].entered == {"value": 12.4, "unit": "nmol/L"}
    nav = page.view.navigator
    for section_id in ("infertility_partner", "risk_factors", "medicines", "examination_imaging", "genetics",
                       "contraindications", "semen_analyses", "hormone_panels"):
        index = page.section_index(section_id)
        answered, total = dto.completion[section_id]
        assert nav.completion_text(index) == f"{answered}/{total}"
        assert answered == total > 0, section_id


def test_tab_order_follows_the_questions(uro_page):
    page = uro_page
    page.view.navigator.setFocus()
    page.show_section("infertility_partner")
    form = page.page_for("infertility_partner").form
    seen = []
    for _ in range(4):
        key(Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen[0] is form.widget_for("infertility_duration_months").edit
    assert seen[1] is form.widget_for("infertility_type").combo
    assert seen[2] is form.widget_for("partner_age_years").edit
    assert seen[3] is form.widget_for("partner_evaluated").yes_button


# -- visibility and completion -------------------------------------------------------------------------

def test_show_if_is_live_and_hidden_questions_are_not_counted(uro_page):
    page = uro_page
    form = page.page_for("medicines").form
    nav = page.view.navigator
    index = page.section_index("medicines")
    # "ne none" holds while unanswered (the service's rule too): asked until "none" is chosen
    assert form.is_shown("antithrombotic_can_pause")
    assert nav.completion_text(index) == "0/2"
    antithrombotic = form.widget_for("antithrombotic")
    antithrombotic.set_value("none")
    antithrombotic.changed.emit()
    assert not form.is_shown("antithrombotic_can_pause")
    assert nav.completion_text(index) == "1/1"
    antithrombotic.set_value("aspirin")
    antithrombotic.changed.emit()
    assert form.is_shown("antithrombotic_can_pause")
    assert nav.completion_text(index) == "1/2"


def test_autosave_debounce_saves_off_the_gui_thread_after_typing_stops(qtbot, uro_page, sqlite_ctx, urologist,
                                                                      patient_id, runner):
    page = uro_page
    widget = page.question("infertility_duration_months")
    widget.edit.setFocus()
    type_here("18")
    assert page.autosave_timer.isActive() and page.autosave_timer.interval() == 800
    assert stored(sqlite_ctx, urologist, patient_id).value("infertility_duration_months") is ABSENT  # not yet
    qtbot.waitUntil(lambda: not page.autosave_timer.isActive(), timeout=2000)
    assert "history autosave" in runner.labels
    assert stored(sqlite_ctx, urologist, patient_id).value("infertility_duration_months") == 18
    assert page.status_text().startswith("Saved ")


# -- roles -------------------------------------------------------------------------------------------

def test_nurse_sees_urologist_sections_read_only_and_marked(qtbot, sqlite_ctx, session_as, runner, nurse, patient_id):
    page = make_page(qtbot, sqlite_ctx, session_as(nurse), runner, patient_id)
    nav = page.view.navigator
    genetics = page.section_index("genetics")
    assert nav.is_marked_read_only(genetics)
    assert "read-only" in nav.item(genetics).text()
    assert not nav.is_marked_read_only(page.section_index("infertility_partner"))
    karyotype = page.page_for("genetics").form.widget_for("karyotype")
    assert not karyotype.isEnabled()
    assert not page.page_for("genetics").read_only_label.isHidden()
    assert page.page_for("infertility_partner").read_only_label.isHidden()
    retrieval = page.page_for("sperm_retrieval_attempts").group_editor
    assert not retrieval.add_button.isEnabled()
    assert not page.view.import_button.isVisibleTo(page)  # importing is a urologist's job


# -- plausibility and hard range ----------------------------------------------------------------------

def _new_hormone_panel(page):
    page.show_section("hormone_panels")
    editor = page.page_for("hormone_panels").group_editor
    editor.add_button.click()
    form = editor.form
    form.widget_for("date").edit.setText("10.01.2026")
    form.widget_for("date").changed.emit()
    return editor


def _enter_quantity(widget: QuantityWidget, text: str, unit: str) -> None:
    widget.edit.setText(text)
    widget.unit_combo.setCurrentIndex(widget.unit_combo.findData(unit))
    widget.changed.emit()


def test_testosterone_in_the_wrong_unit_asks_did_you_mean_and_switches_unit(uro_page, answers, sqlite_ctx,
                                                                            urologist, patient_id):
    page = uro_page
    editor = _new_hormone_panel(page)
    answers.clicks = ["useUnit_ng/dL"]
    _enter_quantity(editor.form.widget_for("total_testosterone"), "350", "nmol/L")
    autosave(page)
    # 350 nmol/L is beyond the hard range (0-100): refused, nothing to keep, but the likely unit is offered
    (dialog,) = answers.seen
    assert not dialog.keep_button.isVisibleTo(dialog)
    assert "Total testosterone 350 nmol/L is outside the allowed range (0–100 nmol/L)" in answers.texts[0]
    assert "did you mean ng/dL" in answers.texts[0]
    (panel,) = stored(sqlite_ctx, urologist, patient_id).groups["hormone_panels"]
    assert panel.values["total_testosterone"].entered == {"value": 350, "unit": "ng/dL"}
    assert editor.form.widget_for("total_testosterone").canonical_label.text() == "= 12.15 nmol/L"


def test_implausible_value_kept_only_after_confirmation(uro_page, answers, sqlite_ctx, urologist, patient_id):
    page = uro_page
    editor = _new_hormone_panel(page)
    answers.clicks = ["correctValue"]
    _enter_quantity(editor.form.widget_for("total_testosterone"), "55", "nmol/L")
    autosave(page)
    (panel,) = stored(sqlite_ctx, urologist, patient_id).groups["hormone_panels"]
    assert "total_testosterone" not in panel.values  # not stored without a confirmation
    assert "not yet confirmed" in editor.form.message("total_testosterone")
    # When the user confirms on the next prompt
    answers.clicks = ["keepValue"]
    _enter_quantity(editor.form.widget_for("total_testosterone"), "55", "nmol/L")
    autosave(page)
    (panel,) = stored(sqlite_ctx, urologist, patient_id).groups["hormone_panels"]
    assert panel.values["total_testosterone"].entered == {"value": 55, "unit": "nmol/L"}
    assert editor.form.message("total_testosterone") == ""


def test_value_outside_hard_range_is_refused_with_the_range_next_to_the_field(uro_page, answers, sqlite_ctx,
                                                                              urologist, patient_id):
    page = uro_page
    widget = page.question("infertility_duration_months")
    widget.edit.setText("700")
    widget.changed.emit()
    autosave(page)
    form = page.page_for("infertility_partner").form
    assert form.message("infertility_duration_months") == "700 is outside the allowed range 0–600. Not saved."
    assert "infertility_duration_months" not in stored(sqlite_ctx, urologist, patient_id).fields
    assert answers.seen == []  # refused, not asked


def test_unreadable_decimal_is_never_sent(uro_page, sqlite_ctx, urologist, patient_id):
    page = uro_page
    page.show_section("examination_imaging")
    form = page.page_for("examination_imaging").form
    widget = form.widget_for("testis_right_volume_ml")
    widget.edit.setFocus()
    type_here("1.234,5")
    assert "one decimal separator" in form.message("testis_right_volume_ml")
    autosave(page)
    assert "testis_right_volume_ml" not in stored(sqlite_ctx, urologist, patient_id).fields


# -- rows ----------------------------------------------------------------------------------------------

def test_rows_sorted_by_date_and_removed_with_delete(uro_page, answers, sqlite_ctx, urologist, patient_id):
    page = uro_page
    page.show_section("semen_analyses")
    editor = page.page_for("semen_analyses").group_editor
    for when in ("05.03.2026", "03.01.2026"):
        editor.table.setFocus()
        key(Qt.Key.Key_Return)
        type_here(when)
        autosave(page)
    model = editor.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["03.01.2026", "05.03.2026"]
    # Delete removes the selected entry after a question
    editor.select_row(model.key_at(0))
    editor.table.setFocus()
    key(Qt.Key.Key_Delete)
    assert len(answers.seen) == 1
    rows = stored(sqlite_ctx, urologist, patient_id).groups["semen_analyses"]
    assert [r.values["date"].entered for r in rows] == ["2026-03-05"]
    assert model.rowCount() == 1


def test_turkish_labels_come_from_the_questionnaire(qtbot, sqlite_ctx, session_as, runner, urologist, patient_id):
    ui_language.use_language("tr")  # the Turkish interface: the page's words and the questionnaire's labels
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id, lang=None)
    form = page.page_for("infertility_partner").form
    section = page.questionnaire.section("infertility_partner")
    assert form.rows["infertility_type"].label.text() == section.question("infertility_type").label["tr"] + " *"
    assert page.view.navigator.item(0).text().startswith(section.title["tr"])
    assert page.view.export_button.text() == "Vakayı dışa aktar…"
    assert form.widget_for("partner_evaluated").yes_button.text() == "Evet"


def test_jump_to_field_opens_its_section_and_entry(uro_page, sqlite_ctx, urologist, patient_id):
    page = uro_page
    page.jump_to_field("karyotype")
    assert page.view.stack.currentWidget() is page.page_for("genetics")
    assert focused() is page.page_for("genetics").form.widget_for("karyotype").combo
    _new_hormone_panel(page)
    page.show_section("infertility_partner")
    page.jump_to_field("hormone_panels.fsh")
    editor = page.page_for("hormone_panels").group_editor
    assert page.view.stack.currentWidget() is page.page_for("hormone_panels")
    assert focused() is editor.form.widget_for("fsh").edit
    page.show_section("infertility_partner")
    page.jump_to_field("fsh")
    assert page.view.stack.currentWidget() is page.page_for("hormone_panels")
