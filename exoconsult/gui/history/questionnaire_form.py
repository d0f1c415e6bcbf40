"""The questions of one section as a form: label, input, help and a message line per question.

Visibility is decided by the questionnaire's own condition evaluator (exoconsult.domain.questionnaire),
the one the history service uses, so what the screen hides and what the service drops cannot drift.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from exoconsult.domain.questionnaire import Question, Section, visible
from exoconsult.gui.history.question_widgets import InfoWidget, QuestionWidget
from exoconsult.gui.history.texts import pick
from exoconsult.gui.history.widget_factory import make_question_widget
from exoconsult.gui.tones import ink

LABEL_WIDTH = 280
# What a message is, said by a mark as well as by its colour.
_MESSAGE_KIND = {"error": ("error", "⚠ "), "warning": ("warning", "! "), "info": ("muted", "")}


class MessageLine(QLabel):
    """A message under a question in a line of fixed height: it appears and goes without moving any
    field (a click aimed at the next field lands on it). A message longer than the row ends in "…" and
    is read in full in its tooltip and by a screen reader."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("fieldMessage")
        self.setFixedHeight(self.fontMetrics().height() + 2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.full_text = self._shown = ""

    def show_message(self, text: str, mark: str = "") -> None:
        self.full_text = text
        self._shown = mark + text if text else ""
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._shown, Qt.TextElideMode.ElideRight, max(self.width(), 1)))


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
        self.help_label.setStyleSheet(ink("muted", "font-size: 11px;"))
        self.help_label.setVisible(bool(help_text))
        if help_text:
            widget.setToolTip(help_text)
        # The message spans the row under label and input, in a line of fixed height (see MessageLine).
        self.message_label = MessageLine(self)
        self.message_label.setVisible(not isinstance(widget, InfoWidget))
        self.message_kind: str | None = None

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(2)
        right.addWidget(widget)
        right.addWidget(self.help_label)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 3, 0, 3)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        if isinstance(widget, InfoWidget):  # info text spans the whole row; it has no label of its own
            self.label.hide()
            grid.addLayout(right, 0, 0, 1, 2)
        else:
            grid.addWidget(self.label, 0, 0)
            grid.addLayout(right, 0, 1)
            grid.addWidget(self.message_label, 1, 0, 1, 2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_message(self, text: str | None, kind: str = "error") -> None:
        if not text and self.message_kind is None and not self.message_label.full_text:
            return  # already empty: a restyle of every row on each refresh is what made pages slow
        self.message_kind = kind if text else None
        meaning, mark = _MESSAGE_KIND.get(kind, _MESSAGE_KIND["error"])
        self.message_label.show_message(text or "", mark)
        self.message_label.setStyleSheet(ink(meaning))


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
        return row.message_label.full_text

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
