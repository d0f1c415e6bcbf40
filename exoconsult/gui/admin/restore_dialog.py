"""The restore confirmation: what the backup holds beside what this computer holds now (no patient's data,
only the clinic, its certificate, versions and counts), the clinic passphrase that opens the backup, and,
when the backup is of another clinic, that clinic's name typed exactly before Restore can be pressed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.local_format import clinic_time_zone_name, datetime_text
from exoconsult.gui.password_dialogs import password_field
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import field_message_label, plain_label


class RestoreDialog(QDialog):
    """Emits `confirmed(passphrase, typed_clinic_name)`; stays open until the page calls `done_ok()` or shows a
    problem with `show_problem()` (e.g. a passphrase that does not open the backup)."""

    confirmed = Signal(str, str)

    def __init__(self, preview, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self.setWindowTitle(self.tr("Restore this backup?"))
        self.setMinimumWidth(720)
        intro = plain_label(self.tr("Restoring %1 replaces this clinic's database, keys, forms and logo. "
                                    "Everything recorded after the backup will no longer be in the database (what "
                                    "is replaced is kept aside, not deleted). Close ExoConsult on every other "
                                    "computer first. Everyone signs in again afterwards.").replace("%1", file_name),
                            self)
        intro.setWordWrap(True)
        self.table = self._comparison(preview)
        self.other_clinic = plain_label(self.tr(
            "This backup is of ANOTHER clinic (another certificate). Restoring it replaces %1 by %2. To go ahead, "
            "type the backup's clinic name exactly as shown.")
            .replace("%1", preview.current.clinic_name if preview.current else "")
            .replace("%2", preview.backup.clinic_name), self, object_name="otherClinic")
        self.other_clinic.setWordWrap(True)
        self.other_clinic.setStyleSheet(ink("error", "font-weight: bold;"))
        self.clinic_name = QLineEdit(self)
        self.clinic_name.setObjectName("typedClinicName")
        self.passphrase = password_field(self, "passphrase")
        self.message = field_message_label(self)
        form = QFormLayout()
        if not preview.same_clinic:
            form.addRow(self.other_clinic)
            form.addRow(self.tr("Backup's clinic name"), self.clinic_name)
        else:
            self.other_clinic.hide()
            self.clinic_name.hide()
        form.addRow(self.tr("Clinic passphrase"), self.passphrase)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._on_restore)
        self.passphrase.textChanged.connect(self._update_button)
        self.clinic_name.textChanged.connect(self._update_button)
        self._update_button()

    def _comparison(self, preview) -> QTableWidget:
        rows = [(self.tr("Clinic"), "clinic_name"), (self.tr("Certificate (SHA-256)"), "certificate_fingerprint"),
                (self.tr("Backup time (%1)").replace("%1", clinic_time_zone_name()), "created_at"), (self.tr("App version"), "app_version"),
                (self.tr("Schema"), "schema_revisions"), (self.tr("Patients"), "patients"),
                (self.tr("Consents"), "consents"), (self.tr("Audit chain head"), "audit_head_seq")]
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("comparison")
        table.setHorizontalHeaderLabels([self.tr("In the backup"), self.tr("Now on this computer")])
        table.setVerticalHeaderLabels([label for label, _ in rows])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for n, (_, attr) in enumerate(rows):
            for column, summary in enumerate((preview.backup, preview.current)):
                item = QTableWidgetItem(self._shown(summary, attr))
                if attr == "schema_revisions" and summary is not None:
                    item.setToolTip(", ".join(summary.schema_revisions))  # the migration ids, for support
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(n, column, item)
        table.resizeRowsToContents()
        table.setFixedHeight(table.verticalHeader().length() + table.horizontalHeader().height() + 6)
        return table

    def _shown(self, summary, attr: str) -> str:
        if summary is None:
            return self.tr("(no clinic yet)") if attr == "clinic_name" else ""
        value = getattr(summary, attr)
        if attr == "certificate_fingerprint" and value:
            pairs = value.split(":")  # four lines of 8 bytes: whole, and easy to compare by eye
            return "\n".join(":".join(pairs[i:i + 8]) for i in range(0, len(pairs), 8))
        if attr == "schema_revisions":
            return ", ".join(self._schema_text(revision) for revision in value)
        if attr == "created_at":
            return _moment_text(value) if value else "–"
        return ", ".join(value) if isinstance(value, tuple) else str(value)

    def _schema_text(self, revision: str) -> str:
        """A migration id ("0021_integrity_state_raw") as the database version a person compares ("Database
        version 21"); an id without a leading number as it is."""
        number = revision.split("_", 1)[0]
        if not number.isdigit():
            return revision
        return self.tr("Database version %1").replace("%1", str(int(number)))

    def _name_confirmed(self) -> bool:
        return self._preview.same_clinic or self.clinic_name.text().strip() == self._preview.backup.clinic_name

    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.passphrase.text()) and self._name_confirmed())

    def _on_restore(self) -> None:
        if not self.restore_button.isEnabled():
            return
        self.message.hide()
        self.restore_button.setEnabled(False)
        self.confirmed.emit(self.passphrase.text(), self.clinic_name.text().strip())

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.passphrase.selectAll()
        self._update_button()

    def done_ok(self) -> None:
        self.passphrase.clear()
        self.accept()


def _moment_text(iso: str) -> str:
    """The backup's time (ISO, UTC) in the clinic's zone; a value that is no time as it is."""
    try:
        return datetime_text(datetime.fromisoformat(iso), seconds=True)
    except ValueError:
        return iso
