"""The comprehension check as the patient sees it: one question with big option buttons (mouse, touch or
the number keys), feedback with the right answer after a wrong one, and a calm "check complete" page.
The service decides which question comes next; this view only shows what it is given."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.explanation import style
from exoconsult.gui.explanation.texts import patient_text
from exoconsult.gui.widgets import plain_label
from exoconsult.services.explanation.explanation_dto import AnswerOutcome, ComprehensionState

OPTION_PADDING = 22


def question_number(state: ComprehensionState, question_id: str) -> tuple[int, bool]:
    """(position of the question, asked before?): questions are numbered in the order first asked."""
    first_asked = list(dict.fromkeys(a.question_id for a in state.attempts))
    if question_id in first_asked:
        return first_asked.index(question_id) + 1, True
    return len(first_asked) + 1, False


class OptionButton(QPushButton):
    """A big button whose (possibly long) answer text wraps; the text lives in a plain-text label."""

    def __init__(self, option_id: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option_id = option_id
        self.setObjectName("optionButton")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.label = plain_label(text, self)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet(f"font-size: {style.BODY_PT}pt; background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(OPTION_PADDING + 4, OPTION_PADDING, OPTION_PADDING, OPTION_PADDING)
        layout.addWidget(self.label)
        self.setAccessibleName(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.label.heightForWidth(width - 2 * OPTION_PADDING - 4) + 2 * OPTION_PADDING

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = max(400, self.width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(200, self.heightForWidth(max(400, self.width())))


class QuizView(QWidget):
    """Question, feedback after a wrong answer, and the completed check, in one stack."""

    answer_chosen = Signal(str, str)  # question id, option id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.state: ComprehensionState | None = None
        self.holding_feedback = False  # a wrong answer's feedback stays until "Continue"
        self.option_buttons: list[OptionButton] = []

        self.title = plain_label("", self, object_name="quizTitle")
        self.title.setWordWrap(True)
        self.progress = plain_label("", self, object_name="muted")
        self.pages = QStackedWidget(self)

        self.question_page = QWidget(self.pages)
        self.intro = plain_label("", self.question_page, object_name="muted")
        self.intro.setWordWrap(True)
        self.previous_result = plain_label("", self.question_page, object_name="muted")
        self.prompt = plain_label("", self.question_page, object_name="quizPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet(f"font-size: {style.BODY_PT + 2}pt; font-weight: 600;")
        self.options_box = QVBoxLayout()
        self.options_box.setSpacing(16)
        q_layout = QVBoxLayout(self.question_page)
        q_layout.setContentsMargins(0, 0, 0, 0)
        q_layout.setSpacing(14)
        for widget in (self.intro, self.previous_result, self.prompt):
            q_layout.addWidget(widget)
        q_layout.addSpacing(10)
        q_layout.addLayout(self.options_box)
        q_layout.addStretch(1)

        self.feedback_page = QWidget(self.pages)
        box = QFrame(self.feedback_page)
        box.setObjectName("feedbackBox")
        self.not_quite = plain_label("", box, object_name="notQuite")
        self.not_quite.setStyleSheet(f"font-size: {style.BODY_PT + 2}pt; font-weight: 600; color: {style.wrong_ink()};")
        self.right_answer_label = plain_label("", box)
        self.right_answer_label.setStyleSheet(f"font-size: {style.BODY_PT}pt;")
        answer_frame = QFrame(box)
        answer_frame.setObjectName("answerBox")
        self.right_answer = plain_label("", answer_frame, object_name="rightAnswer")
        self.right_answer.setWordWrap(True)
        self.right_answer.setStyleSheet(f"font-size: {style.BODY_PT}pt; font-weight: 600; background: transparent;")
        inner = QVBoxLayout(answer_frame)
        inner.setContentsMargins(22, 18, 22, 18)
        inner.addWidget(self.right_answer)
        self.why = plain_label("", box, object_name="whyText")
        self.why.setWordWrap(True)
        self.why.setStyleSheet(f"font-size: {style.BODY_PT}pt;")
        self.continue_button = QPushButton("", box)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(32, 28, 32, 28)
        box_layout.setSpacing(16)
        for widget in (self.not_quite, self.right_answer_label, answer_frame, self.why):
            box_layout.addWidget(widget)
        box_layout.addSpacing(8)
        box_layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        f_layout = QVBoxLayout(self.feedback_page)
        f_layout.setContentsMargins(0, 0, 0, 0)
        f_layout.addWidget(box)
        f_layout.addStretch(1)

        self.complete_page = QWidget(self.pages)
        done = QFrame(self.complete_page)
        done.setObjectName("completeBox")
        self.complete_title = plain_label("", done, object_name="completeTitle")
        self.complete_title.setStyleSheet(f"font-size: {style.TITLE_PT}pt; font-weight: 600; color: {style.accent()};"
                                          " background: transparent;")
        self.complete_body = plain_label("", done, object_name="completeBody")
        self.complete_body.setWordWrap(True)
        self.complete_body.setStyleSheet(f"font-size: {style.BODY_PT}pt; background: transparent;")
        d_layout = QVBoxLayout(done)
        d_layout.setContentsMargins(40, 36, 40, 40)
        d_layout.setSpacing(20)
        d_layout.addWidget(self.complete_title)
        d_layout.addWidget(self.complete_body)
        c_layout = QVBoxLayout(self.complete_page)
        c_layout.setContentsMargins(0, 40, 0, 0)
        c_layout.addWidget(done)
        c_layout.addStretch(1)

        for page in (self.question_page, self.feedback_page, self.complete_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.progress)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.pages, 1)
        self.continue_button.clicked.connect(self.continue_after_feedback)

    def _t(self, key: str, **values) -> str:
        return patient_text(self.language, key, **values)

    def set_language(self, language: str) -> None:
        self.language = language
        self.title.setText(self._t("check_title"))
        self.intro.setText(self._t("check_intro"))
        self.continue_button.setText(self._t("continue"))
        self.not_quite.setText(self._t("not_quite"))
        self.right_answer_label.setText(self._t("right_answer"))
        self.complete_title.setText(self._t("complete_title"))
        self.complete_body.setText(self._t("complete_body"))

    # -- what the service said -----------------------------------------------------------------------
    def show_state(self, state: ComprehensionState, *, after_correct: bool = False) -> None:
        """Show the question the service asks now (unless a wrong answer's feedback is on screen)."""
        self.state = state
        if self.holding_feedback:
            return
        if state.passed or state.next_question is None:
            self.progress.setText(self._t("correct_so_far", n=state.total - state.pending, total=state.total))
            self.pages.setCurrentWidget(self.complete_page)
            return
        q = state.next_question
        number, again = question_number(state, q.id)
        self.progress.setText(self._t("question_again" if again else "question_of", n=number, total=state.total))
        self.intro.setVisible(not state.attempts)
        self.previous_result.setText(self._t("well_done") if after_correct else "")
        self.previous_result.setVisible(after_correct)
        self.prompt.setText(q.prompt)
        self._set_options(q.id, q.options)
        self.pages.setCurrentWidget(self.question_page)

    def show_outcome(self, outcome: AnswerOutcome) -> None:
        if outcome.correct:
            self.holding_feedback = False
            self.show_state(outcome.state, after_correct=True)
            return
        self.state = outcome.state
        self.holding_feedback = True
        self.right_answer.setText(outcome.correct_option_text)
        self.why.setText(outcome.explanation)
        self.pages.setCurrentWidget(self.feedback_page)

    def continue_after_feedback(self) -> None:
        self.holding_feedback = False
        if self.state is not None:
            self.show_state(self.state)

    def current_page(self) -> str:
        return {self.question_page: "question", self.feedback_page: "feedback",
                self.complete_page: "complete"}[self.pages.currentWidget()]

    # -- options -------------------------------------------------------------------------------------
    def _set_options(self, question_id: str, options) -> None:
        for button in self.option_buttons:
            self.options_box.removeWidget(button)
            button.deleteLater()
        self.option_buttons = []
        self._question_id = question_id
        for option in options:
            button = OptionButton(option.id, option.text, self.question_page)
            button.clicked.connect(self._on_option_clicked)
            self.options_box.addWidget(button)
            self.option_buttons.append(button)

    def _on_option_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, OptionButton):
            self.choose(button.option_id)

    def choose(self, option_id: str) -> None:
        if self.current_page() == "question" and self.option_buttons:
            for button in self.option_buttons:
                button.setEnabled(False)  # one answer per showing, even on a double tap
            self.answer_chosen.emit(self._question_id, option_id)

    def choose_number(self, n: int) -> None:
        if 1 <= n <= len(self.option_buttons):
            self.choose(self.option_buttons[n - 1].option_id)

    def enable_options(self) -> None:
        """After a failed call: let the patient answer again."""
        for button in self.option_buttons:
            button.setEnabled(True)
