"""The signing dialog guides the clinician: the list at the top names everything still missing, "Next
missing item" (F8) and a click in the list jump to it (scrolled into view, focused), each missing
field is outlined where it is, marks clear as fields are filled, and "Sign and seal" is enabled only
when nothing is missing. Driven with the keyboard and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.history.patients import PatientService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent
from tests.gui.test_signature_proportions import ZIGZAG, draw

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, services, runner, session_as, sqlite_ctx, staff, clock, tmp_path):
    # an English consent in an English-speaking clinic (no interpreter): the signing dialog speaks the
    # consent's language, and these tests read its words
    SettingsService(sqlite_ctx).update(staff["admin"], {"clinician_language": "en"})
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, language="en", preferred="en")
    patient = PatientService(sqlite_ctx).open(ready.urologist, ready.patient_id)
    page = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(page)
    page.show()
    page.sign_button.click()
    d = page.signing_dialog
    d.resize(1280, 700)
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)  # keyboard shortcuts (F8) reach the active window only
    return d


def visible_in_scroll(dialog, widget) -> bool:
    viewport = dialog.scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return 0 <= top_left.y() and top_left.y() + min(widget.height(), 40) <= viewport.height()


def marked(widget) -> bool:
    return bool(widget.property("missing"))


def test_the_checklist_leads_through_every_missing_item(qtbot, dialog):
    texts = dialog.checklist.texts()
    assert texts[0].startswith("Patient's initials – part(s) 1, 2")
    assert sum(t.startswith("Choice not answered") for t in texts) == len(dialog.optional)
    assert {"Patient's signature", "Treating urologist's signature", "Your password (confirms your signature)",
            "Witness's signature"} <= set(texts)
    assert not dialog.sign_button.isEnabled()
    assert all(marked(e) for e in dialog.initials.values()) and all(marked(c) for c in dialog.optional.values())
    assert marked(dialog.fields["patient"].pad) and dialog.fields["patient"].message.text() == "Signature needed"

    # The dialog opens on the first initials box; typing fills it and clears its mark only, then F8
    # goes on to the next missing field.
    first, second = list(dialog.initials.values())[:2]
    assert QApplication.focusWidget() is first
    QTest.keyClick(first, Qt.Key.Key_F8)
    assert QApplication.focusWidget() is second
    QTest.mouseClick(first, Qt.MouseButton.LeftButton)
    QTest.keyClicks(first, "AY")
    assert not marked(first) and marked(list(dialog.initials.values())[1])
    assert dialog.checklist.texts()[0].startswith("Patient's initials – part(s) 2")
    for edit in list(dialog.initials.values())[1:]:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
        assert QApplication.focusWidget() is edit and visible_in_scroll(dialog, edit)
        QTest.keyClicks(edit, "AY")
    assert not any(t.startswith("Patient's initials") for t in dialog.checklist.texts())

    for choice in dialog.optional.values():
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
        assert QApplication.focusWidget() is choice.yes and choice.needed.isVisibleTo(dialog)
        QTest.mouseClick(choice.no, Qt.MouseButton.LeftButton)
        assert not marked(choice) and not choice.needed.isVisibleTo(dialog)

    # Clicking an entry in the list goes to that item, even further down the form.
    entry = next(dialog.checklist.list.item(i) for i in range(dialog.checklist.list.count())
                 if dialog.checklist.list.item(i).text() == "Witness's signature")
    rect = dialog.checklist.list.visualItemRect(entry)
    QTest.mouseClick(dialog.checklist.list.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    witness_pad = dialog.fields["witness"].pad
    assert QApplication.focusWidget() is witness_pad and visible_in_scroll(dialog, witness_pad)

    for role in ("patient", "urologist", "witness"):
        draw(dialog.fields[role].pad, ZIGZAG)
        assert not marked(dialog.fields[role].pad) and dialog.fields[role].message.text() == ""
    assert dialog.checklist.texts() == ["Your password (confirms your signature)", "Witness's password"]
    assert not dialog.sign_button.isEnabled()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert QApplication.focusWidget() is dialog.password
    QTest.keyClicks(dialog.password, STAFF_PASSWORDS["urologist"])
    assert dialog.checklist.texts() == ["Witness's password"] and marked(dialog.witness_password)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert QApplication.focusWidget() is dialog.witness_password  # the nurse types her own
    QTest.keyClicks(dialog.witness_password, STAFF_PASSWORDS["nurse"])
    assert dialog.checklist.texts() == [] and dialog.sign_button.isEnabled()
    assert "Everything is filled in" in dialog.checklist.heading.text()


def test_undoing_a_signature_brings_its_item_back(qtbot, dialog):
    pad = dialog.fields["patient"].pad
    draw(pad, ZIGZAG)
    assert "Patient's signature" not in dialog.checklist.texts()
    QTest.mouseClick(dialog.fields["patient"].undo_button, Qt.MouseButton.LeftButton)
    assert "Patient's signature" in dialog.checklist.texts() and marked(pad)


def test_a_wrong_password_is_reported_at_the_top_and_the_password_gets_the_focus(qtbot, dialog):
    for edit in dialog.initials.values():
        edit.setText("AY")
    for choice in dialog.optional.values():
        choice.no.click()
    for role in ("patient", "urologist", "witness"):
        draw(dialog.fields[role].pad, ZIGZAG)
    QTest.keyClicks(dialog.password, "not-the-password")
    QTest.keyClicks(dialog.witness_password, STAFF_PASSWORDS["nurse"])
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text().startswith("•") and dialog.errors.isVisible()
    assert dialog.errors.mapTo(dialog, QPoint(0, 0)).y() < dialog.scroll.mapTo(dialog, QPoint(0, 0)).y()
    assert QApplication.focusWidget() is dialog.password and dialog.sign_button.isEnabled()


def test_a_wrong_witness_password_is_reported_and_the_witness_password_gets_the_focus(qtbot, dialog):
    for edit in dialog.initials.values():
        edit.setText("AY")
    for choice in dialog.optional.values():
        choice.no.click()
    for role in ("patient", "urologist", "witness"):
        draw(dialog.fields[role].pad, ZIGZAG)
    assert dialog.witness_choice.currentText().startswith("Ayşe Nurse")  # never the urologist himself
    QTest.keyClicks(dialog.password, STAFF_PASSWORDS["urologist"])
    QTest.keyClicks(dialog.witness_password, "not-the-nurses-password")
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "witness's password was not accepted" in dialog.errors.text() and dialog.isVisible()
    assert QApplication.focusWidget() is dialog.witness_password
    dialog.witness_password.clear()
    QTest.keyClicks(dialog.witness_password, STAFF_PASSWORDS["nurse"])
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_an_external_witness_needs_name_and_relation_and_no_password(qtbot, dialog):
    dialog.witness_choice.setCurrentIndex(dialog.witness_choice.findData(-1))
    assert not dialog.witness_password.isEnabled() and dialog.witness_relation.isEnabled()
    texts = dialog.checklist.texts()
    assert "Witness's name" in texts and "Witness's relation to the patient" in texts
    assert "Witness's password" not in texts
    dialog.witness_name.setText("Mehmet Yılmaz")
    dialog.witness_relation.setText("kardeşi")
    assert "Witness's relation to the patient" not in dialog.checklist.texts()
    assert dialog.build().signatures[-1].relation == "kardeşi"


def test_the_performing_urologist_is_chosen_from_the_clinics_urologists(qtbot, dialog):
    assert [dialog.performer.itemText(i) for i in range(dialog.performer.count())] == ["Dr. Deniz Uro"]
    assert dialog.performer.currentData() == dialog.prep.performing_urologist_id  # the one signing
    assert dialog.build().performing_urologist_id == dialog.performer.currentData()
