"""History capture use cases: read, autosave field edits, drafts, repeatable-group rows.

Autosave: the GUI sends each changed field (within about a second, from its worker thread) as a
FieldChange carrying the value the user started from. Under a per-patient write lock the service
compares that base with what is stored now:
  * equal      -> the new value is checked (type, hard range, plausibility) and committed to the newest
                  history version; the flush hooks audit the full before/after snapshot and an explicit
                  "history.change" entry lists each field's path, old and new value;
  * different  -> a FieldConflict with both values; nothing is overwritten, the edit goes to the draft;
  * not valid, or implausible and not confirmed -> a FieldProblem; the edit goes to the draft.
The draft (one per patient and user) is committed immediately, so a killed process loses nothing but
the keystrokes of the field being edited; reopening the patient restores it with load_draft.
Answers whose show_if no longer holds after an edit (e.g. the stop date once "never" is chosen) are
cleared and audited with the same entry.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from exoconsult.domain import questionnaire as qn
from exoconsult.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from exoconsult.domain.history_values import HistoryDoc, check_value, same_value
from exoconsult.domain.people import Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.services.history.history_dto import (
    ABSENT,
    DraftDTO,
    FieldChange,
    FieldConflict,
    FieldProblem,
    HistoryDTO,
    SaveResult,
)
from exoconsult.services.history.reading import (
    clinic_today,
    history_dto,
    questionnaire_for,
    read_history,
)
from exoconsult.storage.history import HistoryRepository


def _jsonable(value: Any) -> Any:
    return None if value is ABSENT else value


def change_to_json(change: FieldChange) -> dict[str, Any]:
    out: dict[str, Any] = {"path": change.path, "confirmed": change.confirmed}
    if change.new_value is not ABSENT:
        out["new"] = change.new_value
    if change.base_value is not ABSENT:
        out["base"] = change.base_value
    return out


def change_from_json(raw: Mapping[str, Any]) -> FieldChange:
    return FieldChange(path=raw["path"], new_value=raw.get("new", ABSENT), base_value=raw.get("base", ABSENT),
                       confirmed=bool(raw.get("confirmed", False)))


def _group_value_problem(doc: HistoryDoc, group: str, value: Any) -> Reason | None:
    """A whole repeatable group may only be marked [] (asked: there are none) or None (not known)."""
    if value is not None and value != []:
        return service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "This list as a whole can only be marked as none ([]) or not known (null)."))
    if doc.row_keys.get(group):
        return service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "This list has entries; remove them before marking it as none or not known."))
    return None


class HistoryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def questionnaire(self) -> qn.Questionnaire:
        """The questionnaire loaded (strictly) from ctx.forms_dir/questionnaires; cached per forms dir."""
        return questionnaire_for(self.ctx.forms_dir)

    def _section(self, actor: Actor, path: qn.FieldPath) -> qn.Section:
        if path.group is None and self.questionnaire().repeat_section(path.field) is not None:
            return self._group_section(actor, path.field)  # the whole group: "none" / not known / not asked
        section = self.questionnaire().section_for(path.field, path.group)
        if section is None:
            raise ValidationError({str(path): service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This is not a question of the history questionnaire."))})
        if not section.may_capture(actor.role):
            raise PermissionDenied(str(actor.role), f"{Permission.HISTORY_EDIT}:{section.id}")
        return section

    def _group_section(self, actor: Actor, group: str) -> qn.Section:
        section = self.questionnaire().repeat_section(group)
        if section is None:
            raise ValidationError({group: service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "This is not a repeatable group of the questionnaire."))})
        if not section.may_capture(actor.role):
            raise PermissionDenied(str(actor.role), f"{Permission.HISTORY_EDIT}:{section.id}")
        return section

    def _paths(self, actor: Actor, changes: list[FieldChange]) -> list[tuple[FieldChange, qn.FieldPath, qn.Section]]:
        """Parse every path and check the role for every section first: a refused change writes nothing.
        A path sent twice counts once: the newest value, checked against the first base value."""
        merged: dict[str, FieldChange] = {}
        for change in changes:
            first = merged.get(change.path)
            merged[change.path] = change if first is None else FieldChange(
                change.path, change.new_value, first.base_value, change.confirmed)
        out = []
        for change in merged.values():
            try:
                path = qn.FieldPath.parse(change.path)
            except ValueError as exc:
                raise ValidationError({change.path: str(exc)}) from exc
            out.append((change, path, self._section(actor, path)))
        return out

    @use_case(Permission.HISTORY_VIEW, write=False)
    def get(self, work: Work, patient_id: int) -> HistoryDTO:
        return read_history(work, patient_id)

    @use_case(Permission.HISTORY_EDIT)
    def save_fields(self, work: Work, patient_id: int, changes: list[FieldChange]) -> SaveResult:
        actor, uow = work.actor, work.uow
        parsed = self._paths(actor, changes)
        today = clinic_today(work)
        repo = HistoryRepository(uow.session)
        if not repo.lock_patient(patient_id):
            raise NotFound(f"patient {patient_id} does not exist")
        row = repo.latest(patient_id)
        doc = row.doc() if row is not None else HistoryDoc()
        saved: list[dict[str, Any]] = []
        conflicts: list[FieldConflict] = []
        problems: list[FieldProblem] = []
        held: list[FieldChange] = []
        settled: set[str] = set()  # paths whose stored value is now what the user wants
        for change, path, section in parsed:
            stored = doc.get(path)
            if path.group is not None and doc.entry(path.group, path.row or "") is None:
                stored = ABSENT  # the entry itself was removed by someone else
                entry_gone = True
            else:
                entry_gone = False
            if not entry_gone and same_value(stored, change.new_value):
                settled.add(change.path)  # someone else saved the very same value: nothing to tell
                continue
            if entry_gone or not same_value(stored, change.base_value):
                conflicts.append(FieldConflict(change.path, change.base_value, stored, change.new_value,
                                               row.updated_by if row else "", row.updated_at if row else None))
                held.append(change)
                continue
            warning = None
            if change.new_value is ABSENT:
                value = ABSENT
            elif section.repeat is not None and path.group is None:
                problem = _group_value_problem(doc, path.field, change.new_value)
                if problem:
                    problems.append(FieldProblem(change.path, "invalid", problem.english(), problem))
                    held.append(change)
                    continue
                value = change.new_value
            else:
                check = check_value(section.question(path.field), path.group, change.new_value, today=today)
                if check.problem:
                    problems.append(FieldProblem(change.path, check.problem, check.message, check.why))
                    held.append(change)
                    continue
                if check.warning and not change.confirmed:
                    problems.append(FieldProblem(change.path, "plausibility", check.warning, check.warning_why))
                    held.append(change)
                    continue
                value, warning = check.value, check.warning
            settled.add(change.path)
            if same_value(stored, value):
                continue
            doc.set(path, value)
            saved.append({"path": change.path, "old": _jsonable(stored), "new": _jsonable(value),
                          "old_absent": stored is ABSENT, "new_absent": value is ABSENT,
                          "confirmed_warning": warning})
        cleared = self._clear_hidden(doc, [p for _, p, _ in parsed])
        if saved or cleared:
            now, by = uow.now(), actor.username
            if row is None:
                row = repo.add_version(patient_id, doc, source="edit", now=now, by=by)
            else:
                repo.update_version(row, doc, now=now, by=by)
            uow.audit("history.change", "history_version", row.id,
                      detail={"patient_id": patient_id, "version": row.version, "changes": saved,
                              "cleared": cleared})
        self._merge_draft(repo, actor, patient_id, held, drop=settled, now=uow.now(), doc=doc)
        dto = history_dto(self.questionnaire(), patient_id, row)
        work.changed(Part.HISTORY, patient_id)
        work.commit()
        return SaveResult(saved=tuple(c["path"] for c in saved), cleared=tuple(c["path"] for c in cleared),
                          conflicts=tuple(conflicts), problems=tuple(problems),
                          drafted=tuple(c.path for c in held), history=dto)

    def _clear_hidden(self, doc: HistoryDoc, touched: list[qn.FieldPath]) -> list[dict[str, Any]]:
        """Drop answers whose question depends (directly or through others) on a touched field and is
        now hidden. Only dependants of this edit are cleared: an imported history keeps what it holds."""
        q = self.questionnaire()
        cleared: list[dict[str, Any]] = []
        pending = list(touched)
        while pending:
            path = pending.pop()
            scopes: list[tuple[str | None, str | None]] = []
            if path.group is None:
                scopes.append((None, None))
                scopes.extend((g, key) for g, keys in doc.row_keys.items() for key in keys)
            else:
                scopes.append((path.group, path.row))
            for group, key in scopes:
                section_list = [s for s in q.sections if s.repeat == group]
                entry = doc.history if group is None else doc.entry(group, key or "")
                if entry is None:
                    continue
                scope = entry if group is None else qn.entry_scope(doc.history, entry)
                for section in section_list:
                    for question in section.answerable:
                        if (question.show_if is None or path.field not in qn.referenced_questions(question.show_if)
                                or question.id not in entry or qn.visible(question, scope)):
                            continue
                        dependant = qn.FieldPath(question.id, group, key)
                        cleared.append({"path": str(dependant), "old": entry[question.id]})
                        doc.set(dependant, ABSENT)
                        pending.append(dependant)
        return cleared

    def _hidden(self, doc: HistoryDoc, path_text: str) -> bool:
        """Whether the question at a path is hidden by the stored answers (its draft is then moot)."""
        path = qn.FieldPath.parse(path_text)
        section = self.questionnaire().section_for(path.field, path.group)
        question = section.question(path.field) if section else None
        if question is None:
            return False
        entry = doc.history if path.group is None else doc.entry(path.group, path.row or "")
        if entry is None:
            return False
        scope = entry if path.group is None else qn.entry_scope(doc.history, entry)
        return not qn.visible(question, scope)

    def _merge_draft(self, repo: HistoryRepository, actor: Actor, patient_id: int, held: list[FieldChange],
                     *, drop: set[str], now, doc: HistoryDoc | None = None) -> DraftDTO | None:
        """Held edits replace older ones of the same path; settled paths, and (given the stored doc)
        questions an edit has hidden, leave the draft so they cannot come back on reopen."""
        row = repo.draft(patient_id, actor.user_id)
        current = [change_from_json(c) for c in json.loads(row.changes)] if row else []
        by_path = {c.path: c for c in current
                   if c.path not in drop and not (doc is not None and self._hidden(doc, c.path))}
        for change in held:
            # The newest edit of a path replaces the older one, base included: a base the user sends after
            # seeing a conflict is the stored value they have now acknowledged.
            by_path[change.path] = change
        if [change_to_json(c) for c in by_path.values()] == [change_to_json(c) for c in current]:
            return self._draft_dto(patient_id, actor, row)
        stored = repo.put_draft(patient_id, actor.user_id, [change_to_json(c) for c in by_path.values()], now)
        return self._draft_dto(patient_id, actor, stored)

    @staticmethod
    def _draft_dto(patient_id: int, actor: Actor, row) -> DraftDTO | None:
        if row is None:
            return None
        return DraftDTO(patient_id, actor.user_id, tuple(change_from_json(c) for c in json.loads(row.changes)),
                        row.updated_at)

    @use_case(Permission.HISTORY_EDIT)
    def add_row(self, work: Work, patient_id: int, group: str) -> tuple[str, HistoryDTO]:
        """New empty entry in a repeatable group; returns its row key and the history."""
        actor, uow = work.actor, work.uow
        self._group_section(actor, group)
        repo = HistoryRepository(uow.session)
        if not repo.lock_patient(patient_id):
            raise NotFound(f"patient {patient_id} does not exist")
        row = repo.latest(patient_id)
        doc = row.doc() if row is not None else HistoryDoc()
        key = doc.add_row(group)
        if row is None:
            row = repo.add_version(patient_id, doc, source="edit", now=uow.now(), by=actor.username)
        else:
            repo.update_version(row, doc, now=uow.now(), by=actor.username)
        uow.audit("history.add_row", "history_version", row.id,
                  detail={"patient_id": patient_id, "version": row.version, "path": f"{group}/{key}"})
        dto = history_dto(self.questionnaire(), patient_id, row)
        work.changed(Part.HISTORY, patient_id)
        work.commit()
        return key, dto

    @use_case(Permission.HISTORY_EDIT)
    def remove_row(self, work: Work, patient_id: int, group: str, row_key: str,
                   expected: dict | None = None) -> HistoryDTO:
        """Remove an entry; `expected` (the entry's values as read) guards against removing an entry
        someone else changed meanwhile (Conflict)."""
        actor, uow = work.actor, work.uow
        self._group_section(actor, group)
        repo = HistoryRepository(uow.session)
        if not repo.lock_patient(patient_id):
            raise NotFound(f"patient {patient_id} does not exist")
        row = repo.latest(patient_id)
        doc = row.doc() if row is not None else HistoryDoc()
        entry = doc.entry(group, row_key)
        if row is None or entry is None:
            raise NotFound(f"{group}/{row_key} does not exist (already removed?)")
        if expected is not None and not same_value(dict(expected), entry):
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{entry} was changed by {user} since you opened it; reopen to see the changes "
                "before removing it."), entry=f"{group}/{row_key}", user=row.updated_by))
        old = doc.remove_row(group, row_key)
        repo.update_version(row, doc, now=uow.now(), by=actor.username)
        uow.audit("history.remove_row", "history_version", row.id,
                  detail={"patient_id": patient_id, "version": row.version, "path": f"{group}/{row_key}",
                          "old": old})
        draft = repo.draft(patient_id, actor.user_id)
        if draft is not None:
            prefix = f"{group}/{row_key}/"
            kept = [c for c in json.loads(draft.changes) if not c["path"].startswith(prefix)]
            repo.put_draft(patient_id, actor.user_id, kept, uow.now())
        dto = history_dto(self.questionnaire(), patient_id, row)
        work.changed(Part.HISTORY, patient_id)
        work.commit()
        return dto

    @use_case(Permission.HISTORY_EDIT)
    def save_draft(self, work: Work, patient_id: int, changes: list[FieldChange]) -> DraftDTO | None:
        """Keep edits that are not to be committed yet (typed while locking, switching user...)."""
        actor, uow = work.actor, work.uow
        self._paths(actor, changes)
        repo = HistoryRepository(uow.session)
        if not repo.patient_exists(patient_id):
            raise NotFound(f"patient {patient_id} does not exist")
        dto = self._merge_draft(repo, actor, patient_id, list(changes), drop=set(), now=uow.now())
        work.commit()
        return dto

    @use_case(Permission.HISTORY_VIEW, write=False)
    def load_draft(self, work: Work, patient_id: int) -> DraftDTO | None:
        """The actor's own unsaved edits for the patient (drafts are private to their author)."""
        actor, uow = work.actor, work.uow
        return self._draft_dto(patient_id, actor, HistoryRepository(uow.session).draft(patient_id, actor.user_id))

    @use_case(Permission.HISTORY_EDIT)
    def discard_draft(self, work: Work, patient_id: int, paths: list[str] | None = None) -> None:
        """Forget the draft (or only the given paths), e.g. when the user keeps the other value."""
        actor, uow = work.actor, work.uow
        repo = HistoryRepository(uow.session)
        row = repo.draft(patient_id, actor.user_id)
        if row is None:
            return
        kept = [] if paths is None else [c for c in json.loads(row.changes) if c["path"] not in set(paths)]
        repo.put_draft(patient_id, actor.user_id, kept, uow.now())
        work.commit()
