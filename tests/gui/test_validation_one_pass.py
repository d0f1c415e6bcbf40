"""Validation in one pass: the new-patient dialog names a malformed birth date AND the national id and
e-mail problems in one press (it used to take three), each message clears as its field is fixed and
the others stay; the password dialogs report the length rule and the mismatch together and clear them
as they are fixed. Typed as a person would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from exoconsult.gui.password_dialogs import ChangePasswordDialog
from tests.gui.test_gui_patients import fill, home, new_dialog, visible_messages  # noqa: F401 - fixture

pytestmark = pytest.mark.gui


def test_every_patient_problem_in_one_press_and_each_clears_when_fixed(qtbot, home):  # noqa: F811
    dialog = new_dialog(home)
    fill(dialog, family_name="Yılmaz", given_name="Ahmet", birth_date="31.02.1980", mrn="MRN-9",
         national_id="12345678901", email="not-an-address")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert set(visible_messages(dialog)) == {"birth_date", "national_id", "email"}
    fill(dialog, email="ahmet@example.com")
    assert set(visible_messages(dialog)) == {"birth_date", "national_id"}, "only the fixed field's message goes"
    fill(dialog, birth_date="31.02")  # still wrong while typing: the message stays
    assert "birth_date" in visible_messages(dialog)
    fill(dialog, birth_date="28.02.1980")
    assert set(visible_messages(dialog)) == {"national_id"}
    fill(dialog, national_id="")
    assert visible_messages(dialog) == {}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_password_rule_and_mismatch_together_then_cleared(qtbot, services, runner, session_as, nurse):
    dialog = ChangePasswordDialog(services, session_as(nurse), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old_password, "whatever")
    qtbot.keyClicks(dialog.new_password, "short")
    qtbot.keyClicks(dialog.confirm_password, "shorter")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "at least 12" in dialog.messages["new_password"].text()
    assert "not the same" in dialog.messages["confirm_password"].text()
    qtbot.keyClicks(dialog.new_password, " but now long enough")
    assert dialog.messages["new_password"].text() == "" and dialog.messages["confirm_password"].text() != ""
    dialog.confirm_password.clear()
    qtbot.keyClicks(dialog.confirm_password, "short but now long enough")
    assert dialog.messages["confirm_password"].text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["old_password"].text() == "The current password is wrong."
    qtbot.keyClicks(dialog.old_password, "x")
    assert dialog.messages["old_password"].text() == "", "editing the current password clears its message"
