"""Strict pydantic models mirroring forms/protocols/<id>/protocol.yaml. They never leave `definitions`.

Every text is StrictStr, so an unquoted YAML `No`/`yes` (read as a boolean) is a load error, not a
silent False. Unknown keys are errors (extra="forbid").
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    model_validator,
)

RuleId = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
LocalText = dict[Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")], StrictStr]
Number = StrictInt | StrictFloat


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class CompareIn(_Model):
    field: Name | None = None
    derived: Name | None = None
    op: Literal["eq", "ne", "lt", "le", "gt", "ge", "in", "not_in", "answered", "unanswered"]
    value: StrictBool | StrictInt | StrictFloat | StrictStr | list[StrictStr] | None = None
    param: Name | None = None

    @model_validator(mode="after")
    def _operands(self) -> CompareIn:
        if (self.field is None) == (self.derived is None):
            raise ValueError("a comparison names exactly one of field or derived")
        has_value = "value" in self.model_fields_set
        if self.op in ("answered", "unanswered"):
            if has_value or self.param is not None:
                raise ValueError(f"{self.op} takes neither value nor param")
        elif has_value == (self.param is not None):
            raise ValueError(f"{self.op} needs exactly one of value or param")
        elif self.op in ("in", "not_in") and not isinstance(self.value, list):
            raise ValueError(f"{self.op} needs a list value")
        elif self.op not in ("in", "not_in") and isinstance(self.value, list):
            raise ValueError(f"{self.op} needs a single value, not a list")
        if has_value and self.value is None:
            raise ValueError("value may not be null; use op answered/unanswered")
        return self


class AllIn(_Model):
    all: Annotated[list[ConditionIn], Field(min_length=1)]


class AnyIn(_Model):
    any: Annotated[list[ConditionIn], Field(min_length=1)]


class NotIn(_Model):
    negated: ConditionIn = Field(alias="not")


def _condition_kind(raw: Any) -> str | None:
    if isinstance(raw, dict):
        for key in ("all", "any", "not"):
            if key in raw:
                return f"{key}-of"  # tag names differ from keys so error paths can drop them
        return "compare"
    return None


ConditionIn = Annotated[
    Annotated[CompareIn, Tag("compare")] | Annotated[AllIn, Tag("all-of")] | Annotated[AnyIn, Tag("any-of")]
    | Annotated[NotIn, Tag("not-of")],
    Discriminator(_condition_kind, custom_error_type="condition",
                  custom_error_message="a condition is a mapping: a comparison, all, any or not"),
]
for _model in (AllIn, AnyIn, NotIn):
    _model.model_rebuild()


class ParameterIn(_Model):
    default: Number
    unit: StrictStr = ""
    note: StrictStr = ""


class ApprovalIn(_Model):
    """Like the texts' approval: `approved: false` with empty name and date until the clinic approves
    (a name on an unapproved protocol would print as an approval)."""

    approved: StrictBool
    approved_by: StrictStr
    approved_on: Annotated[str, Field(pattern=r"^(\d{4}-\d{2}-\d{2})?$")]
    note: StrictStr = ""

    @model_validator(mode="after")
    def _consistent(self) -> ApprovalIn:
        if self.approved and (not self.approved_by.strip() or not self.approved_on):
            raise ValueError("approved is true: approved_by and approved_on (YYYY-MM-DD) are required")
        if not self.approved and (self.approved_by or self.approved_on):
            raise ValueError("approved is false, so approved_by and approved_on must be empty")
        return self


class RuleIn(_Model):
    id: RuleId
    outcome: Literal["ineligible", "missing_data", "needs_review", "caution"]
    reads: list[StrictStr]
    when: ConditionIn
    reason: LocalText
    action: LocalText
    source: StrictStr


class ProtocolIn(_Model):
    kind: Literal["protocol"]
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    title: LocalText
    languages: Annotated[list[StrictStr], Field(min_length=1)]
    approval: ApprovalIn
    parameters: dict[Name, ParameterIn]
    missing_message: LocalText
    rules: Annotated[list[RuleIn], Field(min_length=1)]
