"""Helpers for the history page tests: a patient, a page over the real HistoryService, keyboard input
sent to whatever has focus (as a person at the keyboard would), and dialog answering."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from exoconsult.domain.patient import PatientData


def make_patient(ctx, actor, family: str = "Yılmaz", mrn: str = "M-0001") -> int:
    from exoconsult.services.history.patients import PatientService

    data = PatientData(family_name=family, given_name="Ahmet", birth_date=date(1988, 3, 2), mrn=mrn)
    return PatientService(ctx).create(actor, data).id


def make_page(qtbot, ctx, session, runner, patient_id: int, lang: str = "en", **kw):
    from exoconsult.gui.history.history_page import HistoryPage
    from exoconsult.services.history.history import HistoryService

    page = HistoryPage(HistoryService(ctx), session, runner, patient_id, lang, **kw)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus (is the page shown and active?)"
    return widget


def show_active(qtbot, page) -> None:
    """Show the page as the active window, so keyboard focus works offscreen."""
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)


def key(k: Qt.Key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), k, modifier)


def type_here(text: str) -> None:
    """Type into the focused widget, one key event per character (non-ASCII safe)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, focused(), Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


class DialogAnswers:
    """Replaces history_dialogs.run_dialog: clicks the button named in `clicks` (in order) and records
    each dialog's text. Plain message boxes are answered with `message_answer`."""

    def __init__(self) -> None:
        self.clicks: list[str] = []
        self.seen: list[object] = []
        self.texts: list[str] = []
        self.message_answer = None

    def __call__(self, dialog) -> int:
        from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

        self.seen.append(dialog)
        self.texts.append("\n".join(label.text() for label in dialog.findChildren(QLabel)))
        if isinstance(dialog, QMessageBox):
            answer = self.message_answer or QMessageBox.StandardButton.Yes
            return int(answer.value) if hasattr(answer, "value") else int(answer)
        if not self.clicks:
            raise AssertionError("unexpected dialog: " + self.texts[-1])
        name = self.clicks.pop(0)
        dialog.findChild(QPushButton, name).click()
        return dialog.result()
