"""The screens' language: the clinic's working language before sign-in (sign-in dialog, setup wizard),
the user's own choice after it, Qt's standard buttons with them, and back at sign-out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from exoconsult.gui import ui_language
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow
from tests.conftest import STAFF_PASSWORDS


@pytest.fixture
def window(qtbot, services, runner, gui_settings, clock, isolated_registry):
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())  # the test clinic works in Turkish (default)
    win.show()
    return win


def test_the_sign_in_dialog_and_menus_speak_the_clinics_working_language(qtbot, window):
    window.request_sign_in()
    login = window.findChild(LoginDialog)
    assert login.windowTitle() == "ExoConsult'ta oturum açın"
    assert login.sign_in_button.text() == "Oturum aç"
    assert window.file_menu.title() == "&Dosya"
    assert window.status_page.label.text() == "Devam etmek için oturum açın."
    # Qt's own words (standard buttons) come from qtbase_tr.qm.
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Evet"


def test_a_user_who_chose_english_works_in_english_and_sign_out_returns_to_the_clinics(qtbot, window, nurse,
                                                                                      urologist):
    ui_language.set_user_choice(window.settings, nurse.user_id, "en")
    window.session.sign_in(nurse)
    assert window.file_menu.title() == "&File"
    assert window.home.patient_list.new_button.text() == "New patient…"
    window.switch_user()
    assert window.findChild(LoginDialog).windowTitle() == "ExoConsult'ta oturum açın"
    window.session.sign_in(urologist)  # no choice of their own: the clinic's language
    assert window.home.patient_list.new_button.text() == "Yeni hasta…"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "İptal"


def test_the_language_a_user_picks_in_the_menu_is_kept_with_their_account(qtbot, window, services, nurse,
                                                                          messages, tmp_path):
    window.session.sign_in(_signed_in(services, "nurse"))
    assert window.language_actions[""].isChecked()
    window.language_actions["en"].trigger()
    assert "English" in messages.texts()  # told it applies from the next sign-in
    assert _signed_in(services, "nurse").ui_language == "en"
    assert _signed_in(services, "urologist").ui_language == ""
    window.switch_user()
    window.session.sign_in(_signed_in(services, "nurse"))
    assert window.home.patient_list.new_button.text() == "New patient…"
    assert window.language_actions["en"].isChecked()
    # Another workstation (its own settings file) knows nothing of it, and shows it all the same.
    elsewhere = QSettings(str(tmp_path / "other-workstation.ini"), QSettings.Format.IniFormat)
    assert ui_language.language_for(elsewhere, _signed_in(services, "nurse"), "tr") == "en"
    window.language_actions[""].trigger()  # back to the clinic's working language
    assert _signed_in(services, "nurse").ui_language == ""
    assert ui_language.language_for(window.settings, window.session.actor, "tr") == "tr"


def test_a_choice_made_on_this_workstation_before_counts_until_the_user_chooses_again(qtbot, window, services):
    nurse = _signed_in(services, "nurse")
    ui_language.set_user_choice(window.settings, nurse.user_id, "en")  # kept per workstation before 0018
    assert ui_language.language_for(window.settings, nurse, "tr") == "en"
    window.session.sign_in(nurse)
    window.language_actions[""].trigger()
    assert ui_language.user_choice(window.settings, nurse.user_id) == ""
    assert ui_language.language_for(window.settings, window.session.actor, "tr") == "tr"


def _signed_in(services, username: str):
    return services.auth.login(username, STAFF_PASSWORDS[username])
