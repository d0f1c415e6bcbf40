"""Typing like a person. qtbot.keyClicks aborts pytest on non-ASCII under PySide6 6.12, so every
character is sent as its own key event carrying the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def type_text(widget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
