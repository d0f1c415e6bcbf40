"""Cross-checks of a loaded questionnaire against the case-format vocabulary and itself.

- section ids unique; every repeatable group has exactly one section; roles able to capture history;
- question ids unique in their scope and (except display-only info) case-format ids of that scope;
- each question's type, options, units and hard range equal the vocabulary's (spec/case-format.md);
- every vocabulary history field is asked somewhere (the forms cover the whole vocabulary);
- show_if refers to a question in scope (its own entry or the top level), never to itself, with an
  operator and value that suit that question (an option value that exists, true/false for yes/no...).
"""

from __future__ import annotations

from collections.abc import Mapping

from exoconsult.domain import questionnaire as d
from exoconsult.domain.people import Role
from exoconsult.domain.vocabulary import GROUP_FIELDS, HISTORY_FIELDS, REPEATABLE_GROUPS, FieldSpec, FieldType

# vocabulary type -> the question type that captures it
QUESTION_TYPE: Mapping[FieldType, d.QuestionType] = {
    FieldType.BOOL: d.QuestionType.YES_NO,
    FieldType.ENUM: d.QuestionType.SINGLE_CHOICE,
    FieldType.INT: d.QuestionType.INTEGER,
    FieldType.DECIMAL: d.QuestionType.DECIMAL,
    FieldType.QUANTITY: d.QuestionType.QUANTITY,
    FieldType.DATE: d.QuestionType.DATE,
    FieldType.TEXT: d.QuestionType.TEXT,
}
CAPTURING_ROLES = (Role.NURSE, Role.UROLOGIST)
_ORDERED_OPS = ("lt", "le", "gt", "ge")
_NUMERIC = (d.QuestionType.INTEGER, d.QuestionType.DECIMAL, d.QuestionType.QUANTITY)


def _at(section: d.Section, question: d.Question | None = None) -> str:
    return f"{section.source}:{question.line if question else 1}"


def _spec_problems(section: d.Section, q: d.Question, spec: FieldSpec) -> list[str]:
    where = f"{_at(section, q)}: {q.id}"
    out: list[str] = []
    want_type = QUESTION_TYPE[spec.type]
    if q.type is not want_type:
        return [f"{where}: type is {q.type} but the vocabulary field is {spec.type}: use {want_type}"]
    if spec.type is FieldType.ENUM and q.option_values() != spec.values:
        missing = [v for v in spec.values if v not in q.option_values()]
        extra = [v for v in q.option_values() if v not in spec.values]
        detail = "; ".join(p for p in (f"missing {missing}" if missing else "", f"unknown {extra}" if extra else "") if p)
        out.append(f"{where}: options must be exactly {list(spec.values)} in that order"
                   + (f" ({detail})" if detail else ""))
    elif spec.type is not FieldType.ENUM and q.options:
        out.append(f"{where}: only choice questions have options")
    want_units = tuple(u.symbol for u in spec.units)
    if q.units != want_units:
        out.append(f"{where}: units must be {list(want_units)} (canonical first), not {list(q.units)}")
    if spec.is_numeric and (q.minimum != spec.minimum or q.maximum != spec.maximum):
        out.append(f"{where}: hard range must be min {spec.minimum:g}, max {spec.maximum:g} as in the case format"
                   f" (found min {q.minimum}, max {q.maximum})")
    if not spec.is_numeric and (q.minimum is not None or q.maximum is not None):
        out.append(f"{where}: only number questions have min/max")
    return out


def _value_problem(target: d.Question, op: str, value: object) -> str | None:
    if op in ("answered", "unanswered"):
        return None if value is None else f"{op} takes no value"
    if target.type is d.QuestionType.INFO:
        return f"{target.id} is display-only and has no answer"
    values = list(value) if op in ("in", "not_in") and isinstance(value, tuple) else None
    if op in ("in", "not_in") and values is None:
        return f"{op} needs a list of values"
    if op not in ("in", "not_in") and isinstance(value, tuple):
        return f"{op} takes one value, not a list"
    items = values if values is not None else [value]
    if op in _ORDERED_OPS and target.type not in (*_NUMERIC, d.QuestionType.DATE):
        return f"{op} compares numbers or dates; {target.id} is {target.type}"
    for item in items:
        if target.type is d.QuestionType.YES_NO and not isinstance(item, bool):
            return f"{target.id} is yes/no: compare with true or false, not {item!r}"
        if target.type in (d.QuestionType.SINGLE_CHOICE, d.QuestionType.MULTI_CHOICE) and (
                not isinstance(item, str) or item not in target.option_values()):
            return f"{item!r} is not an option of {target.id} ({', '.join(target.option_values())})"
        if target.type in _NUMERIC and (isinstance(item, bool) or not isinstance(item, int | float)):
            return f"{target.id} is a number: compare with a number, not {item!r}"
        if target.type in (d.QuestionType.DATE, d.QuestionType.TEXT) and not isinstance(item, str):
            return f"{target.id} holds text/dates: compare with a quoted string, not {item!r}"
    return None


