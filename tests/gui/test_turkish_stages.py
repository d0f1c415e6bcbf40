"""With the Turkish screen language, every stage of a treated patient's consultation (history, assessment,
explanation console, consent, procedure day, follow-up, adverse events) and the signing dialog show no
English word, no identifier such as `needs_review` and no UTC time: labels, buttons, headers and every
table cell are read as a person would see them. The start, administration and home screens are checked
in test_turkish_screens.py, with the same word list."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTextEdit, QWidget

from exoconsult.gui import ui_language
from exoconsult.services.adverse_events.events import AdverseEventService
from tests.adverse_event_support import event_input, treated_patient
from tests.gui.test_patient_language import open_signing
from tests.gui.test_turkish_screens import ENGLISH, WORD, english_in

pytestmark = pytest.mark.gui

STAGES = ("history", "assessment", "explanation", "consent", "procedure", "followup", "adverse_events")
IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # needs_review, testis_left_long_axis_cm
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")  # a day written for a machine, not dd.mm.yyyy


def cell_texts(root: QWidget) -> list[str]:
    """Every visible table and list cell, and the text of read-only text boxes under `root`."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisibleTo(root) or model is None:
            continue
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        for row in range(model.rowCount(QModelIndex())):
            for column in range(columns):
                found.append(str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or ""))
    found += [box.toPlainText() for box in root.findChildren(QTextEdit) if box.isVisibleTo(root)]
    return found


def machine_words(root: QWidget) -> list[str]:
    """English words in the cells, identifiers, ISO days and UTC anywhere on the screen."""
    from tests.gui.test_turkish_screens import texts_of

    texts = [t for t in texts_of(root) + cell_texts(root) if t]
    out = [f"{w!r} in {t!r}" for t in cell_texts(root) for w in WORD.findall(t) if w in ENGLISH]
    for text in texts:
        out += [f"{m!r} in {text!r}" for pattern in (IDENTIFIER, ISO_DAY) for m in pattern.findall(text)]
        out += [f"UTC in {text!r}" for _ in re.findall(r"\bUTC\b", text)]
    return sorted(set(out))


@pytest.fixture
def treated_with_an_event(sqlite_ctx, staff, clock, tmp_path):
    from exoconsult.gui import local_format

    day = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    AdverseEventService(sqlite_ctx).record(day.ready.urologist, day.ready.patient_id,
                                           event_input(clock.now().date()))
    clock.advance(days=2)  # the day-1 call is due: the follow-up table has statuses of every kind
    local_format.set_clinic_time_zone("Europe/Istanbul")  # as the main window does from the clinic's settings
    yield day
    local_format.set_clinic_time_zone("")


def test_every_stage_of_a_treated_patient_is_turkish(qtbot, services, runner, session_as, sqlite_ctx,
                                                     treated_with_an_event):
    from exoconsult.gui.workspace import ConsultationWorkspace

    day = treated_with_an_event
    ui_language.use_language("tr")  # reset after the test
    patient = services.patients.open(day.ready.urologist, day.ready.patient_id)
    workspace = ConsultationWorkspace(patient, services, session_as(day.ready.urologist), runner)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    for key in STAGES:
        workspace.show_stage(key)
        page = workspace.current_page()
        assert page is not None and workspace.current_stage() == key
        assert english_in(workspace) == [], key
        assert machine_words(page) == [], key


def test_the_comprehension_answers_name_each_question_in_words(qtbot, services, runner, session_as, sqlite_ctx,
                                                                treated_with_an_event):
    from exoconsult.gui.explanation.console_page import ExplanationConsole

    day = treated_with_an_event
    ui_language.use_language("tr")
    patient = services.patients.open(day.ready.urologist, day.ready.patient_id)
    console = ExplanationConsole(services, session_as(day.ready.urologist), runner, patient)
    qtbot.addWidget(console)
    table = console.attempts.table
    asked = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert asked and all(q.endswith("?") and " " in q for q in asked), asked  # the prompt, never its id


