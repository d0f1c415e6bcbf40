"""The sign-in fields keep their height when a message appears (seen squeezed to ~6 px lines under a
window manager after one wrong password): the message's room is kept from the start, the fields
never go below their natural height, and the dialog cannot be made smaller than its content. Checked at
several window sizes, before and after a failure; the lock screen likewise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from exoconsult.gui.idle_lock import LockScreen
from exoconsult.gui.login_dialog import LoginDialog

pytestmark = pytest.mark.gui


def geometry(dialog, *widgets) -> list[tuple[int, int]]:
    return [(w.mapTo(dialog, QPoint(0, 0)).y(), w.height()) for w in widgets]


@pytest.mark.parametrize("size", [(300, 120), (420, 260), (640, 480), (1280, 720), (1600, 1000)])
def test_a_wrong_password_moves_and_shrinks_nothing(qtbot, services, runner, size):
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(*size)
    qtbot.wait(10)
    natural = dialog.username.sizeHint().height()
    before = geometry(dialog, dialog.username, dialog.password, dialog.sign_in_button)
    assert dialog.width() >= 400 and dialog.height() >= dialog.sizeHint().height()
    dialog.username.setText("nurse")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert "wrong" in dialog.message.text()
    after = geometry(dialog, dialog.username, dialog.password, dialog.sign_in_button)
    assert after == before, "the message moved or resized the fields"
    for _, height in after[:2]:
        assert height >= natural
    message_top = dialog.message.mapTo(dialog, QPoint(0, 0)).y()
    assert message_top >= after[1][0] + after[1][1], "the message sits under the password, not over it"


def test_the_lock_screen_keeps_its_field_when_the_password_is_wrong(qtbot):
    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.resize(640, 400)
    screen.show()
    screen.prepare("Ayşe Nurse", "nurse")
    qtbot.wait(10)
    before = geometry(screen, screen.password, screen.unlock_button)
    screen.show_failure("The password is wrong.")
    qtbot.wait(10)
    assert geometry(screen, screen.password, screen.unlock_button) == before
    assert screen.password.height() >= screen.password.sizeHint().height()
