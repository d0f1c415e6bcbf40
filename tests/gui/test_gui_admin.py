"""Administration screens and what each role sees."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer

from exoconsult.domain.patient import PatientData
from exoconsult.gui.admin.admin_home import AdminHome
from exoconsult.gui.admin.user_dialog import UserDialog
from exoconsult.gui.main_window import MainWindow
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def admin_home(qtbot, services, runner, session_as, admin):
    home = AdminHome(services, session_as(admin), runner)
    qtbot.addWidget(home)
    home.show()
    home.start()
    return home


def visible_dialog(parent, cls):
    dialogs = [d for d in parent.findChildren(cls) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_admin_creates_an_account_with_field_messages_then_success(qtbot, admin_home, services):
    users = admin_home.sections["users"]
    assert users.model.rowCount() == 3  # admin, nurse, urologist from the fixtures
    qtbot.mouseClick(users.new_button, Qt.MouseButton.LeftButton)
    dialog = visible_dialog(users, UserDialog)
    qtbot.keyClicks(dialog.username, "nurse")  # taken
    type_text(dialog.display_name, "Gülşen Hemşire")
    dialog.password.setText("first password 123")
    dialog.confirm_password.setText("first password 123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "taken" in dialog.messages["username"].text()
    assert dialog.display_name.text() == "Gülşen Hemşire"

    dialog.username.setText("gulsen")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert users.model.rowCount() == 4
    users.select_username("gulsen")
    assert users.selected().must_change_password  # she chooses her own password at first sign-in


def test_deactivate_asks_a_reason_and_reset_shows_a_temporary_password_once(qtbot, admin_home, services,
                                                                             messages, nurse):
    users = admin_home.sections["users"]
    users.select_username("nurse")
    qtbot.mouseClick(users.reset_button, Qt.MouseButton.LeftButton)
    assert "Temporary password for nurse" in messages.texts()
    temporary = messages.shown[-1][1].split("\n\n")[1]
    assert len(temporary) >= 12
    assert users.selected().must_change_password

    messages.text_answer = None  # the admin cancels the reason prompt: nothing happens
    qtbot.mouseClick(users.active_button, Qt.MouseButton.LeftButton)
    assert users.selected().active
    messages.text_answer = "left the clinic"
    qtbot.mouseClick(users.active_button, Qt.MouseButton.LeftButton)
    assert not users.selected().active
    assert users.active_button.text() == "Reactivate…"


def test_admin_cannot_deactivate_or_reset_their_own_account(admin_home):
    users = admin_home.sections["users"]
    users.select_username("admin")
    assert not users.active_button.isEnabled()
    assert not users.reset_button.isEnabled()


def test_settings_show_field_messages_and_save(qtbot, admin_home, services, messages):
    admin_home.show_section("settings")
    page = admin_home.sections["settings"]
    page.clinic_name.setText("Exo Clinic")
    page.complication_phone.setText("call me maybe")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "digits" in page.messages["complication_phone"].text()
    assert page.complication_phone.text() == "call me maybe"
    page.complication_phone.setText("+90 532 000 00 01")
    page.idle_lock_minutes.setValue(10)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert services.clinic_settings().idle_lock_minutes == 10
    assert services.clinic_settings().complication_phone == "+90 532 000 00 01"
    assert page.idle_lock_minutes.maximum() == 15 and page.idle_lock_minutes.minimum() == 1


def test_audit_viewer_filters_and_exports_csv(qtbot, admin_home, services, nurse, tmp_path, monkeypatch):
    patient = services.patients.create(nurse, PatientData("Kaya", "Ali", date(1980, 1, 1), mrn="AUD-1"))
    services.patients.open(nurse, patient.id)
    admin_home.show_section("audit")
    page = admin_home.sections["audit"]
    assert page.model.rowCount() > 0
    page.patient_filter.setText(str(patient.id))
    page.action_filter.setCurrentIndex(page.action_filter.findData("view"))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 4).data() == "viewed"  # the stored action in words; the CSV keeps "view"
    assert page.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == "view"

    page.patient_filter.setText("abc")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert "number" in page.message.text()

    page.patient_filter.setText(str(patient.id))
    dest = tmp_path / "audit.csv"
    monkeypatch.setattr(page, "choose_export_file", lambda: dest)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with dest.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["action"] for r in rows] == ["view"]


@pytest.fixture
def window_as(qtbot, services, runner, gui_settings, clock, isolated_registry):
    def make(actor):
        win = MainWindow(runner, gui_settings)
        qtbot.addWidget(win)
        win.attach_services(services, clock, idle_timer=QTimer())
        win.show()
        win.session.sign_in(actor)
        return win
    return make


def test_nurse_sees_patients_but_no_administration(window_as, nurse):
    win = window_as(nurse)
    assert hasattr(win.home, "patient_list")
    assert win.new_patient_action.isVisible() and win.new_patient_action.isEnabled()
    assert not win.admin_menu.menuAction().isVisible()
    assert not any(a.isVisible() for a in win.admin_actions.values())


def test_admin_sees_administration_but_no_patient_screens(window_as, admin):
    win = window_as(admin)
    assert isinstance(win.home, AdminHome)
    assert set(win.home.sections) == {"users", "settings", "programme", "backups", "audit", "registry"}
    assert not win.new_patient_action.isVisible() and not win.find_action.isVisible()
    assert win.admin_menu.menuAction().isVisible()


def test_services_refuse_what_the_gui_hides_and_the_gui_says_so(qtbot, services, runner, session_as, nurse,
                                                                 messages):
    # A nurse somehow reaches the users page (the GUI would not show it): the service refuses, clearly.
    from exoconsult.gui.admin.users_page import UsersPage

    page = UsersPage(services, session_as(nurse), runner)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 0
    assert "Not allowed" in messages.texts()
    assert "role may not do this" in messages.texts()


def test_with_the_turkish_interface_a_refused_setting_is_explained_in_turkish(qtbot, admin_home, services):
    from exoconsult.gui import ui_language

    ui_language.use_language("tr")  # reset after the test
    admin_home.show_section("settings")
    page = admin_home.sections["settings"]
    page.clinic_name.setText("Exo Klinik")
    page.complication_phone.setText("beni ara")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.messages["complication_phone"].text() == (
        "24 saat komplikasyon hattı yalnızca rakam, boşluk ve + ( ) - / . içerebilir")
    assert services.clinic_settings().complication_phone != "beni ara"
