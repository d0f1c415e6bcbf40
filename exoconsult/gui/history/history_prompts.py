"""What the page does with a save result that needs the user: refused values get a message next to
the field; implausible values and conflicts are asked about, one dialog at a time.

Nothing here overwrites silently: a conflict keeps the other workstation's value unless the user
chooses "Use mine", which is a new save with the value they were shown as the base.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import Qt

from exoconsult.domain.questionnaire import Question, QuestionType
from exoconsult.domain.units import suggested_units, to_canonical
from exoconsult.gui.history import history_dialogs
from exoconsult.gui.history.callbacks import Guarded
from exoconsult.gui.history.group_table_model import display_value
from exoconsult.gui.history.number_text import format_number
from exoconsult.gui.history.texts import pick, t
from exoconsult.gui.local_format import datetime_text
from exoconsult.gui.widgets import reason_text
from exoconsult.services.history.history_dto import (
    ABSENT,
    FieldChange,
    FieldConflict,
    FieldProblem,
    SaveResult,
)


def confirm_remove(page, when: str) -> bool:
    return history_dialogs.confirm_remove_row(page, when, page.lang)


def _field_id(path: str) -> tuple[str | None, str | None, str]:
    parts = path.split("/")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else (None, None, parts[0])


def _when(moment: datetime | None) -> str:
    return datetime_text(moment)


def plausibility_message(question: Question, group: str | None, value: Any, lang: str,
                         refused: bool = False) -> tuple[str, list]:
    """(what to say about a number outside the usual band, or outside the allowed range when `refused`, in
    `lang`; the other accepted units that would make it plausible, each with its button text)."""
    label = pick(question.label, lang)
    entered = display_value(question, value, lang)
    unit = question.canonical_unit or ""
    if refused:  # outside the hard range: the band to name is the allowed range
        low, high = format_number(question.minimum, lang), format_number(question.maximum, lang)
    else:
        low = format_number(question.plausible_min if question.plausible_min is not None
                            else question.minimum, lang)
        high = format_number(question.plausible_max if question.plausible_max is not None
                             else question.maximum, lang)
    text = t("refused_range" if refused else "implausible", label=label, value=entered, low=low,
             high=high, unit=unit)
    alternatives: list[tuple[str, str]] = []
    if question.type is QuestionType.QUANTITY and isinstance(value, dict):
        field = f"{group}.{question.id}" if group else question.id
        number = float(value["value"])
        for alt in suggested_units(field, number, value.get("unit")):
            canonical = format_number(to_canonical(field, number, alt), lang, significant=4)
            alternatives.append((alt, t("confirm_use_unit", unit=f"{alt} (= {canonical} {unit})")))
        if alternatives:
            text += t("did_you_mean", units=" / ".join(a for a, _ in alternatives))
    return text, alternatives


class PromptQueue:
    def __init__(self, page) -> None:
        self.page = page
        self._queue: list[FieldProblem | FieldConflict] = []
        self._open = False
        self.last_dialog: Any = None  # the most recent dialog (screenshots, tests)

    # -- entry ------------------------------------------------------------------------------------

    def handle(self, result: SaveResult) -> None:
        page = self.page
        for problem in result.problems:
            if problem.kind == "plausibility":
                self._queue.append(problem)
            else:
                page.messages[problem.path] = (self.refusal_text(problem), "error")
                if problem.kind == "range" and self._unit_alternatives(problem.path):
                    self._queue.append(problem)  # refused, but another unit would fit: offer it
        for conflict in result.conflicts:
            self._queue.append(conflict)
        page._apply_messages()
        self._next()

    def refusal_text(self, problem: FieldProblem) -> str:
        question = self._question(problem.path)
        if problem.kind != "range" or question is None or question.minimum is None or question.maximum is None:
            return reason_text(problem.why) if problem.why is not None else problem.message
        held = self.page.edits.held.get(problem.path)
        value = display_value(question, held.new_value, self.page.lang) if held else ""
        unit = f" {question.canonical_unit}" if question.canonical_unit else ""
        return t("out_of_range", value=value, low=format_number(question.minimum, self.page.lang),
                 high=format_number(question.maximum, self.page.lang), unit=unit)

    # -- one dialog at a time ---------------------------------------------------------------------

    def _next(self) -> None:
        if self._open or not self._queue:
            return
        item = self._queue.pop(0)
        self._open = True
        try:
            if isinstance(item, FieldConflict):
                self._ask_conflict(item)
            else:
                self._ask_plausibility(item)
        finally:
            self._open = False
        self._next()

    def _question(self, path: str) -> Question | None:
        section = self.page.section_of(path)
        return None if section is None else section.question(_field_id(path)[2])

    def _reveal(self, path: str):
        """Show the section (and entry) holding `path`; return its widget."""
        group, row, qid = _field_id(path)
        section = self.page.section_of(path)
        if section is None:
            return None
        self.page.show_section(section.id)
        page = self.page.page_for(section.id)
        if group is None:
            return page.form.widget_for(qid)
        page.group_editor.select_row(row)
        return page.group_editor.form.widget_for(qid)

    def _unit_alternatives(self, path: str) -> list[tuple[str, str]]:
        held = self.page.edits.held.get(path)
        question = self._question(path)
        if held is None or question is None:
            return []
        return self.plausibility_message(question, _field_id(path)[0], held.new_value)[1]

    def plausibility_message(self, question: Question, group: str | None, value: Any,
                             refused: bool = False) -> tuple[str, list]:
        return plausibility_message(question, group, value, self.page.lang, refused)

    def _ask_plausibility(self, problem: FieldProblem) -> None:
        page = self.page
        held = page.edits.held.get(problem.path)
        question = self._question(problem.path)
        widget = self._reveal(problem.path)
        if held is None or question is None or widget is None:
            return
        group = _field_id(problem.path)[0]
        refused = problem.kind != "plausibility"
        text, alternatives = self.plausibility_message(question, group, held.new_value, refused)
        dialog = history_dialogs.PlausibilityDialog(pick(question.label, page.lang), text,
                                                    display_value(question, held.new_value, page.lang),
                                                    alternatives, page.lang, page, can_keep=not refused)
        self.last_dialog = dialog
        history_dialogs.run_dialog(dialog)
        if dialog.choice == "keep":
            page.messages.pop(problem.path, None)
            page.edits.put(FieldChange(problem.path, held.new_value, held.base_value, confirmed=True))
            page.flush()
        elif dialog.choice == "unit" and dialog.unit:
            corrected = {"value": held.new_value["value"], "unit": dialog.unit}
            widget.blockSignals(True)
            widget.set_value(corrected)
            widget.blockSignals(False)
            page.messages.pop(problem.path, None)
            page.edits.put(FieldChange(problem.path, corrected, held.base_value))
            page.flush()
        else:
            if not refused:  # a refused value keeps its red range message
                page.messages[problem.path] = (t("unconfirmed"), "warning")
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        page._apply_messages()
        dialog.deleteLater()

    def _ask_conflict(self, conflict: FieldConflict) -> None:
        page = self.page
        question = self._question(conflict.path)
        widget = self._reveal(conflict.path)
        if question is None or widget is None:
            return
        lang = page.lang

        def shown(value: Any) -> str:
            return "" if value is None or value is ABSENT else display_value(question, value, lang)

        dialog = history_dialogs.ConflictDialog(pick(question.label, lang), shown(conflict.new_value),
                                                shown(conflict.stored_value), conflict.stored_by,
                                                _when(conflict.stored_at), lang, page)
        self.last_dialog = dialog
        history_dialogs.run_dialog(dialog)
        if dialog.choice == "mine":
            page.edits.put(FieldChange(conflict.path, conflict.new_value, conflict.stored_value))
            page.flush()
        else:
            page.edits.forget([conflict.path])
            widget.blockSignals(True)
            widget.set_value(None if conflict.stored_value is ABSENT else conflict.stored_value)
            widget.blockSignals(False)
            page.runner.submit(partial(page.history_service.discard_draft, page.actor, page.patient_id,
                                       [conflict.path]),
                               Guarded(page, "_on_draft_discarded"), Guarded(page, "_on_save_failed"),
                               label="discard conflicting draft value")
        page.messages.pop(conflict.path, None)
        page._apply_messages()
        page._refresh_derived()
        dialog.deleteLater()
