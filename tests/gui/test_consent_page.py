"""The Consent stage driven as a person would: the gates with reasons, signing through the dialog (a
trivial mark refused, a wrong password refused, then signed), the sealed original shown in the app,
a withdrawal recorded, and "Verify a document"; plus the signature pad itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.consent.pdf_preview import PdfPreviewDialog
from exoconsult.gui.consent.signature_pad import SignatureField, SignaturePad
from exoconsult.services.history.patients import PatientService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, scribble

pytestmark = pytest.mark.gui


@pytest.fixture
def ready(sqlite_ctx, staff, clock, tmp_path):
    return ready_for_consent(sqlite_ctx, staff, clock, tmp_path)


@pytest.fixture
def page(qtbot, services, runner, session_as, ready, sqlite_ctx):
    patient = PatientService(sqlite_ctx).open(ready.urologist, ready.patient_id)
    widget = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(widget)
    return widget


def test_pad_records_a_mouse_drawn_stroke_with_undo_and_clear(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 140)
    pad.show()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 70))
    for x in range(30, 380, 12):
        QTest.mouseMove(pad, QPoint(x, 70 + (x // 12 % 5) * 9))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(380, 80))
    [stroke] = pad.strokes()
    assert len(stroke) > 20 and all(0 <= p.x <= 1 and 0 <= p.y <= 1 for p in stroke)
    assert stroke[-1].t_ms >= stroke[0].t_ms and pad.problem() is None
    pad.undo()
    assert pad.is_empty() and pad.problem() == "The signature is empty."


def test_a_trivial_mark_is_refused_with_a_message(qtbot):
    field = SignatureField("Patient", "Ahmet Yılmaz")
    qtbot.addWidget(field)
    field.pad.load_strokes(((scribble()[0][0],),))
    assert not field.validate() and "too small" in field.message.text()
    assert field.name_label.text() == "Ahmet Yılmaz"


def test_gates_are_shown_open_and_signing_produces_a_sealed_consent(page, messages, ready):
    assert page.gates.state_of("reflection")[0] == "OPEN"
    assert page.gates.state_of("content_approved")[0] == "OPEN"
    assert page.sign_button.isEnabled() and page.table.rowCount() == 0
    page.sign_button.click()
    dialog = page.signing_dialog
    for edit in dialog.initials.values():
        edit.setText("AY")
    for choice in dialog.optional.values():
        choice.no.click()
    dialog.fields["patient"].pad.load_strokes(((scribble()[0][0],),))  # a dot: refused locally
    dialog.fields["urologist"].pad.load_strokes(scribble(0.01))
    dialog.fields["witness"].pad.load_strokes(scribble(0.02))
    dialog.password.setText("not-the-right-password")
    dialog.witness_password.setText(STAFF_PASSWORDS["nurse"])
    # The dialog speaks the consent's language (Turkish here), whatever the clinician's screens speak.
    patients_signature = dialog.tr("%1's signature").replace("%1", dialog.tr("Patient"))
    assert not dialog.sign_button.isEnabled() and dialog.checklist.texts() == [patients_signature]
    assert "imza sayılamayacak kadar küçük" in dialog.fields["patient"].message.text()  # the patient's language
    dialog.sign_button.click()
    assert page.table.rowCount() == 0
    dialog.fields["patient"].pad.load_strokes(scribble())
    assert dialog.sign_button.isEnabled() and dialog.checklist.texts() == []
    dialog.sign_button.click()
    assert dialog.errors.text().startswith("•") and page.table.rowCount() == 0
    dialog.password.setText(STAFF_PASSWORDS["urologist"])
    dialog.sign_button.click()
    assert page.table.rowCount() == 1 and page.table.item(0, 3).text() == "Signed"
    assert isinstance(page.last_dialog, PdfPreviewDialog) and "signed and sealed" in page.last_dialog.windowTitle()
    assert page.last_dialog.page_count() > 1


def test_view_withdraw_and_verify(page, ready, tmp_path, monkeypatch):
    from tests.consent_support import sign

    summary = sign(page.ctx, ready)
    page.refresh()
    page.table.selectRow(0)
    page.view_button.click()
    page.withdraw_button.click()
    dialog = page.withdraw_dialog
    for choice in dialog.choices.values():
        choice.yes.click()
    dialog.signature.pad.load_strokes(scribble())
    dialog.password.setText(STAFF_PASSWORDS["urologist"])
    dialog.record_button.click()
    assert page.table.item(0, 3).text() == "WITHDRAWN" and not page.withdraw_button.isEnabled()
    from exoconsult.gui.consent.verify_dialog import VerifyDocumentDialog
    from exoconsult.services.integrity.document_check import DocumentVerifier

    verify = VerifyDocumentDialog(DocumentVerifier(page.ctx), page.session, page.runner)
    verify.id_edit.setText(summary.document_id)
    verify.check_id_button.click()
    assert verify.result.text().startswith("VALID") and "withdrawn" in verify.result.text()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    verify.check_file(str(bad))
    assert verify.result.text().startswith("NOT VALID")
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:  # sparse: 2 GB that costs no disk; it is refused, not read into memory
        fh.truncate(2 * 1024**3)
    verify.check_file(str(huge))
    assert "larger than 50 MB" in verify.result.text() and "it was not read" in verify.result.text()


def test_a_nurse_sees_the_stage_but_cannot_sign_or_withdraw(qtbot, services, runner, session_as, ready, sqlite_ctx):
    patient = PatientService(sqlite_ctx).open(ready.nurse, ready.patient_id)
    widget = ConsentPage(services, session_as(ready.nurse), runner, patient)
    qtbot.addWidget(widget)
    assert not widget.sign_button.isEnabled() and "urologist" in widget.sign_button.toolTip()
    assert widget.gates.state_of("eligibility")[0] == "OPEN"


def test_with_the_turkish_ui_every_gate_says_why_in_turkish(qtbot, services, runner, session_as, ready, sqlite_ctx):
    from exoconsult.domain.gates import teach_back_gate
    from exoconsult.gui import ui_language
    from exoconsult.gui.explanation.gates_panel import gate_reason

    ui_language.use_language("tr")
    patient = PatientService(sqlite_ctx).open(ready.urologist, ready.patient_id)
    widget = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(widget)
    english = {g.key: g.reason for g in widget.prep.gates}
    assert set(english) == set(widget.gates.rows)
    for key, reason in english.items():
        state, shown = widget.gates.state_of(key)
        assert state == "SAĞLANDI" and shown and shown != reason, (key, shown)
        assert not any(word in shown.split() for word in ("the", "is", "and", "not", "of", "under")), shown
    assert "protokolüne göre uygun" in widget.gates.state_of("eligibility")[1]
    # a closed gate names what is missing in the screen's language, never by its identifier
    closed = gate_reason(teach_back_gate({"experimental_status": "restated"}))
    assert "Garanti olmaması" in closed and "no_guarantee" not in closed and "Deneysel" not in closed