def _condition_problems(section: d.Section, q: d.Question, scope: Mapping[str, d.Question]) -> list[str]:
    out: list[str] = []
    stack: list[d.Condition] = [q.show_if] if q.show_if is not None else []
    while stack:
        cond = stack.pop()
        if isinstance(cond, d.Not):
            stack.append(cond.item)
            continue
        if isinstance(cond, d.AllOf | d.AnyOf):
            stack.extend(cond.items)
            continue
        where = f"{_at(section, q)}: {q.id}: show_if"
        target = scope.get(cond.q)
        if cond.q == q.id:
            out.append(f"{where} refers to the question itself")
        elif target is None:
            out.append(f"{where} refers to {cond.q!r}, which is not a question in this section's scope")
        else:
            why = _value_problem(target, cond.op, cond.value)
            if why:
                out.append(f"{where}: {why}")
    return out


def check_questionnaire(qn: d.Questionnaire) -> list[str]:
    problems: list[str] = []
    seen_sections: dict[str, str] = {}
    top_level: dict[str, d.Question] = {}
    group_scope: dict[str, dict[str, d.Question]] = {}
    for section in qn.sections:
        if section.id in seen_sections:
            problems.append(f"{_at(section)}: section id {section.id!r} is also used in {seen_sections[section.id]}")
        seen_sections[section.id] = section.source
        for role in section.captured_by:
            if role not in CAPTURING_ROLES:
                problems.append(f"{_at(section)}: captured_by {role!s}: only nurse and urologist capture history")
        if section.repeat is not None:
            if section.repeat not in REPEATABLE_GROUPS:
                problems.append(f"{_at(section)}: repeat {section.repeat!r} is not a repeatable group "
                                f"({', '.join(REPEATABLE_GROUPS)})")
                continue
            if section.repeat in group_scope:
                problems.append(f"{_at(section)}: repeatable group {section.repeat!r} has two sections")
                continue
            group_scope[section.repeat] = {}
        scope = top_level if section.repeat is None else group_scope[section.repeat]
        vocabulary = HISTORY_FIELDS if section.repeat is None else GROUP_FIELDS[section.repeat]
        for q in section.questions:
            if q.id in scope:
                problems.append(f"{_at(section, q)}: question id {q.id!r} is used twice")
                continue
            scope[q.id] = q
            spec = vocabulary.get(q.id)
            if q.type is d.QuestionType.INFO:
                if spec is not None or q.id in REPEATABLE_GROUPS:
                    problems.append(f"{_at(section, q)}: info item {q.id!r} uses a case-format field id")
                if q.required or q.options or q.units:
                    problems.append(f"{_at(section, q)}: info item {q.id!r} takes no answer (no required/options/units)")
                continue
            if spec is None:
                where = "the history" if section.repeat is None else f"group {section.repeat}"
                problems.append(f"{_at(section, q)}: {q.id!r} is not a case-format field of {where} "
                                "(spec/case-format.md; a new field needs a vocabulary entry first)")
                continue
            problems.extend(_spec_problems(section, q, spec))
    for section in qn.sections:
        if section.repeat is not None and section.repeat not in group_scope:
            continue
        scope = dict(top_level) if section.repeat is None else {**top_level, **group_scope[section.repeat]}
        for q in section.questions:
            problems.extend(_condition_problems(section, q, scope))
    manifest = "questionnaires/questionnaire.yaml:1"
    for fid in HISTORY_FIELDS:
        if fid not in top_level:
            problems.append(f"{manifest}: history field {fid!r} is not asked by any section")
    for group, fields in GROUP_FIELDS.items():
        asked = group_scope.get(group)
        if asked is None:
            problems.append(f"{manifest}: repeatable group {group!r} has no section")
            continue
        problems.extend(f"{manifest}: {group}.{fid} is not asked in the {group} section"
                        for fid in fields if fid not in asked)
    return problems
