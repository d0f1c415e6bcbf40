"""Load forms/followup/: the follow-up schedule (schedule.yaml) and the visit record (visit.yaml and the
section files it lists, read by the history questionnaire's own loader). Problems are reported as
"file:line: message", like every other forms file; `lint_followup` is part of `exoconsult forms lint`.

Checks beyond the schema: visit keys unique and in time order; windows that do not overlap the next
visit; every section a visit asks exists in the visit record; the letter's {placeholders} are known.
The visit record's questions must be follow-up fields (exoconsult.domain.followup_fields) with their
types, options, units and ranges; show_if conditions refer to questions of the record.
"""

from __future__ import annotations

import hashlib
import string
from datetime import date
from pathlib import Path

from pydantic import ValidationError as PydanticError

from exoconsult.bounded_input import FORMS_FILE_LIMIT, read_text_limited
from exoconsult.definitions.followup_schema import ScheduleIn
from exoconsult.definitions.questionnaire import (
    DefinitionError,
    _pydantic_problems,
    _text,
    load_sections,
    read_yaml_with_lines,
    validate_with_languages,
)
from exoconsult.definitions.questionnaire_check import _condition_problems, _spec_problems
from exoconsult.domain import followup as f
from exoconsult.domain import questionnaire as d
from exoconsult.domain.followup_fields import MULTI_CHOICE_FIELDS, VISIT_FIELDS
from exoconsult.domain.vocabulary import FieldSpec

FOLDER = "followup"
SCHEDULE = "schedule.yaml"
VISIT_MANIFEST = "visit.yaml"
_cache: dict[tuple[str, str], tuple[float, object]] = {}


def followup_dir(forms_dir: Path | str) -> Path:
    return Path(forms_dir) / FOLDER


def _visit_spec(question_id: str, group: str | None) -> FieldSpec | None:
    return None if group else VISIT_FIELDS.get(question_id)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _schedule_problems(model: ScheduleIn, lines, name: str, sections: set[str] | None) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    reference = date(2001, 1, 31)  # a 31st: the month arithmetic clamps, the order must hold anyway
    previous: tuple[str, date] | None = None
    for i, v in enumerate(model.visits):
        at = f"{name}:{lines.get(('visits', i), 1)}: visits[{i}]"
        if v.key in seen:
            problems.append(f"{at}: key {v.key!r} is used twice")
        seen.add(v.key)
        for section in v.sections if sections is not None else ():
            if section not in sections:
                problems.append(f"{at}: visit {v.key!r} asks section {section!r}, which {FOLDER}/{VISIT_MANIFEST} "
                                f"does not have ({', '.join(sorted(sections))})")
        if (v.days == 0) == (v.months == 0):
            problems.append(f"{at}: give either days or months after the procedure (one, not zero)")
            continue
        spec = f.VisitSpec(v.key, {}, {}, v.contact, tuple(v.sections), v.days, v.months, v.window_before_days,
                           v.window_after_days)
        first, last = f.window(reference, spec)
        if previous is not None and first <= previous[1]:
            problems.append(f"{at}: its window starts before the window of {previous[0]!r} ends (visits in time "
                            "order, windows apart)")
        previous = (v.key, last)
    letter = model.reminder_letter
    for where, path, text in (("title", ("title",), letter.title), ("greeting", ("greeting",), letter.greeting),
                              *((f"paragraphs[{i}]", ("paragraphs", i), p) for i, p in enumerate(letter.paragraphs))):
        for lang, words in text.root.items():
            line = lines.get(("reminder_letter", *path, lang), 1)
            try:
                unknown = _placeholders(words) - set(f.LETTER_PLACEHOLDERS)
            except ValueError as exc:
                unknown = {f"(unreadable: {exc})"}
            if unknown:
                problems.append(f"{name}:{line}: reminder_letter.{where}.{lang}: "
                                f"unknown placeholder(s) {', '.join(sorted(unknown))}")
    return problems


