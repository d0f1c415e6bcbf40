"""A second workstation joins an existing clinic from the setup wizard's first page (issue 15 item 7)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from exoconsult.config import DataDir
from exoconsult.gui.join_clinic_dialog import JoinClinicDialog
from exoconsult.gui.session import AppServices
from exoconsult.gui.setup_wizard import SetupWizard
from tests.backup_support import PASSPHRASE, set_up_clinic
from tests.conftest import PG_URL, _pg_database, _pg_drop
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("EXOCONSULT_SHOTS")


def _open_join_dialog(qtbot, sqlite_ctx, runner) -> tuple[SetupWizard, JoinClinicDialog]:
    wizard = SetupWizard(AppServices(sqlite_ctx), runner)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.join_offer.button, Qt.MouseButton.LeftButton)
    dialog = wizard.join_offer.dialog
    assert dialog is not None and dialog.isVisible()
    return wizard, dialog


def test_joining_a_sqlite_file_or_nothing_is_refused_at_the_field(qtbot, sqlite_ctx, runner):
    wizard, dialog = _open_join_dialog(qtbot, sqlite_ctx, runner)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert "database" in dialog.messages["database_url"].text()
    type_text(dialog.database_url, f"sqlite:///{sqlite_ctx.data_dir.db_path}")
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert "PostgreSQL" in dialog.messages["database_url"].text() and dialog.isVisible()
    assert not sqlite_ctx.data_dir.local_settings()  # nothing written
    if SHOTS:
        wizard.grab().save(os.path.join(SHOTS, "wizard-join-button.png"))
        dialog.grab().save(os.path.join(SHOTS, "join-clinic-refused.png"))
    dialog.close()


def test_the_refusals_are_in_the_screen_language(qtbot, sqlite_ctx, runner):
    from exoconsult.gui import ui_language

    ui_language.use_language("tr")  # a Turkish clinic's installer
    wizard, dialog = _open_join_dialog(qtbot, sqlite_ctx, runner)
    type_text(dialog.database_url, f"sqlite:///{sqlite_ctx.data_dir.db_path}")
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    said = dialog.messages["database_url"].text()
    assert "PostgreSQL veritabanına" in said and "SQLite dosyası paylaşılamaz" in said, said
    if SHOTS:
        dialog.grab().save(os.path.join(SHOTS, "join-clinic-refused-tr.png"))
    dialog.close()


@pytest.mark.postgres
def test_a_second_workstation_joins_a_postgresql_clinic_from_the_wizard(qtbot, sqlite_ctx, runner, messages, clock,
                                                                        tmp_path):
    if not PG_URL:
        pytest.skip("set EXOCONSULT_TEST_PG_URL to run on PostgreSQL (CI does)")
    from exoconsult.services.clinic import open_context

    url = _pg_database()
    first = open_context(DataDir(tmp_path / "first-workstation"), url, clock=clock)
    try:
        set_up_clinic(first)
        wizard, dialog = _open_join_dialog(qtbot, sqlite_ctx, runner)
        type_text(dialog.database_url, url)
        type_text(dialog.passphrase, "not the clinic passphrase")
        qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        assert "not right" in dialog.messages["passphrase"].text() and dialog.isVisible()
        assert not sqlite_ctx.data_dir.local_settings()
        dialog.passphrase.clear()
        type_text(dialog.passphrase, PASSPHRASE)
        with qtbot.waitSignal(wizard.join_offer.joined, timeout=20000):
            qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
        assert any("joined Exo Clinic Ankara" in text for _, text in messages.shown)
        assert sqlite_ctx.data_dir.database_url() == url
        assert (sqlite_ctx.data_dir.keys_dir / "clinic-seal-cert.pem").is_file()
    finally:
        first.close()
        _pg_drop(url)
