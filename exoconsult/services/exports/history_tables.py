"""The andrology history as research tables, generated from the questionnaire in forms/: one table of
the top-level answers (one row per patient) and one repeating table per repeatable section (semen
analyses, hormone panels, retrieval attempts). A question added to forms/ appears in the export and the
dictionary with no code change. Quantities leave in their canonical unit; dates as day numbers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from exoconsult.domain import questionnaire as qn
from exoconsult.domain.units import to_canonical
from exoconsult.domain.vocabulary import FieldSpec
from exoconsult.services.core.work import Work
from exoconsult.services.exports.cohort import Cohort, Member
from exoconsult.services.exports.columns import CHECKBOX, NOTES, Column, Table, choice, day, number, yes_no
from exoconsult.services.history.reading import questionnaire_for
from exoconsult.storage.consultation_read import history_doc

HISTORY = "history"


def variable(question: qn.Question, group: str | None) -> str:
    """The REDCap variable of a question: its case-format id, prefixed by its group inside a repeatable
    section (three groups have a `date`), and a date becomes a day number ("..._day")."""
    name = question.id if group is None else f"{group}_{question.id}"
    if question.type is qn.QuestionType.DATE:
        return name[:-len("_date")] + "_day" if name.endswith("_date") else f"{name}_day"
    return name


def column(question: qn.Question, group: str | None) -> Column | None:
    t, var, label = qn.QuestionType, variable(question, group), question.label["en"]
    extra = {"label_tr": question.label["tr"]}
    if question.type is t.YES_NO:
        return yes_no(var, label, **extra)
    if question.type in (t.SINGLE_CHOICE, t.MULTI_CHOICE):
        col = choice(var, label, question.option_values(), {o.value: o.label["en"] for o in question.options}, **extra)
        return col if question.type is t.SINGLE_CHOICE else Column(**{**col.__dict__, "kind": CHECKBOX})
    if question.type in (t.INTEGER, t.DECIMAL, t.QUANTITY):
        return number(var, label, question.canonical_unit or "", integer=question.type is t.INTEGER,
                      minimum=question.minimum, maximum=question.maximum, **extra)
    if question.type is t.DATE:
        return Column(**{**day(var, label).__dict__, **extra})
    if question.type is t.TEXT:
        return Column(var, label, NOTES, free_text=True, **extra)
    return None  # display-only text


def value(question: qn.Question, field: FieldSpec | str, answer: Any, member: Member) -> Any:
    """A stored answer as exported: a date as its day number, a quantity in the canonical unit of
    `field` (its vocabulary entry)."""
    if answer is None:
        return None
    if question.type is qn.QuestionType.DATE:
        return member.day(date.fromisoformat(answer))
    if question.type is qn.QuestionType.QUANTITY and isinstance(answer, Mapping):
        return to_canonical(field, answer["value"], answer.get("unit"))
    return answer


def _field(question: qn.Question, group: str | None) -> str:
    return question.id if group is None else f"{group}.{question.id}"


def _answers(work: Work, member: Member) -> Mapping[str, Any]:
    return history_doc(work.consultation(member.patient_id).history).history


def history_tables(work: Work) -> list[Table]:
    questionnaire = questionnaire_for(work.ctx.forms_dir)
    top = [(q, c) for s in questionnaire.sections if s.repeat is None for q in s.answerable
           if (c := column(q, None)) is not None]

    def top_rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        out = []
        for m in cohort.members:
            answers = _answers(work, m)
            out.append({"record_id": m.pseudonym, **{c.variable: value(q, q.id, answers.get(q.id), m) for q, c in top}})
        return out

    tables = [Table(HISTORY, "Andrology history (newest version)", tuple(c for _, c in top), top_rows,
                    left_out=("the history's dates other than those of its questions (when it was typed, by whom)",))]
    for section in questionnaire.sections:
        if section.repeat is not None:
            tables.append(_repeat_table(section))
    return tables


def _repeat_table(section: qn.Section) -> Table:
    group = section.repeat
    assert group is not None
    pairs = [(q, c) for q in section.answerable if (c := column(q, group)) is not None]

    def rows(work: Work, cohort: Cohort) -> list[dict[str, Any]]:
        out = []
        for m in cohort.members:
            for n, entry in enumerate(_answers(work, m).get(group) or [], start=1):
                row = {c.variable: value(q, _field(q, group), entry.get(q.id), m) for q, c in pairs}
                out.append({"record_id": m.pseudonym, "instance": n, **row})
        return out

    return Table(group, section.title["en"], tuple(c for _, c in pairs), rows, repeating=True)
