"""History capture use cases: read, autosave field edits (per-field conflict check), drafts, rows.

API first (the GUI is built against it); implementation follows in the next commit.
"""

from __future__ import annotations

from exoconsult.domain.people import Actor
from exoconsult.domain.questionnaire import Questionnaire
from exoconsult.services.context import ServiceContext
from exoconsult.services.history_dto import DraftDTO, FieldChange, HistoryDTO, SaveResult
from exoconsult.services.permissions import Permission, requires


class HistoryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def questionnaire(self) -> Questionnaire:
        """The questionnaire loaded (strictly) from ctx.forms_dir/questionnaires; cached per forms dir."""
        raise NotImplementedError

    @requires(Permission.HISTORY_VIEW)
    def get(self, actor: Actor, patient_id: int) -> HistoryDTO:
        raise NotImplementedError

    @requires(Permission.HISTORY_EDIT)
    def save_fields(self, actor: Actor, patient_id: int, changes: list[FieldChange]) -> SaveResult:
        raise NotImplementedError

    @requires(Permission.HISTORY_EDIT)
    def add_row(self, actor: Actor, patient_id: int, group: str) -> tuple[str, HistoryDTO]:
        """New empty entry in a repeatable group; returns its row key and the history."""
        raise NotImplementedError

    @requires(Permission.HISTORY_EDIT)
    def remove_row(self, actor: Actor, patient_id: int, group: str, row_key: str,
                   expected: dict | None = None) -> HistoryDTO:
        """Remove an entry; `expected` (the entry's values as read) guards against removing an entry
        someone else changed meanwhile (Conflict)."""
        raise NotImplementedError

    @requires(Permission.HISTORY_EDIT)
    def save_draft(self, actor: Actor, patient_id: int, changes: list[FieldChange]) -> DraftDTO:
        raise NotImplementedError

    @requires(Permission.HISTORY_VIEW)
    def load_draft(self, actor: Actor, patient_id: int) -> DraftDTO | None:
        raise NotImplementedError

    @requires(Permission.HISTORY_EDIT)
    def discard_draft(self, actor: Actor, patient_id: int, paths: list[str] | None = None) -> None:
        raise NotImplementedError
