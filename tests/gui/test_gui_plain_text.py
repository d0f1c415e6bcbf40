"""SEC-4: user-supplied text is shown as typed, never interpreted as rich text."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from exoconsult.domain.patient import PatientData
from exoconsult.gui.clinician_home import ClinicianHome
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.patients.patient_dialog import PatientDialog

pytestmark = pytest.mark.gui

PAYLOAD = "<b>X</b><img src='file:///etc/passwd'>"


def test_clinic_name_with_markup_is_shown_literally_on_the_sign_in_screen(qtbot, services, runner, admin):
    services.settings.update(admin, {"clinic_name": PAYLOAD})
    dialog = LoginDialog(services, runner, clinic_name=services.clinic_settings().clinic_name)
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == PAYLOAD
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText


def test_every_label_in_an_opened_patient_and_its_dialog_is_plain_text(qtbot, services, runner, session_as,
                                                                       nurse, isolated_registry):
    created = services.patients.create(nurse, PatientData("Öztürk", "Burak", date(1990, 5, 30), mrn="PT-1",
                                                          email=PAYLOAD.replace(" ", "") + "@x.org"))
    home = ClinicianHome(services, session_as(nurse), runner)
    qtbot.addWidget(home)
    home.start()
    home.open_patient(created.id)
    home.workspace.header.edit_button.click()
    dialog = next(d for d in home.findChildren(PatientDialog) if d.isVisible())
    assert dialog.email.text() == PAYLOAD.replace(" ", "") + "@x.org"
    dialog.show_problems({"email": PAYLOAD})  # a message quoting the input
    assert dialog.messages["email"].text() == PAYLOAD
    for label in home.findChildren(QLabel):
        if label.text() and label.buddy() is None and label.parent() is not None \
                and label.objectName():  # every label our code names; form-row captions are static text
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
