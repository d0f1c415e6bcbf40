"""The staff witness's signing PIN on screen (content release 1.1, item 14): the nurse sets her own PIN in
File > Signing PIN… (her password confirms it); where the admin allows PINs the signing dialog lets the
witness confirm with it, a wrong PIN is reported at the top with the focus back on the field, the right
one signs and the sealed consent says "verified by PIN". Where PINs are not allowed no choice is shown."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from exoconsult.gui import ui_language
from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.signing_pin_dialog import SigningPinDialog
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.history.patients import PatientService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent
from tests.gui.test_signature_proportions import ZIGZAG, draw

pytestmark = pytest.mark.gui
PIN = "480159"


def _keep(name: str, what) -> None:
    """With EXOCONSULT_SHOTS set, keep a screenshot (a widget) or a PDF (bytes) there to look at."""
    if not (shots := os.environ.get("EXOCONSULT_SHOTS")):
        return
    Path(shots).mkdir(parents=True, exist_ok=True)
    if isinstance(what, bytes):
        (Path(shots) / name).write_bytes(what)
    else:
        what.grab().save(str(Path(shots) / name))


def _signing_dialog(qtbot, services, runner, session_as, ctx, ready):
    patient = PatientService(ctx).open(ready.urologist, ready.patient_id)
    page = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(page)
    page.show()
    page.sign_button.click()
    dialog = page.signing_dialog
    dialog.resize(1280, 700)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # the focus moves within the active window only
    return dialog


def _fill_all_but_the_witness_proof(dialog) -> None:
    for edit in dialog.initials.values():
        edit.setText("AY")
    for choice in dialog.optional.values():
        choice.no.click()
    for role in ("patient", "urologist", "witness"):
        draw(dialog.fields[role].pad, ZIGZAG)
    QTest.keyClicks(dialog.password, STAFF_PASSWORDS["urologist"])


def test_the_nurse_sets_her_pin_with_her_password(qtbot, services, runner, session_as, staff, messages):
    dialog = SigningPinDialog(services, session_as(staff["nurse"]), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "no signing PIN" in dialog.state.text() and "does not accept PINs" in dialog.state.text()
    assert not dialog.remove_button.isEnabled()
    QTest.keyClicks(dialog.current_password, STAFF_PASSWORDS["nurse"])
    QTest.keyClicks(dialog.new_pin, "12a3456")  # letters are not taken
    assert dialog.new_pin.text() == "123456"
    QTest.keyClicks(dialog.confirm_pin, "123456")
    QTest.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert "run of digits" in dialog.messages["new_pin"].text() and dialog.isVisible()
    dialog.new_pin.clear()
    dialog.confirm_pin.clear()
    QTest.keyClicks(dialog.new_pin, PIN)
    QTest.keyClicks(dialog.confirm_pin, PIN)
    _keep("signing-pin-dialog.png", dialog)
    QTest.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and ("Signing PIN", "Your signing PIN is in use from now on.") in messages.shown
    assert services.signing_pin.status(staff["nurse"]).has_pin


@pytest.mark.parametrize("language", ["en", "tr"])
def test_the_witness_confirms_with_her_pin_and_the_consent_says_so(qtbot, services, runner, session_as, sqlite_ctx,
                                                                   staff, clock, tmp_path, language):
    # the consent in the clinic's working language (no interpreter)
    SettingsService(sqlite_ctx).update(staff["admin"], {"witness_pin_allowed": True, "clinician_language": language})
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, language=language, preferred=language)
    services.signing_pin.set_own_pin(staff["nurse"], STAFF_PASSWORDS["nurse"], PIN)
    ui_language.use_language(language)  # the clinic's screens in its working language (refusals are shown in it)
    dialog = _signing_dialog(qtbot, services, runner, session_as, sqlite_ctx, ready)
    assert dialog.witness_method.isVisibleTo(dialog)
    _fill_all_but_the_witness_proof(dialog)
    dialog.witness_method.setCurrentIndex(dialog.witness_method.findData("pin"))
    expected = {"en": "Witness's PIN", "tr": "Tanığın PIN kodu"}[language]
    assert dialog.checklist.texts() == [expected]
    QTest.keyClicks(dialog.witness_password, "246801")
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and QApplication.focusWidget() is dialog.witness_password
    refused = {"en": "PIN was not accepted", "tr": "PIN kodu kabul edilmedi"}[language]
    assert refused in dialog.errors.text()
    dialog.scroll.ensureWidgetVisible(dialog.witness_method)
    _keep(f"signing-witness-pin-refused-{language}.png", dialog)
    dialog.witness_password.clear()
    QTest.keyClicks(dialog.witness_password, PIN)
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    [signed] = ConsentService(sqlite_ctx).list(ready.urologist, ready.patient_id)
    pdf = ConsentService(sqlite_ctx).pdf(ready.urologist, signed.document_id)
    _keep(f"consent-witness-pin-{language}.pdf", pdf)
    body = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    by_pin, by_password = {"en": ("Identity verified by PIN", "Identity verified by password"),
                           "tr": ("Kimlik PIN ile doğrulandı", "Kimlik parolayla doğrulandı")}[language]
    assert body.count(by_pin) == 1 and body.count(by_password) == 1  # the witness's, the urologist's


def test_without_the_setting_the_witness_types_her_password(qtbot, services, runner, session_as, sqlite_ctx, staff,
                                                            clock, tmp_path):
    SettingsService(sqlite_ctx).update(staff["admin"], {"clinician_language": "en"})
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, language="en", preferred="en")
    dialog = _signing_dialog(qtbot, services, runner, session_as, sqlite_ctx, ready)
    assert not dialog.witness_method.isVisibleTo(dialog)
    _fill_all_but_the_witness_proof(dialog)
    assert dialog.checklist.texts() == ["Witness's password"]


def test_the_admin_allows_pins_on_the_settings_page(qtbot, services, runner, session_as, staff, sqlite_ctx):
    from exoconsult.gui.admin.admin_home import AdminHome
    from exoconsult.services.core.clinic_settings import current_settings

    SettingsService(sqlite_ctx).update(staff["admin"], {"clinic_name": "Test Andrology Clinic"})
    home = AdminHome(services, session_as(staff["admin"]), runner)
    qtbot.addWidget(home)
    home.show()
    home.start()
    home.show_section("settings")
    page = home.sections["settings"]
    assert not page.witness_pin_allowed.isChecked()  # off by default
    qtbot.mouseClick(page.witness_pin_allowed, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert current_settings(sqlite_ctx).witness_pin_allowed is True
    home.resize(900, 1000)
    _keep("settings-witness-pin.png", page)
