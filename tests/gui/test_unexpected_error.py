"""An exception nobody caught in the window: logged without its message, one dialog naming the log file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QPushButton

from exoconsult import app_log
from exoconsult.gui import unexpected_error

pytestmark = pytest.mark.gui


SECRET = "patient Qwyzzelbach, MRN-ZQ-98765"  # the traceback quotes code lines, so the raise names SECRET


class _Broken:
    def boom(self) -> None:
        raise ValueError(SECRET)


@pytest.fixture
def log_path(tmp_path):
    return app_log.configure(tmp_path / "logs", "test")  # closed by tests/conftest.py


def test_an_exception_in_a_slot_is_logged_and_explained(qtbot, monkeypatch, log_path) -> None:
    shown = []
    monkeypatch.setattr("exoconsult.gui.widgets.exec_dialog", lambda box: shown.append(box) or 0)
    button = QPushButton()
    qtbot.addWidget(button)
    broken = _Broken()
    button.clicked.connect(broken.boom)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    unexpected_error.install(button, log_path)
    button.click()

    assert len(shown) == 1
    text = shown[0].text()
    assert "ValueError" in text and str(log_path) in text and "What was saved is safe" in text
    assert "Qwyzzelbach" not in text
    logged = log_path.read_text(encoding="utf-8")
    assert "unexpected ValueError in the application window" in logged and "in boom" in logged
    assert "Qwyzzelbach" not in logged and "MRN-ZQ-98765" not in logged


def test_a_second_error_while_the_dialog_is_open_is_only_logged(qtbot, monkeypatch, log_path) -> None:
    handler = unexpected_error.UnexpectedErrorHandler(None, log_path)
    shown = []

    def answer(box):
        shown.append(box)
        handler(RuntimeError, RuntimeError("again"), None)  # raised while the first dialog is open
        return 0

    monkeypatch.setattr("exoconsult.gui.widgets.exec_dialog", answer)
    handler(ValueError, ValueError("first"), None)
    assert len(shown) == 1
    assert log_path.read_text(encoding="utf-8").count("unexpected") == 2
