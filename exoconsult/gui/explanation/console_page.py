"""The Explanation stage page: the clinician's console. Language per consultation, start, the eleven
sections (show / discussed / times / notes), the records (questions, presence, teach-back, check
answers), the reflection period, the signing gates, the information pack, and the patient's window.
Nurses see it read-only and may print the pack; the services check every action again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.gates import reflection_ends
from exoconsult.gui.explanation.controller import ConsoleData, ExplanationController
from exoconsult.gui.explanation.gates_panel import GatesPanel
from exoconsult.gui.explanation.info_pack import InformationPackPrinter
from exoconsult.gui.explanation.presentation_window import PresentationWindow
from exoconsult.gui.explanation.records_panel import AttemptsBox, PresenceBox, QuestionsBox, TeachBackBox
from exoconsult.gui.explanation.reflection_dialog import ShortenReflectionDialog
from exoconsult.gui.explanation.sections_panel import SectionsPanel, local_time
from exoconsult.gui.labels import language_label
from exoconsult.gui.printing.output import show_failure
from exoconsult.gui.tones import ink
from exoconsult.gui.ui_language import document_languages
from exoconsult.gui.widgets import keep_wrapped_height, plain_label, problem_texts, show_service_error
from exoconsult.services.core.changes import Changes, Part
from exoconsult.services.core.permissions import Permission
from exoconsult.services.explanation.explanation import facts_of


class ExplanationConsole(QWidget):
    def __init__(self, services, session, runner, patient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explanationConsole")
        self.session = session
        self.patient = patient
        preferred = patient.data.preferred_language
        self.controller = ExplanationController(services, session, runner, patient.id, preferred, self)
        self.can_deliver = session.can(Permission.EXPLANATION_DELIVER)
        self.can_shorten = session.can(Permission.REFLECTION_SHORTEN)
        self.presentation: PresentationWindow | None = None
        self.time_zone = "UTC"
        self.reflection_days = 7
        self._recovering = False
        self._form_target = None  # the form whose field messages a failing call's ValidationError fills

        self.language = QComboBox(self)
        self.language.setObjectName("explanationLanguage")
        if preferred not in document_languages():
            self.language.addItem(self.tr("Choose the language of the explanation…"), "")
        for code in document_languages():
            self.language.addItem(language_label(code), code)
        self.language.setCurrentIndex(self.language.findData(self.controller.language))
        self.language_note = plain_label("", self, object_name="languageNote")
        self.language_note.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start explanation"), self)
        self.start_button.setObjectName("startExplanation")
        self.status = plain_label("", self, object_name="explanationStatus")
        self.status.setWordWrap(True)
        self.role_note = plain_label(self.tr("Read-only: a urologist delivers the explanation. You can print the "
                                             "information pack."), self, object_name="roleNote")
        self.role_note.setVisible(not self.can_deliver)
        self.role_note.setStyleSheet(ink("warning", "font-weight: 600;"))
        self.present_button = QPushButton(self.tr("Open patient window"), self)
        self.present_button.setObjectName("openPresentation")
        self.screen_two_button = QPushButton(self.tr("Show on screen 2"), self)
        self.screen_two_button.setObjectName("showOnScreen2")
        self.check_button = QPushButton(self.tr("Start comprehension check"), self)
        self.check_button.setObjectName("startCheck")
        self.print_button = QPushButton(self.tr("Print information pack…"), self)
        self.print_button.setObjectName("printPack")
        self.print_button.setEnabled(session.can(Permission.INFO_PACK_PRINT))

        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Language of this explanation:"), self))
        top.addWidget(self.language)
        top.addWidget(self.start_button)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        actions = QHBoxLayout()
        for button in (self.present_button, self.screen_two_button, self.check_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)

        self.sections = SectionsPanel(self)
        self.sections.set_editable(self.can_deliver)
        self.sections_box = QGroupBox(self.tr("Sections"), self)
        scroll = QScrollArea(self.sections_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.sections)
        self.sections_scroll = scroll
        self.empty_hint = plain_label("", self.sections_box, object_name="emptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet(ink("muted", "font-size: 12pt; padding: 40px;"))
        box_layout = QVBoxLayout(self.sections_box)
        box_layout.addWidget(self.empty_hint)
        box_layout.addWidget(scroll, 1)

        self.gates = GatesPanel(self)
        self.reflection = plain_label("", self, object_name="reflectionLine")
        self.reflection.setWordWrap(True)
        self.shorten_button = QPushButton(self.tr("Shorten for this consultation…"), self)
        self.shorten_button.setObjectName("shortenReflection")
        self.shorten_button.setVisible(self.can_shorten)
        reflection_row = QHBoxLayout()
        reflection_row.addWidget(self.reflection, 1)
        reflection_row.addWidget(self.shorten_button, 0, Qt.AlignmentFlag.AlignTop)
        self.attempts = AttemptsBox(self)
        self.teach_back = TeachBackBox(self)
        self.questions = QuestionsBox(self)
        self.presence = PresenceBox(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.attempts, self.tr("Check answers"))
        self.tabs.addTab(self.teach_back, self.tr("Teach-back"))
        self.tabs.addTab(self.questions, self.tr("Patient's questions"))
        self.tabs.addTab(self.presence, self.tr("Interpreter / witness"))
        for box in (self.teach_back, self.questions, self.presence):
            for button in box.findChildren(QPushButton):
                button.setEnabled(self.can_deliver)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.gates)
        right_layout.addLayout(reflection_row)
        right_layout.addWidget(self.tabs, 1)
        keep_wrapped_height(right)  # in the splitter the gates' reasons were cut off at 1400 x 900
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.sections_box)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 620])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.language_note)
        layout.addWidget(self.role_note)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)

        self.pack_printer = InformationPackPrinter(self.controller, self)
        self._connect()
        self._update_language_note()
        self._show(None)
        self.controller.load_clinic()
        self.controller.refresh()

    def on_changes(self, changes: Changes) -> None:
        """The gates follow the assessment and the history; the console's own edits reload it already."""
        if changes.touches(Part.HISTORY, Part.ASSESSMENT, Part.CONSENT, Part.PATIENT, Part.SETTINGS,
                           patient_id=self.controller.patient_id):
            self.controller.refresh()

    def _connect(self) -> None:
        c = self.controller
        c.loaded.connect(self._show)
        c.clinic_loaded.connect(self._on_clinic)
        c.current_section_changed.connect(self.sections.mark_current)
        c.failed.connect(self._on_failed)
        c.notes_failed.connect(self._on_notes_failed)
        self.language.currentIndexChanged.connect(self._on_language)
        self.start_button.clicked.connect(self._on_start)
        self.present_button.clicked.connect(self.open_presentation)
        self.screen_two_button.clicked.connect(self.show_on_screen_two)
        self.check_button.clicked.connect(self.start_check)
        self.print_button.clicked.connect(self.pack_printer.start)
        self.shorten_button.clicked.connect(self.open_shorten_dialog)
        self.sections.show_requested.connect(self.show_section)
        self.sections.discussed_changed.connect(c.set_discussed)
        self.sections.notes_edited.connect(c.edit_notes)
        self.questions.add_requested.connect(self._on_add_question)
        self.presence.record_requested.connect(self._on_record_presence)
        self.teach_back.record_requested.connect(self._on_record_teach_back)
        QGuiApplication.instance().screenAdded.connect(self._update_screens)
        QGuiApplication.instance().screenRemoved.connect(self._update_screens)
        self.session.about_to_lock.connect(c.flush_notes)
        self.session.about_to_logout.connect(c.flush_notes)

    # -- showing -------------------------------------------------------------------------------------
    def _on_clinic(self, clinic) -> None:
        self.time_zone, self.reflection_days = clinic.time_zone, clinic.reflection_days
        self._update_language_note()
        self._show(self.controller.data)

    def _update_screens(self, _screen=None) -> None:
        self.screen_two_button.setVisible(len(QGuiApplication.screens()) > 1)

    def _update_language_note(self) -> None:
        preferred = self.controller.preferred_language
        clinic = self.controller.clinic
        notes = []
        if preferred not in document_languages():
            notes.append(self.tr("The patient's language (%1) has no explanation text: explain in English or "
                                 "Turkish, with an interpreter.").replace("%1", preferred))
        elif self.controller.language and self.controller.language != preferred:
            notes.append(self.tr("This is not the patient's preferred language (%1).").replace("%1", preferred))
        if clinic and self.controller.language and self.controller.language != clinic.clinician_language:
            notes.append(self.tr("It differs from the clinician's working language, so an interpreter must be "
                                 "recorded."))
        if self.patient.data.needs_interpreter:
            notes.append(self.tr("The patient asked for an interpreter."))
        self.language_note.setText(" ".join(notes))
        self.language_note.setVisible(bool(notes))
        self.language_note.setStyleSheet(ink("warning", "font-weight: 600;"))

    def _show(self, data: ConsoleData | None) -> None:
        dto = data.explanation if data else None
        has = dto is not None
        self._form_target = None
        self.start_button.setVisible(not has)
        self.start_button.setEnabled(self.can_deliver and bool(self.controller.language))
        self.tabs.setEnabled(has)
        self.sections_scroll.setVisible(has)
        self.empty_hint.setVisible(not has)
        for button in (self.present_button, self.screen_two_button, self.check_button):
            button.setEnabled(has and self.can_deliver)
        # The check asks about what was explained: it starts once every section is discussed (item 11).
        all_discussed = has and all(s.discussed for s in dto.sections)
        self.check_button.setEnabled(all_discussed and self.can_deliver)
        self.check_button.setToolTip("" if all_discussed else self.tr("Mark every section discussed first."))
        self._update_screens()
        self.shorten_button.setEnabled(has and dto.reflection_override_days is None)
        if data is not None:
            self.gates.show_gates(data.gates)
        else:
            self.gates.summary.setText(self.tr("Choose the language of the explanation to see the gates."))
        if not has:
            self.status.setText(self.tr("No explanation in this language yet.") if self.controller.language
                                else self.tr("Choose the language first."))
            self.empty_hint.setText(
                self.tr("Choose the language of this explanation, then press “Start explanation”.")
                if self.can_deliver else self.tr("A urologist has not started the explanation in this language."))
            self.reflection.setText(self.tr("Reflection period: %1 day(s) after the explanation is complete.")
                                    .replace("%1", str(self.reflection_days)))
            return
        discussed = sum(1 for s in dto.sections if s.discussed)
        approval = self.tr("approved text") if dto.content_approved else self.tr("DRAFT text (not approved)")
        self.status.setText(self.tr("Started %1 · text %2, %3 · %4 of %5 sections discussed")
                            .replace("%1", local_time(dto.started_at, self.time_zone))
                            .replace("%2", dto.content_version).replace("%3", approval)
                            .replace("%4", str(discussed)).replace("%5", str(len(dto.sections))))
        self.sections_box.setTitle(self.tr("Sections — %1 of %2 discussed").replace("%1", str(discussed))
                                   .replace("%2", str(len(dto.sections))))
        self.sections.show_sections(dto, self.time_zone, self.controller.has_pending_notes)
        self.sections.mark_current(self.controller.current_index)
        self.attempts.show_attempts(dto, self.time_zone)
        self.teach_back.show_teach_back(dto)
        self.questions.show_questions(dto, self.time_zone)
        self.presence.show_presence(dto, self.time_zone)
        self.reflection.setText(self._reflection_text(dto))

    def _reflection_text(self, dto) -> str:
        ends = reflection_ends(facts_of(dto, self.reflection_days))
        days = dto.reflection_override_days if dto.reflection_override_days is not None else self.reflection_days
        text = self.tr("Reflection period: %1 day(s)").replace("%1", str(days))
        if dto.reflection_override_days is not None:
            text += self.tr(" (shortened from %1: %2)").replace("%1", str(self.reflection_days)) \
                .replace("%2", dto.reflection_reason)
        if ends is None:
            return text + self.tr(" — starts when every section is discussed and the check is passed.")
        return text + self.tr(" — ends %1 (%2).").replace("%1", local_time(ends, self.time_zone)) \
            .replace("%2", self.time_zone)

    # -- actions -------------------------------------------------------------------------------------
    def _on_start(self) -> None:
        self.start_button.setEnabled(False)  # one session per click, even while the worker is busy
        self.controller.start()

    def _on_language(self, _index: int) -> None:
        self.controller.flush_notes()
        self.controller.set_language(self.language.currentData() or "")
        self._update_language_note()

    def open_presentation(self) -> PresentationWindow:
        if self.presentation is None:
            self.presentation = PresentationWindow(self.controller, self)
            self.destroyed.connect(self.presentation.deleteLater)  # a window of its own: it goes with the console
        if self.controller.presentation is None:
            self.controller.load_presentation()
        self.presentation.show()
        self.presentation.raise_()
        self.presentation.activateWindow()
        self.show_section(self.controller.current_index)
        return self.presentation

    def show_on_screen_two(self) -> None:
        self.open_presentation().show_on_screen(1)

    def show_section(self, index: int) -> None:
        if self.presentation is None or not self.presentation.isVisible():
            self.open_presentation()  # opening shows the current section (and records it as shown)
            if index == self.controller.current_index:
                return
        self.controller.show_section(index)

    def start_check(self) -> None:
        dto = self.controller.dto
        if dto is not None:
            self.show_section(len(dto.sections))
            self.tabs.setCurrentWidget(self.attempts)

    def open_shorten_dialog(self) -> ShortenReflectionDialog:
        dialog = ShortenReflectionDialog(self.controller, self.reflection_days, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_add_question(self, question: str, answer: str) -> None:
        index = self.controller.current_index
        sections = self.controller.dto.sections
        section_id = sections[index].section_id if index < len(sections) else ""
        self._form_target = self.questions.messages
        self.controller.add_question(question, answer, section_id)

    def _on_record_presence(self, role: str, name: str, language: str) -> None:
        self._form_target = self.presence.messages
        self.controller.record_presence(role, name, language)

    def _on_record_teach_back(self, key_point: str, result: str, words: str) -> None:
        self._form_target = self.teach_back.messages
        self.controller.record_teach_back(key_point, result, words)

    def _on_failed(self, error: BaseException) -> None:
        target, self._form_target = self._form_target, None
        if isinstance(error, OSError):  # the information pack could not be written: say why and what to do
            show_failure(self, error)
            return
        if isinstance(error, ValidationError) and target is not None:
            rest = target.show(problem_texts(error))
            if not rest:
                return
            error = ValidationError(rest)
        show_service_error(self, error)
        if not self._recovering:  # put toggles back to what is stored, once (a failing reload must not loop)
            self._recovering = True
            try:
                self.controller.refresh()
            finally:
                self._recovering = False

    def _on_notes_failed(self, section_id: str, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.sections.show_notes_problem(section_id, "\n".join(problem_texts(error).values()))
        else:
            show_service_error(self, error)
