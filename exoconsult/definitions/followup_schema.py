"""Strict pydantic model of forms/followup/schedule.yaml (never leaves exoconsult.definitions): every
text quoted and in both languages, unknown keys refused, the approval as for the protocol and texts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictInt, StrictStr

from exoconsult.definitions.protocol_schema import ApprovalIn
from exoconsult.definitions.questionnaire_schema import Ident, LocalTextIn, _FileModel

Days = Annotated[StrictInt, Field(ge=0, le=400)]


class VisitIn(_FileModel):
    key: Ident
    days: Days = 0
    months: Annotated[StrictInt, Field(ge=0, le=120)] = 0
    window_before_days: Days
    window_after_days: Days
    contact: Literal["telephone", "visit"]
    label: LocalTextIn
    tests: LocalTextIn
    sections: list[Ident] = Field(min_length=1)


class LetterIn(_FileModel):
    title: LocalTextIn
    greeting: LocalTextIn
    paragraphs: list[LocalTextIn] = Field(min_length=1)


class ScheduleIn(_FileModel):
    kind: Literal["followup_schedule"]
    id: Ident | Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9\-]*$", max_length=64)]
    version: Annotated[StrictStr, Field(pattern=r"^\d+\.\d+\.\d+$")]
    approval: ApprovalIn
    visits: list[VisitIn] = Field(min_length=1)
    reminder_letter: LetterIn
