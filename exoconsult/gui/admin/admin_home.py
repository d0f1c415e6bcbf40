"""The administrator's screen: tabs for users, clinic settings, programme facts, backups, the audit log and the
outcome registry report. Each tab is
shown only if the role may use it; the services check again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from exoconsult.gui.admin.audit_page import AuditPage
from exoconsult.gui.admin.backups_page import BackupsPage
from exoconsult.gui.admin.programme_page import ProgrammeFactsPage
from exoconsult.gui.admin.settings_page import SettingsPage
from exoconsult.gui.admin.users_page import UsersPage
from exoconsult.gui.registry.registry_page import RegistryReportPage
from exoconsult.gui.widgets import plain_label
from exoconsult.services.core.permissions import Permission


class AdminHome(QWidget):
    database_restored = Signal()
    settings_saved = Signal(object)

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminHome")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.sections: dict[str, QWidget] = {}
        for key, permission, cls, title in (
                ("users", Permission.ACCOUNTS_MANAGE, UsersPage, self.tr("Users")),
                ("settings", Permission.SETTINGS_MANAGE, SettingsPage, self.tr("Clinic settings")),
                ("programme", Permission.SETTINGS_MANAGE, ProgrammeFactsPage, self.tr("Programme facts")),
                ("backups", Permission.BACKUP_MANAGE, BackupsPage, self.tr("Backups")),
                ("audit", Permission.AUDIT_VIEW, AuditPage, self.tr("Audit log")),
                ("registry", Permission.REGISTRY_REPORT, RegistryReportPage, self.tr("Registry report"))):
            if session.can(permission):
                page = cls(services, session, runner, self.tabs)
                self.sections[key] = page
                self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        if self.sections:
            layout.addWidget(self.tabs)
        else:
            layout.addWidget(plain_label(self.tr("This account has nothing to show here."), self))
        if "backups" in self.sections:
            self.sections["backups"].database_restored.connect(self.database_restored)
        if "settings" in self.sections:
            self.sections["settings"].saved.connect(self.settings_saved)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def start(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None:
            page.refresh()

    def show_section(self, key: str) -> None:
        page = self.sections.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)

    def _on_tab_changed(self, _index: int) -> None:
        page = self.tabs.currentWidget()
        if page is not None:
            page.refresh()
