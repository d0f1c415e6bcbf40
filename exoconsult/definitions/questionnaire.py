"""Load the history questionnaire from forms/questionnaires/: YAML (safe loader, with line numbers) ->
strict pydantic models -> frozen domain dataclasses. Every problem is reported as "file:line: message".

Layout: forms/questionnaires/questionnaire.yaml (kind: questionnaire) lists the section files in order;
each section file (kind: section) holds one section. The vocabulary checks (ids, types, options, units,
ranges against spec/case-format.md) live in questionnaire_check.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError as PydanticError

from exoconsult.bounded_input import FORMS_FILE_LIMIT, InputRefused, read_text_limited
from exoconsult.definitions.languages import languages_for
from exoconsult.definitions.questionnaire_schema import (
    LANGUAGES_CONTEXT,
    AllIn,
    AnyIn,
    NotIn,
    QuestionIn,
    QuestionnaireIn,
    SectionIn,
)
from exoconsult.definitions.safe_yaml import check_plain_yaml
from exoconsult.domain import questionnaire as d
from exoconsult.domain.people import Role
from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS, FieldSpec

MANIFEST = "questionnaire.yaml"
_Lines = dict[tuple[Any, ...], int]
SpecLookup = Callable[[str, str | None], FieldSpec | None]  # (question id, group) -> its field


class DefinitionError(Exception):
    """The forms cannot be loaded; `problems` are "file:line: message" strings."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def questionnaire_dir(forms_dir: Path | str) -> Path:
    return Path(forms_dir) / "questionnaires"


