"""First-run setup walked through as an installer would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWizard

from exoconsult.gui.session import AppServices
from exoconsult.gui.setup_wizard import PAGE_ADMIN, PAGE_CLINIC, PAGE_DONE, PAGE_PREFERENCES, SetupWizard
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui



def write_png(path) -> None:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d5c8c"))
    assert image.save(str(path), "PNG")


@pytest.fixture
def wizard(qtbot, sqlite_ctx, runner):
    services = AppServices(sqlite_ctx)  # no staff: a fresh clinic
    w = SetupWizard(services, runner)
    qtbot.addWidget(w)
    w.show()
    return w


def next_button(w):
    return w.button(QWizard.WizardButton.NextButton)


def test_walk_through_setup_creates_admin_and_shows_fingerprint(qtbot, wizard, tmp_path):
    services = wizard._services
    assert not services.setup_status().is_set_up
    type_text(wizard.clinic_name, "Exo Androloji Kliniği")
    wizard.clinic_address.setPlainText("Bağdat Cd. 1\nKadıköy, İstanbul")
    qtbot.keyClicks(wizard.clinic_phone, "+90 216 000 00 00")
    qtbot.keyClicks(wizard.complication_phone, "+90 532 000 00 01")
    logo = tmp_path / "logo.png"
    write_png(logo)
    wizard.set_logo_file(logo)
    assert wizard.logo_preview.pixmap() is not None and not wizard.logo_preview.pixmap().isNull()
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_PREFERENCES
    wizard.default_language.setCurrentIndex(wizard.default_language.findData("en"))
    wizard.paper_size.setCurrentIndex(wizard.paper_size.findData("Letter"))
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_ADMIN

    qtbot.keyClicks(wizard.admin_username, "admin")
    qtbot.keyClicks(wizard.admin_display_name, "Clinic Admin")
    qtbot.keyClicks(wizard.password, "correct horse battery")
    qtbot.keyClicks(wizard.confirm_password, "correct horse batteryX")
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_ADMIN
    assert "not the same" in wizard.messages["confirm_password"].text()
    assert not services.setup_status().is_set_up

    wizard.confirm_password.setText("correct horse battery")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_ADMIN  # the clinic passphrase is still missing
    assert "at least 12" in wizard.messages["passphrase"].text()
    qtbot.keyClicks(wizard.passphrase, "correct horse battery")
    qtbot.keyClicks(wizard.confirm_passphrase, "correct horse battery")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert "must not be the admin's password" in wizard.messages["passphrase"].text()
    wizard.passphrase.setText("quarry velvet monsoon ladder")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert "not the same" in wizard.messages["confirm_passphrase"].text()
    wizard.confirm_passphrase.setText("quarry velvet monsoon ladder")
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_DONE
    assert wizard.passphrase.text() == "" and wizard.confirm_passphrase.text() == ""
    status = services.setup_status()
    assert status.is_set_up and status.clinic_name == "Exo Androloji Kliniği"
    settings = services.clinic_settings()
    assert settings.paper_size == "Letter" and settings.default_language == "en" and settings.logo_file
    shown = wizard.fingerprint.text().replace("\n", ":")
    assert shown == settings.certificate_fingerprint
    with qtbot.waitSignal(wizard.finished_setup) as blocker:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert blocker.args == ["admin"]
    assert services.auth.login("admin", "correct horse battery").username == "admin"


def test_a_file_that_is_not_an_image_is_refused_as_logo(wizard, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"MZ this is an executable")
    wizard.set_logo_file(fake)
    assert "PNG or JPEG" in wizard.messages["logo"].text()
    assert wizard._logo is None


def test_each_page_is_checked_at_next_with_every_problem_at_once(qtbot, wizard):
    # An empty clinic name and a bad phone: "Next" stays on the clinic page and says both, at the fields.
    qtbot.keyClicks(wizard.clinic_phone, "call me")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_CLINIC
    assert "required" in wizard.messages["clinic_name"].text()
    assert wizard.messages["clinic_phone"].text() != ""
    wizard.clinic_name.setText("Exo Androloji Kliniği")  # keyClicks cannot type ğ
    assert wizard.messages["clinic_name"].text() == "", "fixed: its message goes at once"
    assert wizard.messages["clinic_phone"].text() != "", "not fixed yet: its message stays"
    wizard.clinic_phone.clear()
    assert wizard.messages["clinic_phone"].text() == ""
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_ADMIN
    # A short password typed differently twice: both problems in one press, nothing is set up.
    qtbot.keyClicks(wizard.admin_username, "admin")
    qtbot.keyClicks(wizard.admin_display_name, "Clinic Admin")
    wizard.password.setText("short")
    wizard.confirm_password.setText("shorter")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_ADMIN
    assert "at least 12" in wizard.messages["password"].text()
    assert "not the same" in wizard.messages["confirm_password"].text()
    assert not wizard._services.setup_status().is_set_up
    wizard.password.setText("correct horse battery")
    assert wizard.messages["password"].text() == "" and wizard.messages["confirm_password"].text() != ""
    wizard.confirm_password.setText("correct horse battery")
    assert wizard.messages["confirm_password"].text() == ""
    assert wizard.admin_username.text() == "admin"  # nothing typed is lost



def test_a_common_password_is_refused_with_its_reason_on_the_page(qtbot, wizard):
    qtbot.keyClicks(wizard.clinic_name, "Demo Klinik")
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wizard.admin_username, "admin")
    qtbot.keyClicks(wizard.admin_display_name, "Clinic Admin")
    wizard.password.setText("password1234")
    wizard.confirm_password.setText("password1234")
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert "one of the most common passwords" in wizard.messages["password"].text()
    assert not wizard._services.setup_status().is_set_up
