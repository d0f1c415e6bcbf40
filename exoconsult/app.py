"""Composition root of the desktop application: QApplication, settings file, the one background
runner, the main window; then the database, first-run setup or sign-in.

Start-up order is chosen for speed (target: window on screen within 1 s of process start on a 2-core
PC): the window is shown first, and the database is opened and migrated on the runner, which is also
where SQLAlchemy and Alembic are first imported.
"""

from __future__ import annotations

import os
import sys
import time
from functools import partial

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from exoconsult import __version__, app_log
from exoconsult.config import APP_NAME, DataDir, resolve_data_dir

BENCH_ENV = "EXOCONSULT_BENCH_EXIT_AFTER_SHOW"
BENCH_T0_ENV = "EXOCONSULT_BENCH_T0"  # parent's time.time() just before it started this process
SMOKE_ENV = "EXOCONSULT_SMOKE_EXIT_AT_SIGN_IN"  # install checks: report the sign-in window, then quit
SETTINGS_FILE = "gui-settings.ini"


def seconds_since_process_start() -> float:
    """How long ago this process started: from the parent's launch time when the benchmark passes it,
    else from /proc (start ticks after boot vs. uptime, 10 ms resolution)."""
    given = os.environ.get(BENCH_T0_ENV)
    if given:
        return time.time() - float(given)
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


class Startup:
    """Drives start-up after the window is on screen (methods are slots: no lambdas on signals)."""

    def __init__(self, app: QApplication, window, runner, data_dir: DataDir, database_url: str | None, *,
                 housekeeping=None) -> None:
        self.app = app
        self.window = window
        self.runner = runner
        # Housekeeping (the daily backup and its verification) runs on its own worker, so a user action
        # never queues behind it; without one (tests) it shares the user's runner.
        self.housekeeping = housekeeping if housekeeping is not None else runner
        self.data_dir = data_dir
        self.database_url = database_url
        self.ctx = None
        self.exit_code = 0

    def open_database(self) -> None:
        self.runner.submit(partial(_open_context, self.data_dir, self.database_url), self._on_opened,
                           self._on_open_failed, label=QCoreApplication.translate("Startup", "Opening the database…"))

    def _on_opened(self, ctx) -> None:
        from exoconsult.gui.session import AppServices

        self.ctx = ctx
        services = AppServices(ctx)
        self.window.attach_services(services, ctx.clock)  # the clinic's working language from here on
        self.runner.submit(services.setup_status, self._on_status, self._on_open_failed,
                           label=QCoreApplication.translate("Startup", "Opening the database…"))

    def _on_status(self, status) -> None:
        if status.is_set_up:
            self.window.request_sign_in()
            if os.environ.get(SMOKE_ENV):
                QTimer.singleShot(0, self.smoke_report)
                return
            self.start_housekeeping()
            return
        from exoconsult.gui.setup_wizard import SetupWizard

        self.window.show_message(QCoreApplication.translate("Startup", "Welcome. Set up the clinic to begin."))
        wizard = SetupWizard(self.window.services, self.runner, self.window)
        wizard.finished_setup.connect(self._on_setup_done)
        wizard.join_offer.joined.connect(self._on_joined_clinic)
        self.wizard = wizard
        wizard.rejected.connect(self.window.close)
        wizard.open()

    def start_housekeeping(self) -> None:
        """The daily backup, off the user's path; a failure is reported, not fatal."""
        self.housekeeping.submit(partial(_daily_backup, self.ctx), _ignore, self._on_backup_failed,
                                 label=QCoreApplication.translate("Startup", "Daily backup…"))

    def _on_setup_done(self, admin_username: str) -> None:
        self.window.request_sign_in(admin_username)

    def _on_joined_clinic(self) -> None:
        """A second workstation joined a clinic: its local settings now name the clinic's database."""
        self.wizard.rejected.disconnect(self.window.close)
        self.wizard.done(0)
        self.ctx.close()
        self.open_database()

    def _on_open_failed(self, error: BaseException) -> None:
        from exoconsult.domain.errors import SchemaTooNew, StorageError

        app_log.log.error("the database could not be opened (%s)", type(error).__name__, exc_info=error)
        if os.environ.get(SMOKE_ENV):  # an install check has nobody to close the dialog: report and stop
            print(f'{{"event": "open_failed", "error": "{type(error).__name__}"}}', flush=True)
            self.exit_code = 2
            QTimer.singleShot(0, self.app.quit)
            return
        if isinstance(error, SchemaTooNew):
            title = QCoreApplication.translate("Startup", "This database is too new")
            text = str(error)
        elif isinstance(error, StorageError):
            title = QCoreApplication.translate("Startup", "The database cannot be opened")
            text = str(error)
        else:
            title = QCoreApplication.translate("Startup", "The database cannot be opened")
            text = QCoreApplication.translate("Startup", "ExoConsult could not read its database (%1). Nothing was changed. "
                                  "Check that the data folder is on this computer and readable, or restore "
                                  "a backup.\n\nData folder: %2").replace("%1", type(error).__name__) \
                .replace("%2", str(self.data_dir.root))
        from exoconsult.gui.widgets import exec_dialog, message_box

        self.window.show_message(title)
        exec_dialog(message_box(self.window, QMessageBox.Icon.Critical, title, text,
                                QMessageBox.StandardButton.Close))
        self.exit_code = 2
        self.window.close()

    def _on_backup_failed(self, error: BaseException) -> None:
        from exoconsult.gui.widgets import inform

        inform(self.window, QCoreApplication.translate("Startup", "Automatic backup failed"),
               QCoreApplication.translate("Startup", "Today's automatic backup could not be made (%1). Ask the administrator to "
                              "make a backup from Administration → Backups.").replace("%1", str(error)),
               icon=QMessageBox.Icon.Warning)

    def bench_report(self) -> None:
        elapsed = seconds_since_process_start()
        print(f'{{"event": "first_window_shown", "seconds": {elapsed:.4f}}}', flush=True)
        QTimer.singleShot(0, self.app.quit)

    def smoke_report(self) -> None:
        """For the wheel and bundle checks: prove the window got as far as asking who is signing in."""
        from exoconsult.gui.login_dialog import LoginDialog

        login = self.window.findChild(LoginDialog)
        visible = login is not None and login.isVisible()
        print(f'{{"event": "sign_in_shown", "visible": {str(visible).lower()}}}', flush=True)
        self.exit_code = 0 if visible else 3
        QTimer.singleShot(0, self.app.quit)

    def close(self) -> None:
        if self.housekeeping is not self.runner:
            self.housekeeping.shutdown()
        self.runner.shutdown()
        if self.ctx is not None:
            from exoconsult.services.core.external_anchors import record_high_water_mark

            record_high_water_mark(self.ctx)  # this workstation's anchor outside the data folder
            self.ctx.close()


