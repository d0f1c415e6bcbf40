"""The Explanation stage console: language per consultation, start, sections with discussed toggles and
debounced notes, questions/presence/teach-back records, every gate blocking with its reason and then
open (the FakeClock moves past the reflection period), the shorten-reflection dialog's validation, the
information pack written as a PDF, and the nurse's read-only view. Helpers here are shared with
test_explanation_presentation.py."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from exoconsult.gui.explanation.console_page import ExplanationConsole
from exoconsult.gui.stages import stages
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.history.cases import CaseService
from tests.consent_support import approved_forms
from tests.unit.rules.builders import BASE_CASE

pytestmark = pytest.mark.gui

REASON = "Patient travels abroad for work next week; counselled twice."
SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")  # a folder: save screenshots there to look at them


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"explanation-{name}.png"))


def eligible_patient(services, staff, clock, *, preferred: str = "tr", mrn: str = "E-1",
                     needs_interpreter: bool = False, name: str = "Ahmet"):
    """An imported, assessed (eligible) patient with no explanation yet; returns his PatientDTO."""
    ctx = services.ctx
    SettingsService(ctx).update(staff["admin"], {"clinic_name": "Test Andrology Clinic",
                                                 "clinic_phone": "+90 212 555 0000",
                                                 "complication_phone": "+90 532 555 0101",
                                                 "time_zone": "Europe/Istanbul", "clinician_language": "tr"})
    approved_forms(ctx, staff, ctx.data_dir.root / "approved-forms")  # only an approved protocol opens the gate
    case = copy.deepcopy(BASE_CASE)
    case["assessed_on"] = clock.now().date().isoformat()
    case["patient"].update(mrn=mrn, preferred_language=preferred, given_name=name,
                           needs_interpreter=needs_interpreter)
    patient_id = CaseService(ctx).import_case(staff["urologist"], case).patient_id
    assert AssessmentService(ctx).run(staff["urologist"], patient_id).verdict == "eligible"
    return services.patients.open(staff["urologist"], patient_id)


@pytest.fixture
def console_for(qtbot, services, runner, session_as):
    def make(actor, patient) -> ExplanationConsole:
        console = ExplanationConsole(services, session_as(actor), runner, patient)
        qtbot.addWidget(console)
        console.resize(1400, 900)
        return console

    return make


def answer_all_correctly(console: ExplanationConsole) -> None:
    state = console.controller.dto.comprehension
    while state.next_question is not None:
        console.controller.answer(state.next_question.id, state.next_question.correct_option_id)
        state = console.controller.dto.comprehension


def record_teach_back_for_all_five(console: ExplanationConsole) -> None:
    box = console.teach_back
    for key in ("experimental_status", "no_guarantee", "alternatives", "right_to_withdraw", "complication_contact"):
        box.key_point.setCurrentIndex(box.key_point.findData(key))
        box.result.setCurrentIndex(box.result.findData("restated"))
        box.record_button.click()


def discuss_all(console: ExplanationConsole) -> None:
    for row in console.sections.rows:
        if not row.discussed.isChecked():
            row.discussed.click()


def gate(console: ExplanationConsole, key: str) -> tuple[str, str]:
    return console.gates.state_of(key)


def test_stage_is_registered_and_builds_the_console(services, staff, clock, runner, session_as, qtbot):
    from exoconsult.gui.stages import StageContext

    spec = next(s for s in stages() if s.key == "explanation")
    assert spec.factory is not None
    patient = eligible_patient(services, staff, clock)
    context = StageContext(patient=patient, session=session_as(staff["urologist"]), services=services,
                           runner=runner, workspace_refresh=lambda: None)
    page = spec.factory(context, None)
    qtbot.addWidget(page)
    assert isinstance(page, ExplanationConsole)
    assert page.language.currentData() == "tr" and page.start_button.isEnabled()


def test_every_gate_blocks_with_its_reason_then_opens(console_for, services, staff, clock, sqlite_ctx):
    # An English explanation while the clinician works in Turkish: the interpreter gate applies.
    patient = eligible_patient(services, staff, clock, preferred="en")
    console = console_for(staff["urologist"], patient)
    assert gate(console, "sections") == ("BLOCKED", "The explanation has not been started in this language.")
    console.start_button.click()
    assert console.start_button.isHidden()
    state, reason = gate(console, "sections")
    assert state == "BLOCKED" and "Not yet marked discussed: 11 of 11 sections." == reason
    state, reason = gate(console, "comprehension")
    assert state == "BLOCKED" and "7 question(s) still to answer correctly" in reason
    state, reason = gate(console, "interpreter")
    assert state == "BLOCKED" and "none is recorded" in reason
    assert "starts when the explanation is complete" in gate(console, "reflection")[1]
    assert gate(console, "eligibility")[0] == "OPEN"
    assert "An interpreter is needed" in console.presence.need.text()

    discuss_all(console)
    assert gate(console, "sections")[0] == "OPEN"
    answer_all_correctly(console)
    assert gate(console, "comprehension") == ("OPEN", "Comprehension check passed.")
    state, reason = gate(console, "reflection")
    assert state == "BLOCKED" and "Reflection period ends" in reason and "(14 day(s) 0 hour(s) left)" in reason
    assert "ends 08.12.2026 12:00 (Europe/Istanbul)" in console.reflection.text()

    console.presence.name.setText("Ayşe Çevirmen")
    console.presence.language.setText("en")
    console.presence.record_button.click()
    assert gate(console, "interpreter") == ("OPEN", "Interpreter recorded.")
    assert console.presence.table.item(0, 1).text() == "Ayşe Çevirmen"

    clock.advance(days=14, minutes=1)
    console.controller.refresh()
    state, reason = gate(console, "reflection")
    assert state == "OPEN" and "elapsed" in reason
    state, reason = gate(console, "teach_back")  # content release 1.1, item 10: all five, restated
    assert state == "BLOCKED" and "Experimental status" in reason and "experimental_status" not in reason
    record_teach_back_for_all_five(console)
    assert gate(console, "teach_back")[0] == "OPEN"
    assert console.gates.summary.text() == "All gates are open."
    console.tabs.setCurrentWidget(console.presence)
    shot(console, "console-all-gates-open")


def test_eligibility_gate_blocks_an_unassessed_patient(console_for, services, staff, clock):
    from datetime import date

    from exoconsult.domain.patient import PatientData

    patient = services.patients.create(staff["nurse"], PatientData(family_name="Kaya", given_name="Can",
                                                                   birth_date=date(1990, 1, 1), mrn="U-1"))
    console = console_for(staff["urologist"], patient)
    state, reason = gate(console, "eligibility")
    assert state == "BLOCKED" and reason


def test_language_without_a_text_must_be_chosen_and_needs_an_interpreter(console_for, services, staff, clock):
    patient = eligible_patient(services, staff, clock, preferred="de")
    console = console_for(staff["urologist"], patient)
    assert console.language.currentData() == "" and not console.start_button.isEnabled()
    assert "(de) has no explanation text" in console.language_note.text()
    shot(console, "console-not-started")
    console.language.setCurrentIndex(console.language.findData("en"))
    assert console.start_button.isEnabled()
    console.start_button.click()
    assert console.controller.dto.language == "en" and console.controller.dto.interpreter_needed
    assert "interpreter must be recorded" in console.language_note.text()


def test_notes_are_saved_after_typing_pauses(console_for, services, staff, clock, qtbot):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    row = console.sections.rows[2]
    qtbot.keyClicks(row.notes, "asked about rats")
    assert console.controller.has_pending_notes("known")
    assert console.controller.dto.section("known").notes == ""  # nothing saved per keystroke
    qtbot.waitUntil(lambda: console.controller.dto.section("known").notes == "asked about rats", timeout=3000)
    row.notes.setText("bad\x07bell")
    row.notes.textEdited.emit("bad\x07bell")
    console.controller.flush_notes()
    assert "invisible or control character" in row.notes_message.text()


def test_questions_are_recorded_as_plain_text_and_problems_show_under_fields(console_for, services, staff, clock,
                                                                           messages):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    console.questions.add_button.click()
    assert console.questions.messages.labels["question"].text() == "Question is required."
    assert not messages.shown
    console.questions.question.setPlainText("<b>Is it safe?</b>")
    console.questions.answer.setPlainText("Nobody knows yet; see section 4.")
    console.questions.add_button.click()
    assert console.questions.table.item(0, 1).text() == "<b>Is it safe?</b>"
    assert console.questions.question.toPlainText() == ""
    console.presence.role.setCurrentIndex(console.presence.role.findData("witness"))
    console.presence.name.setText("<b>X</b>")
    console.presence.record_button.click()
    assert "not allowed in a name" in console.presence.messages.labels["name"].text()


def test_teach_back_per_key_point(console_for, services, staff, clock):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    box = console.teach_back
    assert box.key_point.count() == len(console.controller.dto.comprehension.key_points)
    box.key_point.setCurrentIndex(box.key_point.findData("right_to_withdraw"))
    box.result.setCurrentIndex(box.result.findData("restated"))
    box.words.setText("Vazgeçebilirim, bakımım sürer.")
    box.record_button.click()
    recorded = {t.key_point: t for t in console.controller.dto.teach_back}
    assert recorded["right_to_withdraw"].result == "restated"
    assert recorded["right_to_withdraw"].words == "Vazgeçebilirim, bakımım sürer."
    texts = [(box.table.item(r, 0).text(), box.table.item(r, 1).text()) for r in range(box.table.rowCount())]
    assert ("Right to withdraw", "Restated correctly") in texts
    assert box.words.text() == ""


def test_shorten_reflection_dialog_validates(console_for, services, staff, clock, qtbot):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    dialog = console.open_shorten_dialog()
    assert dialog.days.maximum() == 13  # the clinic's period is 14 days (content release 1.1, item 18)
    dialog.reason.setPlainText("too short reason")
    assert not dialog.ok_button.isEnabled() and "16 of at least 20" in dialog.counter.text()
    dialog.reason.setPlainText("   " + "x" * 19 + "   ")  # spaces do not count
    assert not dialog.ok_button.isEnabled()
    dialog.days.setValue(2)
    dialog.reason.setPlainText(REASON)
    assert dialog.ok_button.isEnabled()
    shot(dialog, "shorten-dialog")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.ok_button.click()
    dto = console.controller.dto
    assert dto.reflection_override_days == 2 and dto.reflection_reason == REASON
    assert "shortened from 14" in console.reflection.text() and not console.shorten_button.isEnabled()
    # A second shortening is refused by the service; its message appears under the field, the dialog stays.
    again = console.open_shorten_dialog()
    again.reason.setPlainText(REASON)
    again.ok_button.click()
    assert again.isVisible() and "already shortened" in again.days_message.text()
    shot(again, "shorten-dialog-refused")


def test_nurse_sees_the_console_read_only_and_may_print(console_for, services, staff, clock, messages):
    patient = eligible_patient(services, staff, clock)
    from exoconsult.services.explanation.explanation import ExplanationService

    ExplanationService(services.ctx).start(staff["urologist"], patient.id, "tr")
    console = console_for(staff["nurse"], patient)
    assert console.role_note.isVisibleTo(console) and console.start_button.isHidden()
    assert not console.shorten_button.isVisibleTo(console)
    assert not console.sections.rows[0].discussed.isEnabled() and console.sections.rows[0].notes.isReadOnly()
    assert not console.present_button.isEnabled() and console.print_button.isEnabled()
    shot(console, "console-nurse")
    console.controller.set_discussed("results", True)  # the service is the real check
    assert messages.shown[-1][0] == "Not allowed"
    assert not console.controller.dto.section("results").discussed


def test_information_pack_is_saved_as_pdf_without_a_printer(console_for, services, staff, clock, messages, tmp_path,
                                                           monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from exoconsult.gui.explanation import info_pack

    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["nurse"], patient)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(info_pack, "printers_available", lambda: False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    messages.answer = QMessageBox.StandardButton.Save.value
    console.print_button.click()
    assert messages.shown[0][0] == "No printer" and "No printer is set up" in messages.shown[0][1]
    assert target.read_bytes().startswith(b"%PDF")
    assert messages.shown[-1][0] == "Information pack saved"


def test_an_information_pack_that_cannot_be_written_says_why_and_what_to_do(console_for, services, staff, clock,
                                                                            messages, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from exoconsult.gui.explanation import info_pack

    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["nurse"], patient)
    target = tmp_path / "unplugged-stick" / "pack.pdf"  # the folder is gone: the write fails
    monkeypatch.setattr(info_pack, "printers_available", lambda: False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    messages.answer = QMessageBox.StandardButton.Save.value
    console.print_button.click()
    assert messages.shown[-1][0] == "Not saved" and "Choose another folder" in messages.shown[-1][1]
    assert "No such file" not in messages.texts() and not target.exists()


def test_information_pack_goes_to_the_printer_when_there_is_one(console_for, services, staff, clock, tmp_path,
                                                              monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from exoconsult.gui import widgets
    from exoconsult.gui.explanation import info_pack

    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    printed = tmp_path / "printed.pdf"

    def accept_print_dialog(dialog):
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(info_pack, "printers_available", lambda: True)
    monkeypatch.setattr(widgets, "exec_dialog", accept_print_dialog)
    console.print_button.click()
    assert printed.read_bytes().startswith(b"%PDF") and printed.stat().st_size > 10_000


def test_pending_notes_are_saved_when_the_screen_locks(console_for, services, staff, clock, qtbot):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    qtbot.keyClicks(console.sections.rows[4].notes, "cord block explained")
    console.session.lock()  # before the debounce timer fires
    from exoconsult.services.explanation.explanation import ExplanationService

    saved = ExplanationService(services.ctx).get(staff["urologist"], console.controller.dto.id)
    assert saved.section("procedure").notes == "cord block explained"
