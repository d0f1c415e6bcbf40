"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 dropped one reference to
None at every call of a Qt method that returns nothing, and the app aborted ("deallocating None") after about
37,000 such calls, within a working day. This test makes a day's calls in a fresh interpreter with the app's
modules loaded and fails on a binding that leaks (pyproject keeps such a release out)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

_DAY_OF_CALLS = """
import sys
import exoconsult.gui.main_window  # the app's modules: None's count is what the app starts with
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
before = sys.getrefcount(None)
for _ in range(20_000):
    label.setText("x")
    label.setEnabled(True)
    label.setVisible(False)
print(sys.getrefcount(None) - before)
"""


def test_sixty_thousand_qt_calls_neither_abort_nor_lose_references_to_none():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _DAY_OF_CALLS], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    assert done.returncode == 0, f"the process died: {done.stderr[-600:]}"
    assert abs(int(done.stdout.strip())) < 100, f"references to None lost: {done.stdout.strip()}"
