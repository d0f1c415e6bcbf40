"""Strict YAML reading and the pydantic schemas of content front matter and the comprehension file.

Pydantic objects never leave exoconsult.definitions: the loaders copy them into frozen domain
dataclasses. YAML is read twice on purpose: safe_load for the data and compose for the line of every
node, so a schema error points at the line the author must fix.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from exoconsult.definitions.safe_yaml import SAFE_LOADER, check_plain_yaml
from exoconsult.domain.content import ContentError

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_STR_TAG = "tag:yaml.org,2002:str"

NonEmpty = Annotated[str, StringConstraints(min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ApprovalModel(_Strict):
    approved: bool
    approved_by: str
    approved_on: str  # ISO date string; quoted in YAML so it is not turned into a date object

    @model_validator(mode="after")
    def _well_formed(self) -> ApprovalModel:
        if self.approved:
            if not self.approved_by.strip():
                raise ValueError("approved is true but approved_by is empty")
            try:
                date.fromisoformat(self.approved_on)
            except ValueError:
                raise ValueError("approved is true but approved_on is not a YYYY-MM-DD date") from None
        elif self.approved_by or self.approved_on:
            # A name or date on an unapproved text would read as an approval on screen.
            raise ValueError("approved is false, so approved_by and approved_on must be empty")
        return self


class DocumentFront(_Strict):
    id: Identifier
    version: str
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    title: NonEmpty
    approval: ApprovalModel

    @field_validator("version")
    @classmethod
    def _semver(cls, value: str) -> str:
        if not SEMVER.match(value):
            raise ValueError(f"version {value!r} is not semantic (MAJOR.MINOR.PATCH, e.g. 1.0.0)")
        return value


class ExplanationFront(DocumentFront):
    sources: list[NonEmpty]

    @field_validator("sources")
    @classmethod
    def _some_sources(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("at least one source is required")
        return value


class BoxedStatementModel(_Strict):
    statement: NonEmpty
    permit: NonEmpty
    no_permit: NonEmpty


class ConsentFront(DocumentFront):
    signers: dict[Identifier, NonEmpty]
    product_fields: dict[NonEmpty, NonEmpty]
    boxed_statement: BoxedStatementModel


class WithdrawalFront(DocumentFront):
    signers: dict[Identifier, NonEmpty]


class OptionModel(_Strict):
    id: Identifier
    text: NonEmpty


class QuestionModel(_Strict):
    id: Identifier
    key_point: Identifier
    prompt: NonEmpty
    options: list[OptionModel]
    correct: Identifier
    explanation: NonEmpty

    @model_validator(mode="after")
    def _options(self) -> QuestionModel:
        if not 3 <= len(self.options) <= 4:
            raise ValueError(f"question {self.id!r} needs 3 or 4 options, has {len(self.options)}")
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"question {self.id!r} repeats an option id")
        if self.correct not in ids:
            raise ValueError(
                f"question {self.id!r}: correct option {self.correct!r} is not among its options"
            )
        return self


class ComprehensionFile(DocumentFront):
    questions: list[QuestionModel]


def _yaml_error(path: str, first_line: int, error: yaml.YAMLError) -> ContentError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + first_line if mark is not None else None
    return ContentError(path, line, f"invalid YAML: {getattr(error, 'problem', None) or error}")


def _check_nodes(path: str, first_line: int, node: yaml.Node) -> None:
    """Refuse duplicate keys and unquoted string values (a bare No/Yes/On/Off would become a boolean)."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + first_line
            if key.value in seen:
                raise ContentError(
                    path, line, f"key {key.value!r} repeated (first on line {seen[key.value]})"
                )
            seen[key.value] = line
            _check_nodes(path, first_line, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_nodes(path, first_line, item)
    elif isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG and not node.style:  # libyaml: "", PyYAML: None
        raise ContentError(
            path,
            node.start_mark.line + first_line,
            f"string {node.value!r} must be quoted (house rule for content YAML)",
        )


def load_yaml(path: str, text: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """safe_load the text and return (data, node tree); first_line is the file line of text's first line."""
    try:
        check_plain_yaml(text)
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise _yaml_error(path, first_line, error) from None
    if node is not None:
        _check_nodes(path, first_line, node)
    return data, node


def sequence_item_lines(node: yaml.Node | None, key: str, first_line: int) -> list[int]:
    """File line of each item of the top-level sequence `key` (e.g. each question)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key_node, value in node.value:
        if key_node.value == key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + first_line for item in value.value]
    return []


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...], first_line: int) -> int | None:
    """Deepest node along a pydantic error location, as a file line."""
    line = node.start_mark.line + first_line if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            line = match[0].start_mark.line + first_line
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + first_line
        else:
            break
    return line


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], path: str, data: Any, node: yaml.Node | None, first_line: int) -> M:
    """Validate data against model; the first error becomes a ContentError with file and line."""
    if not isinstance(data, dict):
        raise ContentError(path, first_line, "expected a mapping of keys to values")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc) or "(top level)"
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown key (not allowed here)"
        elif first["type"] == "string_type" and isinstance(first.get("input"), bool):
            message = "a yes/no word was read as a boolean; quote the text"
        raise ContentError(path, _line_of(node, loc, first_line), f"{where}: {message}") from None
