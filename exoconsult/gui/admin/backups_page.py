"""Administration → Backups: "Back up now" into a chosen folder (a USB stick), the automatic daily
backups, and restore (only after the backup verifies, and only after a clear confirmation)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.local_format import number_text
from exoconsult.gui.widgets import confirm, inform, plain_label, show_service_error


class BackupsPage(QWidget):
    """Emits `database_restored()` after a restore: everyone must sign in again on the restored data."""

    database_restored = Signal()

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        intro = plain_label(self.tr("A backup is checked (integrity, audit chain, checksums) before it is reported "
                                    "as made. ExoConsult also backs up automatically at the first start of each "
                                    "day and keeps the last 14."), self)
        intro.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"), self)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("dailyBackups")
        self.table.setHorizontalHeaderLabels([self.tr("Automatic backup"), self.tr("Size"), self.tr("Folder")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.check_button = QPushButton(self.tr("Check selected"), self)
        self.restore_button = QPushButton(self.tr("Restore selected…"), self)
        self.list_note = plain_label("", self, object_name="dailyNote")
        self.status = plain_label("", self, object_name="backupStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.backup_button)
        top.addWidget(self.restore_file_button)
        top.addStretch(1)
        below = QHBoxLayout()
        below.addWidget(self.check_button)
        below.addWidget(self.restore_button)
        below.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.list_note)
        layout.addLayout(below)
        layout.addWidget(self.status)
        self._paths: list[Path] = []
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_file_button.clicked.connect(self._on_restore_file)
        self.check_button.clicked.connect(self._on_check)
        self.restore_button.clicked.connect(self._on_restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # Dialog hooks (tests replace them; a person picks a folder/file).
    def choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up into which folder?"), str(Path.home()))
        return Path(folder) if folder else None

    def choose_backup_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Backup to restore"), str(Path.home()),
                                              self.tr("ExoConsult backups (exoconsult-backup-*.sqlite)"))
        return Path(path) if path else None

    def refresh(self) -> None:
        self._runner.submit(partial(self._services.backup.list_daily, self._session.actor), self._on_list,
                            self._on_list_error, label=self.tr("Listing backups…"))

    def _update_buttons(self) -> None:
        chosen = self.selected_path() is not None
        self.check_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self._paths[rows[0].row()] if rows else None

    def _on_list(self, paths) -> None:
        self._paths = list(reversed(paths))  # newest first
        self.table.setRowCount(len(self._paths))
        for n, path in enumerate(self._paths):
            size = path.stat().st_size if path.exists() else 0
            for column, text in enumerate((path.name, number_text(round(size / 1024)) + " KB", str(path.parent))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(n, column, item)
        self.list_note.setText(self.tr("No automatic backup yet.") if not self._paths else "")
        self.list_note.setVisible(not self._paths)

    def _on_list_error(self, error: BaseException) -> None:
        # PostgreSQL installations: the service explains that the server does the backups.
        self.list_note.setText(str(error) if str(error) else type(error).__name__)
        self.list_note.show()

    def _on_backup(self) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up and checking the copy…"))
        self._runner.submit(partial(self._services.backup.backup_now, self._session.actor, folder),
                            self._on_backup_done, self._on_backup_failed, label=self.tr("Backing up…"))

    def _on_backup_done(self, result) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("Backup written and verified: %1\nSHA-256 %2")
                            .replace("%1", str(result.path)).replace("%2", result.sha256))
        self.refresh()

    def _on_backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("The backup was not made."))
        show_service_error(self, error)

    def _on_check(self) -> None:
        path = self.selected_path()
        if path is not None:
            self._runner.submit(partial(self._services.backup.check, self._session.actor, path),
                                self._on_checked, partial(show_service_error, self), label=self.tr("Checking…"))

    def _on_checked(self, check) -> None:
        if check.ok:
            self.status.setText(self.tr("%1 is complete and intact.").replace("%1", check.path.name))
        else:
            self.status.setText(self.tr("%1 is damaged: %2").replace("%1", check.path.name)
                                .replace("%2", "; ".join(check.problems)))

    def _on_restore_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.restore(path)

    def _on_restore_file(self) -> None:
        path = self.choose_backup_file()
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> None:
        if not confirm(self, self.tr("Restore this backup?"),
                       self.tr("Replace the clinic's database with %1?\n\nEverything recorded after that backup "
                               "will no longer be in the database (the current database is kept aside, not "
                               "deleted). Close ExoConsult on every other computer first. Everyone signs in "
                               "again afterwards.").replace("%1", path.name),
                       yes_text=self.tr("Restore")):
            return
        self._runner.submit(partial(self._services.backup.restore, self._session.actor, path),
                            self._on_restored, partial(show_service_error, self), label=self.tr("Restoring…"))

    def _on_restored(self, result) -> None:
        kept = str(result.replaced_database) if result.replaced_database else self.tr("(there was none)")
        inform(self, self.tr("Backup restored"),
               self.tr("The database was restored from %1. The previous database was kept as %2. "
                       "Sign in again.").replace("%1", result.restored_from.name).replace("%2", kept))
        self.database_restored.emit()
