"""Administration → Backups: "Back up now" into a chosen folder (a USB stick), the automatic daily
backups, and restore: what the backup holds is shown beside what this computer holds, the clinic passphrase
opens it, another clinic's backup needs its name typed (restore_dialog.py), and nothing changes unless the
whole backup checks."""

from __future__ import annotations

import logging
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

from exoconsult.domain.errors import ExoError
from exoconsult.gui.admin.passphrase_dialog import ChangePassphraseDialog
from exoconsult.gui.admin.restore_dialog import RestoreDialog
from exoconsult.gui.local_format import number_text
from exoconsult.gui.widgets import describe_error, error_text, inform, plain_label, show_service_error

log = logging.getLogger(__name__)


class BackupsPage(QWidget):
    """Emits `database_restored()` after a restore: everyone must sign in again on the restored data."""

    database_restored = Signal()

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        intro = plain_label(self.tr("A backup is one encrypted file holding the whole clinic (records, keys, forms, "
                                    "logo), checked before it is reported as made; the clinic passphrase opens it. "
                                    "ExoConsult also backs up automatically at the first start of each day and "
                                    "keeps the last 14."), self)
        intro.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"), self)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"), self)
        self.passphrase_button = QPushButton(self.tr("Change the clinic passphrase…"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("dailyBackups")
        self.table.setHorizontalHeaderLabels([self.tr("Automatic backup"), self.tr("Size"), self.tr("Folder")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("Restore selected…"), self)
        self.list_note = plain_label("", self, object_name="dailyNote")
        self.status = plain_label("", self, object_name="backupStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.backup_button)
        top.addWidget(self.restore_file_button)
        top.addStretch(1)
        top.addWidget(self.passphrase_button)
        below = QHBoxLayout()
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
        self.restore_dialog: RestoreDialog | None = None
        self.passphrase_dialog: ChangePassphraseDialog | None = None
        self._restoring: Path | None = None
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_file_button.clicked.connect(self._on_restore_file)
        self.restore_button.clicked.connect(self._on_restore_selected)
        self.passphrase_button.clicked.connect(self.open_passphrase_dialog)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def open_passphrase_dialog(self) -> None:
        self.passphrase_dialog = ChangePassphraseDialog(self._services, self._session, self._runner, self)
        self.passphrase_dialog.open()

    # Dialog hooks (tests replace them; a person picks a folder/file).
    def choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up into which folder?"), str(Path.home()))
        return Path(folder) if folder else None

    def choose_backup_file(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Backup to restore"), str(Path.home()),
                                              self.tr("ExoConsult backups (exoconsult-backup-*.exobackup)"))
        return Path(path) if path else None

    def refresh(self) -> None:
        self._runner.submit(partial(self._services.backup.list_daily, self._session.actor), self._on_list,
                            self._on_list_error, label=self.tr("Listing backups…"))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

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
        if isinstance(error, ExoError):
            self.list_note.setText(error_text(error))
        else:  # an OS error reading the backup folder: its words may be English and name paths
            log.warning("listing the daily backups failed: %s", type(error).__name__)
            self.list_note.setText(self.tr("The list of automatic backups could not be read. Check that the "
                                           "data folder's backups folder can be read, then reopen this page."))
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
        self.status.setText(self.tr("Backup written, encrypted and checked: %1\nSHA-256 %2")
                            .replace("%1", str(result.path)).replace("%2", result.sha256))
        self.refresh()

    def _on_backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("The backup was not made."))
        show_service_error(self, error)

    def _on_restore_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.restore(path)

    def _on_restore_file(self) -> None:
        path = self.choose_backup_file()
        if path is not None:
            self.restore(path)

    def restore(self, path: Path) -> None:
        """Show what `path` holds beside this clinic (readable without the passphrase), then ask."""
        self._runner.submit(partial(self._services.backup.preview, self._session.actor, path),
                            partial(self._on_preview, path), partial(show_service_error, self),
                            label=self.tr("Reading the backup…"))

    def _on_preview(self, path: Path, preview) -> None:
        self._restoring = path
        self.restore_dialog = RestoreDialog(preview, path.name, self)
        self.restore_dialog.confirmed.connect(self._on_restore_confirmed)
        self.restore_dialog.open()

    def _on_restore_confirmed(self, passphrase: str, typed_name: str) -> None:
        if self._restoring is None:
            return
        self._runner.submit(partial(self._services.backup.restore, self._session.actor, self._restoring,
                                    passphrase, typed_name or None),
                            self._on_restored, self._on_restore_failed, label=self.tr("Restoring…"))

    def _on_restore_failed(self, error: BaseException) -> None:
        if self.restore_dialog is not None and self.restore_dialog.isVisible():
            self.restore_dialog.show_problem(describe_error(error)[1])
        else:
            show_service_error(self, error)

    def _on_restored(self, result) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.done_ok()
        kept = str(result.replaced_database) if result.replaced_database else self.tr("(there was none)")
        inform(self, self.tr("Backup restored"),
               self.tr("%1 was restored from %2. What it replaced was kept in %3. Sign in again.")
               .replace("%1", result.summary.clinic_name).replace("%2", result.restored_from.name)
               .replace("%3", kept))
        self.database_restored.emit()
