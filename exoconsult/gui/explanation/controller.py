"""Talks to the explanation, comprehension, settings and information-pack services for the console and the
presentation window. Every call goes through the runner (the one worker thread in the app, inline in
tests); results come back as signals on the GUI thread. Holds no widgets, so both windows share one
source of truth: which session, which section is on the patient's screen, and the latest DTO."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from exoconsult.domain.gates import Gate
from exoconsult.gui.ui_language import document_languages
from exoconsult.services.explanation.explanation_dto import ExplanationDTO, PatientExplanation

NOTES_DELAY_MS = 800  # notes are saved this long after the last keystroke


@dataclass(frozen=True)
class ConsoleData:
    """One consistent snapshot for the console: the session in the chosen language (or None) and the gates."""

    language: str
    explanation: ExplanationDTO | None
    gates: tuple[Gate, ...]


@dataclass(frozen=True)
class ClinicFacts:
    clinician_language: str
    reflection_days: int
    time_zone: str


def _services(services):
    """Service objects from AppServices when it has them, otherwise built over its context."""
    from exoconsult.services.explanation.comprehension import ComprehensionService
    from exoconsult.services.explanation.explanation import ExplanationService
    from exoconsult.services.printing.information_pack import InformationPackService

    ctx = services.ctx
    return (getattr(services, "explanation", None) or ExplanationService(ctx),
            getattr(services, "comprehension", None) or ComprehensionService(ctx),
            getattr(services, "information_pack", None) or InformationPackService(ctx))


def _snapshot(explanation, actor, patient_id: int, language: str) -> ConsoleData:
    dto = explanation.current(actor, patient_id, language)
    return ConsoleData(language, dto, tuple(explanation.gates(actor, patient_id, language)))


def _change(explanation, actor, patient_id: int, language: str, call) -> ConsoleData:
    call()
    return _snapshot(explanation, actor, patient_id, language)


def _write_pdf(pack_service, actor, patient_id: int, language: str, path: str) -> str:
    data = pack_service.pdf(actor, patient_id, language)
    target = Path(path)
    partial_file = target.with_name(target.name + ".partial")
    partial_file.write_bytes(data)
    partial_file.replace(target)  # never leave a half-written PDF under the chosen name
    return str(target)


class ExplanationController(QObject):
    loaded = Signal(object)            # ConsoleData
    clinic_loaded = Signal(object)     # ClinicFacts
    presentation_loaded = Signal(object)  # PatientExplanation
    current_section_changed = Signal(int)  # index into the sections; len(sections) = the comprehension check
    answered = Signal(object)          # AnswerOutcome
    pdf_ready = Signal(object)         # bytes of the information pack (for printing)
    pdf_written = Signal(str)
    failed = Signal(object)            # the exception a service call raised
    notes_failed = Signal(str, object)  # section id, exception

    def __init__(self, services, session, runner, patient_id: int, preferred_language: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.explanation, self.comprehension, self.pack = _services(services)
        self.settings = services.settings
        self.session = session
        self.runner = runner
        self.patient_id = patient_id
        self.preferred_language = preferred_language
        self.language = preferred_language if preferred_language in document_languages() else ""
        self.data: ConsoleData | None = None
        self.clinic: ClinicFacts | None = None
        self.presentation: PatientExplanation | None = None
        self.current_index = 0
        self._pending_notes: dict[str, str] = {}
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(self.flush_notes)

    @property
    def dto(self) -> ExplanationDTO | None:
        return self.data.explanation if self.data else None

    @property
    def actor(self):
        return self.session.actor

    # -- loading -------------------------------------------------------------------------------------
    def load_clinic(self) -> None:
        self.runner.submit(partial(self.settings.read, self.actor), self._on_clinic, self._on_failed,
                           label=self.tr("Reading clinic settings…"))

    def set_language(self, language: str) -> None:
        self.language = language
        self.refresh()

    def refresh(self) -> None:
        if not self.language:
            self.data = None
            self.loaded.emit(None)
            return
        self.runner.submit(partial(_snapshot, self.explanation, self.actor, self.patient_id, self.language),
                           self._on_loaded, self._on_failed, label=self.tr("Loading the explanation…"))

    def load_presentation(self) -> None:
        if self.dto is None:
            return
        self.runner.submit(partial(self.explanation.presentation, self.actor, self.dto.id),
                           self._on_presentation, self._on_failed, label=self.tr("Preparing the presentation…"))

    # -- recording -----------------------------------------------------------------------------------
    def _record(self, call, label: str) -> None:
        self.runner.submit(partial(_change, self.explanation, self.actor, self.patient_id, self.language, call),
                           self._on_loaded, self._on_failed, label=label)

    def start(self) -> None:
        self._record(partial(self.explanation.start, self.actor, self.patient_id, self.language),
                     self.tr("Starting the explanation…"))

    def show_section(self, index: int) -> None:
        """Put section `index` on the patient's screen (index == number of sections: the check)."""
        sections = self.dto.sections if self.dto else ()
        index = max(0, min(index, len(sections)))
        self.current_index = index
        self.current_section_changed.emit(index)
        if index < len(sections) and self.dto is not None:
            self._record(partial(self.explanation.mark_shown, self.actor, self.dto.id, sections[index].section_id),
                         self.tr("Recording the section shown…"))

    def set_discussed(self, section_id: str, discussed: bool) -> None:
        self._record(partial(self.explanation.set_discussed, self.actor, self.dto.id, section_id, discussed),
                     self.tr("Recording the discussion…"))

    def edit_notes(self, section_id: str, notes: str) -> None:
        """Debounced: the notes are saved once typing pauses (or the screen locks)."""
        self._pending_notes[section_id] = notes
        self._notes_timer.start()

    def has_pending_notes(self, section_id: str) -> bool:
        return section_id in self._pending_notes

    def flush_notes(self) -> None:
        self._notes_timer.stop()
        pending, self._pending_notes = self._pending_notes, {}
        for section_id, notes in pending.items():
            self.runner.submit(partial(self.explanation.set_notes, self.actor, self.dto.id, section_id, notes),
                               self._on_notes_saved, partial(self._on_notes_failed, section_id),
                               label=self.tr("Saving notes…"))

    def add_question(self, question: str, answer: str, section_id: str) -> None:
        self._record(partial(self.explanation.add_patient_question, self.actor, self.dto.id, question, answer,
                             section_id), self.tr("Recording the patient's question…"))

    def record_presence(self, role: str, name: str, language: str) -> None:
        self._record(partial(self.explanation.record_presence, self.actor, self.dto.id, role, name, language),
                     self.tr("Recording who is present…"))

    def record_teach_back(self, key_point: str, result: str, words: str) -> None:
        self._record(partial(self.comprehension.record_teach_back, self.actor, self.dto.id, key_point, result, words),
                     self.tr("Recording the teach-back…"))

    def shorten_reflection(self, days: int, reason: str, on_error) -> None:
        """`on_error` lets the dialog show field messages and stay open."""
        work = partial(_change, self.explanation, self.actor, self.patient_id, self.language,
                       partial(self.explanation.shorten_reflection, self.actor, self.dto.id, days, reason))
        self.runner.submit(work, self._on_loaded, on_error, label=self.tr("Shortening the reflection period…"))

    def answer(self, question_id: str, option_id: str) -> None:
        self.runner.submit(partial(self.comprehension.answer, self.actor, self.dto.id, question_id, option_id),
                           self._on_answered, self._on_failed, label=self.tr("Recording the answer…"))

    def fetch_pack(self) -> None:
        self.runner.submit(partial(self.pack.pdf, self.actor, self.patient_id, self.pack_language()),
                           self._on_pdf_ready, self._on_failed, label=self.tr("Preparing the information pack…"))

    def save_pack(self, path: str) -> None:
        self.runner.submit(partial(_write_pdf, self.pack, self.actor, self.patient_id, self.pack_language(), path),
                           self._on_pdf_written, self._on_failed, label=self.tr("Writing the information pack…"))

    def pack_language(self) -> str | None:
        return self.language or None  # None: the service picks the patient's language or the clinic default

    # -- results -------------------------------------------------------------------------------------
    # A result may arrive after the page was closed (the screen locked while notes were being saved):
    # then the C++ side of this object is gone and the result has nowhere to go.
    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _on_pdf_ready(self, data: bytes) -> None:
        if self._alive():
            self.pdf_ready.emit(data)

    def _on_pdf_written(self, path: str) -> None:
        if self._alive():
            self.pdf_written.emit(path)

    def _on_clinic(self, settings) -> None:
        if not self._alive():
            return
        self.clinic = ClinicFacts(settings.clinician_language, settings.reflection_days, settings.time_zone)
        self.clinic_loaded.emit(self.clinic)

    def _on_loaded(self, data: ConsoleData) -> None:
        if not self._alive() or data.language != self.language:
            return  # the clinician switched language while this was on its way
        new_session = (self.dto is None) != (data.explanation is None) or (
            self.dto is not None and data.explanation is not None and self.dto.id != data.explanation.id)
        self.data = data
        self.loaded.emit(data)
        if new_session:
            self.presentation = None
            self.current_index = 0
            self.load_presentation()

    def _on_presentation(self, shown: PatientExplanation) -> None:
        if not self._alive():
            return
        self.presentation = shown
        self.presentation_loaded.emit(shown)

    def _on_answered(self, outcome) -> None:
        if not self._alive():
            return
        self.answered.emit(outcome)
        self.refresh()  # the console shows the attempt and the gates move

    def _on_notes_saved(self, _dto) -> None:
        if self._alive():
            self.refresh()

    def _on_notes_failed(self, section_id: str, error: BaseException) -> None:
        if self._alive():
            self.notes_failed.emit(section_id, error)

    def _on_failed(self, error: BaseException) -> None:
        if self._alive():
            self.failed.emit(error)
