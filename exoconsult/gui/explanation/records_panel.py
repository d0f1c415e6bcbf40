"""What the clinician records besides the sections: the patient's questions with the answers given,
interpreter/witness presence, teach-back per key point, and the comprehension answers as they happen.
Tables use QTableWidgetItem (plain text); field problems from the service appear under their field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.explanation.sections_panel import local_time
from exoconsult.gui.explanation.texts import key_point_title, teach_back_results
from exoconsult.gui.labels import language_label
from exoconsult.gui.printable_guard import PrintableGuard
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import add_field_row, field_message_label, plain_label
from exoconsult.services.explanation.explanation_dto import ExplanationDTO


def make_table(parent: QWidget, headers: list[str], stretch: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    return table


def fill_table(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeRowsToContents()


class FieldMessages:
    """Shows a ValidationError's problems under the matching fields; returns what no field took."""

    def __init__(self, labels: dict) -> None:
        self.labels = labels

    def clear(self) -> None:
        for label in self.labels.values():
            label.hide()

    def show(self, problems: dict[str, str]) -> dict[str, str]:
        self.clear()
        rest = {}
        for key, text in problems.items():
            if key in self.labels:
                self.labels[key].setText(text)
                self.labels[key].show()
            else:
                rest[key] = text
        return rest


