"""After a signature the Consent page is about the signed consent: its status, View sealed original,
Print and Withdraw, no "Sign…" and no "All gates are open"; a new signature comes back only as an
explicit "Re-consent…" once the consent is withdrawn or expired, confirmed, with a warning while
another consent is still valid."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.consent.signing_dialog import SigningDialog
from exoconsult.services.history.patients import PatientService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, scribble, sign

pytestmark = pytest.mark.gui


@pytest.fixture
def ready(sqlite_ctx, staff, clock, tmp_path):
    return ready_for_consent(sqlite_ctx, staff, clock, tmp_path)


def open_page(qtbot, services, runner, session_as, ready, ctx) -> ConsentPage:
    patient = PatientService(ctx).open(ready.urologist, ready.patient_id)
    page = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def test_a_signed_consent_is_shown_with_its_actions_and_no_new_signature(qtbot, services, runner, session_as,
                                                                         ready, sqlite_ctx):
    sign(sqlite_ctx, ready)
    page = open_page(qtbot, services, runner, session_as, ready, sqlite_ctx)
    assert page.current.isVisible() and page.current.text().startswith("VALID")
    assert not page.sign_button.isVisible() and not page.gates.isVisible()
    assert "All gates are open" not in page.status_line.text()
    assert "Re-consent" in page.status_line.text()
    for button in (page.view_button, page.print_button, page.withdraw_button):
        assert button.isVisible() and button.isEnabled(), button.text()
    page.view_button.click()
    assert page.last_dialog.page_count() > 1  # the sealed original of the newest consent, selected for you


def test_after_a_withdrawal_the_next_signature_is_an_explicit_re_consent(qtbot, services, runner, session_as,
                                                                         ready, sqlite_ctx, messages):
    sign(sqlite_ctx, ready)
    page = open_page(qtbot, services, runner, session_as, ready, sqlite_ctx)
    page.withdraw_button.click()
    dialog = page.withdraw_dialog
    for choice in dialog.choices.values():
        choice.yes.click()
    dialog.signature.pad.load_strokes(scribble())
    dialog.password.setText(STAFF_PASSWORDS["urologist"])
    dialog.record_button.click()
    assert page.current.text().startswith("WITHDRAWN")
    assert page.sign_button.isVisible() and page.sign_button.text() == "Re-consent…" and page.sign_button.isEnabled()
    messages.answer = QMessageBox.StandardButton.No.value
    page.sign_button.click()
    assert any(title == "Re-consent" for title, _ in messages.shown)
    assert not isinstance(getattr(page, "last_dialog", None), SigningDialog), "declined: no signing dialog"
    assert "still valid" not in messages.texts()
    messages.answer = QMessageBox.StandardButton.Yes.value
    page.sign_button.click()
    assert isinstance(page.last_dialog, SigningDialog)


def test_an_expired_consent_offers_re_consent(qtbot, services, runner, session_as, ready, sqlite_ctx, clock):
    sign(sqlite_ctx, ready)
    clock.advance(days=120)  # past the 90-day validity
    page = open_page(qtbot, services, runner, session_as, ready, sqlite_ctx)
    assert page.current.text().startswith("EXPIRED")
    assert page.sign_button.isVisible() and page.sign_button.text() == "Re-consent…"
    assert page.gates.isVisible(), "signing is the next step again: its gates are shown"


def test_re_consent_warns_while_an_older_consent_is_still_valid(qtbot, services, runner, session_as, ready,
                                                                sqlite_ctx, clock, messages):
    # Two consents signed one after the other (the service allows it; records from before this page did),
    # the newer one withdrawn: the older is still valid, and re-consenting says so.
    from tests.gui.test_today import withdraw

    sign(sqlite_ctx, ready)
    clock.advance(minutes=5)
    newer = sign(sqlite_ctx, ready)
    withdraw(sqlite_ctx, ready, newer.document_id)
    page = open_page(qtbot, services, runner, session_as, ready, sqlite_ctx)
    assert page.current.text().startswith("WITHDRAWN") and page.sign_button.text() == "Re-consent…"
    messages.answer = QMessageBox.StandardButton.No.value
    page.sign_button.click()
    assert "still valid" in messages.texts()
