"""The eleven sections in the console: which one is on the patient's screen, a "discussed" tick, when it
was first and last shown, and the clinician's notes (saved, debounced, by the controller)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QPushButton, QWidget

from exoconsult.gui.local_format import datetime_text, time_text
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import plain_label
from exoconsult.services.explanation.explanation_dto import ExplanationDTO, SectionState


def local_time(value: datetime | None, time_zone: str, fmt: str = "%d.%m.%Y %H:%M") -> str:
    """In the clinic's zone, written by gui/local_format (the screen language's clock)."""
    if value is None:
        return ""
    if fmt in ("%H:%M", "%H:%M:%S"):
        return time_text(value, seconds=fmt.endswith("%S"), zone=time_zone)
    return datetime_text(value, zone=time_zone)


class SectionRow:
    def __init__(self, index: int, grid: QGridLayout, parent: QWidget) -> None:
        self.index = index
        self.section_id = ""
        self.show_button = QPushButton(QCoreApplication.translate("SectionRow", "Show"), parent)
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(QCoreApplication.translate("SectionRow", "Show this section on the patient's screen"))
        self.title = plain_label("", parent)
        self.title.setWordWrap(True)
        self.discussed = QCheckBox(QCoreApplication.translate("SectionRow", "Discussed"), parent)
        self.times = plain_label("", parent)
        self.times.setWordWrap(True)  # "first shown …, last … (2×)" is long in Turkish
        self.times.setStyleSheet(ink("muted"))
        self.notes = QLineEdit(parent)
        self.notes.setPlaceholderText(QCoreApplication.translate("SectionRow", "Notes…"))
        self.notes.setClearButtonEnabled(True)
        self.notes_message = plain_label("", parent, object_name="fieldMessage")
        self.notes_message.setStyleSheet(ink("error"))
        self.notes_message.hide()
        # The notes go under the title, not beside it: beside it the console needed ~660 px and at the
        # default window (1180 px, the patient list open) cut the notes field off the right edge.
        row = index * 4
        grid.addWidget(self.show_button, row, 0)
        grid.addWidget(self.title, row, 1)
        grid.addWidget(self.discussed, row, 2)
        grid.addWidget(self.times, row + 1, 1, 1, 2)
        grid.addWidget(self.notes, row + 2, 1, 1, 2)
        grid.addWidget(self.notes_message, row + 3, 1, 1, 2)

    def show_state(self, s: SectionState, time_zone: str, keep_notes: bool) -> None:
        self.section_id = s.section_id
        self.title.setText(f"{self.index + 1}. {s.title}")
        self.discussed.blockSignals(True)
        self.discussed.setChecked(s.discussed)
        self.discussed.blockSignals(False)
        if s.first_shown_at is None:
            self.times.setText(QCoreApplication.translate("SectionRow", "not shown yet"))
        elif s.shown_count == 1:
            self.times.setText(QCoreApplication.translate("SectionRow", "shown %1")
                               .replace("%1", local_time(s.first_shown_at, time_zone)))
        else:
            self.times.setText(QCoreApplication.translate("SectionRow", "first shown %1, last %2 (%3×)")
                               .replace("%1", local_time(s.first_shown_at, time_zone))
                               .replace("%2", local_time(s.last_shown_at, time_zone, "%H:%M"))
                               .replace("%3", str(s.shown_count)))
        if not keep_notes and self.notes.text() != s.notes:
            self.notes.blockSignals(True)
            self.notes.setText(s.notes)
            self.notes.blockSignals(False)


class SectionsPanel(QWidget):
    show_requested = Signal(int)
    discussed_changed = Signal(str, bool)
    notes_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionsPanel")
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(1, 140)
        self.rows: list[SectionRow] = []
        self.editable = True

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for row in self.rows:
            self._apply_editable(row)

    def _apply_editable(self, row: SectionRow) -> None:
        row.show_button.setEnabled(self.editable)
        row.discussed.setEnabled(self.editable)
        row.notes.setReadOnly(not self.editable)

    def show_sections(self, dto: ExplanationDTO, time_zone: str, pending_notes) -> None:
        while len(self.rows) < len(dto.sections):
            row = SectionRow(len(self.rows), self.grid, self)
            row.show_button.clicked.connect(self._on_show_clicked)
            row.discussed.toggled.connect(self._on_discussed)
            row.notes.textEdited.connect(self._on_notes)
            self._apply_editable(row)
            self.rows.append(row)
        for row, state in zip(self.rows, dto.sections, strict=False):
            # Don't overwrite what the clinician is typing with an older saved value.
            row.show_state(state, time_zone, keep_notes=pending_notes(state.section_id) or row.notes.hasFocus())

    def mark_current(self, index: int) -> None:
        for row in self.rows:
            row.show_button.setChecked(row.index == index)
            row.title.setStyleSheet("font-weight: 700;" if row.index == index else "")

    def show_notes_problem(self, section_id: str, text: str) -> None:
        for row in self.rows:
            if row.section_id == section_id:
                row.notes_message.setText(text)
                row.notes_message.setVisible(bool(text))

    def _row_of(self, widget) -> SectionRow | None:
        return next((r for r in self.rows if widget in (r.show_button, r.discussed, r.notes)), None)

    def _on_show_clicked(self) -> None:
        row = self._row_of(self.sender())
        if row is not None:
            self.show_requested.emit(row.index)

    def _on_discussed(self, checked: bool) -> None:
        row = self._row_of(self.sender())
        if row is not None:
            self.discussed_changed.emit(row.section_id, checked)

    def _on_notes(self, text: str) -> None:
        row = self._row_of(self.sender())
        if row is not None:
            row.notes_message.hide()
            self.notes_edited.emit(row.section_id, text)
