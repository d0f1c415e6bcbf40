"""Load forms/protocols/<id>/protocol.yaml into a frozen rules.model.Protocol, and lint it.

The protocol's sha256 is the sha256 of the protocol file's bytes: any change (a threshold, a word of a
reason) gives a new hash, which every stored assessment records. Errors name the file and the line.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from pydantic import ValidationError as PydanticError

from exoconsult.bounded_input import FORMS_FILE_LIMIT, InputRefused, read_limited
from exoconsult.definitions.languages import languages_for
from exoconsult.definitions.protocol_schema import AllIn, AnyIn, CompareIn, ConditionIn, NotIn, ProtocolIn
from exoconsult.definitions.safe_yaml import check_plain_yaml
from exoconsult.domain.errors import ExoError
from exoconsult.rules import lint as rules_lint
from exoconsult.rules.model import (
    AllOf,
    AnyOf,
    Approval,
    Compare,
    Condition,
    Not,
    Parameter,
    Protocol,
    Rule,
    RuleOutcome,
    Source,
)

PROTOCOL_FILE = "protocol.yaml"
# libyaml's safe loader when present (about 10x faster); both only build plain Python data.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Where = tuple[str | int, ...]


class ProtocolError(ExoError):
    """The protocol cannot be used; `issues` holds one "file:line: message" string per problem."""

    def __init__(self, issues: list[str]) -> None:
        self.issues = issues
        super().__init__("\n".join(issues))


def _line_map(text: str) -> dict[Where, int]:
    """1-based line of every mapping key / sequence item, keyed by its path in the loaded data."""
    lines: dict[Where, int] = {}

    def visit(node: yaml.Node, at: Where) -> None:
        lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = (*at, key.value)
                lines[here] = key.start_mark.line + 1
                visit(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                visit(item, (*at, i))

    root = yaml.compose(text, Loader=_SAFE_LOADER)
    if root is not None:
        visit(root, ())
    return lines


def _line(lines: dict[Where, int], where: Where) -> int:
    for n in range(len(where), -1, -1):  # the deepest part of the path that exists in the file
        if where[:n] in lines:
            return lines[where[:n]]
    return 1


def _yaml_path(loc: tuple[Any, ...]) -> Where:
    """Drop pydantic's union tags ("compare", "all"...) from an error location; keep real keys."""
    tags = {"compare", "all-of", "any-of", "not-of"}
    return tuple(part for part in loc if part not in tags)


def _condition(node: ConditionIn) -> Condition:
    if isinstance(node, AllIn):
        return AllOf(tuple(_condition(c) for c in node.all))
    if isinstance(node, AnyIn):
        return AnyOf(tuple(_condition(c) for c in node.any))
    if isinstance(node, NotIn):
        return Not(_condition(node.negated))
    assert isinstance(node, CompareIn)
    source, name = (Source.FIELD, node.field) if node.field is not None else (Source.DERIVED, node.derived)
    value = tuple(node.value) if isinstance(node.value, list) else node.value
    return Compare(source, str(name), node.op, value, node.param)


