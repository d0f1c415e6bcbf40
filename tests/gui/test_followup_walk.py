"""A follow-up visit walked through the Follow-up stage (pytest-qt) as the nurse and the urologist:
the visits with their windows and statuses, the day-1 call marked missed with the reason, the month-3
visit recorded and its record typed into the generated screens (units, a hidden field appearing, a
value refused with the reason, autosave), the outcomes only the urologist enters, and the reminder
letter for the next visit."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from exoconsult.gui.followup import followup_page
from exoconsult.gui.followup.followup_page import FollowupPage
from exoconsult.services.followup.followup import FollowupService
from tests.followup_support import treated_patient
from tests.gui.keyboard import type_text

SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def choose(widget, stored) -> None:
    """Pick an option in a choice or unit combo as a user does (the combo reports `activated`)."""
    combo = getattr(widget, "combo", None) or widget.unit_combo
    index = combo.findData(stored)
    assert index >= 0, stored
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _page(qtbot, services, session, runner, patient):
    page = FollowupPage(services, session, runner, patient)
    runner.changes_made.connect(page.on_changes)  # as the workspace does for its pages
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    return page


def statuses(page) -> list[str]:
    return [page.table.item(r, 3).text() for r in range(page.table.rowCount())]


def test_a_follow_up_visit_through_the_stage(qtbot, services, runner, session_as, sqlite_ctx, staff, clock, tmp_path,
                                             monkeypatch, messages):
    t = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    clock.advance(days=92)
    nurse = session_as(t.nurse)
    patient = services.patients.open(t.nurse, t.patient_id)
    page = _page(qtbot, services, nurse, runner, patient)
    assert statuses(page) == ["OVERDUE", "OVERDUE", "due now", "upcoming", "upcoming"]
    assert "Injection on" in page.banner.text()

    # The day-1 call: nobody answered.
    page.table.selectRow(0)
    messages.text_answer = "No answer to three calls"
    qtbot.mouseClick(page.missed_button, Qt.MouseButton.LeftButton)
    assert statuses(page)[0] == "missed" and "No answer to three calls" in page.table.item(0, 4).text()

    # The month-3 visit took place ten days into its window.
    page.table.selectRow(2)
    fu = FollowupService(sqlite_ctx).for_patient(t.nurse, t.patient_id)[0]
    visit_day = fu.visit("month3").first + timedelta(days=10)

    def type_the_date(dialog) -> int:
        dialog.date.edit.clear()
        type_text(dialog.date.edit, visit_day.strftime("%d.%m.%Y"))
        dialog._on_ok()
        return dialog.result()

    monkeypatch.setattr(followup_page, "exec_dialog", type_the_date)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert statuses(page)[2] == "done" and page.table.item(2, 4).text() == f"{visit_day:%d.%m.%Y}"  # dd.mm.yyyy on screen
    editor = page.editor
    assert [editor.tabs.tabText(i) for i in range(editor.tabs.count())] == [  # the clinic works in Turkish
        "Meni analizi", "Hormonlar", "Muayene ve testis hacimleri", "Skrotal ultrason",
        "Son görüşmeden bu yana komplikasyonlar", "Son kontrolden bu yana sonuç olayları"]

    semen = editor.forms["semen_analysis"]
    qtbot.mouseClick(semen.widget_for("centrifuged_pellet_examined").yes_button, Qt.MouseButton.LeftButton)
    assert not semen.is_shown("concentration_million_per_ml")
    choose(semen.widget_for("sperm_seen"), "present")
    assert semen.is_shown("concentration_million_per_ml")
    type_text(semen.widget_for("concentration_million_per_ml").edit, "0,4")
    type_text(semen.widget_for("ph").edit, "12")
    editor.tabs.setCurrentIndex(1)
    hormones = editor.forms["hormones"]
    type_text(hormones.widget_for("fsh").edit, "24,5")
    choose(hormones.widget_for("fsh"), "mIU/mL")
    type_text(hormones.widget_for("total_testosterone").edit, "600")
    choose(hormones.widget_for("total_testosterone"), "ng/dL")
    outcomes = editor.forms["outcomes"]
    assert not outcomes.widget_for("retrieval_done").isEnabled()  # the urologist's section
    editor.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: editor.status_text().startswith("Saved"), timeout=3000)  # the autosave fires
    shot(page, "followup-stage-nurse.png")
    assert semen.message("ph") == "12 is outside the allowed range 5–9,5. Not saved."  # the history's words
    stored = FollowupService(sqlite_ctx).for_patient(t.nurse, t.patient_id)[0].visit("month3").answers
    assert stored["sperm_seen"] == "present" and stored["concentration_million_per_ml"] == 0.4
    assert stored["fsh"] == {"value": 24.5, "unit": "mIU/mL"}
    assert stored["total_testosterone"] == {"value": 600, "unit": "ng/dL"} and "ph" not in stored

    # The urologist records that a micro-TESE elsewhere found no sperm.
    urologist = session_as(t.urologist)
    upage = _page(qtbot, services, urologist, runner, patient)
    upage.table.selectRow(2)
    upage.editor.tabs.setCurrentIndex(5)
    outcomes = upage.editor.forms["outcomes"]
    assert outcomes.widget_for("retrieval_done").isEnabled()
    qtbot.mouseClick(outcomes.widget_for("retrieval_done").yes_button, Qt.MouseButton.LeftButton)
    assert outcomes.is_shown("retrieval_technique")
    choose(outcomes.widget_for("retrieval_technique"), "micro_tese")
    qtbot.mouseClick(outcomes.widget_for("retrieval_sperm_found").no_button, Qt.MouseButton.LeftButton)
    type_text(outcomes.widget_for("retrieval_date").edit, visit_day.strftime("%d.%m.%Y"))
    shot(upage, "followup-stage-outcomes.png")
    upage.editor.flush()
    assert upage.editor.status_text() == "Saved."
    [registry] = FollowupService(sqlite_ctx).registry(t.urologist)
    assert [(e.kind, e.on) for e in registry.events] == [("sperm_in_ejaculate", visit_day),
                                                         ("sperm_retrieval", visit_day)]

    # A reminder letter for the next visit (month 6), in his language.
    opened = []
    monkeypatch.setattr(followup_page.PrintablePdfDialog, "open", lambda self: opened.append(self))
    upage.table.selectRow(3)
    qtbot.mouseClick(upage.letter_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].data.startswith(b"%PDF") and opened[0].objectName() == "reminderLetterDialog"
    assert QDialog.DialogCode.Accepted  # the dialog is the one the nurse prints from


def test_today_lists_follow_up_due_this_week_and_overdue(qtbot, services, runner, session_as, sqlite_ctx, staff,
                                                         clock, tmp_path, monkeypatch):
    from exoconsult.gui.followup import today_panel
    from exoconsult.gui.today.today_view import TodayView

    t = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    clock.advance(days=5)  # the day-1 call is overdue, the day-7 visit's window is open
    nurse = session_as(t.nurse)
    view = TodayView(services, nurse, runner)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    view.refresh()
    panel = view.followup
    assert panel.isVisible() and "1 due this week, 1 overdue, 0 missed" in panel.title.text()
    rows = [[panel.table.item(r, c).text() for c in (0, 6)] for r in range(panel.table.rowCount())]
    assert rows == [["due this week", "due now"], ["overdue", "OVERDUE"]]
    shot(view, "today-followup.png")
    opened_patients = []
    view.open_patient_requested.connect(opened_patients.append)
    where = panel.table.visualItemRect(panel.table.item(1, 3)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # Qt's double click: press first
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened_patients == [t.patient_id]
    letters = []
    monkeypatch.setattr(today_panel.PrintablePdfDialog, "open", lambda self: letters.append(self.data))
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.letter_button, Qt.MouseButton.LeftButton)
    assert letters and letters[0].startswith(b"%PDF")