def test_the_signing_dialog_of_a_turkish_patient_is_turkish_on_turkish_screens(qtbot, services, runner, session_as,
                                                                               sqlite_ctx, staff, clock, tmp_path):
    ui_language.use_language("tr")
    page, dialog = open_signing(qtbot, services, runner, session_as, sqlite_ctx, staff, clock, tmp_path, "tr")
    dialog.show()
    assert english_in(dialog) == []
    assert machine_words(dialog) == []
    intro = next(label.text() for label in dialog.findChildren(QLabel) if label.text().startswith("Metin sürümü"))
    assert "(Türkçe)" in intro  # the consent's language by its name, not "tr"
    # the optional choices' "answer needed" note fits inside its outline, not cut off at its end
    choice = next(iter(dialog.optional.values()))
    assert choice.needed.width() >= choice.needed.sizeHint().width()
    assert choice.needed.geometry().right() < choice.width()


def test_the_explanation_console_fits_beside_the_patient_list_in_turkish(qtbot, services, runner, session_as,
                                                                        sqlite_ctx, treated_with_an_event):
    """In the default window (1180 px) with the patient list open the console gets about 800 px: every
    section's notes field and its "Discussed" tick stay inside the panel, no sideways scrolling."""
    from exoconsult.gui.explanation.console_page import ExplanationConsole

    day = treated_with_an_event
    ui_language.use_language("tr")
    patient = services.patients.open(day.ready.urologist, day.ready.patient_id)
    console = ExplanationConsole(services, session_as(day.ready.urologist), runner, patient)
    qtbot.addWidget(console)
    console.resize(800, 900)
    console.show()
    qtbot.waitExposed(console)
    scroll = console.sections_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    row = console.sections.rows[0]
    for widget in (row.notes, row.discussed):
        right = widget.mapTo(scroll.viewport(), widget.rect().topRight()).x()
        assert right <= scroll.viewport().width(), widget


def test_verifying_an_id_the_clinic_never_issued_says_so_in_turkish(qtbot, session_as, runner, sqlite_ctx, staff):
    from exoconsult.gui.consent.verify_dialog import VerifyDocumentDialog
    from exoconsult.services.integrity.document_check import DocumentVerifier

    ui_language.use_language("tr")
    verify = VerifyDocumentDialog(DocumentVerifier(sqlite_ctx), session_as(staff["nurse"]), runner)
    qtbot.addWidget(verify)
    verify.id_edit.setText("00000000-0000-0000-0000-000000000000")
    verify.check_id_button.click()
    said = verify.result.text()
    assert said.startswith("BULUNAMADI") and "00000000-0000-0000-0000-000000000000" in said
    assert english_in(verify) == [] and not set(WORD.findall(said)) & ENGLISH


def test_a_sealed_reports_language_is_named_not_coded(qtbot, services, runner, session_as, sqlite_ctx,
                                                       treated_with_an_event, clock):
    from exoconsult.gui.adverse_events.page import AdverseEventsPage
    from exoconsult.services.adverse_events.sae_report import SaeReportService
    from tests.adverse_event_support import assessment

    ready = treated_with_an_event.ready
    serious = assessment(grade=3, serious_criteria=("hospitalisation",), relatedness="possible", expected=False)
    event = AdverseEventService(sqlite_ctx).record(ready.urologist, ready.patient_id, event_input(
        clock.now().date(), term="infection", assessment=serious))
    SaeReportService(sqlite_ctx).issue(ready.urologist, event.id, "en")  # for a recipient who reads English
    ui_language.use_language("tr")
    page = AdverseEventsPage(services, session_as(ready.urologist), runner,
                             services.patients.open(ready.urologist, ready.patient_id))
    qtbot.addWidget(page)
    page.table.selectRow(next(n for n, e in enumerate(page.events) if e.id == event.id))
    course = page.course.toPlainText()
    assert "(İngilizce)" in course and "(en)" not in course, course