def _read(folder: Path) -> tuple[Protocol, dict[Where, int], str]:
    path = folder / PROTOCOL_FILE
    try:
        raw_bytes = read_limited(path, FORMS_FILE_LIMIT, "forms file")
        text = raw_bytes.decode("utf-8")
        check_plain_yaml(text)
        lines = _line_map(text)
        data = yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except InputRefused as exc:
        raise ProtocolError([str(exc)]) from exc
    except UnicodeDecodeError as exc:
        raise ProtocolError([f"{path}: not UTF-8 text ({exc.reason})"]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ProtocolError([f"{path}{line}: not valid YAML: {getattr(exc, 'problem', exc)}"]) from exc
    try:
        model = ProtocolIn.model_validate(data)
    except PydanticError as exc:
        issues = []
        for err in exc.errors():
            where = _yaml_path(err["loc"])
            shown = ".".join(str(p) for p in where) or "(top)"
            issues.append(f"{path}:{_line(lines, where)}: {shown}: {err['msg']}")
        raise ProtocolError(issues) from exc
    protocol = Protocol(
        id=model.id, version=model.version, sha256=hashlib.sha256(raw_bytes).hexdigest(),
        approval=Approval(model.approval.approved_by, model.approval.approved_on, model.approval.note),
        languages=tuple(model.languages),
        parameters=MappingProxyType({n: Parameter(n, p.default, p.unit, p.note) for n, p in model.parameters.items()}),
        rules=tuple(Rule(r.id, RuleOutcome(r.outcome), _condition(r.when), tuple(r.reads),
                         MappingProxyType(dict(r.reason)), MappingProxyType(dict(r.action)), r.source)
                    for r in model.rules),
        missing_message=MappingProxyType(dict(model.missing_message)),
    )
    return protocol, lines, str(path)


def _issues(protocol: Protocol, lines: dict[Where, int], path: str) -> list[str]:
    registry = languages_for(path)
    unknown = [(("languages",), f"language {lang!r} is not in the language registry (languages.yaml)")
               for lang in protocol.languages if lang not in registry.codes]
    return [f"{path}:{_line(lines, where)}: {message}"
            for where, message in unknown + rules_lint.lint(protocol, registry.label_languages)]


def lint_protocol(folder: Path) -> list[str]:
    """Every problem with the protocol in `folder`, as "file:line: message"; empty when it is sound.

    Reports load errors (YAML, schema), unknown fields/derived values/parameters, rules that can never
    fire, texts missing a form-label language of the registry, and parameters no rule uses.
    """
    try:
        protocol, lines, path = _read(Path(folder))
    except ProtocolError as exc:
        return list(exc.issues)
    return _issues(protocol, lines, path)


def read_protocol(folder: Path) -> Protocol:
    """The protocol in `folder` as written, lint issues or not (ProtocolError only when it cannot be read):
    for listing and approving it, never for judging a patient."""
    return _read(Path(folder))[0]


def load_protocol(folder: Path) -> Protocol:
    """The protocol in `folder` (its protocol.yaml); ProtocolError listing every lint issue otherwise.

    A protocol with any lint issue is refused: an unknown field or a rule that can never fire would
    silently weaken the eligibility check.
    """
    protocol, lines, path = _read(Path(folder))
    issues = _issues(protocol, lines, path)
    if issues:
        raise ProtocolError(issues)
    return protocol


ARCHIVE_FOLDER = "archive"  # earlier versions of the protocol file, byte for byte, named <id>-<version>.yaml
_ARCHIVE_CACHE: dict[tuple[str, int, int], tuple[str, dict[str, dict[str, dict[str, str]]]]] = {}


def _rule_texts(path: Path) -> tuple[str, dict[str, dict[str, dict[str, str]]]] | None:
    """(sha256, rule id -> {"reason": {lang: text}, "action": {...}}) of one protocol file, cached."""
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        if key not in _ARCHIVE_CACHE:
            raw = path.read_bytes()
            data = yaml.load(raw.decode("utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
            texts = {str(r["id"]): {"reason": {str(k): str(v) for k, v in r["reason"].items()},
                                    "action": {str(k): str(v) for k, v in r["action"].items()}}
                     for r in data["rules"]}
            _ARCHIVE_CACHE[key] = (hashlib.sha256(raw).hexdigest(), texts)
        return _ARCHIVE_CACHE[key]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError, AttributeError):
        return None  # a damaged archive file only means old texts print in the language they were stored in


def archived_rule_texts(folder: Path, sha256: str) -> dict[str, dict[str, dict[str, str]]] | None:
    """Rule texts of the protocol file in `folder` (or in its archive/) whose bytes have this sha256.

    Assessments made before rule texts were stored in every language keep one English text per rule;
    with the protocol file that judged them, a Turkish document can print the Turkish texts."""
    folder = Path(folder)
    for path in (folder / PROTOCOL_FILE, *sorted((folder / ARCHIVE_FOLDER).glob("*.yaml"))):
        found = _rule_texts(path)
        if found is not None and found[0] == sha256:
            return found[1]
    return None