class QuestionsBox(QWidget):
    add_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = make_table(self, [self.tr("Time"), self.tr("Question"), self.tr("Answer given")], (1, 2))
        self.question = QPlainTextEdit(self)
        self.question.setObjectName("patientQuestion")
        self.answer = QPlainTextEdit(self)
        self.answer.setObjectName("answerGiven")
        for edit in (self.question, self.answer):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(56)
        self.add_button = QPushButton(self.tr("Add question"), self)
        self.messages = FieldMessages({"question": field_message_label(self), "answer": field_message_label(self)})
        form = QFormLayout()
        add_field_row(form, self.tr("Patient asked"), self.question, self.messages.labels["question"])
        add_field_row(form, self.tr("Answer given"), self.answer, self.messages.labels["answer"])
        # Both print in the consent's annex: refuse what the document font cannot draw while it is typed.
        self.guards = tuple(PrintableGuard(edit, plain_label("", self)) for edit in (self.question, self.answer))
        for guard in self.guards:
            form.addRow("", guard.message)
        form.addRow("", self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.add_button.clicked.connect(self._on_add)

    def _on_add(self) -> None:
        if not all(guard.ok() for guard in self.guards):
            return
        self.add_requested.emit(self.question.toPlainText(), self.answer.toPlainText())

    def show_questions(self, dto: ExplanationDTO, time_zone: str) -> None:
        before = self.table.rowCount()
        fill_table(self.table, [(local_time(q.asked_at, time_zone, "%H:%M"), q.question, q.answer)
                                for q in dto.questions])
        if self.table.rowCount() > before:  # the new question was stored: clear the form for the next one
            self.question.clear()
            self.answer.clear()
            self.messages.clear()


class PresenceBox(QWidget):
    record_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.need = plain_label("", self, object_name="interpreterNeed")
        self.need.setWordWrap(True)
        self.table = make_table(self, [self.tr("Role"), self.tr("Name"), self.tr("Language"), self.tr("Recorded")], (1,))
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Interpreter"), "interpreter")
        self.role.addItem(self.tr("Witness"), "witness")
        self.name = QLineEdit(self)
        self.name.setObjectName("presenceName")
        self.language = QLineEdit(self)
        self.language.setObjectName("presenceLanguage")
        self.language.setPlaceholderText(self.tr("e.g. tr, or Kurmanji → Turkish"))
        self.record_button = QPushButton(self.tr("Record presence"), self)
        self.messages = FieldMessages({k: field_message_label(self) for k in ("role", "name", "language")})
        form = QFormLayout()
        add_field_row(form, self.tr("Role"), self.role, self.messages.labels["role"])
        add_field_row(form, self.tr("Name"), self.name, self.messages.labels["name"])
        add_field_row(form, self.tr("Language"), self.language, self.messages.labels["language"])
        form.addRow("", self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.need)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.record_button.clicked.connect(self._on_record)

    def _on_record(self) -> None:
        self.record_requested.emit(self.role.currentData(), self.name.text(), self.language.text())

    def show_presence(self, dto: ExplanationDTO, time_zone: str) -> None:
        if dto.interpreter_needed:
            self.need.setText(self.tr("An interpreter is needed for this explanation (in %1): record who "
                                      "interpreted.").replace("%1", language_label(dto.language)))
            self.need.setStyleSheet(ink("warning", "font-weight: 600;"))
        else:
            self.need.setText(self.tr("No interpreter is needed. Record a witness if one is present."))
            self.need.setStyleSheet("")
        before = self.table.rowCount()
        roles = {"interpreter": self.tr("Interpreter"), "witness": self.tr("Witness")}
        fill_table(self.table, [(roles.get(p.role, p.role), p.name, p.language,
                                 local_time(p.recorded_at, time_zone, "%H:%M"))
                                for p in dto.presence])
        if self.table.rowCount() > before:
            self.name.clear()
            self.language.clear()
            self.messages.clear()


class TeachBackBox(QWidget):
    record_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = make_table(self, [self.tr("Key point"), self.tr("Result"), self.tr("Patient's words")], (2,))
        self.key_point = QComboBox(self)
        self.result = QComboBox(self)
        for value, text in teach_back_results():
            self.result.addItem(self.tr(text), value)
        self.words = QLineEdit(self)
        self.words.setObjectName("teachBackWords")
        self.words.setPlaceholderText(self.tr("optional: what the patient said, in his words"))
        self.record_button = QPushButton(self.tr("Record teach-back"), self)
        self._seen = None
        self.messages = FieldMessages({k: field_message_label(self) for k in ("key_point", "result", "words")})
        form = QFormLayout()
        add_field_row(form, self.tr("Key point"), self.key_point, self.messages.labels["key_point"])
        add_field_row(form, self.tr("Result"), self.result, self.messages.labels["result"])
        add_field_row(form, self.tr("Patient's words"), self.words, self.messages.labels["words"])
        form.addRow("", self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.record_button.clicked.connect(self._on_record)

    def _on_record(self) -> None:
        self.record_requested.emit(self.key_point.currentData() or "", self.result.currentData(), self.words.text())

    def show_teach_back(self, dto: ExplanationDTO) -> None:
        keys = dto.comprehension.key_points
        if [self.key_point.itemData(i) for i in range(self.key_point.count())] != list(keys):
            self.key_point.clear()
            for key in keys:
                self.key_point.addItem(key_point_title(key), key)
        results = dict(teach_back_results())
        recorded = {t.key_point: t for t in dto.teach_back}
        rows = []
        for key in keys:
            t = recorded.get(key)
            rows.append((key_point_title(key), results.get(t.result, t.result) if t else self.tr("— not recorded"),
                         t.words if t else ""))
        fill_table(self.table, rows)
        if self._seen is not None and dto.teach_back != self._seen:  # a new record was stored
            self.words.clear()
            self.messages.clear()
        self._seen = dto.teach_back


class AttemptsBox(QWidget):
    """Every answer the patient gives, as it is recorded (newest last)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label("", self, object_name="checkSummary")
        self.summary.setStyleSheet("font-weight: 600;")
        self.table = make_table(self, [self.tr("Time"), self.tr("Question"), self.tr("Attempt"), self.tr("Result")],
                                (1,))
        self.prompts: dict[str, str] = {}  # question id -> prompt, learnt as each question is asked
        self.current = plain_label("", self, object_name="checkCurrent")
        self.current.setWordWrap(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 1)

    def show_attempts(self, dto: ExplanationDTO, time_zone: str) -> None:
        c = dto.comprehension
        if c.next_question is not None:
            self.prompts[c.next_question.id] = c.next_question.prompt
        done = c.total - c.pending
        self.summary.setText(self.tr("PASSED — all %1 questions answered correctly").replace("%1", str(c.total))
                             if c.passed else self.tr("Not passed yet: %1 of %2 answered correctly")
                             .replace("%1", str(done)).replace("%2", str(c.total)))
        self.current.setText(self.tr("Now asked: %1").replace("%1", c.next_question.prompt)
                             if c.next_question is not None else "")
        fill_table(self.table, [(local_time(a.answered_at, time_zone, "%H:%M:%S"),
                                 a.prompt or self.prompts.get(a.question_id, a.question_id),
                                 str(a.attempt),
                                 self.tr("✓ correct") if a.correct else self.tr("✗ wrong")) for a in c.attempts])
