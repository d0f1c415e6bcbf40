"""A complication call walked through the screens (pytest-qt): the nurse records it by keyboard — a
refused form stays open with the service's words and keeps what was typed — as a serious infection;
Today lists its reporting deadline; the nurse cannot issue the report, the urologist issues it in English
and sees it; the nurse records its sending to the three recipients and a follow-up; Today no longer
lists the deadline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from exoconsult.gui.adverse_events import page as page_module
from exoconsult.gui.adverse_events.page import AdverseEventsPage
from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.today.today import TodayService
from tests.adverse_event_support import treated_patient
from tests.gui.keyboard import type_text

SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def key(widget, k: Qt.Key, times: int = 1) -> None:
    widget.setFocus()
    for _ in range(times):
        QTest.keyClick(widget, k)


@pytest.fixture
def treated(sqlite_ctx, staff, clock, tmp_path):
    return treated_patient(sqlite_ctx, staff, clock, tmp_path)


def test_an_adverse_event_call_from_the_phone_to_the_sent_report(qtbot, services, runner, session_as, treated,
                                                                 monkeypatch, messages):
    nurse, urologist = session_as(treated.ready.nurse), session_as(treated.ready.urologist)
    patient = services.patients.open(treated.ready.nurse, treated.ready.patient_id)
    seen: list[str] = []
    day0 = TodayService(services.ctx).overview(treated.ready.nurse).today

    def call(dialog) -> int:
        """The nurse on the phone: every field by keyboard; OK first without a description."""
        seen.append(dialog.objectName())
        dialog.show()
        for day in (dialog.onset, dialog.assessment.known_on):  # the clinic's (test clock's) today
            day.setDate(QDate(day0.year, day0.month, day0.day))
        key(dialog.term, Qt.Key.Key_Down, 3)  # pain, haematoma, swelling, infection
        key(dialog.assessment.grade, Qt.Key.Key_Down, 2)  # grade 3
        key(dialog.assessment.serious["hospitalisation"], Qt.Key.Key_Space)
        key(dialog.assessment.relatedness, Qt.Key.Key_Down, 2)  # possible
        type_text(dialog.assessment.action, "Yatırıldı; IV antibiyotik")
        shot(dialog, "ae-dialog.png")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "description is required" in dialog.message.text()
        assert dialog.assessment.action.text() == "Yatırıldı; IV antibiyotik"  # nothing typed is lost
        type_text(dialog.description, "2. gün 38,6 °C ateş, sol hemiskrotumda kızarıklık ve hassasiyet.")
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted.value, dialog.message.text()
        return dialog.result()

    monkeypatch.setattr(page_module, "exec_dialog", call)
    page = AdverseEventsPage(services, nurse, runner, patient)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    assert page.table.rowCount() == 0 and page.record_button.isEnabled()
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert seen == ["adverseEventDialog"] and page.table.rowCount() == 1
    assert [page.table.item(0, c).text() for c in (1, 2, 3)] == ["Infection", "3", "yes"]
    assert not page.report_button.isEnabled()  # the report is the urologist's
    assert "Report due" in page.course.toPlainText()

    today = TodayView(services, nurse, runner)
    qtbot.addWidget(today)
    today.refresh()
    panel = today.sae_deadlines
    assert not panel.isHidden() and panel.table.rowCount() == 1
    assert "Manufacturer, Ethics committee, Health authority" == panel.table.item(0, 5).text()
    shot(today, "ae-today.png")

    as_urologist = AdverseEventsPage(services, urologist, runner, patient)
    qtbot.addWidget(as_urologist)
    as_urologist.show()
    messages.text_answer = "English"
    qtbot.mouseClick(as_urologist.report_button, Qt.MouseButton.LeftButton)
    assert as_urologist.preview.page_count() >= 1 and as_urologist.view_button.isEnabled()
    as_urologist.preview.close()

    def send(recipient_steps: int, addressee: str):
        def fill(dialog) -> int:
            key(dialog.recipient, Qt.Key.Key_Down, recipient_steps)
            type_text(dialog.addressee, addressee)
            key(dialog.channel, Qt.Key.Key_Down, 2)  # portal
            dialog.sent_on.setDate(QDate(day0.year, day0.month, day0.day))
            qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
            return dialog.result()
        return fill

    page.refresh()
    for steps, who in ((0, "Demo Biologics farmakovijilans"), (1, "Etik Kurul Sekreterliği"), (2, "TİTCK")):
        monkeypatch.setattr(page_module, "exec_dialog", send(steps, who))
        qtbot.mouseClick(page.sending_button, Qt.MouseButton.LeftButton)
    assert "sent to all" == page.table.item(0, 6).text()

    def recovered(dialog) -> int:
        assert dialog.assessment.grade.currentData() == 3  # starts from the newest entry
        key(dialog.assessment.outcome, Qt.Key.Key_Up)  # recovering -> recovered
        type_text(dialog.assessment.note, "Taburcu edildi, ateşi yok.")
        for day in (dialog.assessment.known_on, dialog.assessment.outcome_date):
            day.setDate(QDate(day0.year, day0.month, day0.day))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(page_module, "exec_dialog", recovered)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    assert page.table.item(0, 5).text() == "Recovered" and "Taburcu edildi" in page.course.toPlainText()
    shot(page, "ae-page.png")
    today.refresh()
    assert panel.isHidden() and panel.table.rowCount() == 0
    assert QDialog.DialogCode.Accepted.value == page.dialog.result()


def test_a_complaint_at_the_day_1_call_is_offered_for_recording(qtbot, services, runner, session_as, treated,
                                                                monkeypatch, sqlite_ctx, clock):
    from exoconsult.services.followup.followup import FollowupService

    follow = FollowupService(sqlite_ctx)
    [fu] = follow.for_patient(treated.ready.nurse, treated.ready.patient_id)
    clock.advance(days=1)
    visit = follow.record_visit(treated.ready.nurse, fu.record_id, "day1_call", fu.procedure_date)
    follow.save_visit(treated.ready.nurse, visit.visit_id, {"ae_pain": True, "ae_swelling_bruising": False,
                                                            "ae_fever_infection": False, "ae_other": False},
                      visit.row_version)
    nurse = session_as(treated.ready.nurse)
    page = AdverseEventsPage(services, nurse, runner, services.patients.open(treated.ready.nurse,
                                                                             treated.ready.patient_id))
    qtbot.addWidget(page)
    page.show()
    assert page.complaint_button.isVisible() and "Pain in the testes or scrotum?" in page.complaint_label.text()
    from exoconsult.gui.local_format import date_text  # the visit's day as the screen writes days, never ISO

    assert date_text(fu.procedure_date) in page.complaint_label.text()
    assert fu.procedure_date.isoformat() not in page.complaint_label.text()

    def from_the_visit(dialog) -> int:
        assert dialog.source.currentData() == "visit" and "Pain in the testes" in dialog.description.toPlainText()
        assert dialog.assessment.known_on.date().toPython() == fu.procedure_date
        key(dialog.assessment.grade, Qt.Key.Key_Home)  # grade 1
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(page_module, "exec_dialog", from_the_visit)
    qtbot.mouseClick(page.complaint_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1 and not page.complaint_button.isVisible()
