"""What happens when code in the window raises an exception nobody expected: it is written to the log
(type and code location, never its message) and the user gets one dialog saying what is safe, what to do
and where the log is. The application keeps running: saved data is never at risk, because every service
call writes in one transaction that either completes or leaves the database as it was."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from exoconsult.app_log import log_unexpected


def unexpected_error_text(error_type: str, log_path: Path | None) -> str:
    where = str(log_path) if log_path is not None else QCoreApplication.translate("UnexpectedError", "(no log file could be opened)")
    return (QCoreApplication.translate("UnexpectedError", "ExoConsult met an error it did not expect (%1).\n\n"
                "What was saved is safe: every change is written to the database completely or not at all. "
                "What was on the screen and not yet saved may need to be entered again.\n\n"
                "What to do: close this message and check that your last step shows as you expect; if it "
                "does not, do it again. If the error comes back, close ExoConsult, open it again, and tell "
                "the person who looks after this computer. The details are in the log file (it holds no "
                "patient data):\n%2").replace("%1", error_type).replace("%2", where))


class UnexpectedErrorHandler:
    """Installed as sys.excepthook while the window is open (PySide6 reports exceptions raised in slots
    there). A second error while the dialog is open is only logged, so errors cannot stack dialogs."""

    def __init__(self, parent: QWidget, log_path: Path | None) -> None:
        self._parent = parent
        self._log_path = log_path
        self._showing = False

    def __call__(self, kind: type[BaseException], error: BaseException, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        log_unexpected("the application window", error)
        if self._showing:
            return
        self._showing = True
        try:
            from exoconsult.gui.widgets import exec_dialog, message_box

            exec_dialog(message_box(self._parent, QMessageBox.Icon.Critical, QCoreApplication.translate("UnexpectedError", "Unexpected error"),
                                    unexpected_error_text(kind.__name__, self._log_path)))
        finally:
            self._showing = False


def install(parent: QWidget, log_path: Path | None) -> UnexpectedErrorHandler:
    handler = UnexpectedErrorHandler(parent, log_path)
    sys.excepthook = handler
    return handler
