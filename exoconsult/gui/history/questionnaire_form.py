"""The questions of one section as a form: label, input, help and a message line per question.

Visibility is decided by the questionnaire's own condition evaluator (exoconsult.domain.questionnaire),
the one the history service uses, so what the screen hides and what the service drops cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from exoconsult.domain.questionnaire import Question, Section, visible
from exoconsult.gui.history.question_widgets import InfoWidget, QuestionWidget
from exoconsult.gui.history.texts import pick
from exoconsult.gui.history.widget_factory import make_question_widget

LABEL_WIDTH = 280
_MESSAGE_STYLE = {
    "error": "color: #b3261e;",
    "warning": "color: #8a5300;",
    "info": "color: #555;",
}


class QuestionRow(QWidget):
    """One question: its label on the left; input, help and message stacked on the right."""

    def __init__(self, question: Question, widget: QuestionWidget, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.widget = widget
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setFixedWidth(LABEL_WIDTH)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setContentsMargins(0, 4, 0, 0)  # first line level with the text inside the input
        text = pick(question.label, lang)
        self.label.setText(f"{text} *" if question.required else text)
        self.label.setBuddy(widget)
        widget.setAccessibleName(text)
        help_text = pick(question.help, lang) if question.help else ""
        self.help_label = QLabel(help_text, self)
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: #666; font-size: 11px;")
        self.help_label.setVisible(bool(help_text))
        if help_text:
            widget.setToolTip(help_text)
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("fieldMessage")
        # The message line keeps its room even when empty: a message appearing must not push the fields
        # below it down (a click aimed at the next field would land elsewhere).
        self.message_label.setMinimumHeight(self.message_label.fontMetrics().lineSpacing())
        self.message_label.setVisible(not isinstance(widget, InfoWidget))
        self.message_kind: str | None = None

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(2)
        right.addWidget(widget)
        right.addWidget(self.help_label)
        right.addWidget(self.message_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 3, 0, 3)
        row.setSpacing(12)
        if isinstance(widget, InfoWidget):  # info text spans the whole row; it has no label of its own
            self.label.hide()
            row.addLayout(right, 1)
        else:
            row.addWidget(self.label)
            row.addLayout(right, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_message(self, text: str | None, kind: str = "error") -> None:
        self.message_kind = kind if text else None
        self.message_label.setText(text or "")
        self.message_label.setStyleSheet(_MESSAGE_STYLE.get(kind, ""))


class QuestionnaireForm(QWidget):
    """Generated form for one section (or for one entry of a repeatable group).

    `field_changed(question_id)` fires on each user edit. The owner passes the answers in scope to
    `refresh_visibility`, because a condition may read a question of another section."""

    field_changed = Signal(str)

    def __init__(self, section: Section, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.lang = lang
        self.rows: dict[str, QuestionRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for question in section.questions:
            widget = make_question_widget(question, lang, section.repeat)
            row = QuestionRow(question, widget, lang, self)
            widget.setObjectName(f"q_{question.id}")
            widget.changed.connect(self._on_widget_changed)
            self.rows[question.id] = row
            layout.addWidget(row)
        layout.addStretch(1)
        self._read_only = False

    # -- reading and writing ----------------------------------------------------------------------

    def widget_for(self, question_id: str) -> QuestionWidget:
        return self.rows[question_id].widget

    def question_ids(self) -> list[str]:
        return [qid for qid, row in self.rows.items() if row.question.takes_answer]

    def set_answers(self, answers: Mapping[str, Any]) -> None:
        """Show stored values (no `changed` signals: this is not a user edit)."""
        for qid in self.question_ids():
            widget = self.widget_for(qid)
            widget.blockSignals(True)
            widget.set_value(answers.get(qid))
            widget.blockSignals(False)

    def answers(self) -> dict[str, Any]:
        """Readable values of the answerable questions (None where empty or unreadable)."""
        return {qid: self.widget_for(qid).value() for qid in self.question_ids()}

    def refresh_visibility(self, scope: Mapping[str, Any]) -> None:
        for row in self.rows.values():
            row.setVisible(visible(row.question, scope))

    def is_shown(self, question_id: str) -> bool:
        return not self.rows[question_id].isHidden()

    def set_message(self, question_id: str, text: str | None, kind: str = "error") -> None:
        self.rows[question_id].set_message(text, kind)

    def message(self, question_id: str) -> str:
        row = self.rows[question_id]
        return row.message_label.text()

    def clear_messages(self) -> None:
        for row in self.rows.values():
            row.set_message(None)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for qid in self.question_ids():
            self.widget_for(qid).set_read_only(read_only)

    def first_input(self) -> QWidget | None:
        for qid in self.question_ids():
            if self.is_shown(qid):
                return self.widget_for(qid)
        return None

    # -- slots ------------------------------------------------------------------------------------

    def _on_widget_changed(self) -> None:
        sender = self.sender()
        for qid, row in self.rows.items():
            if row.widget is sender:
                self.field_changed.emit(qid)
                return
