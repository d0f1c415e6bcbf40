"""The patient's window: a separate top-level window the clinician may move to a second screen and show
full screen (F11, Esc leaves full screen). It is sized to the screen it opens on and never grows past it
(the quiz scrolls inside it); it is not kept above the console, so on a single screen the clinician
brings the console back with a click on it in the taskbar or Alt+Tab. The console closes it when it goes. It shows the section the console has on screen, turns pages
with the buttons, the arrow keys and PageUp/PageDown, and runs the comprehension check after section 11.
It follows the shared controller, so the console and this window never disagree about what is shown."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from exoconsult.gui.explanation import style, text_zoom
from exoconsult.gui.explanation.controller import ExplanationController
from exoconsult.gui.explanation.quiz_view import QuizView
from exoconsult.gui.explanation.section_view import SectionView
from exoconsult.gui.explanation.texts import patient_text
from exoconsult.gui.ui_language import PatientFacing, PatientWording
from exoconsult.gui.widgets import plain_label
from exoconsult.services.explanation.explanation_dto import PatientExplanation

MARGIN_H, MARGIN_V = 96, 56
MARGIN_H_LEAST = 16  # the side margins give way down to this in a small window, before the page buttons do
ZOOM_KEYS = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1, Qt.Key.Key_0: 0}
READING_WIDTH = 1100  # long lines tire the eye: the text column stays about 70 characters wide
WINDOW_FRAME = QSize(40, 60)  # room for the borders and title bar a window manager adds around the window
NO_LIMIT = 16777215  # Qt's QWIDGETSIZE_MAX


class PresentationWindow(PatientFacing, QWidget):
    def __init__(self, controller: ExplanationController, parent: QWidget | None = None) -> None:
        # Its own window with no parent: a child window is kept above the console by window managers and
        # hides it on a single screen. The console deletes it when it goes (sign-out, lock, another patient).
        super().__init__(None, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window still quits
        self.setObjectName("presentationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(style.window_sheet())
        font = QFont(self.font())
        font.setPointSize(style.BODY_PT)
        self.setFont(font)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.controller = controller
        self.shown: PatientExplanation | None = None
        self.language = controller.language or "en"
        self.patient_wording = PatientWording(self.language)  # the patient's window: the patient's language

        self.section_view = SectionView(self)
        self.quiz = QuizView(self)
        self.waiting = plain_label("", self, object_name="muted")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The quiz scrolls inside the window instead of growing it past the bottom of the screen.
        self.quiz_area = QScrollArea(self)
        self.quiz_area.setWidgetResizable(True)
        self.quiz_area.setFrameShape(QFrame.Shape.NoFrame)
        self.quiz_area.setWidget(self.quiz)
        self.stack = QStackedWidget(self)
        for widget in (self.waiting, self.section_view, self.quiz_area):
            self.stack.addWidget(widget)
        self.previous_button = self._nav_button()
        self.next_button = self._nav_button()
        self.position = plain_label("", self, object_name="muted")
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nav = nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        column = QVBoxLayout()
        column.setSpacing(24)
        column.addWidget(self.stack, 1)
        column.addLayout(nav)
        self.reading = reading = QWidget(self)
        reading.setLayout(column)
        reading.setMaximumWidth(READING_WIDTH)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(MARGIN_H, MARGIN_V, MARGIN_H, MARGIN_V - 16)
        outer.addWidget(reading, 1)
        # The window's size is the screen's business, not the content's: large text and the quiz scroll
        # inside it instead of pushing the window past the bottom of the screen.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.quiz.answer_chosen.connect(controller.answer)
        controller.presentation_loaded.connect(self._on_presentation)
        controller.current_section_changed.connect(self._on_current_changed)
        controller.loaded.connect(self._on_loaded)
        controller.answered.connect(self.quiz.show_outcome)
        controller.answered.connect(self._apply_zoom)  # after the quiz made its next question's buttons
        controller.failed.connect(self._on_failed)
        self.setWindowTitle(self.tr("ExoConsult — patient information"))
        self.fit_to_screen((parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen())
        self._settings = getattr(parent.window(), "settings", None) if parent is not None else None
        saved = self._settings.value(text_zoom.SETTING) if self._settings is not None else None
        self.zoom = float(saved) if saved is not None else 1.0
        if controller.presentation is not None:
            self._on_presentation(controller.presentation)
        else:
            self._show_waiting()
        self._apply_zoom()

    def _nav_button(self) -> QPushButton:
        button = QPushButton("", self)
        button.setObjectName("navButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the window: arrows turn pages
        return button

    def _t(self, key: str, **values) -> str:
        return patient_text(self.language, key, **values)

    # -- following the controller --------------------------------------------------------------------
    def _show_waiting(self) -> None:
        self.waiting.setText(self._t("waiting") if self.controller.dto else self._t("not_started"))
        self.stack.setCurrentWidget(self.waiting)
        self.previous_button.setEnabled(False)
        self.next_button.setEnabled(False)

    def _on_presentation(self, shown: PatientExplanation) -> None:
        self.shown = shown
        self.language = shown.language
        self.patient_wording = PatientWording(shown.language)
        self.setWindowTitle(self.tr("ExoConsult — patient information"))
        self.previous_button.setText("‹  " + self._t("previous"))
        self.quiz.set_language(shown.language)
        self._on_current_changed(self.controller.current_index)

    def _on_current_changed(self, index: int) -> None:
        if self.shown is None:
            self._show_waiting()
            return
        total = len(self.shown.sections)
        if index < total:
            text = self._t("of", n=index + 1, total=total)
            self.section_view.show_section(self.shown.sections[index], text)
            text_zoom.scale_document(self.section_view.body.document(), self.zoom)
            self.stack.setCurrentWidget(self.section_view)
            self.position.setText(text)
            self.next_button.setText(self._t("to_check" if index == total - 1 else "next") + "  ›")
        else:
            self.position.setText("")
            self.next_button.setText(self._t("next") + "  ›")
            dto = self.controller.dto
            if dto is not None:
                self.quiz.show_state(dto.comprehension)
            self.stack.setCurrentWidget(self.quiz_area)
            self._apply_zoom()  # the question's buttons are new
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < total)
        self.next_button.setVisible(index < total)  # the check has its own buttons; no dead "Next"
        self._fit_margins()  # the buttons' words changed

    def _on_loaded(self, data) -> None:
        if data is None or data.explanation is None:  # another language without a session: nothing to show
            self.shown = None
            self._show_waiting()
            return
        if self.stack.currentWidget() is self.quiz_area and data is not None and data.explanation is not None:
            self.quiz.show_state(data.explanation.comprehension)
            self._apply_zoom()  # the new question's buttons

    def _on_failed(self, _error) -> None:
        self.quiz.enable_options()  # the console shows the message; the patient may answer again

    # -- moving --------------------------------------------------------------------------------------
    def go_previous(self) -> None:
        if self.shown is not None and self.controller.current_index > 0:
            self.controller.show_section(self.controller.current_index - 1)

    def go_next(self) -> None:
        if self.shown is not None and self.controller.current_index < len(self.shown.sections):
            self.controller.show_section(self.controller.current_index + 1)

    def change_text_size(self, direction: int) -> None:
        """Ctrl+plus (+1), Ctrl+minus (-1), Ctrl+0 (0): remembered for the next patient too."""
        self.zoom = text_zoom.step(self.zoom, direction)
        if self._settings is not None:
            self._settings.setValue(text_zoom.SETTING, self.zoom)
        self._apply_zoom()
        if self.shown is not None and self.controller.current_index < len(self.shown.sections):
            self._on_current_changed(self.controller.current_index)  # refilled, then scaled

    def _apply_zoom(self, *_args) -> None:
        font = self.font()
        font.setPointSizeF(style.BODY_PT * self.zoom)
        self.setFont(font)
        text_zoom.scale_widgets(self, self.zoom)
        for label in self.findChildren(QLabel):  # new font sizes: lay the window out again
            label.updateGeometry()
        self._fit_margins()
        self.layout().activate()

    def _fit_margins(self) -> None:
        """The wide side margins frame the text on a large screen; in a small window they give way so that
        "Previous", the position and "Next" keep their full width, and the window is never made narrower
        than that row (up to the screen's width)."""
        inside = self.reading.layout().contentsMargins()
        row = self.nav.sizeHint().width() + inside.left() + inside.right()
        side = max(MARGIN_H_LEAST, min(MARGIN_H, (self.width() - row) // 2))
        self.layout().setContentsMargins(side, MARGIN_V, side, MARGIN_V - 16)
        self.setMinimumWidth(min(row + 2 * MARGIN_H_LEAST, self.maximumWidth()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_margins()

    def fit_to_screen(self, screen: QScreen) -> None:
        """Never larger than the screen's available area (taskbar and frame left out), centred on it."""
        room = screen.availableGeometry()
        most = room.size().shrunkBy(QMargins(0, 0, WINDOW_FRAME.width(), WINDOW_FRAME.height()))
        self.setMaximumSize(most)
        self.resize(min(1280, most.width()), min(860, most.height()))
        self.move(room.left() + (room.width() - self.width()) // 2,
                  room.top() + max(0, (room.height() - self.height() - WINDOW_FRAME.height()) // 2))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.leave_full_screen()
        else:
            self.enter_full_screen()

    def enter_full_screen(self) -> None:
        self.setMaximumSize(NO_LIMIT, NO_LIMIT)  # full screen covers the taskbar too, as asked
        self.showFullScreen()

    def leave_full_screen(self) -> None:
        self.showNormal()
        self.fit_to_screen(self.screen())

    def show_on_screen(self, number: int) -> bool:
        """Move to screen `number` (0-based) and fill it; False when there is no such screen."""
        screens = QGuiApplication.screens()
        if number >= len(screens):
            return False
        screen = screens[number]
        self.showNormal()
        self.setScreen(screen)
        self.move(screen.availableGeometry().topLeft())
        self.enter_full_screen()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and key in ZOOM_KEYS:
            self.change_text_size(ZOOM_KEYS[key])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.go_next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go_previous()
        elif key == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.leave_full_screen()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Space):
            self.section_view.scroll_by_page(-1 if key == Qt.Key.Key_Up else 1)
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and self.stack.currentWidget() is self.quiz_area:
            self.quiz.choose_number(key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_Return and self.quiz.holding_feedback:
            self.quiz.continue_after_feedback()
        else:
            super().keyPressEvent(event)
