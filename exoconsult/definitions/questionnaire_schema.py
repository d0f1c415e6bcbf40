"""Strict pydantic models mirroring the questionnaire files in forms/questionnaires/ (never leave
exoconsult.definitions). Every text is StrictStr, so a bare YAML `No`/`yes`/`on` (read as a boolean
under YAML 1.1) is a load error instead of a silent False; every model forbids unknown keys; every
localised text must carry every form-label language of the registry (forms/languages.yaml)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

Ident = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
NonEmpty = Annotated[StrictStr, Field(min_length=1)]
Number = StrictInt | StrictFloat
Scalar = StrictStr | StrictBool | StrictInt | StrictFloat


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


LANGUAGES_CONTEXT = "languages"  # validation context: the LanguageRegistry the texts are checked against


class LocalTextIn(RootModel[dict[Annotated[StrictStr, Field(pattern=r"^[a-z]{2,3}$")], NonEmpty]]):
    """A text per language: every form-label language of the registry (a missing one is a load error naming
    the line) and no language the registry does not know. Validated with the registry as context."""

    model_config = ConfigDict(frozen=True, strict=True)

    @model_validator(mode="after")
    def _covers_the_registry(self, info: ValidationInfo) -> LocalTextIn:
        registry = (info.context or {}).get(LANGUAGES_CONTEXT)
        if registry is None:
            raise ValueError("checked without the language registry")
        for lang in registry.label_languages:
            if lang not in self.root:
                raise PydanticCustomError("missing_translation", "missing translation {lang}", {"lang": repr(lang)})
        for lang in self.root:
            if lang not in registry.codes:
                raise PydanticCustomError("unknown_language", "{lang} is not in the language registry "
                                          "(languages.yaml)", {"lang": repr(lang)})
        return self

    def get(self, lang: str, default: str | None = None) -> str | None:
        return self.root.get(lang, default)


class CompareIn(_FileModel):
    q: Ident
    op: Literal["eq", "ne", "in", "not_in", "lt", "le", "gt", "ge", "answered", "unanswered"]
    value: Scalar | list[Scalar] | None = None


class AllIn(_FileModel):
    all: list[ConditionIn] = Field(min_length=1)


class AnyIn(_FileModel):
    any: list[ConditionIn] = Field(min_length=1)


class NotIn(_FileModel):
    negated: ConditionIn = Field(alias="not")


def _condition_kind(raw: Any) -> str | None:
    if isinstance(raw, dict):
        for key in ("all", "any", "not"):
            if key in raw:
                return key
        return "q"
    if isinstance(raw, BaseModel):
        return {AllIn: "all", AnyIn: "any", NotIn: "not"}.get(type(raw), "q")
    return None


ConditionIn = Annotated[
    Annotated[CompareIn, Tag("q")] | Annotated[AllIn, Tag("all")] | Annotated[AnyIn, Tag("any")]
    | Annotated[NotIn, Tag("not")],
    Discriminator(_condition_kind, custom_error_type="condition",
                  custom_error_message="a condition is {q, op, value}, {all: [...]}, {any: [...]} or {not: ...}"),
]
for _model in (AllIn, AnyIn, NotIn):
    _model.model_rebuild()


class OptionIn(_FileModel):
    value: NonEmpty
    label: LocalTextIn


QuestionTypeIn = Literal["yes_no", "single_choice", "multi_choice", "integer", "decimal", "quantity", "date",
                         "text", "info"]


class QuestionIn(_FileModel):
    id: Ident
    type: QuestionTypeIn
    label: LocalTextIn
    help: LocalTextIn | None = None
    required: StrictBool = False
    show_if: ConditionIn | None = None
    options: list[OptionIn] | None = None
    units: list[NonEmpty] | None = None  # quantity: canonical first; decimal: one display unit
    min: Number | None = None  # hard range in the canonical unit, as in spec/case-format.md
    max: Number | None = None


class SectionIn(_FileModel):
    kind: Literal["section"]
    id: Ident
    title: LocalTextIn
    help: LocalTextIn | None = None
    captured_by: list[Literal["nurse", "urologist", "admin"]] = Field(min_length=1)
    repeat: Ident | None = None
    questions: list[QuestionIn] = Field(min_length=1)


class QuestionnaireIn(_FileModel):
    kind: Literal["questionnaire"]
    id: Ident
    version: StrictInt = Field(ge=1)
    title: LocalTextIn
    sections: list[Annotated[StrictStr, Field(pattern=r"^[a-z0-9_\-]+\.yaml$")]] = Field(min_length=1)
