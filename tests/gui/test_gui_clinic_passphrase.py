"""Administration → Backups → Change the clinic passphrase, driven as an admin would: a wrong current
passphrase or a mismatch is told at its field and changes nothing; the change says old backups need the
old passphrase."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from exoconsult.gui.admin.admin_home import AdminHome
from exoconsult.gui.session import AppServices
from exoconsult.services.core import seal_key
from tests.backup_support import PASSPHRASE, set_up_clinic
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("EXOCONSULT_SHOTS")
NEW_PASSPHRASE = "orchard copper whistle ninety"


@pytest.fixture
def page(qtbot, sqlite_ctx, runner, session_as):
    staff = set_up_clinic(sqlite_ctx)
    home = AdminHome(AppServices(sqlite_ctx), session_as(staff["admin"]), runner)
    qtbot.addWidget(home)
    home.show()
    home.start()
    home.show_section("backups")
    yield home.sections["backups"]
    home.close()


def test_changing_the_clinic_passphrase_from_administration(qtbot, page, sqlite_ctx, messages):
    qtbot.mouseClick(page.passphrase_button, Qt.MouseButton.LeftButton)
    dialog = page.passphrase_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.old_passphrase, "not the clinic passphrase")
    type_text(dialog.new_passphrase, NEW_PASSPHRASE)
    type_text(dialog.confirm_passphrase, NEW_PASSPHRASE + "x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.messages["confirm_passphrase"].text()
    dialog.confirm_passphrase.clear()
    type_text(dialog.confirm_passphrase, NEW_PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not right" in dialog.messages["old_passphrase"].text() and dialog.isVisible()
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "change-passphrase-refused.png"))
    assert seal_key.open_with_passphrase(sqlite_ctx.db, PASSPHRASE)  # nothing changed
    dialog.old_passphrase.clear()
    type_text(dialog.old_passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert any("OLD passphrase" in text for _, text in messages.shown)
    assert seal_key.open_with_passphrase(sqlite_ctx.db, NEW_PASSPHRASE)
    if SHOTS:
        page.grab().save(os.path.join(SHOTS, "backups-page-with-passphrase-button.png"))