def _open_context(data_dir: DataDir, database_url: str | None):
    """Runs on the worker thread: the first import of the storage stack happens here."""
    from exoconsult.services.clinic import open_context

    return open_context(data_dir, database_url)


def _daily_backup(ctx):
    from exoconsult.services.admin.backup import daily_backup_if_due
    from exoconsult.services.integrity.verify import refresh_checkpoint

    refresh_checkpoint(ctx)  # the copy's own check then covers only what changed since (storage/checkpoints.py)
    return daily_backup_if_due(ctx)


def _ignore(_result) -> None:
    """Nothing to show when the daily backup succeeded (or was already made today)."""


class InterruptHandler:
    """Ctrl+C / SIGTERM in the terminal close the window the normal way (unsaved work kept as the user's
    draft, sign-out audited) instead of a traceback from inside Qt with the window still open.
    Python runs signal handlers only between bytecodes, which never happens while Qt waits for events,
    so a timer wakes the interpreter twice a second."""

    def __init__(self, window) -> None:
        import signal

        self.window = window
        self.interrupted = False
        self.wake = QTimer()
        self.wake.setInterval(500)
        self.wake.timeout.connect(self._tick)
        self.wake.start()
        signal.signal(signal.SIGINT, self._on_signal)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, self._on_signal)

    def _tick(self) -> None:
        """Nothing to do: returning to Python is enough for a pending signal handler to run."""

    def _on_signal(self, _signum, _frame) -> None:
        self.interrupted = True
        QTimer.singleShot(0, self.window.close)

    def remove(self) -> None:
        import signal

        self.wake.stop()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def create_application(data_dir: DataDir) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # QSettings() anywhere in the GUI reads/writes an ini file in the data folder, not the registry.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data_dir.root))
    return app


def gui_settings(data_dir: DataDir) -> QSettings:
    return QSettings(str(data_dir.root / SETTINGS_FILE), QSettings.Format.IniFormat)


def run_gui(data_dir: str | None, database_url: str | None) -> int:
    """Open the application window; returns the process exit status."""
    dd = DataDir(resolve_data_dir(data_dir)).ensure()
    log_path = app_log.configure(dd.logs_dir, "application window")
    for problem in dd.local_settings_problems():  # also listed by doctor and on the Settings page
        app_log.log.warning("%s", problem)
    app = create_application(dd)
    settings = gui_settings(dd)
    from exoconsult.gui import ui_language

    ui_language.use_language(ui_language.start_language(settings))  # before the first widget exists
    from exoconsult.gui import unexpected_error
    from exoconsult.gui.housekeeping_status import HousekeepingStatus
    from exoconsult.gui.main_window import MainWindow
    from exoconsult.gui.runner import BackgroundRunner

    runner = BackgroundRunner(app)
    housekeeping = BackgroundRunner(app, thread_name="exo-housekeeping")
    window = MainWindow(runner, settings)
    window.statusBar().addPermanentWidget(HousekeepingStatus(housekeeping, window))
    previous_hook = sys.excepthook
    unexpected_error.install(window, log_path)
    startup = Startup(app, window, runner, dd, database_url, housekeeping=housekeeping)
    bench = bool(os.environ.get(BENCH_ENV))
    if bench:
        window.first_shown.connect(startup.bench_report)
    else:
        window.first_shown.connect(startup.open_database)
    window.quit_requested.connect(app.quit)
    interrupts = InterruptHandler(window)
    window.show()
    try:
        code = app.exec()
    finally:
        interrupts.remove()
        startup.close()
        sys.excepthook = previous_hook
    if interrupts.interrupted:
        app_log.log.info("application window closed: interrupted (exit 130)")
        print("exoconsult: interrupted; the window was closed and unsaved entries kept as drafts", file=sys.stderr)
        return 130
    exit_code = startup.exit_code or int(code)
    app_log.log.info("application window closed: exit %d", exit_code)
    return exit_code
