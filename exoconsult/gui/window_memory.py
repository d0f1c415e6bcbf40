"""The main window's size and place, and the home screen's split, remembered per user account (two
people sharing one PC work at different sizes). A user's first sign-in opens the window maximised:
at a fixed default the patient list showed three letters of each name on a 1600 x 1000 screen."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QSplitter


def _key(user_id: int, name: str) -> str:
    return f"users/{user_id}/main_window/{name}"


def restore_window(window: QMainWindow, settings: QSettings, user_id: int) -> None:
    geometry = settings.value(_key(user_id, "geometry"))
    if geometry is not None and window.restoreGeometry(geometry):
        return
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def save_window(window: QMainWindow, settings: QSettings, user_id: int) -> None:
    settings.setValue(_key(user_id, "geometry"), window.saveGeometry())


def restore_splitter(splitter: QSplitter, settings: QSettings, user_id: int) -> None:
    state = settings.value(_key(user_id, "splitter"))
    if state is None or not splitter.restoreState(state):
        total = max(splitter.width(), 1000)
        splitter.setSizes([total * 2 // 5, total * 3 // 5])


def save_splitter(splitter: QSplitter, settings: QSettings, user_id: int) -> None:
    settings.setValue(_key(user_id, "splitter"), splitter.saveState())
