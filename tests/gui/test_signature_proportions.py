"""A signature keeps its shape from the pad to the sealed PDF: a flat zig-zag drawn with the mouse on
every signer's pad in the signing dialog comes out of the sealed original with the same width/height
ratio (within 2 %), whatever the pad's own proportions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.consent.signature_pad import SignaturePad
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.history.patients import PatientService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent
from tests.documents.pdf_helpers import signature_ink_extents

pytestmark = pytest.mark.gui

# 300 px wide, 60 px high: a 5:1 zig-zag (the pad itself is far wider than 5:1)
ZIGZAG = [QPoint(20 + 25 * i, 30 if i % 2 == 0 else 90) for i in range(13)]
DRAWN_RATIO = 300 / 60


def draw(pad: SignaturePad, points: list[QPoint]) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def test_the_pad_stores_true_proportions_on_any_pad_shape(qtbot):
    for size in ((700, 130), (360, 200)):
        pad = SignaturePad()
        qtbot.addWidget(pad)
        pad.setFixedSize(*size)
        pad.show()
        draw(pad, ZIGZAG)
        points = [p for s in pad.strokes() for p in s]
        width = max(p.x for p in points) - min(p.x for p in points)
        height = max(p.y for p in points) - min(p.y for p in points)
        assert width / height == pytest.approx(DRAWN_RATIO, rel=0.001), size
        assert max(max(p.x, p.y) for p in points) <= 1.0


def test_a_signature_drawn_in_the_dialog_keeps_its_shape_in_the_sealed_pdf(qtbot, services, runner, session_as,
                                                                           sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    patient = PatientService(sqlite_ctx).open(ready.urologist, ready.patient_id)
    page = ConsentPage(services, session_as(ready.urologist), runner, patient)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.sign_button.click()
    dialog = page.signing_dialog
    dialog.resize(1280, 700)
    for edit in dialog.initials.values():
        edit.setText("AY")
    for choice in dialog.optional.values():
        choice.no.click()
    for role in ("patient", "urologist", "witness"):
        pad = dialog.fields[role].pad
        assert pad.width() / pad.height() < 0.8 * DRAWN_RATIO  # not the drawing's shape: per-axis would distort
        draw(pad, ZIGZAG)
    dialog.password.setText(STAFF_PASSWORDS["urologist"])
    dialog.witness_password.setText(STAFF_PASSWORDS["nurse"])
    dialog.sign_button.click()
    [consent] = ConsentService(sqlite_ctx).list(ready.urologist, ready.patient_id)
    sealed = ConsentService(sqlite_ctx).pdf(ready.urologist, consent.document_id)
    extents = signature_ink_extents(sealed)
    assert len(extents) == 3
    for width, height in extents:
        assert width / height == pytest.approx(DRAWN_RATIO, rel=0.02)
