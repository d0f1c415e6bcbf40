"""Administration → Clinic settings → Installation checks: the same checks as `exoconsult doctor`, one
line each with its fix, run on the worker when the administrator asks (they read the disk and database)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.widgets import plain_label, show_service_error
from exoconsult.services.integrity.installation_checks import CheckResult, Status


def qt_running(platform: str) -> CheckResult:
    return CheckResult("Qt", Status.OK, f"the '{platform}' platform plugin is loaded (this window runs on it)")


class InstallationChecksPanel(QGroupBox):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Installation checks"), parent)
        self._services = services
        self._session = session
        self._runner = runner
        self.summary = plain_label(self.tr("Checks fonts, database, seal key, content approval, backups, disk space, "
                                           "clock and disk encryption. The same checks: exoconsult doctor."), self,
                                   object_name="checksSummary")
        self.summary.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setObjectName("checkResults")
        self.results.setWordWrap(True)
        self.results.setMinimumHeight(180)
        self.run_button = QPushButton(self.tr("Check this installation"), self)
        self.run_button.setObjectName("runChecks")
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results)
        self.run_button.clicked.connect(self.run_checks)

    def run_checks(self) -> None:
        self.run_button.setEnabled(False)
        extra = (("Qt", partial(qt_running, QGuiApplication.platformName())),)
        self._runner.submit(partial(self._services.installation_checks.run, self._session.actor, extra),
                            self._show, self._on_error, label=self.tr("Checking the installation…"))

    def _show(self, results: tuple[CheckResult, ...]) -> None:
        self.run_button.setEnabled(True)
        self.results.clear()
        for result in results:
            item = QListWidgetItem(result.line(), self.results)
            item.setData(Qt.ItemDataRole.UserRole, result.status.value)
        problems = sum(r.status is Status.PROBLEM for r in results)
        warnings = sum(r.status is Status.WARNING for r in results)
        self.summary.setText(self.tr("%1 problem(s), %2 warning(s). Each line that is not OK says how to fix it.")
                             .replace("%1", str(problems)).replace("%2", str(warnings)))

    def _on_error(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        show_service_error(self, error)
