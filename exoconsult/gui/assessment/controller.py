"""Talks to the assessment service for the page: every call goes through the runner (the worker thread in
the app, inline in tests) and comes back as a signal on the GUI thread. Holds no widgets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from exoconsult.domain.document_words import DocumentWords
from exoconsult.gui.ui_language import current_language
from exoconsult.services.assessment.assessment_dto import AssessmentDTO, ProtocolInfo


@dataclass(frozen=True)
class ScreenData:
    """What the page shows: every assessment of the patient (newest first), the protocol in force and the
    clinic's words for the derived values in the screen language."""

    assessments: tuple[AssessmentDTO, ...]
    protocol: ProtocolInfo
    words: DocumentWords


def _load(service, actor, patient_id: int, language: str) -> ScreenData:
    return ScreenData(service.list(actor, patient_id), service.protocol_in_force(actor),
                      service.derived_words(actor, language))


def _run(service, actor, patient_id: int, language: str) -> ScreenData:
    service.run(actor, patient_id)
    return _load(service, actor, patient_id, language)


def _resolve(service, actor, patient_id: int, language: str, assessment_id: int, decision: str,
             reason: str) -> ScreenData:
    service.resolve(actor, assessment_id, decision, reason)
    return _load(service, actor, patient_id, language)


def _export(service, actor, assessment_id: int, path: str) -> str:
    pdf = service.summary_pdf(actor, assessment_id)
    target = Path(path)
    tmp = target.with_name(target.name + ".partial")
    tmp.write_bytes(pdf)
    tmp.replace(target)  # never leave a half-written PDF under the chosen name
    return str(target)


class AssessmentController(QObject):
    loaded = Signal(object)  # ScreenData
    failed = Signal(object)  # the exception a service call raised
    exported = Signal(str)  # path of the written PDF
    busy_changed = Signal(bool)

    def __init__(self, service, session, runner, patient_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.session = session
        self.runner = runner
        self.patient_id = patient_id
        self.data: ScreenData | None = None

    def _submit(self, work, on_ok, label: str) -> None:
        self.busy_changed.emit(True)
        self.runner.submit(work, on_ok, self._on_failed, label=label)

    def refresh(self) -> None:
        self._submit(partial(_load, self.service, self.session.actor, self.patient_id, current_language()),
                     self._on_loaded,
                     self.tr("Loading assessments…"))

    def run(self) -> None:
        self._submit(partial(_run, self.service, self.session.actor, self.patient_id, current_language()),
                     self._on_loaded,
                     self.tr("Running the assessment…"))

    def resolve(self, assessment_id: int, decision: str, reason: str) -> None:
        self._submit(partial(_resolve, self.service, self.session.actor, self.patient_id, current_language(),
                             assessment_id, decision, reason), self._on_loaded, self.tr("Recording the decision…"))

    def export_pdf(self, assessment_id: int, path: str) -> None:
        self._submit(partial(_export, self.service, self.session.actor, assessment_id, path), self._on_exported,
                     self.tr("Writing the summary PDF…"))

    def _on_loaded(self, data: ScreenData) -> None:
        self.data = data
        self.busy_changed.emit(False)
        self.loaded.emit(data)

    def _on_exported(self, path: str) -> None:
        self.busy_changed.emit(False)
        self.exported.emit(path)

    def _on_failed(self, error: BaseException) -> None:
        self.busy_changed.emit(False)
        self.failed.emit(error)
