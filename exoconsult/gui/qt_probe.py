"""Does Qt start here? Run in a child process by `exoconsult doctor`: when the platform plugin cannot be
loaded, Qt aborts the whole process, so the check cannot run inside the process that reports it."""

from __future__ import annotations

import sys


def probe() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    print(f"qt-ok platform={QGuiApplication.platformName()}", flush=True)
    del app
    return 0
