"""Administration → Backups: Back up now makes one encrypted file (its folder created), and restore shows
the backup beside this clinic, needs the clinic passphrase, and for another clinic's backup its name typed,
before anything changes (issue 15 item 6), driven as an admin would."""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtCore import Qt

from exoconsult.config import DataDir
from exoconsult.domain.patient import PatientData
from exoconsult.gui.admin.admin_home import AdminHome
from exoconsult.gui.admin.restore_dialog import RestoreDialog
from exoconsult.gui.session import AppServices
from exoconsult.services.admin.backup import BackupService
from exoconsult.services.clinic import open_context
from tests.backup_support import PASSPHRASE, set_up_clinic
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("EXOCONSULT_SHOTS")  # a folder: save what the admin sees, to look at


@pytest.fixture
def clinic(sqlite_ctx):
    return sqlite_ctx, set_up_clinic(sqlite_ctx)


@pytest.fixture
def page(qtbot, clinic, runner, session_as):
    ctx, staff = clinic
    home = AdminHome(AppServices(ctx), session_as(staff["admin"]), runner)
    qtbot.addWidget(home)
    home.show()
    home.start()
    home.show_section("backups")
    yield home.sections["backups"]  # the home stays referenced while the test runs
    home.close()


def _patient(ctx, nurse, mrn: str) -> None:
    from datetime import date

    AppServices(ctx).patients.create(nurse, PatientData("Kaya", "Ali", date(1980, 1, 1), mrn=mrn))


def _dialog(page) -> RestoreDialog:
    assert page.restore_dialog is not None and page.restore_dialog.isVisible()
    return page.restore_dialog


def _cell(dialog: RestoreDialog, row: int, column: int) -> str:
    return dialog.table.item(row, column).text()


