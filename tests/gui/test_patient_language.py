"""What the patient reads or signs follows the consent's language, whatever the clinician's screens speak:
the signing dialog (initials, Yes/No, optional choices, signer captions) and the presentation window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel

from exoconsult.gui import ui_language
from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.services.history.patients import PatientService
from tests.consent_support import ready_for_consent

pytestmark = pytest.mark.gui


def open_signing(qtbot, services, runner, session_as, ctx, staff, clock, tmp_path, language):
    ready = ready_for_consent(ctx, staff, clock, tmp_path, language=language, preferred=language)
    patient = PatientService(ctx).open(ready.urologist, ready.patient_id)
    page = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(page)
    page.sign_button.click()
    return page, page.signing_dialog


def visible_words(dialog) -> str:
    texts = [w.text() for w in dialog.findChildren(QLabel)] + [b.title() for b in dialog.findChildren(QGroupBox)]
    return "\n".join([dialog.windowTitle(), *texts])


def test_english_screens_and_a_turkish_patient_sign_in_turkish(qtbot, services, runner, session_as, sqlite_ctx,
                                                               staff, clock, tmp_path):
    assert ui_language.current_language() == "en"
    page, dialog = open_signing(qtbot, services, runner, session_as, sqlite_ctx, staff, clock, tmp_path, "tr")
    assert "Sign" in page.sign_button.text()  # the console around the dialog: the clinician's English
    choice = next(iter(dialog.optional.values()))
    assert (choice.yes.text(), choice.no.text()) == ("Evet", "Hayır")
    words = visible_words(dialog)
    for turkish in ("Her bölüm için hastanın parafı", "İsteğe bağlı seçimler", "Tedaviyi yapan ürolog"):
        assert turkish in words
    for english in ("Patient's initials", "Optional choices", "Treating urologist", "Yes"):
        assert english not in words
    assert dialog.fields["patient"].clear_button.text() == "Temizle"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Vazgeç"


def test_turkish_screens_and_an_english_patient_sign_in_english(qtbot, services, runner, session_as, sqlite_ctx,
                                                                staff, clock, tmp_path):
    ui_language.use_language("tr")
    page, dialog = open_signing(qtbot, services, runner, session_as, sqlite_ctx, staff, clock, tmp_path, "en")
    choice = next(iter(dialog.optional.values()))
    assert (choice.yes.text(), choice.no.text()) == ("Yes", "No")
    words = visible_words(dialog)
    assert "Patient's initials for each part" in words and "Optional choices" in words
    assert "Evet" not in words and "Hasta" not in words.split()