def _check_visit_form(form: d.Questionnaire) -> list[str]:
    problems: list[str] = []
    scope: dict[str, d.Question] = {}
    for section in form.sections:
        if section.repeat is not None:
            problems.append(f"{section.source}:1: a visit record has no repeatable sections (one visit, one record)")
        for q in section.questions:
            if q.id in scope:
                problems.append(f"{section.source}:{q.line}: question id {q.id!r} is used twice")
                continue
            scope[q.id] = q
            if q.type is d.QuestionType.INFO:
                continue
            spec = VISIT_FIELDS.get(q.id)
            if spec is None:
                problems.append(f"{section.source}:{q.line}: {q.id!r} is not a follow-up field (a new field needs an "
                                "entry in exoconsult/domain/followup_fields.py first)")
            elif q.id in MULTI_CHOICE_FIELDS:
                if q.type is not d.QuestionType.MULTI_CHOICE or q.option_values() != spec.values:
                    problems.append(f"{section.source}:{q.line}: {q.id}: a multi_choice with options exactly "
                                    f"{list(spec.values)}")
            else:
                problems.extend(_spec_problems(section, q, spec))
    for section in form.sections:
        for q in section.questions:
            problems.extend(_condition_problems(section, q, scope))
    return problems


def _cached(kind: str, path: Path, load):
    key = (kind, str(path))
    mtime = max((p.stat().st_mtime for p in path.parent.glob("*.yaml")), default=0.0)
    hit = _cache.get(key)
    if hit is None or hit[0] != mtime:
        hit = (mtime, load())
        _cache[key] = hit
    return hit[1]


def _load_schedule(folder: Path, sections: set[str] | None = None) -> f.Schedule:
    path, name = folder / SCHEDULE, f"{FOLDER}/{SCHEDULE}"
    if not path.is_file():
        raise DefinitionError([f"{name}:1: missing (the follow-up schedule)"])
    data, lines = read_yaml_with_lines(path, name)
    try:
        model = validate_with_languages(ScheduleIn, data, path)
    except PydanticError as exc:
        raise DefinitionError(_pydantic_problems(exc, name, lines, data)) from exc
    problems = _schedule_problems(model, lines, name, sections)
    if problems:
        raise DefinitionError(problems)
    letter = model.reminder_letter
    return f.Schedule(
        id=model.id, version=model.version, approved=model.approval.approved, approved_by=model.approval.approved_by,
        approved_on=model.approval.approved_on,
        visits=tuple(f.VisitSpec(v.key, _text(v.label), _text(v.tests), v.contact, tuple(v.sections), v.days,
                                 v.months, v.window_before_days, v.window_after_days) for v in model.visits),
        letter=f.ReminderLetter(_text(letter.title), _text(letter.greeting),
                                tuple(_text(p) for p in letter.paragraphs)))


def _load_visit_form(folder: Path) -> d.Questionnaire:
    form = load_sections(folder, VISIT_MANIFEST, _visit_spec)
    problems = _check_visit_form(form)
    if problems:
        raise DefinitionError(problems)
    return form


def load_schedule(forms_dir: Path | str) -> f.Schedule:
    folder = followup_dir(forms_dir)
    return _cached("schedule", folder / SCHEDULE, lambda: _load_schedule(folder))


def load_visit_form(forms_dir: Path | str) -> d.Questionnaire:
    folder = followup_dir(forms_dir)
    return _cached("visit", folder / VISIT_MANIFEST, lambda: _load_visit_form(folder))


def schedule_sha256(forms_dir: Path | str) -> str:
    """Hash of the schedule file as read (recorded with each visit: which schedule asked for it)."""
    text = read_text_limited(followup_dir(forms_dir) / SCHEDULE, FORMS_FILE_LIMIT, "forms file")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lint_followup(forms_dir: Path | str) -> list[str]:
    folder = followup_dir(forms_dir)
    problems: list[str] = []
    form = None
    try:
        form = _load_visit_form(folder)
    except DefinitionError as exc:
        problems.extend(exc.problems)
    try:
        _load_schedule(folder, {s.id for s in form.sections} if form is not None else None)
    except DefinitionError as exc:
        problems.extend(exc.problems)
    if form is not None:
        listed = {s.source.split("/", 1)[1] for s in form.sections}
        for p in sorted(folder.glob("visit_*.yaml")):
            if p.name not in listed:
                problems.append(f"{FOLDER}/{p.name}:1: not listed in {VISIT_MANIFEST} (it would be ignored)")
    return problems
