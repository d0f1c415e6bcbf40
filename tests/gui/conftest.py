"""GUI fixtures: services over the test's SQLite database, an ImmediateRunner (no threads), a session
signed in as a real test account, and modal message boxes answered instead of blocking."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from exoconsult.gui import widgets


@dataclass
class MessageLog:
    """Every modal message box a test caused: (title, text). `answer` is what the user clicks."""

    shown: list[tuple[str, str]] = field(default_factory=list)
    answer: int = QMessageBox.StandardButton.Yes.value
    text_answer: str | None = "a reason typed by the admin"  # for QInputDialog; None = Cancel

    def texts(self) -> str:
        return "\n".join(f"{t}: {x}" for t, x in self.shown)


@pytest.fixture(autouse=True)
def messages(monkeypatch) -> MessageLog:
    log = MessageLog()

    def answer(box) -> int:
        if isinstance(box, QInputDialog):
            log.shown.append((box.windowTitle(), box.labelText()))
            if log.text_answer is None:
                return QDialog.DialogCode.Rejected.value
            box.setTextValue(log.text_answer)
            return QDialog.DialogCode.Accepted.value
        log.shown.append((box.windowTitle() or box.text(), box.text()))
        return log.answer

    monkeypatch.setattr(widgets, "exec_dialog", answer)
    return log


@pytest.fixture(autouse=True)
def _screens_back_in_english():
    """A test that signs in installs the clinic's (or the user's) screen language for the whole
    application: the next test starts from the source language again."""
    yield
    from exoconsult.gui import ui_language

    ui_language.use_language(ui_language.SOURCE_LANGUAGE)


@pytest.fixture
def services(sqlite_ctx, staff):
    from exoconsult.gui.session import AppServices

    return AppServices(sqlite_ctx)


@pytest.fixture
def runner(qapp):
    from exoconsult.gui.runner import ImmediateRunner

    return ImmediateRunner()


@pytest.fixture
def session_as(qapp):
    """session_as(actor) -> a Session signed in as that actor."""
    from exoconsult.gui.session import Session

    made = []

    def make(actor):
        session = Session()
        session.sign_in(actor)
        made.append(session)
        return session

    yield make


@pytest.fixture
def gui_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "gui-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def isolated_registry(monkeypatch):
    """The four built-in stages with no pages, whatever other packages registered: tests of the shell
    do not depend on (or break with) the stage pages other issues add."""
    from exoconsult.gui import stages

    fresh = {key: stages.StageSpec(key, spec.title, None) for key, spec in stages._STAGES.items()
             if key in ("history", "assessment", "explanation", "consent")}
    monkeypatch.setattr(stages, "_STAGES", fresh)
    monkeypatch.setattr(stages, "_plugins_loaded", True)
    return fresh
