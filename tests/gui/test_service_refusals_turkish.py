"""Refusals the services give, as a Turkish user meets them on screen: each in Turkish (the services keep
their English words for the command line and logs)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exoconsult.gui import ui_language
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.procedure.procedure_page import ProcedurePage
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.today.today import TodayService
from tests.consent_support import ready_for_consent, sign
from tests.services.lot_support import receipt

pytestmark = pytest.mark.gui


def test_a_wrong_password_at_sign_in_is_refused_in_turkish(qtbot, services, runner):
    ui_language.use_language("tr")  # reset after the test
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("nurse")
    dialog.password.setText("not-the-password")
    with qtbot.assertNotEmitted(dialog.signed_in):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == ("Giriş yapılamadı: kullanıcı adı ya da parola yanlış veya hesap 5 başarısız "
                                     "denemeden sonra 15 dakika süreyle kilitlendi.")


def test_a_lot_discarded_behind_the_screen_is_refused_in_turkish(qtbot, services, runner, session_as, sqlite_ctx,
                                                                 staff, clock, tmp_path, messages):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    sign(sqlite_ctx, ready)
    today = TodayService(sqlite_ctx)
    today.plan_procedure(ready.nurse, ready.patient_id, today.overview(ready.nurse).today)
    lots = LotService(sqlite_ctx)
    lot = lots.receive(ready.nurse, receipt())
    lots.release(ready.urologist, lot.id)
    ui_language.use_language("tr")  # reset after the test
    page = ProcedurePage(services, session_as(ready.nurse), runner, services.patients.open(ready.nurse,
                                                                                          ready.patient_id))
    qtbot.addWidget(page)
    page.show()
    row = page.panel.rows["lot_chosen"]
    assert row.lot.count() == 1 and row.yes_button.isEnabled()
    lots.discard(ready.nurse, lot.id, "Kutu hasarlı geldi")  # on another workstation, while this page is open
    qtbot.mouseClick(row.yes_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1] == ("Lütfen girilenleri kontrol edin", "Bu parti imha edildi.")
    assert next(i for i in page.current().items if i.key == "lot_chosen").answer is None
