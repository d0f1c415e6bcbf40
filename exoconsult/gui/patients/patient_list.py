"""The patient list: a search box (search as you type, short debounce) over a table of results.

Searches run on the runner; a result that arrives after a newer search was started is dropped, so a
slow query can never overwrite the answer to what is in the box now.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.patients.patient_table_model import PatientTableModel
from exoconsult.gui.widgets import show_service_error

SEARCH_DEBOUNCE_MS = 250
SEARCH_LIMIT = 200  # the service's default page; more means "type more"


class PatientList(QWidget):
    """Search box + results. Emits `open_requested(patient_id)` and `new_requested()`."""

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, services, session, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._runner = runner
        self._generation = 0

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("patientSearch")
        self.search_box.setPlaceholderText(self.tr("Search by name, MRN, national id or birth date"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search patients"))
        self.new_button = QPushButton(self.tr("New patient…"), self)
        self.new_button.setToolTip(self.tr("Register a new patient (Ctrl+N)"))
        self.model = PatientTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Patients"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The name is what people read: the list never gets so narrow that it shrinks to "Aks…".
        header.setMinimumSectionSize(48)
        self.setMinimumWidth(380)
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setObjectName("listStatus")

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.setTabOrder(self.search_box, self.table)
        self.setTabOrder(self.table, self.new_button)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search_box.textEdited.connect(self._on_text_edited)
        self.search_box.returnPressed.connect(self._on_search_return)
        self.search_box.installEventFilter(self)
        self.table.activated.connect(self._on_activated)
        self.new_button.clicked.connect(self.new_requested)

    # --- public -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search_now(self) -> None:
        """Run the search for what is in the box now (the debounce timer calls this)."""
        self._debounce.stop()
        actor = self._session.actor
        if actor is None or self._session.is_locked:
            return
        self._generation += 1
        query = self.search_box.text()
        work = partial(self._services.patients.search, actor, query)
        self._runner.submit(work, partial(self._on_results, self._generation),
                            partial(self._on_error, self._generation), label=self.tr("Searching…"))

    def selected_patient_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.row_at(rows[0].row()).id
        return None

    def clear(self) -> None:
        """Forget the query and every row (lock, sign-out)."""
        self._debounce.stop()
        self._generation += 1  # results still in flight are dropped
        self.search_box.clear()
        self.model.clear()
        self.status_label.clear()

    def select_patient(self, patient_id: int) -> None:
        row = self.model.row_of(patient_id)
        if row >= 0:
            self.table.selectRow(row)

    # --- private ------------------------------------------------------------------------------
    def _on_text_edited(self, _text: str) -> None:
        self._debounce.start()

    def _on_search_return(self) -> None:
        # Enter in the box: open the selected (or only) patient once results are in; else search.
        if self._debounce.isActive():
            self.search_now()
        patient_id = self.selected_patient_id()
        if patient_id is None and self.model.rowCount() == 1:
            patient_id = self.model.row_at(0).id
        if patient_id is not None:
            self.open_requested.emit(patient_id)

    def _on_results(self, generation: int, rows) -> None:
        if generation != self._generation:
            return
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        if not rows and not self.search_box.text().strip():
            self.status_label.setText(self.tr("No patients yet — New patient… (Ctrl+N)"))
        elif not rows:
            self.status_label.setText(self.tr("No patient matches."))
        elif len(rows) == 1:
            self.status_label.setText(self.tr("1 patient"))
        elif len(rows) >= SEARCH_LIMIT:
            self.status_label.setText(self.tr("First %1 patients; type more to narrow the list.")
                                      .replace("%1", str(len(rows))))
        else:
            self.status_label.setText(self.tr("%1 patients").replace("%1", str(len(rows))))

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            show_service_error(self, error)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.row_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow from the search box moves into the results, as in any search field.
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.selected_patient_id() is None:
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
