"""Refusals the services give, as a Turkish user meets them on screen: each in Turkish (the services keep
their English words for the command line and logs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from exoconsult.gui import ui_language
from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.followup.followup_page import FollowupPage
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.procedure.procedure_page import ProcedurePage
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.today.today import TodayService
from tests.consent_support import ready_for_consent, sign
from tests.followup_support import treated_patient
from tests.services.lot_support import receipt

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def shot(widget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def test_a_wrong_password_at_sign_in_is_refused_in_turkish(qtbot, services, runner):
    ui_language.use_language("tr")  # reset after the test
    dialog = LoginDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("nurse")
    dialog.password.setText("not-the-password")
    with qtbot.assertNotEmitted(dialog.signed_in):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    shot(dialog, "sign-in-refused-tr.png")
    assert dialog.message.text() == ("Oturum açılamadı: kullanıcı adı ya da parola yanlış veya hesap 5 başarısız "
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


def test_a_missed_visit_without_its_reason_is_refused_in_turkish(qtbot, services, runner, session_as, sqlite_ctx,
                                                                 staff, clock, tmp_path, messages):
    t = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    clock.advance(days=92)
    ui_language.use_language("tr")  # reset after the test
    page = FollowupPage(services, session_as(t.nurse), runner, services.patients.open(t.nurse, t.patient_id))
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)  # the day-1 call, overdue
    messages.text_answer = "   "  # OK pressed without a reason
    qtbot.mouseClick(page.missed_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1] == ("Lütfen girilenleri kontrol edin", "Kontrolün neden kaçırıldığını yazın.")
    assert page.current().visits[0].status == "overdue"  # nothing was recorded


def test_content_changed_after_its_approval_closes_the_gate_in_turkish(qtbot, services, runner, session_as,
                                                                       sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    consent_text = sqlite_ctx.forms_dir / "consent" / "tr.md"
    consent_text.write_text(consent_text.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # edited after approval
    ui_language.use_language("tr")  # reset after the test
    page = ConsentPage(services, session_as(ready.urologist), runner,
                       services.patients.open(ready.urologist, ready.patient_id))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    shot(page, "content-gate-tr.png")
    state, reason = page.gates.state_of("content_approved")
    assert state == "SAĞLANMADI"
    assert reason.startswith("Klinikçe onaylanmamış: consent/tr.md: ")
    assert "tarafından onaylandıktan sonra değiştirildi" in reason and "onay geçersizdir" in reason
    assert "changed since its approval" not in reason and "approval is void" not in reason


def test_administration_refusals_reach_a_turkish_admin_in_turkish(qtbot, services, staff, sqlite_ctx):
    from datetime import UTC, datetime

    from exoconsult.domain.errors import ExoError
    from exoconsult.gui.widgets import describe_error
    from exoconsult.services.admin.audit_log import AuditFilter
    from exoconsult.services.core import seal_key

    ui_language.use_language("tr")  # reset after the test
    admin, nurse = staff["admin"], staff["nurse"]
    with pytest.raises(ExoError) as not_a_urologist:
        services.grants.set_content_approver(admin, nurse.user_id, True)
    assert describe_error(not_a_urologist.value) == (
        "Lütfen girilenleri kontrol edin",
        "Klinik içeriği yalnızca etkin bir üroloji uzmanı hesabı onaylayabilir (nurse üroloji uzmanı değil).")
    start = datetime(2026, 5, 1, tzinfo=UTC)
    with pytest.raises(ExoError) as backwards:
        services.audit_log.query(admin, AuditFilter(since=start, until=start))
    assert describe_error(backwards.value)[1] == "Bitiş, başlangıçtan sonra olmalıdır."
    with pytest.raises(ExoError) as no_key:  # a clinic set up before the seal key moved into the database
        seal_key.open_with_passphrase(sqlite_ctx.db, "not the clinic passphrase")
    assert describe_error(no_key.value) == ("Veritabanı sorunu", "Klinik veritabanında mühür anahtarı yok.")
    assert str(no_key.value) == "The clinic database holds no seal key."  # English for logs and the command line


def test_a_follow_up_autosave_says_in_turkish_what_it_refused_and_what_to_check(qtbot, services, runner, session_as,
                                                                                 sqlite_ctx, staff, clock, tmp_path):
    from datetime import timedelta

    from exoconsult.gui.widgets import reason_text
    from exoconsult.services.followup.followup import FollowupService
    from tests.gui.keyboard import type_text
    from tests.gui.test_followup_walk import choose

    t = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    clock.advance(days=92)
    service = FollowupService(sqlite_ctx)
    visit = service.record_visit(t.nurse, t.record_id, "month3",
                                 service.for_patient(t.nurse, t.patient_id)[0].visit("month3").first + timedelta(days=10))
    ui_language.use_language("tr")  # reset after the test
    page = FollowupPage(services, session_as(t.nurse), runner, services.patients.open(t.nurse, t.patient_id))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    page.table.selectRow(2)
    editor = page.editor
    editor.tabs.setCurrentIndex(1)
    hormones = editor.forms["hormones"]
    type_text(hormones.widget_for("total_testosterone").edit, "60")  # nmol/L: far above the usual band
    choose(hormones.widget_for("total_testosterone"), "nmol/L")
    editor.flush()
    shot(page, "followup-warning-tr.png")
    said = hormones.message("total_testosterone")
    assert said.startswith("Kaydedildi; kontrol edin: ") and "ng/dL" in said
    assert "plausible band" not in said and "did you mean" not in said and "total_testosterone" not in said

    # What a screen would not send (the outcomes are the urologist's), refused by the service in Turkish too.
    saved = service.save_visit(t.nurse, visit.visit_id, {"retrieval_done": True, "ph": "7,2,1"},
                               editor.visit.row_version)
    assert saved.refused == {"retrieval_done": "Your role may not enter this section.",
                             "ph": "Enter a number: the digits 0-9 with at most one decimal comma, no thousands "
                                   "separator."}  # English for the command line and the log
    assert {f: reason_text(why) for f, why in saved.reasons.items()} == {
        "retrieval_done": "Rolünüz bu bölüme veri girmeye yetkili değil.",
        "ph": "Bir sayı girin: 0-9 rakamları, en fazla bir ondalık virgül, binlik ayırıcı olmadan."}


def test_an_adverse_event_that_contradicts_itself_is_refused_in_turkish(qapp):
    from exoconsult.domain import adverse_events as ae
    from exoconsult.domain.errors import ValidationError
    from exoconsult.gui.widgets import describe_error

    ui_language.use_language("tr")  # reset after the test
    refused = ValidationError(ae.consistency_problems(4, (), "recovering"))  # as the adverse-event service raises it
    assert describe_error(refused)[1] == ("Derece 4 (hayatı tehdit edici) bir olay ciddidir: “Hayatı tehdit edici” "
                                          "kutusunu işaretleyin.")
    assert refused.problems["serious"].startswith("A grade 4 (life-threatening) event is serious")
