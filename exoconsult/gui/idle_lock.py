"""Idle auto-lock (PWD-6 / HIPAA automatic logoff) and the lock screen.

`IdleLock` watches every keyboard and mouse event of the application; when no input arrived for the
idle-minutes setting it asks the session to lock. Time comes from an injectable Clock and the check is
driven by an injectable timer, so tests move a FakeClock and call `check()`: at 4:59 nothing happens,
at 5:00 the window locks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from exoconsult.clock import Clock
from exoconsult.gui.widgets import keep_height, plain_label, reserved_message_label

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 15  # the lock cannot be disabled

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


def clamp_idle_minutes(value: object) -> int:
    try:
        minutes = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))


class IdleLock(QObject):
    """Application-wide event filter + idle timer. Emits `idle_timeout` once per idle period."""

    idle_timeout = Signal()

    def __init__(self, clock: Clock, *, minutes: int = DEFAULT_IDLE_MINUTES, timer: QTimer | None = None,
                 check_interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = timedelta(minutes=clamp_idle_minutes(minutes))
        self._last_input: datetime = clock.now()
        self._armed = False
        self._timer = timer if timer is not None else QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._on_application_state)

    @property
    def minutes(self) -> int:
        return int(self._limit.total_seconds() // 60)

    def set_minutes(self, minutes: int) -> None:
        self._limit = timedelta(minutes=clamp_idle_minutes(minutes))

    def arm(self) -> None:
        """Start watching (after sign-in or unlock); idle time counts from now."""
        self._last_input = self._clock.now()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (while locked or signed out)."""
        self._armed = False
        self._timer.stop()

    def note_activity(self) -> None:
        self._last_input = self._clock.now()

    def idle_for(self) -> timedelta:
        return self._clock.now() - self._last_input

    def check(self) -> bool:
        """Lock if idle long enough; returns True when it fired."""
        if self._armed and self.idle_for() >= self._limit:
            self.disarm()
            self.idle_timeout.emit()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY:
            self._last_input = self._clock.now()
        return False

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        # The OS suspended us (session lock, sleep): lock now rather than after the idle period.
        if self._armed and state == Qt.ApplicationState.ApplicationSuspended:
            self.disarm()
            self.idle_timeout.emit()


class LockScreen(QWidget):
    """Replaces the central widget while locked: names the signed-in user, asks for their password."""

    unlock_requested = Signal(str)      # the password typed
    switch_user_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title_label = plain_label("", self, object_name="lockTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.user_label = plain_label("", self, object_name="lockUser")
        self.user_label.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMinimumWidth(280)
        self.message = reserved_message_label(self)  # its room is kept: a message never moves the field
        keep_height(self.password)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self)
        self._label()

        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        panel = QWidget(self)
        panel.setObjectName("lockPanel")
        panel.setMaximumWidth(440)
        column = QVBoxLayout(panel)
        column.setSpacing(10)
        column.addWidget(self.title_label)
        column.addWidget(self.user_label)
        column.addWidget(self.password)
        column.addWidget(self.message)
        column.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self._on_unlock)
        self.password.returnPressed.connect(self._on_unlock)
        self.switch_button.clicked.connect(self.switch_user_requested)

    def _label(self) -> None:
        """Built with the main window, before the clinic's language is known: labelled again when it changes."""
        self.title_label.setText(self.tr("ExoConsult is locked"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.switch_button.setText(self.tr("Switch user…"))
        self.switch_button.setToolTip(self.tr("Sign this user out (their unsaved work is kept as a draft "
                                              "only they can see) and sign in as someone else"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._label()
        super().changeEvent(event)

    def prepare(self, display_name: str, username: str) -> None:
        self.user_label.setText(self.tr("Signed in as %1 (%2). Only this user's password unlocks the "
                                        "window; patient data stays hidden until then.")
                                .replace("%1", display_name).replace("%2", username))
        self.password.clear()
        self.message.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_failure(self, text: str) -> None:
        self.password.clear()
        self.message.setText(text)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _on_unlock(self) -> None:
        if self.password.text():
            self.unlock_requested.emit(self.password.text())