def _record_lines(node: yaml.Node, path: tuple[Any, ...], lines: _Lines, problems: list[str], name: str) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:  # PyYAML would silently keep the last one
                problems.append(f"{name}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _record_lines(value_node, (*path, key), lines, problems, name)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(item, (*path, i), lines, problems, name)


def read_yaml_with_lines(path: Path, name: str) -> tuple[Any, _Lines]:
    """Safe-load one YAML document; also map every key/item path to its 1-based line."""
    problems: list[str] = []
    lines: _Lines = {}
    try:
        text = read_text_limited(path, FORMS_FILE_LIMIT, "forms file")
    except InputRefused as exc:
        raise DefinitionError([f"{name}:1: cannot read: {exc}"]) from exc
    loader = yaml.SafeLoader(text)
    try:
        check_plain_yaml(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark or exc.context_mark).line + 1 if (exc.problem_mark or exc.context_mark) else 1
        raise DefinitionError([f"{name}:{line}: YAML error: {exc.problem or exc}"]) from exc
    finally:
        loader.dispose()
    if node is not None:
        _record_lines(node, (), lines, problems, name)
    if problems:
        raise DefinitionError(problems)
    return data, lines


def _line_for(loc: tuple[Any, ...], lines: _Lines) -> int:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


def _describe_loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _data_loc(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Keep the parts of a pydantic location that exist in the data: pydantic inserts union and
    discriminator tags ("q", "str", "list[...]") that name no key in the file."""
    out: list[Any] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
            out.append(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
            out.append(part)
        elif i == len(loc) - 1 and isinstance(current, dict) and isinstance(part, str):
            out.append(part)  # a missing key
    return tuple(out)


def _pydantic_problems(exc: PydanticError, name: str, lines: _Lines, data: Any) -> list[str]:
    problems: list[str] = []
    for err in exc.errors():
        loc = _data_loc(err["loc"], data)
        where = _describe_loc(loc) or "(top level)"
        raw = err.get("input")
        if err["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}" if loc else "unknown key"
        elif err["type"] == "missing":
            message = f"missing key {loc[-1]!r}" if loc else "missing key"
            where = _describe_loc(loc[:-1]) or "(top level)"
        elif err["type"] == "string_type" and isinstance(raw, bool):
            message = (f"expected a quoted string, got the boolean {str(raw).lower()}: YAML reads bare "
                       "yes/no/on/off/true/false as booleans, so quote text and option values")
        else:
            message = err["msg"]
        problems.append(f"{name}:{_line_for(loc, lines)}: {where}: {message}")
    return sorted(set(problems), key=lambda p: (int(p.split(":")[1]), p))



def _text(model) -> dict[str, str] | None:
    return None if model is None else dict(model.root)


def to_condition(node) -> d.Condition:
    if isinstance(node, AllIn):
        return d.AllOf(tuple(to_condition(c) for c in node.all))
    if isinstance(node, AnyIn):
        return d.AnyOf(tuple(to_condition(c) for c in node.any))
    if isinstance(node, NotIn):
        return d.Not(to_condition(node.negated))
    value = tuple(node.value) if isinstance(node.value, list) else node.value
    return d.Compare(node.q, node.op, value)


def history_spec(question_id: str, group: str | None) -> FieldSpec | None:
    """The case-format field a history question captures (None for display-only items)."""
    return (GROUP_FIELDS.get(group, {}) if group else HISTORY_FIELDS).get(question_id)


def _question(q: QuestionIn, group: str | None, line: int, spec_of: SpecLookup = history_spec) -> d.Question:
    spec = spec_of(q.id, group)
    return d.Question(
        id=q.id, type=d.QuestionType(q.type), label=_text(q.label), help=_text(q.help), required=q.required,
        show_if=None if q.show_if is None else to_condition(q.show_if),
        options=tuple(d.Option(o.value, _text(o.label)) for o in q.options or ()),
        units=tuple(q.units or ()), minimum=q.min, maximum=q.max,
        # The plausible band is the vocabulary's (it exists to catch unit mix-ups), not the form's.
        plausible_min=spec.plausible_min if spec else None, plausible_max=spec.plausible_max if spec else None,
        line=line)


def validate_with_languages(model, data: Any, path: Path):
    """model.model_validate(data) with the language registry of the forms folder `path` is in."""
    return model.model_validate(data, context={LANGUAGES_CONTEXT: languages_for(path)})


def _load_model(path: Path, name: str, model):
    data, lines = read_yaml_with_lines(path, name)
    try:
        return validate_with_languages(model, data, path), lines
    except PydanticError as exc:
        raise DefinitionError(_pydantic_problems(exc, name, lines, data)) from exc


def load_sections(folder: Path, manifest_file: str, spec_of: SpecLookup) -> d.Questionnaire:
    """A questionnaire manifest and the section files it lists, in one folder of forms/ (the history's,
    or the follow-up visit record's); DefinitionError lists every problem found. No vocabulary check."""
    where = folder.name
    manifest_path = folder / manifest_file
    if not manifest_path.is_file():
        raise DefinitionError([f"{where}/{manifest_file}:1: missing (the questionnaire manifest)"])
    manifest, _ = _load_model(manifest_path, f"{where}/{manifest_file}", QuestionnaireIn)
    problems: list[str] = []
    sections: list[d.Section] = []
    for file_name in manifest.sections:
        name = f"{where}/{file_name}"
        if not (folder / file_name).is_file():
            problems.append(f"{where}/{manifest_file}:1: section file {file_name} does not exist")
            continue
        try:
            model, lines = _load_model(folder / file_name, name, SectionIn)
        except DefinitionError as exc:
            problems.extend(exc.problems)
            continue
        questions = tuple(_question(q, model.repeat, _line_for(("questions", i), lines), spec_of)
                          for i, q in enumerate(model.questions))
        sections.append(d.Section(
            id=model.id, title=_text(model.title), captured_by=tuple(Role(r) for r in model.captured_by),
            questions=questions, repeat=model.repeat, help=_text(model.help), source=name))
    if problems:
        raise DefinitionError(problems)
    return d.Questionnaire(id=manifest.id, version=manifest.version, title=_text(manifest.title),
                           sections=tuple(sections))


def load_questionnaire(forms_dir: Path | str, *, check_vocabulary: bool = True) -> d.Questionnaire:
    """Load and check the questionnaire; DefinitionError lists every problem found."""
    folder = questionnaire_dir(forms_dir)
    questionnaire = load_sections(folder, MANIFEST, history_spec)
    problems: list[str] = []
    listed = {s.source.split("/", 1)[1] for s in questionnaire.sections}
    for stray in sorted(p.name for p in folder.glob("*.yaml") if p.name != MANIFEST and p.name not in listed):
        problems.append(f"questionnaires/{stray}:1: not listed in {MANIFEST} (it would be ignored)")
    if problems:
        raise DefinitionError(problems)
    if check_vocabulary:
        from exoconsult.definitions.questionnaire_check import check_questionnaire

        problems = check_questionnaire(questionnaire)
        if problems:
            raise DefinitionError(problems)
    return questionnaire
