"""The procedure day walked through the screens (pytest-qt) as the nurse and the urologist: the nurse
receives a lot and the urologist releases it in the lot register; the nurse answers "before anaesthesia"
by keyboard (one "no" waits for the urologist), the urologist decides, does the time-out by touch,
records the procedure, the nurse signs out, the urologist seals the note; Today shows the progress and
prints the discharge sheet; the recall lists the patient."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from exoconsult.gui.printing import output
from exoconsult.gui.procedure import decide_dialog, lot_register, procedure_page
from exoconsult.gui.procedure.lot_register import LotRegisterDialog
from exoconsult.gui.procedure.procedure_page import ProcedurePage
from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.today.today import TodayService
from tests.consent_support import ready_for_consent, sign
from tests.gui.keyboard import type_text
from tests.services.lot_support import MINIMAL_PDF

SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # pending layout requests, as the event loop would run them
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


@pytest.fixture
def planned(sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    sign(sqlite_ctx, ready)
    today = TodayService(sqlite_ctx)
    plan = today.plan_procedure(ready.nurse, ready.patient_id, today.overview(ready.nurse).today)
    return ready, plan


def _qt_time(when) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()))


def test_the_procedure_day_as_nurse_and_urologist(qtbot, services, runner, session_as, sqlite_ctx, clock, planned,
                                                  monkeypatch, messages, tmp_path):
    ready, plan = planned
    nurse, urologist = session_as(ready.nurse), session_as(ready.urologist)

    # The nurse receives the lot; only a urologist can release it.
    def fill_receipt(dialog) -> int:
        dialog.product.setText("ExoSperm-EV")
        dialog.manufacturer.setText("Anatolia Biologics")
        dialog.lot_number.setText("EXO-2611-A")
        dialog.expiry.setDate(dialog.received.date().addMonths(4))
        dialog.received.setDate(_qt_time(clock.now()).date())
        dialog.coa_reference.setText("CoA-2611-A")
        dialog.attach(MINIMAL_PDF, "coa.pdf")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(lot_register, "exec_dialog", fill_receipt)
    register = LotRegisterDialog(services, nurse, runner)
    qtbot.addWidget(register)
    register.show()
    qtbot.mouseClick(register.buttons["receive"], Qt.MouseButton.LeftButton)
    assert register.table.rowCount() == 1 and register.table.item(0, 4).text() == "quarantined"
    register.table.selectRow(0)
    assert not register.buttons["release"].isVisible() and not register.buttons["recall"].isVisible()
    shot(register, "lots-nurse.png")
    register.close()
    register = LotRegisterDialog(services, urologist, runner)
    qtbot.addWidget(register)
    register.show()
    register.table.selectRow(0)
    assert register.buttons["release"].isEnabled()
    qtbot.mouseClick(register.buttons["release"], Qt.MouseButton.LeftButton)
    assert register.table.item(0, 4).text() == "released"
    register.close()

    patient = services.patients.open(ready.nurse, ready.patient_id)
    page = ProcedurePage(services, nurse, runner, patient)
    runner.changes_made.connect(page.on_changes)  # as the workspace does for its pages
    qtbot.addWidget(page)
    page.resize(820, 1100)  # a tablet held upright
    page.show()
    assert page.current().plan_id == plan.id and page.current().stage == "before_anaesthesia"
    rows = page.panel.rows
    assert min(r.yes_button.height() for r in rows.values() if r.yes_button.isVisible()) >= 44
    assert not rows["read_aloud"].yes_button.isEnabled()  # the time-out is the urologist's
    # By keyboard: the focus sits on the next open item's Yes; Space presses it.
    messages.text_answer = "38,1 °C ölçüldü"
    page.activateWindow()
    for key in ("identity", "consent_valid", "assessment_current", "anaesthetic_allergy", "antithrombotic_plan",
                "no_fever_infection", "lot_chosen"):
        row = page.panel.rows[key]
        if key == "antithrombotic_plan":  # type the plan, Tab to Yes
            type_text(row.detail, "kullanmıyor")
            qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        assert page.focusWidget() is row.yes_button, key
        if key == "no_fever_infection":  # Tab from Yes to No…, and the reason is asked
            qtbot.keyClick(row.yes_button, Qt.Key.Key_Tab)
            assert page.focusWidget() is row.no_button
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Space)
    state = page.current()
    assert [i.key for i in state.items if i.answer == "yes"] == [
        "identity", "consent_valid", "assessment_current", "anaesthetic_allergy", "antithrombotic_plan", "lot_chosen"]
    assert next(i for i in state.items if i.key == "no_fever_infection").waiting_for_decision
    assert not page.panel.rows["no_fever_infection"].decide_button.isVisible()  # the nurse cannot decide
    shot(page, "procedure-nurse-before-anaesthesia.png")

    # The urologist decides, then does the time-out by touch (mouse clicks stand in for the finger).
    upage = ProcedurePage(services, urologist, runner, patient)
    runner.changes_made.connect(upage.on_changes)
    qtbot.addWidget(upage)
    upage.resize(820, 1100)
    upage.show()

    def decide(dialog) -> int:
        dialog.reason.setPlainText("Tekrar ölçümde 37,2 °C; genital enfeksiyon bulgusu yok, devam edildi.")
        dialog.proceed = True
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(decide_dialog, "exec_dialog", decide)
    qtbot.mouseClick(upage.panel.rows["no_fever_infection"].decide_button, Qt.MouseButton.LeftButton)
    assert upage.current().stage == "time_out"
    for key in ("read_aloud", "nothing_unexpected"):
        qtbot.mouseClick(upage.panel.rows[key].yes_button, Qt.MouseButton.LeftButton)
    assert upage.current().stage == "procedure" and upage.record_button.isEnabled()
    assert not page.record_button.isEnabled()

    def fill_record(dialog) -> int:
        dialog.started.setDateTime(_qt_time(clock.now() - timedelta(minutes=35)))
        dialog.ended.setDateTime(_qt_time(clock.now() - timedelta(minutes=15)))
        dialog.agent.setText("lidokain")
        dialog.concentration.setText("%1")
        dialog.left_volume.setValue(0.5)
        dialog.right_volume.setValue(0.5)
        dialog.left_sites.setValue(2)
        dialog.right_sites.setValue(2)
        dialog.pain.setValue(2)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(procedure_page, "exec_dialog", fill_record)
    qtbot.mouseClick(upage.record_button, Qt.MouseButton.LeftButton)
    assert upage.current().stage == "sign_out"

    # The nurse's page followed the changes; she signs out.
    assert page.current().stage == "sign_out"
    for key, detail in (("volumes_given", ""), ("complications_recorded", ""), ("pain_score", "2"),
                        ("scrotal_check", ""), ("discharge_instructions", ""), ("complication_line", ""),
                        ("followup_booked", "yarın telefonla kontrol")):
        row = page.panel.rows[key]
        if detail:
            type_text(row.detail, detail)
        qtbot.mouseClick(row.yes_button, Qt.MouseButton.LeftButton)
    assert page.current().stage == "note" and not page.note_button.isEnabled()
    assert upage.note_button.isEnabled()
    qtbot.mouseClick(upage.note_button, Qt.MouseButton.LeftButton)  # confirm() is answered Yes
    assert upage.current().stage == "done" and upage.preview.page_count() >= 2
    shot(upage, "procedure-urologist-done.png")

    # Today: the day's progress, and the discharge sheet from there.
    view = TodayView(services, nurse, runner)
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    view.refresh()
    assert view.procedures.item(0, 6).text() == "16/16 · done"  # the stage worded by the screen (labels)
    assert view.procedures.item(0, 4).text() == "Dr. Deniz Uro"  # the performing urologist the consent names
    view.procedures.selectRow(0)
    qtbot.mouseClick(view.discharge_button, Qt.MouseButton.LeftButton)
    assert view.discharge_dialog.page_count() == 1
    printed = tmp_path / "discharge-printed.pdf"

    def to_file(printer, _parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(output, "installed_printers", lambda: ["Ward printer"])
    monkeypatch.setattr(output, "choose_printer", to_file)
    qtbot.mouseClick(view.discharge_dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.read_bytes() == view.discharge_dialog.data
    shot(view, "today-procedure-done.png")

    # Recall: the urologist asks who received the lot.
    register = LotRegisterDialog(services, urologist, runner)
    qtbot.addWidget(register)
    register.show()
    register.select_lot("EXO-2611-A")
    assert register.table.item(0, 6).text() == "1"
    qtbot.mouseClick(register.buttons["patients"], Qt.MouseButton.LeftButton)
    table = register.recall_dialog.table
    assert table.rowCount() == 1 and table.item(0, 1).text() == "C-1"
    shot(register.recall_dialog, "recall.png")
    urologist.lock()
    assert not register.recall_dialog.isVisible() and register.table.rowCount() == 0
    assert "Please check" not in messages.texts()


def test_the_checklist_in_the_turkish_interface(qtbot, services, runner, session_as, sqlite_ctx, planned):
    from exoconsult.gui import ui_language
    from exoconsult.services.history.patients import PatientService

    ready, _plan = planned
    ui_language.use_language("tr")  # reset after the test
    patient = PatientService(sqlite_ctx).open(ready.nurse, ready.patient_id)
    page = ProcedurePage(services, session_as(ready.nurse), runner, patient)
    qtbot.addWidget(page)
    rows = page.panel.rows
    assert rows["identity"].text.text().startswith("Kimlik iki tanımlayıcıyla doğrulandı")
    assert rows["antithrombotic_plan"].detail.placeholderText().startswith("… tarihinden beri kesildi")
    titles = [group.title() for group in page.panel.groups]
    assert titles[0].startswith("Anestezi öncesi") and titles[2].startswith("Çıkış")
    assert "Aşama: anestezi öncesi" in page.banner.text()


def test_the_lot_register_says_why_a_lot_cannot_be_used_in_turkish(qtbot, services, runner, session_as, sqlite_ctx,
                                                                      staff):
    from exoconsult.gui import ui_language
    from exoconsult.services.procedure.lots import LotService
    from tests.services.lot_support import receipt

    LotService(sqlite_ctx).receive(staff["nurse"], receipt())
    ui_language.use_language("tr")  # reset after the test
    register = LotRegisterDialog(services, session_as(staff["nurse"]), runner)
    qtbot.addWidget(register)
    register.table.selectRow(0)
    assert register.table.item(0, 4).text() == "karantinada"
    assert "Bu parti hâlâ karantinada: önce bir ürologun kullanıma açması gerekir." in register.detail.text()
