"""Registering and finding patients the way staff do it: typing into the dialog and the search box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from exoconsult.gui.clinician_home import ClinicianHome
from exoconsult.gui.patients.patient_dialog import PatientDialog
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui


def fill(dialog: PatientDialog, **values: str) -> None:
    for key, text in values.items():
        widget = getattr(dialog, key)
        if isinstance(widget, QLineEdit):
            widget.clear()
            type_text(widget, text)
        else:
            widget.setCurrentText(text)


def visible_messages(dialog: PatientDialog) -> dict[str, str]:
    return {k: m.text() for k, m in dialog.messages.items() if m.isVisibleTo(dialog)}


@pytest.fixture
def home(qtbot, services, runner, session_as, nurse, isolated_registry):
    widget = ClinicianHome(services, session_as(nurse), runner)
    qtbot.addWidget(widget)
    widget.show()
    widget.start()
    return widget


def new_dialog(home) -> PatientDialog:
    home.new_patient()
    dialogs = [d for d in home.findChildren(PatientDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_register_patient_then_find_it_with_ascii_typing(qtbot, home):
    # Given a new-patient dialog, typed into as a nurse would
    dialog = new_dialog(home)
    fill(dialog, family_name="IŞIK", given_name="Çağrı", birth_date="14.03.1988", mrn="MRN-7001",
         national_id="10000000146", phone="+90 532 111 2233", email="cagri@example.org")
    dialog.preferred_language.setCurrentText("tr")
    QTest.keyClick(dialog.needs_interpreter, Qt.Key.Key_Space)
    # When OK is clicked
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # Then it is saved, and the workspace shows the patient
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert home.workspace is not None
    assert home.workspace.header.name_label.text() == "IŞIK, Çağrı"
    assert "needs an interpreter" in home.workspace.header.details_label.text()
    home.close_patient()

    # When someone searches without Turkish letters ("isik")
    home.patient_list.search_box.clear()
    type_text(home.patient_list.search_box, "isik")
    qtbot.waitUntil(lambda: home.patient_list.model.rowCount() == 1, timeout=2000)
    # Then the patient is found, and Enter opens them
    assert home.patient_list.model.row_at(0).family_name == "IŞIK"
    QTest.keyClick(home.patient_list.search_box, Qt.Key.Key_Return)
    assert home.workspace is not None and home.workspace.patient.data.mrn == "MRN-7001"


def test_search_finds_nothing_for_a_stranger(qtbot, home):
    type_text(home.patient_list.search_box, "nobody")
    qtbot.waitUntil(lambda: home.patient_list.status_label.text() == "No patient matches.", timeout=2000)
    assert home.patient_list.model.rowCount() == 0


def test_bad_input_shows_field_messages_and_keeps_everything_typed(qtbot, home, clock):
    dialog = new_dialog(home)
    future = clock.now().date().replace(year=clock.now().year + 1).strftime("%d.%m.%Y")
    typed = dict(family_name="Yılmaz", given_name="Ahmet", birth_date=future, mrn="MRN-1",
                 national_id="12345678901", phone="+90 555 000 0000")
    fill(dialog, **typed)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    messages = visible_messages(dialog)
    assert set(messages) == {"birth_date", "national_id"}
    assert "future" in messages["birth_date"]
    assert "kimlik" in messages["national_id"]
    for key, text in typed.items():
        assert getattr(dialog, key).text() == text, key

    # Fixing the two fields clears their messages and saves.
    fill(dialog, birth_date="02.07.1985", national_id="")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert visible_messages(dialog) == {}


def test_duplicate_mrn_is_reported_next_to_the_mrn(qtbot, home):
    first = new_dialog(home)
    fill(first, family_name="Kaya", given_name="Ali", birth_date="1980-01-01", mrn="DUP-1")
    qtbot.mouseClick(first.ok_button, Qt.MouseButton.LeftButton)
    assert first.result() == QDialog.DialogCode.Accepted

    second = new_dialog(home)
    fill(second, family_name="Demir", given_name="Veli", birth_date="02.02.1982", mrn="DUP-1")
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    assert visible_messages(second) == {"mrn": "MRN DUP-1 is already used by another patient."}
    assert second.family_name.text() == "Demir"


def test_malformed_birth_date_is_a_field_message_not_a_crash(qtbot, home):
    dialog = new_dialog(home)
    fill(dialog, family_name="Kaya", given_name="Ali", birth_date="31.02.1980", mrn="X-1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "DD.MM.YYYY" in visible_messages(dialog)["birth_date"]
    assert dialog.birth_date.text() == "31.02.1980"


def test_edit_conflict_explains_and_reloads(qtbot, home, services, nurse, messages):
    from datetime import date

    from exoconsult.domain.patient import PatientData

    created = services.patients.create(nurse, PatientData("Polat", "İlker", date(1988, 6, 6), mrn="C-1"))
    home.open_patient(created.id)
    # Someone else saves a change after we opened the record.
    services.patients.update(nurse, created.id, PatientData("Polat", "İlker", date(1988, 6, 6), mrn="C-1",
                                                            phone="+90 1"), created.row_version)
    home.workspace.header.edit_button.click()
    dialog = next(d for d in home.workspace.findChildren(PatientDialog) if d.isVisible())
    fill(dialog, given_name="Ilker")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Changed by someone else" in messages.texts()
    assert dialog.isVisible()
    assert dialog.phone.text() == "+90 1"  # reloaded: now shows the saved record


def test_user_data_is_plain_text_everywhere(qtbot, home, services, nurse):
    from datetime import date

    from exoconsult.domain.patient import PatientData

    # Names refuse "<" at validation, so the guard here is structural: every label that shows text
    # in the opened workspace is set to plain text (SEC-4).
    created = services.patients.create(nurse, PatientData("O'Brien", "Liam", date(1990, 9, 5), mrn="P-1"))
    home.open_patient(created.id)
    for label in home.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_enter_on_a_selected_row_opens_that_patient(qtbot, home, services, nurse):
    from datetime import date

    from exoconsult.domain.patient import PatientData

    for n, family in enumerate(("Aydın", "Kaya", "Polat"), start=1):
        services.patients.create(nurse, PatientData(family, "Ali", date(1980, 1, n), mrn=f"ENT-{n}"))
    home.patient_list.search_now()
    table = home.patient_list.table
    table.setFocus()
    table.selectRow(1)
    table.setCurrentIndex(home.patient_list.model.index(1, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert home.workspace is not None and home.workspace.patient.data.family_name == "Kaya"


def test_with_the_turkish_interface_the_refusals_are_turkish(qtbot, home, clock):
    from exoconsult.gui import ui_language

    ui_language.use_language("tr")  # reset after the test
    dialog = new_dialog(home)
    future = clock.now().date().replace(year=clock.now().year + 1).strftime("%d.%m.%Y")
    fill(dialog, family_name="", given_name="Ahmet", birth_date=future, mrn="MRN-7")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert visible_messages(dialog) == {"family_name": "Ad zorunludur.",
                                        "birth_date": "Doğum tarihi ileri bir tarih olamaz."}

    fill(dialog, family_name="Yılmaz", birth_date="02.07.1985")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    second = new_dialog(home)
    fill(second, family_name="Demir", given_name="Veli", birth_date="02.02.1982", mrn="MRN-7")
    qtbot.mouseClick(second.ok_button, Qt.MouseButton.LeftButton)
    assert visible_messages(second) == {"mrn": "MRN-7 hasta numarası başka bir hastaya ait."}
