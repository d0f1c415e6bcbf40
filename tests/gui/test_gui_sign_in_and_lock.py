"""Sign-in, forced password change, idle lock with a fake clock, unlock, switch user."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from exoconsult.domain.patient import PatientData
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow
from exoconsult.gui.password_dialogs import ForcedPasswordChangeDialog
from tests.conftest import STAFF_PASSWORDS

pytestmark = pytest.mark.gui

CANARY = "Zzqcanary"


def sign_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_login_refuses_a_wrong_password(qtbot, services, runner):
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.signed_in):
        sign_in(qtbot, dialog, "nurse", "not-the-password")
    assert dialog.isVisible()
    assert dialog.message.isVisibleTo(dialog)
    assert "username or password is wrong" in dialog.message.text()
    assert dialog.password.text() == ""  # the wrong password does not linger in the field


def test_login_with_the_right_password_signs_in(qtbot, services, runner, nurse):
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.signed_in, timeout=2000) as blocker:
        sign_in(qtbot, dialog, "nurse", STAFF_PASSWORDS["nurse"])
    assert blocker.args[0].user_id == nurse.user_id


def test_after_an_admin_reset_the_user_must_choose_a_new_password(qtbot, services, runner, admin, nurse):
    temporary = services.accounts.reset_password(admin, nurse.user_id)
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "nurse", temporary)
    forced = dialog.findChild(ForcedPasswordChangeDialog)
    assert forced is not None and forced.isVisible()
    # Too short: the service's rule is shown under the field and nothing signs in.
    forced.new_password.setText("short")
    forced.confirm_password.setText("short")
    with qtbot.assertNotEmitted(dialog.signed_in):
        qtbot.mouseClick(forced.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 12" in forced.messages["new_password"].text()
    forced.new_password.setText("a brand new passphrase")
    forced.confirm_password.setText("a brand new passphrase")
    with qtbot.waitSignal(dialog.signed_in, timeout=2000):
        qtbot.mouseClick(forced.ok_button, Qt.MouseButton.LeftButton)
    assert services.auth.login("nurse", "a brand new passphrase").user_id == nurse.user_id


@pytest.fixture
def window(qtbot, services, runner, gui_settings, clock, nurse, isolated_registry):
    services.patients.create(nurse, PatientData(CANARY, "Mehmet", date(1988, 3, 14), mrn="CAN-1"))
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())
    win.show()
    win.session.sign_in(nurse)
    return win


def texts_on_screen(win) -> list[str]:
    """Every text a visible widget shows (labels, fields, table cells)."""
    found = []
    for w in win.findChildren(QLabel):
        if w.isVisibleTo(win):
            found.append(w.text())
    for w in win.findChildren(QLineEdit):
        if w.isVisibleTo(win):
            found.append(w.text())
    for w in win.findChildren(QPlainTextEdit):
        if w.isVisibleTo(win):
            found.append(w.toPlainText())
    for w in win.findChildren(QComboBox):
        if w.isVisibleTo(win):
            found.append(w.currentText())
    for view in win.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        root = QModelIndex()
        for r in range(model.rowCount(root)):
            for c in range(model.columnCount(root)):
                found.append(str(model.index(r, c).data() or ""))
    return found


def open_canary(qtbot, win):
    home = win.home
    qtbot.waitUntil(lambda: home.patient_list.model.rowCount() >= 1, timeout=2000)
    home.open_patient(home.patient_list.model.row_at(0).id)
    home.workspace.show_stage("assessment")
    assert any(CANARY in t for t in texts_on_screen(win))


def test_idle_lock_at_five_minutes_hides_patient_data_and_needs_the_same_password(qtbot, window, clock):
    open_canary(qtbot, window)
    lock = window.idle_lock
    assert lock.minutes == 5

    clock.advance(minutes=4, seconds=59)
    assert lock.check() is False
    assert not window.session.is_locked

    clock.advance(seconds=1)
    assert lock.check() is True
    assert window.session.is_locked
    assert window.pages.currentWidget() is window.lock_screen
    qtbot.waitUntil(lambda: window.home is None)
    assert not any(CANARY in t for t in texts_on_screen(window))
    assert not window.new_patient_action.isEnabled()

    # A wrong password keeps it locked.
    qtbot.keyClicks(window.lock_screen.password, "wrong password here")
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert window.session.is_locked
    assert window.lock_screen.message.isVisibleTo(window)
    assert not any(CANARY in t for t in texts_on_screen(window))

    # The same user's password unlocks, and the patient and stage come back.
    qtbot.keyClicks(window.lock_screen.password, STAFF_PASSWORDS["nurse"])
    QTest.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert not window.session.is_locked
    assert window.home is not None and window.home.workspace is not None
    assert window.home.workspace.current_stage() == "assessment"
    assert any(CANARY in t for t in texts_on_screen(window))


def test_input_resets_the_idle_timer(qtbot, window, clock):
    lock = window.idle_lock
    clock.advance(minutes=4)
    QTest.keyClick(window.home.patient_list.search_box, Qt.Key.Key_A)
    clock.advance(minutes=4)
    assert lock.check() is False
    clock.advance(minutes=1)
    assert lock.check() is True


def test_switch_user_signs_out_and_lets_pages_keep_drafts(qtbot, window, nurse):
    saved_for = []

    class DraftKeeper:
        def save(self) -> None:
            saved_for.append(window.session.actor)

    keeper = DraftKeeper()
    window.session.about_to_logout.connect(keeper.save)
    window.lock_now()
    qtbot.mouseClick(window.lock_screen.switch_button, Qt.MouseButton.LeftButton)
    assert saved_for == [nurse]  # the draft belongs to the user who left
    assert window.session.actor is None
    login = window.findChild(LoginDialog)
    assert login is not None and login.isVisible()
    assert not any(CANARY in t for t in texts_on_screen(window))


def test_an_open_patient_dialog_disappears_with_the_lock(qtbot, window, clock):
    from exoconsult.gui.patients.patient_dialog import PatientDialog

    window.home.new_patient()
    dialog = next(d for d in window.findChildren(PatientDialog) if d.isVisible())
    dialog.family_name.setText(CANARY + "typed")
    window.lock_now()
    assert not dialog.isVisible()
    assert not any(CANARY in t for t in texts_on_screen(window))


def test_change_own_password_checks_the_current_one_then_changes(qtbot, services, runner, session_as, nurse,
                                                                messages):
    from exoconsult.gui.password_dialogs import ChangePasswordDialog

    dialog = ChangePasswordDialog(services, session_as(nurse), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.old_password.setText("not my password")
    dialog.new_password.setText("a long new passphrase")
    dialog.confirm_password.setText("a long new passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "current password is wrong" in dialog.messages["old_password"].text()
    assert dialog.isVisible()

    dialog.old_password.setText(STAFF_PASSWORDS["nurse"])
    dialog.confirm_password.setText("a long new passphrasX")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.messages["confirm_password"].text()

    dialog.confirm_password.setText("a long new passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Password changed" in messages.texts()
    assert services.auth.login("nurse", "a long new passphrase").user_id == nurse.user_id
