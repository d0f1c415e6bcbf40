"""The history page's handling of repeatable-group entries and case-file results (a mixin of
HistoryPage, kept apart so each file stays readable). Entries are added and removed through the
service on the runner; edits inside an entry go through the same autosave as every other field."""

from __future__ import annotations

from functools import partial
from typing import Any

from exoconsult.domain.questionnaire import entry_scope
from exoconsult.gui.history import history_prompts
from exoconsult.gui.history.callbacks import Guarded
from exoconsult.gui.history.number_text import clock_text
from exoconsult.gui.history.texts import t
from exoconsult.services.history.history_dto import HistoryDTO


def row_values(groups: dict[str, list[tuple[str, dict[str, Any]]]], group: str | None, key: str) -> dict[str, Any]:
    for row_key, values in groups.get(group or "", []):
        if row_key == key:
            return values
    return {}


def show_page_values(page, top: dict[str, Any], groups, dirty: set[str], *, everything: bool) -> None:
    """One section page shows the composed answers; after a save (not `everything`) a field the user
    is editing (dirty, focused or unreadable) keeps what is typed in it."""
    if page.form is not None:
        for qid in page.form.question_ids():
            widget = page.form.widget_for(qid)
            if everything or (qid not in dirty and not widget.hasFocus() and widget.problem() is None
                              and widget.value() != top.get(qid)):
                widget.blockSignals(True)
                widget.set_value(top.get(qid))
                widget.blockSignals(False)
    elif page.group_editor is not None:
        page.group_editor.set_rows(groups.get(page.section.repeat, []), reload_entry=everything)


def refresh_page_visibility(page, top: dict[str, Any], groups) -> None:
    """show_if of one section page's questions (an entry's questions see the entry and the top level)."""
    if page.form is not None:
        page.form.refresh_visibility(top)
    elif page.group_editor is not None:
        editor = page.group_editor
        values = row_values(groups, page.section.repeat, editor.current_key())
        editor.form.refresh_visibility(entry_scope(top, values))


class HistoryRowsMixin:
    """Needs from HistoryPage: stored, edits, runner, history_service, actor, patient_id, lang, view,
    composed(), flush(), _record(), _refresh_derived(), _apply_messages(), _set_status()."""

    def _on_row_field_changed(self, row_key: str, question_id: str) -> None:
        editor = self.sender()
        path = f"{editor.section.repeat}/{row_key}/{question_id}"
        self._record(path, editor.form.widget_for(question_id), editor.form, question_id)
        _, groups = self.composed()
        editor.update_row(row_key, row_values(groups, editor.section.repeat, row_key))

    # -- repeatable groups ------------------------------------------------------------------------

    def _on_add_row_requested(self) -> None:
        editor = self.sender()
        self.flush()
        self.runner.submit(partial(self.history_service.add_row, self.actor, self.patient_id, editor.section.repeat),
                           Guarded(self, "_on_row_added", editor.section.repeat),
                           Guarded(self, "_on_save_failed"), label="add history row")

    def _on_row_added(self, group: str, added: tuple[str, HistoryDTO]) -> None:
        key, stored = added
        self.stored = stored
        editor = self._editor(group)
        _, groups = self.composed()
        editor.set_rows(groups.get(group, []), select=key)
        self._refresh_derived()
        editor.focus_entry()

    def _on_remove_row_requested(self, row_key: str) -> None:
        editor = self.sender()
        group = editor.section.repeat
        when = editor.model.data(editor.model.index(editor.model.row_of(row_key), 0))
        if not history_prompts.confirm_remove(self, str(when)):
            return
        expected = None
        if self.stored is not None:
            for row in self.stored.groups.get(group, ()):
                if row.key == row_key:
                    expected = {fid: fv.entered for fid, fv in row.values.items()}
        self.edits.forget_row(group, row_key)
        self.runner.submit(partial(self.history_service.remove_row, self.actor, self.patient_id, group, row_key,
                                   expected),
                           Guarded(self, "_on_row_removed", group), Guarded(self, "_on_save_failed"),
                           label="remove history row")

    def _on_row_removed(self, group: str, stored: HistoryDTO) -> None:
        self.stored = stored
        _, groups = self.composed()
        self._editor(group).set_rows(groups.get(group, []))
        self._refresh_derived()
        self._set_status(t("saved_at", time=clock_text()))

    def _on_row_shown(self, _key: str) -> None:
        self._apply_messages()
        self._refresh_derived()

    def _editor(self, group: str):
        section = self.questionnaire.repeat_section(group) if self.questionnaire is not None else None
        if section is None:
            raise KeyError(group)
        return self.page_for(section.id).group_editor

    def _on_case_exported(self, path: str) -> None:
        self.case_actions.exported(path)

    def _on_case_imported(self, result) -> None:
        self.case_actions.imported(result)

    def _on_case_failed(self, error: BaseException) -> None:
        self._set_status(t("case_failed", why=self._reason(error)))

