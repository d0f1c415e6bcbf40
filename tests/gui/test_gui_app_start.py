"""Start-up: what the window shows for a new clinic, a set-up clinic, a too-new or unreadable database;
and the background runner's contract (one worker, results on the GUI thread, in order)."""

from __future__ import annotations

import sqlite3
import threading
from functools import partial

import pytest
from PySide6.QtCore import QThread

from exoconsult.app import Startup, gui_settings
from exoconsult.config import DataDir
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow
from exoconsult.gui.runner import BackgroundRunner
from exoconsult.gui.setup_wizard import SetupWizard

pytestmark = pytest.mark.gui


@pytest.fixture
def start(qtbot, qapp, runner, tmp_path):
    def make(data_dir: DataDir):
        window = MainWindow(runner, gui_settings(data_dir))
        qtbot.addWidget(window)
        window.show()
        startup = Startup(qapp, window, runner, data_dir, None)
        startup.open_database()
        return window, startup
    made = []
    yield lambda dd: made.append(make(dd)) or made[-1]
    for _window, startup in made:
        if startup.ctx is not None:
            startup.ctx.close()


def test_a_new_clinic_gets_the_setup_wizard_and_no_login(start, tmp_path):
    window, startup = start(DataDir(tmp_path / "new").ensure())
    assert window.findChild(SetupWizard).isVisible()
    assert window.findChild(LoginDialog) is None
    assert window.session.actor is None and window.home is None


def test_a_set_up_clinic_asks_for_sign_in_and_shows_no_patient_data(start, tmp_path):
    from exoconsult.gui.session import AppServices
    from exoconsult.services.admin.setup import AdminAccount, ClinicProfile
    from exoconsult.services.clinic import open_context

    dd = DataDir(tmp_path / "clinic").ensure()
    ctx = open_context(dd)
    AppServices(ctx).run_setup(ClinicProfile("Exo Clinic"), AdminAccount("admin", "Clinic Admin"),
                               "correct horse battery", "orchard tungsten ribbon falcon")
    ctx.close()
    window, startup = start(dd)
    login = window.findChild(LoginDialog)
    assert login is not None and login.isVisible()
    assert login.heading.text() == "Exo Clinic"
    assert window.home is None and window.pages.currentWidget() is window.status_page


def test_a_database_from_a_newer_version_is_refused_with_a_clear_message(start, tmp_path, messages):
    dd = DataDir(tmp_path / "newer").ensure()
    with sqlite3.connect(dd.db_path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    window, startup = start(dd)
    assert "newer version" in messages.texts()
    assert startup.exit_code == 2
    assert not window.isVisible()
    with sqlite3.connect(dd.db_path) as conn:  # untouched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_from_the_future",)


def test_an_unreadable_database_is_reported_not_crashed_on(start, tmp_path, messages):
    dd = DataDir(tmp_path / "garbage").ensure()
    dd.db_path.write_bytes(b"this is not a database file at all" * 100)
    window, startup = start(dd)
    assert "cannot be opened" in messages.texts()
    assert startup.exit_code == 2


def test_background_runner_uses_one_worker_and_delivers_on_the_gui_thread_in_order(qtbot, qapp):
    runner = BackgroundRunner()
    gui_thread = QThread.currentThread()
    worker_threads, delivered, errors, busy = set(), [], [], []

    class Sink:
        def busy(self, is_busy: bool, _label: str) -> None:
            busy.append(is_busy)

        def ok(self, value) -> None:
            assert QThread.currentThread() is gui_thread
            delivered.append(value)

        def fail(self, error) -> None:
            assert QThread.currentThread() is gui_thread
            errors.append(error)

    sink = Sink()
    runner.busy_changed.connect(sink.busy)

    def work(n):
        worker_threads.add(threading.get_ident())
        if n == 3:
            raise ValueError("three")
        return n

    try:
        for n in range(6):
            runner.submit(partial(work, n), sink.ok, sink.fail, label=f"job {n}")
        qtbot.waitUntil(lambda: len(delivered) + len(errors) == 6, timeout=5000)
    finally:
        runner.shutdown()
    assert delivered == [0, 1, 2, 4, 5]
    assert [str(e) for e in errors] == ["three"]
    assert len(worker_threads) == 1 and threading.get_ident() not in worker_threads
    assert busy[0] is True and busy[-1] is False


def test_no_user_action_waits_behind_a_slow_daily_backup(qtbot, qapp, monkeypatch, tmp_path):
    """The daily backup runs on its own housekeeping worker: while a deliberately slow backup is running,
    the user's runner still answers at once, the status bar says what runs in the background, and the
    backup finishes afterwards."""
    import exoconsult.app as app_module
    from exoconsult.gui.housekeeping_status import HousekeepingStatus

    release, started, finished = threading.Event(), threading.Event(), threading.Event()

    def slow_backup(_ctx):
        started.set()
        release.wait(30)
        finished.set()

    monkeypatch.setattr(app_module, "_daily_backup", slow_backup)
    user, housekeeping = BackgroundRunner(qapp), BackgroundRunner(qapp, thread_name="exo-housekeeping")
    dd = DataDir(tmp_path / "clinic").ensure()
    window = MainWindow(user, gui_settings(dd))
    qtbot.addWidget(window)
    status = HousekeepingStatus(housekeeping, window)
    window.statusBar().addPermanentWidget(status)
    window.show()
    startup = Startup(qapp, window, user, dd, None, housekeeping=housekeeping)
    try:
        startup.start_housekeeping()
        assert started.wait(5)
        qtbot.waitUntil(status.isVisible, timeout=2000)
        assert "backup" in status.label.text().lower()
        answered = []
        user.submit(partial(sum, [1, 2]), answered.append, answered.append, label="Signing in…")
        qtbot.waitUntil(lambda: answered == [3], timeout=2000)  # not behind the backup
        assert not finished.is_set()
    finally:
        release.set()
        qtbot.waitUntil(lambda: not status.isVisible(), timeout=5000)
        startup.close()
    assert finished.is_set()
