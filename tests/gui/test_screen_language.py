"""The screens' language: the clinic's working language before sign-in (sign-in dialog, setup wizard),
the user's own choice after it, Qt's standard buttons with them, and back at sign-out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from exoconsult.gui import ui_language
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow


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


def test_the_language_a_user_picks_in_the_menu_is_kept_for_their_account(qtbot, window, nurse, urologist,
                                                                         messages):
    window.session.sign_in(nurse)
    assert window.language_actions[""].isChecked()
    window.language_actions["en"].trigger()
    assert "English" in messages.texts()  # told it applies from the next sign-in
    assert ui_language.user_choice(window.settings, nurse.user_id) == "en"
    assert ui_language.user_choice(window.settings, urologist.user_id) == ""
    window.switch_user()
    window.session.sign_in(nurse)
    assert window.home.patient_list.new_button.text() == "New patient…"
    assert window.language_actions["en"].isChecked()
