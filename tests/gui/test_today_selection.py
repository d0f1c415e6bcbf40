"""Today acts on the patient the user last clicked: the wrong-patient print of the field test (Yılmaz
selected in "Signed, not yet printed", then Aydın clicked in "Consultations", and "Reading material…"
made a pack headed with Yılmaz) is driven here click by click; every dialog names the patient."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.history.patients import PatientService
from tests.consent_support import ready_for_consent, sign

pytestmark = pytest.mark.gui


@pytest.fixture
def yilmaz_signed_aydin_waiting(sqlite_ctx, staff, clock, tmp_path):
    yilmaz = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, mrn="C-1")
    sign(sqlite_ctx, yilmaz)
    aydin = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, mrn="C-2")
    patients = PatientService(sqlite_ctx)
    record = patients.open(staff["urologist"], aydin.patient_id)
    patients.update(staff["urologist"], aydin.patient_id,
                    dataclasses.replace(record.data, family_name="Aydın", given_name="Mehmet"), record.row_version)
    return yilmaz, aydin


def click_row(table, family_name: str) -> None:
    """Click the Patient cell of the row showing that patient, as a mouse would."""
    column = next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "Patient")
    [row] = [r for r in range(table.rowCount()) if family_name in table.item(r, column).text()]
    rect = table.visualRect(table.model().index(row, column))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def highlighted(table) -> list[int]:
    return [i.row() for i in table.selectionModel().selectedRows()]


def test_reading_material_is_for_the_patient_clicked_last(qtbot, services, runner, session_as,
                                                          yilmaz_signed_aydin_waiting):
    yilmaz, aydin = yilmaz_signed_aydin_waiting
    view = TodayView(services, session_as(yilmaz.nurse), runner)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    view.refresh()
    click_row(view.unprinted, "Yılmaz")
    assert view.print_button.isEnabled() and "Yılmaz" in view.selected_label.text()
    click_row(view.consultations, "Aydın")
    assert highlighted(view.unprinted) == [], "only one patient is highlighted at a time"
    assert len(highlighted(view.consultations)) == 1
    assert not view.print_button.isEnabled(), "Print acts on the signed list, which no longer has a selection"
    assert "Aydın" in view.selected_label.text() and "Yılmaz" not in view.selected_label.text()
    QTest.mouseClick(view.reading_button, Qt.MouseButton.LeftButton)
    dialog = view.reading_dialog
    assert dialog.patient_id == aydin.patient_id
    assert "Aydın, Mehmet (C-2)" in dialog.windowTitle() and dialog.patient_label.text() == "Aydın, Mehmet (C-2)"
    dialog.reject()

    # And back: clicking Yılmaz in the signed list makes him the one the actions act on.
    click_row(view.unprinted, "Yılmaz")
    assert highlighted(view.consultations) == [] and view.print_button.isEnabled()
    QTest.mouseClick(view.reading_button, Qt.MouseButton.LeftButton)
    assert view.reading_dialog.patient_id == yilmaz.patient_id
    assert "Yılmaz, Ahmet (C-1)" in view.reading_dialog.windowTitle()
    view.reading_dialog.reject()
    QTest.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert "Yılmaz, Ahmet (C-1)" in view.print_dialog.windowTitle()
    view.print_dialog.reject()


def test_a_reload_never_leaves_a_highlight_on_another_patient(qtbot, services, runner, session_as,
                                                              yilmaz_signed_aydin_waiting):
    yilmaz, _ = yilmaz_signed_aydin_waiting
    view = TodayView(services, session_as(yilmaz.nurse), runner)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    click_row(view.consultations, "Aydın")
    view.refresh()
    assert highlighted(view.consultations) == [] and not view.reading_button.isEnabled()
    assert view.selected_label.text() == "No patient selected"
