"""The patient's presentation window: a walk through all eleven sections in Turkish and English with
next/previous (buttons, arrow keys, PageUp/PageDown) while the console ticks "discussed"; section 1's
generated results; bold spans; plain text only; the comprehension check with a wrong answer, its
feedback, the question coming back later, and the pass. Set EXOCONSULT_SHOTS=<dir> to save screenshots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from exoconsult.gui.explanation.presentation_window import PresentationWindow
from exoconsult.gui.explanation.texts import patient_text
from tests.gui import test_explanation_console as console_tests
from tests.gui.test_explanation_console import eligible_patient, shot

console_for = console_tests.console_for  # the console fixture, shared with the console tests

pytestmark = pytest.mark.gui


def bold_text(window: PresentationWindow) -> str:
    """The characters of the shown section that are rendered bold."""
    doc = window.section_view.body.document()
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                out.append(fragment.text())
            it += 1
        block = block.next()
    return "".join(out)


def open_window(console, qtbot) -> PresentationWindow:
    window = console.open_presentation()
    qtbot.addWidget(window)
    window.resize(1280, 860)
    return window


@pytest.mark.parametrize("language", ["tr", "en"])
def test_walk_through_all_sections(console_for, services, staff, clock, qtbot, language):
    patient = eligible_patient(services, staff, clock, preferred=language)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    window = open_window(console, qtbot)
    shown = console.controller.presentation
    assert shown.language == language and len(shown.sections) == 11
    # Section 1 shows the lines generated from his results.
    assert window.section_view.title.text() == shown.sections[0].title
    assert shown.sections[0].generated and shown.sections[0].generated[0] in window.section_view.text()
    assert window.position.text() == patient_text(language, "of", n=1, total=11)
    assert window.position.text() == {"tr": "Bölüm 1 / 11", "en": "Part 1 of 11"}[language]  # the patient's words
    shot(window, f"{language}-section1")
    assert not window.previous_button.isEnabled()
    moves = [window.next_button.click, lambda: qtbot.keyClick(window, Qt.Key.Key_Right),
             lambda: qtbot.keyClick(window, Qt.Key.Key_PageDown)]
    for index in range(11):
        section = shown.sections[index]
        assert console.controller.current_index == index
        assert window.section_view.title.text() == section.title
        assert window.position.text() == patient_text(language, "of", n=index + 1, total=11)
        bold_in_content = "".join(s.text for b in section.blocks for s in (b.spans + sum(b.items, ())) if s.bold)
        assert bold_text(window).replace("\u2028", "") == bold_in_content.replace("\u2028", "")
        assert console.sections.rows[index].show_button.isChecked()
        assert console.controller.dto.sections[index].first_shown_at is not None
        assert console.sections.rows[index].times.text().startswith("shown ")
        console.sections.rows[index].discussed.click()
        if section.id == "known":
            shot(window, f"{language}-long-section")
        if index < 10:
            moves[index % 3]()
    # Back with the button, PageUp and the left arrow, then forward again.
    window.previous_button.click()
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert console.controller.current_index == 7 and window.section_view.title.text() == shown.sections[7].title
    assert "first shown" in console.sections.rows[8].times.text()  # shown twice now
    dto = console.controller.dto
    assert all(s.discussed for s in dto.sections) and dto.section("results").shown_count == 1
    assert console.gates.state_of("sections")[0] == "OPEN"
    shot(console, f"{language}-console")


def test_section_text_is_plain_even_with_markup(console_for, services, staff, clock, qtbot):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    window = open_window(console, qtbot)
    from exoconsult.gui.explanation.section_view import fill_document
    from exoconsult.services.explanation.explanation_dto import PresentedSection

    hostile = "<b>X</b><img src='file:///etc/passwd'>"
    fill_document(window.section_view.body, PresentedSection("x", "t", (), (hostile,)))
    assert hostile in window.section_view.text()
    doc = window.section_view.body.document()
    block = doc.begin()
    while block.isValid():  # nothing was parsed as markup: no image, no bold from "<b>"
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    assert bold_text(window) == ""


@pytest.mark.parametrize("language", ["tr", "en"])
def test_wrong_answer_feedback_then_the_question_returns_and_the_check_passes(console_for, services, staff, clock,
                                                                            qtbot, language):
    patient = eligible_patient(services, staff, clock, preferred=language)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    window = open_window(console, qtbot)
    assert not console.check_button.isEnabled()  # content release 1.1, item 11: sections first
    console_tests.discuss_all(console)
    console.check_button.click()
    quiz = window.quiz
    assert window.stack.currentWidget() is window.quiz_area and quiz.current_page() == "question"
    state = console.controller.dto.comprehension
    first = state.next_question
    assert quiz.progress.text() == patient_text(language, "question_of", n=1, total=state.total)
    assert quiz.prompt.text() == first.prompt and len(quiz.option_buttons) == len(first.options)
    shot(window, f"{language}-quiz-question")
    wrong = next(b for b in quiz.option_buttons if b.option_id != first.correct_option_id)
    qtbot.mouseClick(wrong, Qt.MouseButton.LeftButton)
    assert quiz.current_page() == "feedback"
    assert quiz.right_answer.text() == first.correct_option.text and quiz.why.text() == first.explanation
    assert console.attempts.table.rowCount() == 1 and "wrong" in console.attempts.table.item(0, 3).text()
    shot(window, f"{language}-quiz-feedback")
    quiz.continue_button.click()
    seen = []
    while quiz.current_page() == "question":
        question = console.controller.dto.comprehension.next_question
        seen.append(question.id)
        if question.id == first.id:
            assert quiz.progress.text() == patient_text(language, "question_again", n=1, total=state.total)
        number = next(n for n, b in enumerate(quiz.option_buttons, 1) if b.option_id == question.correct_option_id)
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"))  # keyboard answers work too
    assert seen[-1] == first.id and seen.count(first.id) == 1 and len(seen) == state.total
    assert quiz.current_page() == "complete"
    assert quiz.complete_title.text() == patient_text(language, "complete_title")
    assert console.attempts.table.rowCount() == state.total + 1
    assert console.controller.dto.comprehension.passed and console.gates.state_of("comprehension")[0] == "OPEN"
    shot(window, f"{language}-quiz-complete")


def test_full_screen_toggle_and_second_screen_offer(console_for, services, staff, clock, qtbot):
    patient = eligible_patient(services, staff, clock)
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    window = open_window(console, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    assert console.screen_two_button.isHidden()  # the offscreen platform has one screen
    assert window.show_on_screen(1) is False


def test_with_the_real_worker_thread(services, staff, clock, qtbot, session_as):
    """The same flow through BackgroundRunner: results arrive later, on the GUI thread, in order."""
    from exoconsult.gui.explanation.console_page import ExplanationConsole
    from exoconsult.gui.runner import BackgroundRunner

    patient = eligible_patient(services, staff, clock)
    runner = BackgroundRunner()
    try:
        console = ExplanationConsole(services, session_as(staff["urologist"]), runner, patient)
        qtbot.addWidget(console)
        qtbot.waitUntil(lambda: console.start_button.isEnabled(), timeout=5000)
        console.start_button.click()
        qtbot.waitUntil(lambda: console.controller.presentation is not None, timeout=10000)
        window = open_window(console, qtbot)
        qtbot.keyClick(window, Qt.Key.Key_Right)
        qtbot.keyClick(window, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda: console.controller.dto.sections[2].first_shown_at is not None, timeout=5000)
        assert window.section_view.title.text() == console.controller.presentation.sections[2].title
        console.sections.rows[2].discussed.click()
        qtbot.waitUntil(lambda: console.controller.dto.sections[2].discussed, timeout=5000)
        assert console.sections.rows[2].discussed.isChecked()
    finally:
        runner.shutdown()


def test_the_patient_window_fits_its_screen_and_the_quiz_scrolls_inside_it(console_for, services, staff, clock,
                                                                           qtbot):
    patient = eligible_patient(services, staff, clock, preferred="tr")
    console = console_for(staff["urologist"], patient)
    console.start_button.click()
    window = console.open_presentation()  # at the size it chooses (the test screen is 800 x 800)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.height() <= room.height() - 60
    assert window.width() <= max(room.width() - 40, window.minimumSizeHint().width())
    before = window.height()
    console_tests.discuss_all(console)  # the check starts once every section is discussed
    console.check_button.click()
    qtbot.wait(10)
    assert window.stack.currentWidget() is window.quiz_area
    assert window.height() == before, "the quiz grew the window (past the bottom of a small screen)"


def test_the_patient_window_is_its_own_window_never_larger_than_its_screen_and_goes_with_the_console(
        services, staff, clock, qtbot, runner, session_as):
    import shiboken6

    from exoconsult.gui.explanation.console_page import ExplanationConsole

    patient = eligible_patient(services, staff, clock, preferred="tr")
    console = ExplanationConsole(services, session_as(staff["urologist"]), runner, patient)  # deleted below
    console.resize(1400, 900)
    console.show()
    console.start_button.click()
    window = console.open_presentation()
    room = window.screen().availableGeometry()  # the offscreen test screen is a small one
    # Not a child window the window manager keeps above the console: on one screen the clinician can
    # bring the console back (taskbar, Alt+Tab), and closing the main window still quits.
    assert window.parentWidget() is None and window.windowHandle().transientParent() is None
    assert not window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    assert room.contains(window.geometry()) and window.maximumHeight() <= room.height()
    for _ in range(8):  # the largest text an older patient may ask for
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    console_tests.discuss_all(console)
    console.check_button.click()
    qtbot.wait(10)
    assert window.stack.currentWidget() is window.quiz_area
    assert room.contains(window.geometry()), "large text or the quiz pushed the window past the screen"
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and room.contains(window.geometry())
    console.deleteLater()  # the patient is closed, the user signs out or the screen locks
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=2000)


def test_text_size_follows_ctrl_plus_and_minus_and_is_remembered(console_for, services, staff, clock, qtbot,
                                                                 gui_settings):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    patient = eligible_patient(services, staff, clock, preferred="tr")
    console = console_for(staff["urologist"], patient)
    console.settings = gui_settings  # in the app the console's window is the main window, which has them
    console.start_button.click()
    window = open_window(console, qtbot)

    def body_points() -> float:
        cursor = window.section_view.body.textCursor()
        cursor.setPosition(1)
        return cursor.charFormat().fontPointSize()

    designed = body_points()
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.3 and body_points() == pytest.approx(designed * 1.3)
    assert float(gui_settings.value("presentation/text_zoom")) == 1.3
    qtbot.wait(50)
    shot(window, "tr-zoom-130")
    console_tests.discuss_all(console)
    console.check_button.click()  # the quiz's text follows too, new buttons included
    option = window.quiz.option_buttons[0].label
    assert f"{22 * 1.3:.1f}pt" in option.styleSheet()
    window.close()
    again = console.open_presentation()
    qtbot.addWidget(again)
    assert again.zoom == 1.3, "remembered for the next patient"
    QTest.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(again, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.zoom == 0.85 and f"{22 * 0.85:.1f}pt" in again.quiz.option_buttons[0].label.styleSheet()
