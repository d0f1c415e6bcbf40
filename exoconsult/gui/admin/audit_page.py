"""Administration → Audit log: filter by user, patient, action and date; page through; CSV export.
Entries are shown as stored (plain text cells); viewing and exporting are audited by the service."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.gui.admin.audit_words import SHOWN, action_label
from exoconsult.gui.local_format import (
    DATE_EDIT_FORMAT,
    clinic_time_zone_name,
    datetime_text,
    in_clinic_zone_day_start,
)
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import inform, plain_label, problem_texts, show_service_error

PAGE_SIZE = 100


class AuditTableModel(QAbstractTableModel):
    # Header words marked for lupdate; "When" names the clinic's time zone its times are shown in.
    _COLUMNS = (("seq", "#"), ("at", QT_TRANSLATE_NOOP("AuditTableModel", "When (%1)")),
                ("actor", QT_TRANSLATE_NOOP("AuditTableModel", "User")),
                ("role", QT_TRANSLATE_NOOP("AuditTableModel", "Role")),
                ("action", QT_TRANSLATE_NOOP("AuditTableModel", "Action")),
                ("entity", QT_TRANSLATE_NOOP("AuditTableModel", "Record")),
                ("entity_id", QT_TRANSLATE_NOOP("AuditTableModel", "Id")),
                ("detail", QT_TRANSLATE_NOOP("AuditTableModel", "Detail")))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = self._COLUMNS[index.column()][0]
        value = getattr(self._rows[index.row()], column)
        text = "" if value is None else str(value)
        if column == "at" and role == Qt.ItemDataRole.DisplayRole:
            return datetime_text(datetime.fromisoformat(text), seconds=True)
        if column in SHOWN:  # the word in the screen's language; the stored identifier as the tooltip
            return SHOWN[column](text) if role == Qt.ItemDataRole.DisplayRole else text
        if role == Qt.ItemDataRole.DisplayRole and len(text) > 120:
            return text[:117] + "…"
        return text

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (QCoreApplication.translate("AuditTableModel", self._COLUMNS[section][1])
                    .replace("%1", clinic_time_zone_name()))
        return None


class AuditPage(QWidget):
    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        self._offset = 0
        self._total = 0
        self.user_filter = QComboBox(self)
        self.user_filter.setObjectName("userFilter")
        self.user_filter.addItem(self.tr("All users"), None)
        self.patient_filter = QLineEdit(self)
        self.patient_filter.setObjectName("patientFilter")
        self.patient_filter.setPlaceholderText(self.tr("Patient id"))
        self.patient_filter.setMinimumWidth(110)  # room for its placeholder ("Hasta no")
        self.patient_filter.setMaximumWidth(140)
        self.action_filter = QComboBox(self)
        self.action_filter.setObjectName("actionFilter")
        self.action_filter.addItem(self.tr("All actions"), None)
        self.use_dates = QCheckBox(self.tr("From"), self)
        self.since = QDateEdit(self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(DATE_EDIT_FORMAT)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(DATE_EDIT_FORMAT)
        today = QDate.currentDate()
        self.since.setDate(today.addDays(-30))
        self.until.setDate(today)
        self.apply_button = QPushButton(self.tr("Show"), self)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.previous_button = QPushButton(self.tr("◀ Newer"), self)
        self.next_button = QPushButton(self.tr("Older ▶"), self)
        self.position = plain_label("", self, object_name="auditPosition")
        self.message = plain_label("", self, object_name="auditMessage")
        self.message.setStyleSheet(ink("error"))

        # Two rows, who/what and when: in one row the Turkish filters ran past the export button at 800 px.
        who = QHBoxLayout()
        for w in (self.user_filter, self.patient_filter, self.action_filter):
            who.addWidget(w)
        who.addStretch(1)
        who.addWidget(self.export_button)
        when = QHBoxLayout()
        for w in (self.use_dates, self.since, plain_label(self.tr("to"), self), self.until, self.apply_button):
            when.addWidget(w)
        when.addStretch(1)
        pager = QHBoxLayout()
        pager.addWidget(self.message, 1)
        pager.addWidget(self.position)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addLayout(when)
        layout.addWidget(self.table, 1)
        layout.addLayout(pager)
        self.apply_button.clicked.connect(self._on_apply)
        self.export_button.clicked.connect(self._on_export)
        self.previous_button.clicked.connect(self._on_previous)
        self.next_button.clicked.connect(self._on_next)
        self.patient_filter.returnPressed.connect(self._on_apply)

    def choose_export_file(self) -> Path | None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit log"),
                                              str(Path.home() / f"exoconsult-audit-{stamp}.csv"),
                                              self.tr("CSV files (*.csv)"))
        return Path(path) if path else None

    def refresh(self) -> None:
        """Fill the filter lists, then show the newest entries."""
        actor = self._session.actor
        self._runner.submit(partial(self._services.accounts.list_users, actor), self._on_users, _ignore)
        self._runner.submit(partial(self._services.audit_log.actions, actor), self._on_actions, _ignore)
        self._query(0)

    def current_filter(self):
        from exoconsult.services.admin.audit_log import AuditFilter

        patient_text = self.patient_filter.text().strip()
        if patient_text and not patient_text.isdigit():
            raise ValidationError({"patient_id": self.tr("The patient id is a number.")})
        since = until = None
        if self.use_dates.isChecked():
            # The days are the clinic's days (what the table shows), turned into UTC for the service.
            since = in_clinic_zone_day_start(self.since.date().toPython())
            until = in_clinic_zone_day_start(self.until.date().toPython() + timedelta(days=1))
        return AuditFilter(user_id=self.user_filter.currentData(),
                           patient_id=int(patient_text) if patient_text else None,
                           action=self.action_filter.currentData(), since=since, until=until)

    def _query(self, offset: int) -> None:
        try:
            flt = self.current_filter()
        except ValidationError as error:
            self.message.setText(" ".join(problem_texts(error).values()))
            return
        self.message.clear()
        self._runner.submit(partial(self._services.audit_log.query, self._session.actor, flt, offset=offset,
                                    limit=PAGE_SIZE), self._on_page, self._on_error, label=self.tr("Loading audit…"))

    def _on_page(self, page) -> None:
        self._offset, self._total = page.offset, page.total
        self.model.set_rows(page.entries)
        last = page.offset + len(page.entries)
        self.position.setText(self.tr("%1–%2 of %3").replace("%1", str(page.offset + 1 if page.entries else 0))
                              .replace("%2", str(last)).replace("%3", str(page.total)))
        self.previous_button.setEnabled(page.offset > 0)
        self.next_button.setEnabled(last < page.total)

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.message.setText(" ".join(problem_texts(error).values()))
        else:
            show_service_error(self, error)

    def _on_users(self, users) -> None:
        keep = self.user_filter.currentData()
        self.user_filter.clear()
        self.user_filter.addItem(self.tr("All users"), None)
        for u in users:
            self.user_filter.addItem(f"{u.display_name} ({u.username})", u.id)
        self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(keep)))

    def _on_actions(self, actions) -> None:
        keep = self.action_filter.currentData()
        self.action_filter.clear()
        self.action_filter.addItem(self.tr("All actions"), None)
        for a in sorted(actions, key=action_label):
            self.action_filter.addItem(action_label(a), a)
        self.action_filter.setCurrentIndex(max(0, self.action_filter.findData(keep)))

    def _on_apply(self) -> None:
        self._query(0)

    def _on_previous(self) -> None:
        self._query(max(0, self._offset - PAGE_SIZE))

    def _on_next(self) -> None:
        self._query(self._offset + PAGE_SIZE)

    def _on_export(self) -> None:
        try:
            flt = self.current_filter()
        except ValidationError as error:
            self.message.setText(" ".join(problem_texts(error).values()))
            return
        dest = self.choose_export_file()
        if dest is None:
            return
        self._runner.submit(partial(self._services.audit_log.export_csv, self._session.actor, flt, dest),
                            partial(self._on_exported, dest), self._on_error, label=self.tr("Exporting…"))

    def _on_exported(self, dest: Path, count: int) -> None:
        inform(self, self.tr("Audit exported"),
               self.tr("%1 entries written to %2.").replace("%1", str(count)).replace("%2", str(dest)))


def _ignore(_error) -> None:
    """A filter list that cannot be filled leaves "All" as the only choice; the query reports errors."""
