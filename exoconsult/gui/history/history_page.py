"""The history stage (controller): generated section screens, autosave, drafts, conflicts, prompts.

Never lose typing: every edit restarts an ~800 ms timer; when it fires, the edits go to
`HistoryService.save_fields` on the runner's worker thread (never on the GUI thread). The service
stores what it can and keeps the rest (values to confirm, refused values, conflicts) in the user's
private draft; on lock or sign-out whatever is still unsent goes to `save_draft`. Reopening the patient
restores the draft and says so in a banner.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from exoconsult.domain.questionnaire import Questionnaire, Section, section_completion
from exoconsult.gui.history import history_prompts
from exoconsult.gui.history.callbacks import Guarded
from exoconsult.gui.history.case_actions import CaseActions
from exoconsult.gui.history.history_page_view import HistoryPageView
from exoconsult.gui.history.history_rows import HistoryRowsMixin, refresh_page_visibility, show_page_values
from exoconsult.gui.history.number_text import clock_text
from exoconsult.gui.history.pending_edits import PendingEdits
from exoconsult.gui.history.texts import t
from exoconsult.gui.local_format import datetime_text
from exoconsult.gui.ui_language import current_language
from exoconsult.services.core.permissions import Permission, allowed
from exoconsult.services.history.history_dto import ABSENT, FieldChange, HistoryDTO, SaveResult

AUTOSAVE_MS = 800


def _open_history(service, actor, patient_id: int) -> tuple[Questionnaire, HistoryDTO, Any]:
    """Worker-thread job: everything the page needs to show itself."""
    return service.questionnaire(), service.get(actor, patient_id), service.load_draft(actor, patient_id)


class HistoryPage(HistoryRowsMixin, QWidget):
    """`saved(HistoryDTO)` after every save that reached the database."""

    saved = Signal(object)

    def __init__(self, history_service, session, runner, patient_id: int, lang: str | None = None, *,
                 case_service=None, parent: QWidget | None = None,
                 autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.history_service = history_service
        self.session = session
        self.runner = runner
        self.patient_id = patient_id
        # The questionnaire's labels in the interface language, like the page's own words (texts.py);
        # a test may ask for another language of the labels.
        self.lang = lang or current_language()
        self.questionnaire: Questionnaire | None = None
        self.stored: HistoryDTO | None = None
        self.edits = PendingEdits.empty()
        self.messages: dict[str, tuple[str, str]] = {}  # path -> (text, kind) shown next to the field
        self.view = HistoryPageView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.prompts = history_prompts.PromptQueue(self)
        self.case_actions = CaseActions(self, case_service)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.flush)
        self.view.discard_button.clicked.connect(self._on_discard_draft)
        self.view.dismiss_button.clicked.connect(self._on_save_restored)
        self.view.export_button.clicked.connect(self.case_actions.export_case)
        self.view.import_button.clicked.connect(self.case_actions.import_case)
        if hasattr(session, "about_to_lock"):
            session.about_to_lock.connect(self.save_draft_now)
            session.about_to_logout.connect(self.save_draft_now)
        self.reload()

    # -- public -----------------------------------------------------------------------------------

    @property
    def actor(self):
        return self.session.actor

    def reload(self) -> None:
        self.runner.submit(partial(_open_history, self.history_service, self.actor, self.patient_id),
                           Guarded(self, "_on_opened"), Guarded(self, "_on_open_failed"), label="open history")

    def section_index(self, section_id: str) -> int:
        assert self.questionnaire is not None
        return [s.id for s in self.questionnaire.sections].index(section_id)

    def show_section(self, section_id: str) -> None:
        assert self.view.navigator is not None
        self.view.navigator.setCurrentRow(self.section_index(section_id))

    def page_for(self, section_id: str):
        """The section's page, built now if it was not yet shown."""
        return self.view.page(self.section_index(section_id))

    def question(self, question_id: str, section_id: str | None = None):
        """The widget of a top-level question (tests, and focus after a prompt)."""
        for section in self.questionnaire.sections if self.questionnaire is not None else ():
            if not section.repeat and section.question(question_id) is not None:
                if section_id is None or section.id == section_id:
                    return self.page_for(section.id).form.widget_for(question_id)
        raise KeyError(question_id)

    def jump_to_field(self, field_id: str) -> None:
        """Show the section holding a field ("karyotype", or "hormone_panels.fsh" for the newest panel)
        and put the cursor in it (the assessment's "missing" links land here)."""
        if self.questionnaire is None:
            return
        group, _, fid = field_id.rpartition(".")
        section = self.questionnaire.section_for(fid, group or None)
        if section is None and not group:  # a bare group field ("fsh"): the group that has it
            section = next((s for s in self.questionnaire.sections if s.repeat and s.question(fid)), None)
        if section is None:
            return
        self.show_section(section.id)
        page = self.page_for(section.id)
        if page.form is not None:
            page.form.widget_for(fid).setFocus()
            return
        keys = page.group_editor.model.keys()
        if keys:
            page.group_editor.select_row(keys[-1])  # the newest dated entry is the one the rules read
            page.group_editor.form.widget_for(fid).setFocus()
        else:
            page.group_editor.table.setFocus()

    def status_text(self) -> str:
        return self.view.status_label.text()

    def flush(self) -> None:
        """Send pending edits now (the timer calls this; lock/close paths call save_draft_now)."""
        self.autosave_timer.stop()
        if self.edits.busy or not self.edits.pending or self.actor is None:
            return
        batch = self.edits.take_batch()
        self._set_status(t("saving"))
        self.runner.submit(partial(self.history_service.save_fields, self.actor, self.patient_id, batch),
                           Guarded(self, "_on_saved"), Guarded(self, "_on_save_failed"), label="history autosave")

    def about_to_close(self) -> None:
        """The patient is being closed: store what can be stored now; the service keeps values that need
        the user (confirmations, conflicts) in their draft, and anything still in flight goes there too."""
        if self.edits.busy:
            self.save_draft_now()
        else:
            self.flush()

    def save_draft_now(self) -> None:
        """Lock, sign-out or closing the patient: keep everything unsent as this user's private draft."""
        self.autosave_timer.stop()
        changes = self.edits.unsaved()
        if not changes or self.actor is None:
            return
        self.runner.submit(partial(self.history_service.save_draft, self.actor, self.patient_id, changes),
                           Guarded(self, "_on_draft_saved"), Guarded(self, "_on_save_failed"), label="history draft")

    # -- loading ----------------------------------------------------------------------------------

    def _on_opened(self, loaded: tuple[Questionnaire, HistoryDTO, Any]) -> None:
        questionnaire, stored, draft = loaded
        first_time = self.questionnaire is None
        self.questionnaire = questionnaire
        self.stored = stored
        if first_time:
            self.view.build(questionnaire, self.lang, self._on_page_built)
        self._apply_roles()
        self._show_stored(everything=True)
        if draft is not None and draft.changes:
            self._restore_draft(draft)
        self._refresh_derived()
        if first_time and self.stored.updated_at is not None:  # a reload keeps the status it was given
            self._set_status(t("saved_at", time=clock_text(self.stored.updated_at)))

    def _on_open_failed(self, error: BaseException) -> None:
        self.view.error_label.setText(t("load_failed", why=self._reason(error)))
        self.view.error_label.show()

    def _on_page_built(self, page) -> None:
        """A section page was just built (first shown): wire it and show what the others show."""
        if page.form is not None:
            page.form.field_changed.connect(self._on_field_changed)
        if page.group_editor is not None:
            editor = page.group_editor
            editor.field_changed.connect(self._on_row_field_changed)
            editor.add_requested.connect(self._on_add_row_requested)
            editor.remove_requested.connect(self._on_remove_row_requested)
            editor.current_changed.connect(self._on_row_shown)
        page.set_read_only(self._read_only(page.section))
        top, groups = self.composed()
        show_page_values(page, top, groups, set(), everything=True)
        self._apply_page_messages(page)
        refresh_page_visibility(page, top, groups)

    def _read_only(self, section: Section) -> bool:
        role = getattr(self.actor, "role", None)
        can_edit = allowed(self.actor, Permission.HISTORY_EDIT)
        return not (can_edit and role is not None and section.may_capture(role))

    def _apply_roles(self) -> None:
        for index, section in enumerate(self.view.sections):
            self.view.navigator.set_read_only(index, self._read_only(section))
        for _index, page in self.view.built_pages():
            page.set_read_only(self._read_only(page.section))
        self.view.import_button.setVisible(allowed(self.actor, Permission.CASE_IMPORT))
        self.view.export_button.setVisible(allowed(self.actor, Permission.CASE_EXPORT))

    def _restore_draft(self, draft) -> None:
        """Show the draft's values in their fields, marked as not saved. They are sent with the next
        save (the user's next edit, or "Save restored input"), never behind the user's back on opening:
        a value that needs a confirmation is then asked about while the user is looking at it."""
        for change in draft.changes:
            self.edits.put(FieldChange(change.path, change.new_value, change.base_value))
            self.messages[change.path] = (t("restored_field"), "warning")
        self._show_stored(everything=True)
        when = datetime_text(draft.updated_at)
        self.view.banner_label.setText(t("draft_restored", time=when))
        self.view.banner.show()

    def _on_save_restored(self) -> None:
        self.view.banner.hide()
        for path in self.edits.pending:
            self.messages.pop(path, None)
        self._apply_messages()
        self.flush()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.edits.pending and not self.view.banner.isVisible():
            self.autosave_timer.start()

    def hideEvent(self, event) -> None:
        # Leaving the stage (or the patient): keep what was typed in the draft now, without prompting
        # on a screen the user no longer sees; the save resumes when the page is shown again.
        if self.edits.pending and self.autosave_timer.isActive():
            self.save_draft_now()
        super().hideEvent(event)

    def _on_discard_draft(self) -> None:
        paths = [c.path for c in self.edits.unsaved()]
        self.edits.forget(paths)
        self.messages.clear()
        self.view.banner.hide()
        self.runner.submit(partial(self.history_service.discard_draft, self.actor, self.patient_id, None),
                           Guarded(self, "_on_draft_discarded"), Guarded(self, "_on_save_failed"),
                           label="discard history draft")

    def _on_draft_discarded(self, _result: object) -> None:
        self._show_stored(everything=True)
        self._refresh_derived()

    # -- what the screen shows --------------------------------------------------------------------

    def composed(self) -> tuple[dict[str, Any], dict[str, list[tuple[str, dict[str, Any]]]]]:
        """Stored history with the unsaved edits laid over it: (top-level answers, rows by group)."""
        top: dict[str, Any] = {}
        groups: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        if self.stored is not None:
            top = {fid: fv.entered for fid, fv in self.stored.fields.items()}
            for group, rows in self.stored.groups.items():
                groups[group] = [(r.key, {fid: fv.entered for fid, fv in r.values.items()}) for r in rows]
        for path, value in self.edits.overlay().items():
            parts = path.split("/")
            target = top
            if len(parts) == 3:
                found = [values for key, values in groups.get(parts[0], []) if key == parts[1]]
                if not found:
                    continue
                target = found[0]
            if value is ABSENT:
                target.pop(parts[-1], None)
            else:
                target[parts[-1]] = value
        return top, groups

    def _show_stored(self, *, everything: bool = False) -> None:
        """Put values into widgets. After a save, only fields the user is not editing are touched."""
        top, groups = self.composed()
        dirty = set(self.edits.overlay())
        for _index, page in self.view.built_pages():
            show_page_values(page, top, groups, dirty, everything=everything)
        self._apply_messages()

    def _refresh_derived(self) -> None:
        """Re-evaluate show_if everywhere (conditions may cross sections) and the completion counts."""
        if self.questionnaire is None:
            return
        top, groups = self.composed()
        history: dict[str, Any] = dict(top)
        for group, rows in groups.items():
            history[group] = [values for _, values in rows]
        for _index, page in self.view.built_pages():
            refresh_page_visibility(page, top, groups)
        for index, section in enumerate(self.questionnaire.sections):  # counted from data, built or not
            answered, total = section_completion(section, history)
            self.view.navigator.set_completion(index, answered, total)

    def _apply_messages(self) -> None:
        for _index, page in self.view.built_pages():
            self._apply_page_messages(page)

    def _apply_page_messages(self, page) -> None:
        form, prefix = page.form, ""
        if page.group_editor is not None:
            form = page.group_editor.form
            key = page.group_editor.current_key()
            prefix = f"{page.section.repeat}/{key}/" if key else "\0"
            group, held = page.section.repeat + "/", self.edits.overlay()  # shown but not stored
            page.group_editor.model.set_held({tuple(path[len(group):].split("/", 1)): text
                                              for path, (text, _kind) in self.messages.items()
                                              if path.startswith(group) and text and path in held})
        for qid in form.question_ids():
            text, kind = self.messages.get(prefix + qid, ("", "error"))
            form.set_message(qid, text or None, kind)

    def _set_status(self, text: str) -> None:
        self.view.status_label.setText(text)

    # -- edits ------------------------------------------------------------------------------------

    def _on_field_changed(self, question_id: str) -> None:
        form = self.sender()
        self._record(question_id, form.widget_for(question_id), form)

    def _record(self, path: str, widget, form, question_id: str | None = None) -> None:
        qid = question_id or path
        problem = widget.problem()
        if problem:
            self.messages[path] = (problem, "error")
            form.set_message(qid, problem, "error")
            # Unreadable text is never sent, nor the readable prefix typed before it ("1.23" of "1.234,5").
            self.edits.pending.pop(path, None)
            return
        self.messages.pop(path, None)
        form.set_message(qid, None)
        value = widget.value()
        self.edits.record(path, ABSENT if value is None else value, self.stored)
        self._refresh_derived()
        self.autosave_timer.start()

    # -- save results -----------------------------------------------------------------------------

    def _on_saved(self, result: SaveResult) -> None:
        held = [c.path for c in result.conflicts] + [p.path for p in result.problems]
        self.edits.landed(result.saved, held, result.history)
        self.stored = result.history
        self._show_stored()
        self._refresh_derived()
        if result.ok:
            self._set_status(t("saved_at", time=clock_text()))
        else:
            self._set_status(t("draft_kept", time=clock_text(), count=len(held)))
        if result.saved:
            self.saved.emit(result.history)
        self.prompts.handle(result)
        if self.edits.pending:
            self.autosave_timer.start()

    def _on_save_failed(self, error: BaseException) -> None:
        self.edits.failed()
        self._set_status(t("not_saved", why=self._reason(error)))
        self.autosave_timer.start(max(self.autosave_timer.interval(), 3000))  # retry, not in a tight loop

    def _on_draft_saved(self, _draft: object) -> None:
        self._set_status(t("draft_kept", time=clock_text(), count=len(self.edits.unsaved())))

    @staticmethod
    def _reason(error: BaseException) -> str:
        from exoconsult.gui.widgets import describe_error

        return describe_error(error)[1]

    def section_of(self, path: str) -> Section | None:
        parts = path.split("/")
        if self.questionnaire is None:
            return None
        return self.questionnaire.section_for(parts[-1], parts[0] if len(parts) == 3 else None)
