"""First sight of the app: the window opens maximised the first time, each user gets back the size he
left it at (two users on one PC, each his own), the patient list's name column stretches and shows
whole names, and an empty clinic says how to add the first patient."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer

from exoconsult.domain.patient import PatientData
from exoconsult.gui.clinician_home import ClinicianHome
from exoconsult.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def window(qtbot, runner, gui_settings, services, clock) -> MainWindow:
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())
    win.show()
    return win


def maximised(win) -> bool:
    return bool(win.windowState() & Qt.WindowState.WindowMaximized)


def test_maximised_the_first_time_then_each_user_gets_his_own_size(qtbot, runner, gui_settings, services, clock,
                                                                    nurse, urologist, isolated_registry):
    win = window(qtbot, runner, gui_settings, services, clock)
    assert maximised(win), "first start: the whole screen"
    win.session.sign_in(nurse)
    assert maximised(win)
    win.showNormal()
    win.resize(1200, 600)  # heights are compared: the test screen (offscreen, 800 x 800) clamps widths
    qtbot.wait(10)
    nurse_height = win.height()
    win.switch_user()
    win.session.sign_in(urologist)
    assert maximised(win), "the urologist's first sign-in: maximised, not the nurse's size"
    win.showNormal()
    win.resize(1200, 760)
    qtbot.wait(10)
    urologist_height = win.height()
    win.close()

    again = window(qtbot, runner, gui_settings, services, clock)
    again.session.sign_in(nurse)
    assert not maximised(again) and again.height() == nurse_height == 600
    again.switch_user()
    again.session.sign_in(urologist)
    assert not maximised(again) and again.height() == urologist_height == 760


def test_names_are_readable_and_an_empty_clinic_says_how_to_start(qtbot, services, runner, session_as, nurse,
                                                                  isolated_registry):
    home = ClinicianHome(services, session_as(nurse), runner)
    qtbot.addWidget(home)
    home.resize(1280, 720)
    home.show()
    home.start()
    plist = home.patient_list
    qtbot.waitUntil(lambda: plist.status_label.text() != "", timeout=2000)
    assert plist.status_label.text() == "No patients yet — New patient… (Ctrl+N)"
    services.patients.create(nurse, PatientData("Karamanlıoğlu", "Mehmet Abdurrahman",
                                                date(1988, 3, 14), mrn="MRN-0001"))
    plist.search_now()
    qtbot.waitUntil(lambda: plist.model.rowCount() == 1, timeout=2000)
    header = plist.table.horizontalHeader()
    name_width = header.sectionSize(1)
    needed = plist.table.fontMetrics().horizontalAdvance(plist.model.row_at(0).display_name) + 8  # cell margins
    assert name_width >= needed, "the name column shows the whole name at 1280 x 720"
    assert header.sectionResizeMode(1) == header.ResizeMode.Stretch
    plist.search_box.setText("nobody-by-this-name")
    plist.search_now()
    qtbot.waitUntil(lambda: plist.status_label.text() == "No patient matches.", timeout=2000)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_every_screen_of_a_patient_fits_a_1280_x_720_laptop(qtbot, runner, gui_settings, services, clock, sqlite_ctx,
                                                            staff, tmp_path, lang):
    """Today's buttons once made the window 1450 px wide, and the consent gates and the explanation
    console 834 px tall: on a laptop the right edge and the bottom fell off the screen."""
    from exoconsult.gui import ui_language
    from tests.consent_support import ready_for_consent

    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    ui_language.set_user_choice(gui_settings, ready.urologist.user_id, lang)
    win = window(qtbot, runner, gui_settings, services, clock)
    win.session.sign_in(ready.urologist)
    qtbot.wait(10)
    room = (1280 - 20, 720 - 60)  # the window manager's frame and the taskbar
    assert win.minimumSizeHint().width() <= room[0], "Today"
    win.home.open_patient(ready.patient_id)
    workspace = win.home.workspace
    for stage in workspace.stage_buttons:
        qtbot.mouseClick(workspace.stage_buttons[stage], Qt.MouseButton.LeftButton)
        qtbot.wait(10)
        hint = win.minimumSizeHint()
        assert hint.width() <= room[0] and hint.height() <= room[1], (stage, hint)
