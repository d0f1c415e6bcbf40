"""The application window: menus and shortcuts, the busy indicator, and which screen is showing
(start-up message, sign-in, the clinician's or admin's home, the lock screen).

Nothing with patient data exists before sign-in; on lock or sign-out the home screen is destroyed (its
models with it) and rebuilt after unlock, reopening the patient that was open.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from exoconsult.gui import local_format, ui_language, window_memory
from exoconsult.gui.accessibility import AccessibleNames
from exoconsult.gui.idle_lock import IdleLock, LockScreen
from exoconsult.gui.labels import role_label
from exoconsult.gui.main_menu import MenuActions
from exoconsult.gui.session import Session
from exoconsult.gui.widgets import error_text, inform, plain_label, show_service_error
from exoconsult.services.core.permissions import Permission


class StatusPage(QWidget):
    """A calm full-window message: "Opening the database…", "Signed out", a fatal start-up problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPage")
        self.label = plain_label("", self, object_name="statusText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addStretch(2)


class MainWindow(MenuActions, QMainWindow):
    """Shell around the screens. `attach_services` once the database is open; then `request_sign_in`."""

    first_shown = Signal()
    quit_requested = Signal()

    def __init__(self, runner, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("ExoConsult"))
        self.runner = runner
        self.settings = settings
        self.session = Session(self)
        self.services = None
        self.idle_lock: IdleLock | None = None
        self.home: QWidget | None = None
        self._reopen: tuple[int | None, str] = (None, "")
        self._pending_stage = ""
        self._shown_once = False
        self._login_dialog = None
        self._window_user: int | None = None  # whose window size and split are remembered

        self._accessible_names = AccessibleNames(self)  # form labels as buddies and names, app-wide
        QCoreApplication.instance().installEventFilter(self._accessible_names)

        self.pages = QStackedWidget(self)
        self.status_page = StatusPage(self.pages)
        self.lock_screen = LockScreen(self.pages)
        self.pages.addWidget(self.status_page)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)
        self._build_status_bar()
        self._build_actions()
        self.show_message(self.tr("Opening the database…"))
        self.resize(1180, 760)
        self._restore_geometry()

        runner.busy_changed.connect(self._on_busy_changed)
        self.session.signed_in.connect(self._on_signed_in)
        self.session.locked.connect(self._on_locked)
        self.session.unlocked.connect(self._on_unlocked)
        self.session.signed_out.connect(self._on_signed_out)
        self.lock_screen.unlock_requested.connect(self._on_unlock_requested)
        self.lock_screen.switch_user_requested.connect(self.switch_user)

    # --- start-up -----------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.status_page.label.setText(text)
        self.pages.setCurrentWidget(self.status_page)

    def attach_services(self, services, clock, *, idle_timer=None) -> None:
        self.services = services
        clinic = services.clinic_settings()
        local_format.set_clinic_time_zone(clinic.time_zone)
        self.use_language(clinic.clinician_language)  # the setup wizard and sign-in speak the clinic's language
        ui_language.remember_start_language(self.settings, clinic.clinician_language)
        minutes = clinic.idle_lock_minutes
        self.idle_lock = IdleLock(clock, minutes=minutes, timer=idle_timer, parent=self)
        self.idle_lock.idle_timeout.connect(self.lock_now)

    def request_sign_in(self, username: str = "") -> None:
        from exoconsult.gui.login_dialog import LoginDialog

        settings = self.services.clinic_settings()
        self.use_language(settings.clinician_language)
        self.show_message(self.tr("Sign in to continue."))
        clinic = settings.clinic_name
        self._login_dialog = LoginDialog(self.services, self.runner, clinic_name=clinic, username=username,
                                         parent=self)
        self._login_dialog.signed_in.connect(self.session.sign_in)
        self._login_dialog.rejected.connect(self._on_login_cancelled)
        self._login_dialog.open()

    def _build_status_bar(self) -> None:
        self.user_label = plain_label("", self, object_name="signedInUser")
        self.busy_label = plain_label("", self, object_name="busyText")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setRange(0, 0)  # indeterminate: the work does not report steps
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        self.busy_label.hide()
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)

    def _on_busy_changed(self, busy: bool, label: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy and bool(label))
        self.busy_label.setText(label)

    # --- language -----------------------------------------------------------------------------
    def clinic_language(self) -> str:
        return self.services.clinic_settings().clinician_language

    def use_language(self, code: str) -> None:
        ui_language.use_language(code)
        self._label_actions()  # also on LanguageChange; here for a language installed before show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("ExoConsult"))
            self._label_actions()
        super().changeEvent(event)

    # --- sign-in, lock, sign-out --------------------------------------------------------------
    def _on_signed_in(self, actor) -> None:
        self._login_dialog = None
        self._window_user = actor.user_id
        self.use_language(ui_language.language_for(self.settings, actor, self.clinic_language()))
        window_memory.restore_window(self, self.settings, actor.user_id)
        self.user_label.setText(self.tr("Signed in: %1 (%2)").replace("%1", actor.display_name)
                                .replace("%2", role_label(actor.role)))
        self._build_home()
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(self.services.clinic_settings().idle_lock_minutes)
            self.idle_lock.arm()

    def _build_home(self) -> None:
        self._drop_home()
        if self.session.can(Permission.PATIENT_VIEW):
            from exoconsult.gui.clinician_home import ClinicianHome
            from exoconsult.gui.today.home import install_today_view

            home = ClinicianHome(self.services, self.session, self.runner, self.pages)
            install_today_view(home, self.services, self.session, self.runner)
            window_memory.restore_splitter(home.splitter, self.settings, self._window_user)
        else:
            from exoconsult.gui.admin.admin_home import AdminHome

            home = AdminHome(self.services, self.session, self.runner, self.pages)
            home.database_restored.connect(self._on_database_restored)
            home.settings_saved.connect(self._on_settings_saved)
        self.home = home
        self.pages.addWidget(home)
        self.pages.setCurrentWidget(home)
        self._update_actions()
        home.start()
        patient_id, self._pending_stage = self._reopen
        self._reopen = (None, "")
        if patient_id is not None and hasattr(home, "open_patient"):
            home.patient_opened.connect(self._on_home_patient_opened)
            home.open_patient(patient_id)

    def _on_home_patient_opened(self, _patient) -> None:
        # After unlock: back to the stage the user was on when the window locked.
        stage, self._pending_stage = self._pending_stage, ""
        workspace = getattr(self.home, "workspace", None)
        if stage and workspace is not None:
            workspace.show_stage(stage)

    def _close_dialogs(self) -> None:
        """Dialogs are separate windows: hiding the home would leave them (and what they show) on screen."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def _drop_home(self) -> None:
        """Destroy the home screen (and every model and widget holding patient data)."""
        if self.home is None:
            return
        splitter = getattr(self.home, "splitter", None)
        if splitter is not None and self._window_user is not None:
            window_memory.save_splitter(splitter, self.settings, self._window_user)
            window_memory.save_window(self, self.settings, self._window_user)
        if hasattr(self.home, "patient_list"):
            self.home.patient_list.clear()
        self.pages.removeWidget(self.home)
        self.home.hide()
        self.home.deleteLater()
        self.home = None

    def lock_now(self) -> None:
        if self.session.actor is None or self.session.is_locked:
            return
        self.session.lock()

    def _on_locked(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.disarm()
        home = self.home
        if home is not None and hasattr(home, "opened_patient_id"):
            self._reopen = (home.opened_patient_id(), home.current_stage())
        self._close_dialogs()
        self._drop_home()
        actor = self.session.actor
        self.lock_screen.prepare(actor.display_name, actor.username)
        self.pages.setCurrentWidget(self.lock_screen)
        self._update_actions()

    def _on_unlock_requested(self, password: str) -> None:
        actor = self.session.actor
        if actor is None:
            return
        self.lock_screen.set_busy(True)
        self.runner.submit(partial(self.services.auth.verify_password_for_unlock, actor, password),
                           self._on_unlock_ok, self._on_unlock_failed, label=self.tr("Checking password…"))

    def _on_unlock_ok(self, _result) -> None:
        self.lock_screen.set_busy(False)
        self.session.unlock(self.session.actor)

    def _on_unlock_failed(self, error: BaseException) -> None:
        from exoconsult.domain.errors import NotAuthenticated
        from exoconsult.services.accounts.auth import LoginFailed

        self.lock_screen.set_busy(False)
        if isinstance(error, LoginFailed):
            self.lock_screen.show_failure(error_text(error))
        elif isinstance(error, NotAuthenticated):
            self.lock_screen.show_failure(self.tr("This account can no longer sign in. Switch user."))
        else:
            self.lock_screen.show_failure("")
            show_service_error(self, error)

    def _on_unlocked(self) -> None:
        self.lock_screen.password.clear()
        self._build_home()
        if self.idle_lock is not None:
            self.idle_lock.arm()

    def switch_user(self) -> None:
        """Sign the current user out (pages save drafts for them on about_to_logout), then sign-in."""
        actor = self.session.actor
        if actor is None:
            return
        self.session.sign_out()
        self.runner.submit(partial(self.services.auth.logout, actor, reason="switch_user"),
                           _ignore, _ignore, label=self.tr("Signing out…"))
        self.request_sign_in()

    def _on_signed_out(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.disarm()
        self._reopen = (None, "")
        self._close_dialogs()
        self._drop_home()
        self.user_label.clear()
        self.lock_screen.password.clear()
        self.show_message(self.tr("Signed out."))
        self._update_actions()

    def _on_database_restored(self) -> None:
        # Other data now: nobody stays signed in on the old state.
        self.session.sign_out()
        self.request_sign_in()

    def _on_settings_saved(self, settings) -> None:
        local_format.set_clinic_time_zone(settings.time_zone)
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(settings.idle_lock_minutes)

    def _on_login_cancelled(self) -> None:
        if self.session.actor is None:
            self.close()

    # --- menu handlers --------------------------------------------------------------------------
    def _on_new_patient(self) -> None:
        if self.home is not None and hasattr(self.home, "new_patient"):
            self.home.new_patient()

    def _on_find(self) -> None:
        if self.home is not None and hasattr(self.home, "patient_list"):
            self.home.patient_list.focus_search()

    def _on_change_password(self) -> None:
        from exoconsult.gui.password_dialogs import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services, self.session, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_signing_pin(self) -> None:
        from exoconsult.gui.signing_pin_dialog import SigningPinDialog

        dialog = SigningPinDialog(self.services, self.session, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show_admin(self, key: str) -> None:
        if self.home is not None and hasattr(self.home, "show_section"):
            self.home.show_section(key)
        else:
            inform(self, self.tr("Administration"), self.tr("Sign in with an admin account to use this."))

    # --- window -------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.setWindowState(Qt.WindowState.WindowMaximized)  # first start: use the screen
        state = self.settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        splitter = getattr(self.home, "splitter", None) if self.home is not None else None
        if splitter is not None and self._window_user is not None:
            window_memory.save_splitter(splitter, self.settings, self._window_user)
            window_memory.save_window(self, self.settings, self._window_user)
        self.settings.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        actor = self.session.actor
        if actor is not None and self.services is not None:
            self.session.sign_out()  # about_to_logout: pages keep unsaved work as drafts
            self.runner.submit(partial(self.services.auth.logout, actor, reason="quit"), _ignore, _ignore)
        event.accept()
        self.quit_requested.emit()


def _ignore(_value) -> None:
    """A sign-out audit entry that fails must not keep the user from leaving."""
