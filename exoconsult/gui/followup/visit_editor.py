"""The record of one visit done: the visit's sections generated from the visit record's questionnaire
(forms/followup/visit*.yaml) with the history's own form, widgets and units, one tab per section, saved
about 800 ms after the last edit. Text that cannot be read is never sent (the field says why); what the
service refuses or warns about comes back next to the field."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from exoconsult.domain.questionnaire import Questionnaire
from exoconsult.gui.history.history_prompts import plausibility_message
from exoconsult.gui.history.number_text import format_number
from exoconsult.gui.history.questionnaire_form import QuestionnaireForm
from exoconsult.gui.history.texts import pick, t
from exoconsult.gui.tones import ink
from exoconsult.gui.widgets import plain_label, reason_text, show_service_error
from exoconsult.services.followup.followup_dto import VisitDTO, VisitSaveResult

AUTOSAVE_MS = 800


class VisitEditor(QWidget):
    """`saved(VisitDTO)` after every save that reached the database."""

    saved = Signal(object)

    def __init__(self, service, session, runner, lang: str, parent: QWidget | None = None, *,
                 autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.setObjectName("visitEditor")
        self.service, self.session, self.runner, self.lang = service, session, runner, lang
        self.visit: VisitDTO | None = None
        self.forms: dict[str, QuestionnaireForm] = {}
        self.pending: dict[str, Any] = {}
        self.in_flight: dict[str, Any] = {}
        self.title = plain_label("", self, object_name="visitRecordTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.status = plain_label("", self, object_name="visitSaveStatus")
        self.status.setStyleSheet(ink("muted"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("visitSections")
        self.tabs.hide()  # until a visit is chosen: an empty tab bar would be a nameless stop for the keyboard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(autosave_ms)
        self.timer.timeout.connect(self.flush)
        if hasattr(session, "about_to_lock"):
            session.about_to_lock.connect(self.flush)
            session.about_to_logout.connect(self.flush)

    # -- showing -----------------------------------------------------------------------------------
    def show_nothing(self, text: str) -> None:
        self.flush()
        self.visit = None
        self._clear_tabs()
        self.title.setText(text)
        self.status.clear()

    def show_visit(self, form: Questionnaire, visit: VisitDTO, heading: str) -> None:
        """Build the visit's sections (or, for the visit already shown, only take its newer row version:
        a reload must never overwrite what is being typed)."""
        if self.visit is not None and self.visit.visit_id == visit.visit_id and self.forms:
            if visit.row_version >= self.visit.row_version:
                self.visit = visit
            return
        self.flush()
        self.visit = visit
        self._clear_tabs()
        self.title.setText(heading)
        role = self.session.actor.role if self.session.actor else None
        for section_id in visit.sections:
            section = form.section(section_id)
            qform = QuestionnaireForm(section, self.lang)
            qform.setObjectName(f"visitSection_{section_id}")
            qform.set_answers(visit.answers)
            qform.set_read_only(role is None or not section.may_capture(role))
            qform.field_changed.connect(self._on_field_changed)
            self.forms[section_id] = qform
            scroll = QScrollArea(self.tabs)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(qform)
            scroll.setAccessibleName(pick(section.title, self.lang))
            self.tabs.addTab(scroll, pick(section.title, self.lang))
        self.tabs.setVisible(self.tabs.count() > 0)
        self._refresh_visibility()
        self.status.setText(self.tr("Saved automatically as you type."))

    def _clear_tabs(self) -> None:
        self.forms = {}
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        self.tabs.hide()

    def form_for(self, question_id: str) -> QuestionnaireForm:
        return next(f for f in self.forms.values() if question_id in f.rows)

    def _scope(self) -> dict[str, Any]:
        scope = dict(self.visit.answers) if self.visit else {}
        for f in self.forms.values():
            scope.update(f.answers())  # what the screen shows now (None where empty)
        return scope

    def _refresh_visibility(self) -> None:
        scope = self._scope()
        for f in self.forms.values():
            f.refresh_visibility(scope)

    # -- editing and saving --------------------------------------------------------------------------
    def _on_field_changed(self, question_id: str) -> None:
        form = self.sender()
        if not isinstance(form, QuestionnaireForm):
            return
        widget = form.widget_for(question_id)
        problem = widget.problem()
        form.set_message(question_id, problem, "error")
        self._refresh_visibility()
        if problem:
            self.pending.pop(question_id, None)
            return
        self.pending[question_id] = widget.value()
        self.status.setText(self.tr("Not saved yet…"))
        self.timer.start()

    def flush(self, *_args) -> None:
        self.timer.stop()
        if self.in_flight or not self.pending or self.visit is None or self.session.actor is None:
            return
        self.in_flight, self.pending = self.pending, {}
        visit = self.visit
        self.runner.submit(partial(self.service.save_visit, self.session.actor, visit.visit_id, dict(self.in_flight),
                                   visit.row_version), partial(self._on_saved, visit.visit_id), self._on_failed,
                           label=self.tr("Saving the visit…"))

    def _on_saved(self, visit_id: int, result: VisitSaveResult) -> None:
        self.in_flight = {}
        if self.visit is None or self.visit.visit_id != visit_id:
            return
        self.visit = result.visit
        for field_id, why in result.refused.items():
            form = self.form_for(field_id)
            said = reason_text(result.reasons[field_id]) if field_id in result.reasons else why
            text = (self._range_text(form, field_id) if field_id in result.out_of_range else
                    self.tr("Not saved: %1").replace("%1", said))
            form.set_message(field_id, text, "error")
        for field_id in result.warnings:
            form = self.form_for(field_id)
            said = plausibility_message(form.rows[field_id].question, None, form.widget_for(field_id).value(),
                                        self.lang)[0]  # the history's words, in the screen's language
            form.set_message(field_id, self.tr("Saved; check: %1").replace("%1", said), "warning")
        self.status.setText(self.tr("Saved.") if not result.refused else
                            self.tr("Saved, except the fields marked in red."))
        self.saved.emit(result.visit)
        if self.pending:
            self.flush()

    def _range_text(self, form: QuestionnaireForm, field_id: str) -> str:
        """The history's own words for a number outside its range, in the screen's language."""
        question = form.rows[field_id].question
        edit = getattr(form.widget_for(field_id), "edit", None)
        unit = f" {question.canonical_unit}" if question.canonical_unit else ""
        return t("out_of_range", value=edit.text() if edit is not None else "",
                 low=format_number(question.minimum, self.lang), high=format_number(question.maximum, self.lang),
                 unit=unit)

    def _on_failed(self, error: BaseException) -> None:
        for field_id, value in self.in_flight.items():  # put the batch back; newer typing wins
            self.pending.setdefault(field_id, value)
        self.in_flight = {}
        self.status.setText(self.tr("Not saved."))
        show_service_error(self, error)

    def message(self, question_id: str) -> str:
        return self.form_for(question_id).message(question_id)

    def status_text(self) -> str:
        label: QLabel = self.status
        return label.text()
