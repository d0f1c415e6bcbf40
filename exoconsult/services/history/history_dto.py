"""Read models and requests of the history service (frozen; safe to hand to the GUI thread).

Values are case-format JSON values (see exoconsult.domain.questionnaire): what was entered is kept
(a quantity keeps its unit: {"value": 300, "unit": "ng/dL"}); `canonical` is the number in the
canonical unit for numeric fields, else the value itself. `ABSENT` means "no answer stored" (not asked),
distinct from None ("asked, not known").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from exoconsult.domain.history_values import ABSENT
from exoconsult.domain.translatable import Reason

__all__ = ["ABSENT", "DraftDTO", "FieldChange", "FieldConflict", "FieldProblem", "FieldValue", "GroupRow",
           "HistoryDTO", "SaveResult"]


@dataclass(frozen=True)
class FieldValue:
    path: str
    entered: Any  # case-format JSON value as stored; None = asked, not known
    canonical: Any  # float in the canonical unit for numbers/quantities; else == entered


@dataclass(frozen=True)
class GroupRow:
    """One entry of a repeatable group; `key` is stable ("r3") while the rows re-sort by date."""

    key: str
    values: Mapping[str, FieldValue]  # by field id; absent fields are not listed


@dataclass(frozen=True)
class HistoryDTO:
    patient_id: int
    version: int  # 0 = nothing stored yet; import adds versions, edits change the newest one
    source: str  # "edit" | "import" | "" (nothing stored)
    row_version: int  # optimistic-lock counter of the stored version (0 when nothing stored)
    updated_at: datetime | None
    updated_by: str
    fields: Mapping[str, FieldValue]  # top-level history fields by id
    groups: Mapping[str, tuple[GroupRow, ...]]  # repeatable groups, rows sorted by date (undated last)
    completion: Mapping[str, tuple[int, int]]  # section id -> (required answered, required visible)
    history: Mapping[str, Any] = field(default_factory=dict)  # the case `history` block, rows by date

    def value(self, path: str) -> Any:
        """The entered value at a path ("fsh" style or "hormone_panels/r2/fsh"); ABSENT when none."""
        parts = path.split("/")
        if len(parts) == 1 and path in self.groups:  # a whole repeatable group ([] = asked: none)
            return self.history.get(path, ABSENT)
        if len(parts) == 1:
            fv = self.fields.get(path)
            return ABSENT if fv is None else fv.entered
        group, row, fid = parts
        for r in self.groups.get(group, ()):
            if r.key == row:
                fv = r.values.get(fid)
                return ABSENT if fv is None else fv.entered
        return ABSENT


@dataclass(frozen=True)
class FieldChange:
    """One edit: `new_value` replaces the stored value only if the stored value still equals
    `base_value` (what the user saw when they started typing). ABSENT as new_value clears the answer.
    `confirmed`: the user confirmed a value outside the plausible band."""

    path: str
    new_value: Any
    base_value: Any = ABSENT
    confirmed: bool = False


@dataclass(frozen=True)
class FieldConflict:
    """Someone else saved this field since the user read it: both values, nothing overwritten."""

    path: str
    base_value: Any  # what this user started from
    stored_value: Any  # what is stored now (the other save)
    new_value: Any  # what this user typed (kept in their draft)
    stored_by: str  # username of the last save of the history version
    stored_at: datetime | None


@dataclass(frozen=True)
class FieldProblem:
    """kind: "invalid" (cannot be stored), "range" (outside the hard range, refused) or
    "plausibility" (inside the hard range but implausible: resend with confirmed=True to store)."""

    path: str
    kind: str
    message: str  # English (command line, logs)
    why: Reason | None = None  # the same as words a screen says in its own language


@dataclass(frozen=True)
class SaveResult:
    saved: tuple[str, ...]  # paths written (audited, old and new values)
    cleared: tuple[str, ...]  # answers dropped because their question became hidden
    conflicts: tuple[FieldConflict, ...]
    problems: tuple[FieldProblem, ...]
    drafted: tuple[str, ...]  # paths kept in the user's private draft (conflicts, problems)
    history: HistoryDTO

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.problems


@dataclass(frozen=True)
class DraftDTO:
    """A user's unsaved edits for one patient (restored when the patient is reopened)."""

    patient_id: int
    user_id: int
    changes: tuple[FieldChange, ...]
    updated_at: datetime | None