def test_back_up_now_then_restore_shows_both_and_needs_the_passphrase(qtbot, page, clinic, tmp_path, messages,
                                                                       monkeypatch):
    ctx, staff = clinic
    target = tmp_path / "usb" / "exoconsult"
    monkeypatch.setattr(page, "choose_folder", lambda: target)
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    [made] = target.iterdir()
    assert made.suffix == ".exobackup" and "encrypted and checked" in page.status.text()
    _patient(ctx, staff["nurse"], "AFTER")

    page.restore(made)
    dialog = _dialog(page)
    assert _cell(dialog, 0, 0) == _cell(dialog, 0, 1) == "Exo Clinic Ankara"
    assert (_cell(dialog, 5, 0), _cell(dialog, 5, 1)) == ("0", "1")  # patients: in the backup, now
    schema = dialog.table.item(4, 0)  # the database version a person compares; the migration id as tooltip
    assert re.fullmatch(r"Database version \d+", schema.text()) and re.fullmatch(r"\d{4}_\w+", schema.toolTip())
    assert _cell(dialog, 4, 0) == _cell(dialog, 4, 1)
    assert not dialog.other_clinic.isVisible() and not dialog.restore_button.isEnabled()
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "restore-same-clinic.png"))
    type_text(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "does not open" in dialog.message.text()
    dialog.passphrase.clear()
    type_text(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(page.database_restored, timeout=20000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Backup restored" in messages.texts() and "Exo Clinic Ankara was restored" in messages.texts()
    with ctx.db.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT count(*) FROM patient")).scalar() == 0


def test_another_clinics_backup_needs_its_name_typed_before_restore_can_be_pressed(qtbot, page, clinic, tmp_path,
                                                                                    messages, clock):
    ctx, _ = clinic
    other = open_context(DataDir(tmp_path / "other"), clock=clock)
    try:
        other_staff = set_up_clinic(other, "Kadikoy Andrology")
        backup = BackupService(other).backup_now(other_staff["admin"], tmp_path / "stick").path
    finally:
        other.close()
    page.restore(backup)
    dialog = _dialog(page)
    assert dialog.other_clinic.isVisible() and "ANOTHER clinic" in dialog.other_clinic.text()
    assert (_cell(dialog, 0, 0), _cell(dialog, 0, 1)) == ("Kadikoy Andrology", "Exo Clinic Ankara")
    assert _cell(dialog, 1, 0) != _cell(dialog, 1, 1)  # the certificates differ
    type_text(dialog.passphrase, PASSPHRASE)
    assert not dialog.restore_button.isEnabled()
    type_text(dialog.clinic_name, "Exo Clinic Ankara")
    assert not dialog.restore_button.isEnabled()
    dialog.clinic_name.clear()
    type_text(dialog.clinic_name, "Kadikoy Andrology")
    assert dialog.restore_button.isEnabled()
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "restore-other-clinic.png"))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and "Kadikoy Andrology was restored" in messages.texts()
    assert AppServices(ctx).clinic_settings().clinic_name == "Kadikoy Andrology"


def test_cancel_changes_nothing(qtbot, page, clinic, tmp_path):
    ctx, staff = clinic
    backup = BackupService(ctx).backup_now(staff["admin"], tmp_path / "stick").path
    before = ctx.data_dir.db_path.read_bytes()
    page.restore(backup)
    dialog = _dialog(page)
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and ctx.data_dir.db_path.read_bytes() == before


def test_creating_and_resetting_a_urologist_asks_the_clinic_passphrase(qtbot, clinic, runner, session_as, messages):
    """In a clinic whose seal key is encrypted, a urologist's account gets its key slot from the clinic
    passphrase the admin types (issue 21 item 2)."""
    from exoconsult.domain.people import Role
    from exoconsult.gui.admin.user_dialog import UserDialog
    from exoconsult.services.core import seal_key

    ctx, staff = clinic
    home = AdminHome(AppServices(ctx), session_as(staff["admin"]), runner)
    qtbot.addWidget(home)
    home.show()
    home.start()
    users = home.sections["users"]
    qtbot.mouseClick(users.new_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in users.findChildren(UserDialog) if d.isVisible()]
    type_text(dialog.username, "deniz")
    type_text(dialog.display_name, "Deniz Aydin")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.UROLOGIST))
    dialog.password.setText("harbour quartz lime seven")
    dialog.confirm_password.setText("harbour quartz lime seven")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "clinic passphrase" in dialog.messages["clinic_passphrase"].text()
    type_text(dialog.clinic_passphrase, PASSPHRASE)
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "new-urologist-passphrase.png"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    users.select_username("deniz")
    deniz = users.selected()
    assert seal_key.open_with_password(ctx.db, deniz.id, "harbour quartz lime seven") is not None

    messages.text_answer = PASSPHRASE  # the admin types the passphrase into the hidden prompt
    qtbot.mouseClick(users.reset_button, Qt.MouseButton.LeftButton)
    assert "Clinic passphrase" in messages.texts() and "Temporary password for deniz" in messages.texts()
    temporary = messages.shown[-1][1].split("\n\n")[1]
    assert seal_key.open_with_password(ctx.db, deniz.id, temporary) is not None
    home.close()


def test_a_file_that_is_no_clinic_backup_is_refused_in_the_admins_language(qtbot, page, tmp_path, messages):
    from exoconsult.gui import ui_language

    stranger = tmp_path / "photo.exobackup"
    stranger.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    ui_language.use_language("tr")  # reset after the test
    page.restore(stranger)
    assert page.restore_dialog is None
    assert "bu bir ExoConsult klinik yedeği değil" in messages.texts()
    assert "not an ExoConsult" not in messages.texts()


def test_an_unreadable_backups_folder_is_said_without_the_systems_english(page):
    page._on_list_error(PermissionError(13, "Permission denied", "/data/backups/daily"))
    assert "could not be read" in page.list_note.text() and "/data" not in page.list_note.text()
    assert not page.list_note.isHidden()


def test_the_schema_is_shown_as_the_database_version_in_turkish(qtbot, page, clinic, tmp_path):
    from exoconsult.gui import ui_language

    ctx, staff = clinic
    backup = BackupService(ctx).backup_now(staff["admin"], tmp_path / "stick").path
    ui_language.use_language("tr")  # the dialog is built in the screen language of the moment
    page.restore(backup)
    dialog = _dialog(page)
    shown = [_cell(dialog, 4, column) for column in (0, 1)]
    assert all(re.fullmatch(r"Veritabanı sürümü \d+", text) for text in shown), shown  # never "0021_integrity_…"
