"""Screens in smaller windows than the developer's: every button keeps room for its whole label, and
nothing runs past the window's edge (the Turkish audit filters at 800 px, the patient window's "Next" in a
small window)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QScrollArea, QWidget

from exoconsult.gui import ui_language
from tests.gui import test_explanation_console as console_tests
from tests.gui.test_explanation_console import eligible_patient
from tests.gui.test_turkish_screens import window  # noqa: F401 - the main window fixture

console_for = console_tests.console_for  # the console fixture

pytestmark = pytest.mark.gui


def cut_off(widget: QWidget, root: QWidget) -> str | None:
    """Why `widget` is not fully shown inside `root`, or None: narrower than its label needs, or past the edge."""
    name = widget.objectName() or widget.__class__.__name__
    if widget.width() < widget.sizeHint().width():
        return f"{name} {widget.width()} < {widget.sizeHint().width()}"
    holder = widget.parentWidget()
    while holder is not None:  # each widget it lies in clips it, not only the window
        right = widget.mapTo(holder, widget.rect().topRight()).x()
        if right >= holder.width():
            return f"{name} ends at {right} of {holder.objectName() or holder.__class__.__name__}'s {holder.width()}"
        holder = None if holder is root else holder.parentWidget()
    return None


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_audit_log_filters_fit_an_800_pixel_window(qtbot, window, admin, gui_settings, language):  # noqa: F811
    ui_language.set_user_choice(gui_settings, admin.user_id, language)  # applied at sign-in
    window.session.sign_in(admin)
    assert ui_language.current_language() == language
    window.home.show_section("audit")
    page = window.home.sections["audit"]
    window.resize(800, 700)
    qtbot.wait(20)
    filters = [w for kind in (QAbstractButton, QComboBox, QDateEdit, QLineEdit) for w in page.findChildren(kind)
               if w.isVisibleTo(page) and not w.objectName().startswith("qt_") and w.mapTo(page, w.rect().topLeft()).y() < page.table.y()]
    assert page.export_button in filters and page.apply_button in filters
    assert [why for w in filters if (why := cut_off(w, page))] == []


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_patient_windows_page_buttons_fit_a_small_window(console_for, services, staff, clock, qtbot, language):
    patient = eligible_patient(services, staff, clock, preferred=language)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    presentation = console.open_presentation()
    qtbot.addWidget(presentation)
    presentation.resize(560, 600)
    qtbot.wait(20)
    for _ in range(len(console.controller.presentation.sections)):  # the last one says "to the check"
        buttons = (presentation.previous_button, presentation.position, presentation.next_button)
        assert [why for w in buttons if (why := cut_off(w, presentation))] == []
        presentation.go_next()
        qtbot.wait(5)


@pytest.mark.parametrize("language", ["en", "tr"])
def test_every_gate_reason_is_shown_whole_in_the_consoles_place_in_a_1400_by_900_window(
        console_for, services, staff, clock, qtbot, language):
    ui_language.use_language(language)
    patient = eligible_patient(services, staff, clock, preferred="tr")  # the clinic's usual patient
    console = console_for(staff["urologist"], patient)
    stage = QScrollArea()  # as the workspace holds a stage: beside the patient list, under the header
    stage.setWidgetResizable(True)
    stage.setWidget(console)
    stage.resize(880, 720)
    stage.show()
    console.start_button.click()
    for row in console.sections.rows[:5]:  # some gates blocked, with their longest reasons
        row.discussed.click()
    qtbot.wait(20)
    reasons = [row.reason for row in console.gates.rows.values()]
    assert any(len(r.text()) > 80 for r in reasons)
    squeezed = [f"{r.objectName()}: {r.height()} < {r.heightForWidth(r.width())}" for r in reasons
                if r.height() < r.heightForWidth(r.width())]
    stage.takeWidget().setParent(None)  # the console fixture closes it
    assert squeezed == []
