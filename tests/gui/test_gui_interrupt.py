"""Ctrl+C (SIGINT) in the terminal that started the app: the window closes the normal way (closeEvent:
drafts kept, sign-out audited) and the process ends with one line and exit 130, not a traceback from
inside Qt with the window still open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QWidget

from exoconsult.app import InterruptHandler
from tests.conftest import REPO

pytestmark = pytest.mark.gui


def test_sigint_closes_the_window_through_its_close_event(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    handler = InterruptHandler(window)
    try:
        signal.raise_signal(signal.SIGINT)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
        assert handler.interrupted
    finally:
        handler.remove()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_ends_the_running_app_with_one_line(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "exoconsult", "--data-dir", str(tmp_path / "clinic")], cwd=REPO,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "clinic" / "exoconsult.sqlite").exists() and time.monotonic() < deadline:
            time.sleep(0.2)  # the database exists once the window is up and start-up ran
        time.sleep(1)
        app.send_signal(signal.SIGINT)
        _, err = app.communicate(timeout=15)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 130, err
    assert "Traceback" not in err and "interrupted; the window was closed" in err
