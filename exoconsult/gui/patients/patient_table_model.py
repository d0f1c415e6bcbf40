"""Qt table model over PatientSummary DTOs, replaced wholesale after each search."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from exoconsult.gui.local_format import date_text
from exoconsult.services.core.dto import PatientSummary


class PatientTableModel(QAbstractTableModel):
    """Rows are PatientSummary; columns MRN, name, birth date, last digits of the national id."""

    _HEADERS = (QT_TRANSLATE_NOOP("PatientTableModel", "MRN"), QT_TRANSLATE_NOOP("PatientTableModel", "Name"),
                QT_TRANSLATE_NOOP("PatientTableModel", "Born"),
                QT_TRANSLATE_NOOP("PatientTableModel", "National id"))
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PatientSummary] = []

    def set_rows(self, rows: Sequence[PatientSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (idle lock, sign-out): no patient data stays in memory behind the lock."""
        self.set_rows(())

    def row_at(self, row: int) -> PatientSummary:
        return self._rows[row]

    def row_of(self, patient_id: int) -> int:
        for n, summary in enumerate(self._rows):
            if summary.id == patient_id:
                return n
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            tail = f"…{p.national_id_tail}" if p.national_id_tail else ""
            return (p.mrn, p.display_name, date_text(p.birth_date), tail)[index.column()]
        if role == self.ID_ROLE:
            return p.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PatientTableModel", self._HEADERS[section])
        return None
