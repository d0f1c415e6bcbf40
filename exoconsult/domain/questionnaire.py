"""The history questionnaire as data: sections, questions, show-if conditions (pure, no I/O).

Loaded from forms/questionnaires/*.yaml by exoconsult.definitions.questionnaire; the GUI generates its
screens from it and the history service checks edits against it. Question ids are the case-format
vocabulary ids (exoconsult.domain.vocabulary); a question inside a repeatable section is a field of that
group's entries ("hormone_panels" -> "fsh").

Answers are case-format JSON values: bool, int, float, str (enum values, ISO dates, text), a quantity
{"value": 300, "unit": "ng/dL"}, a list of str (multi choice), or None ("asked, not known"). A key that is
absent means "not asked".

Conditions are a closed grammar (no expressions): Compare(q, op, value) | AllOf | AnyOf | Not. The
combinators and the evaluator are the protocol rules' too (exoconsult.domain.conditions); only the
comparison is the questionnaire's own. Within a repeatable group's entry, `q` is looked up in the entry
first, then in the top-level history.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from exoconsult.domain.conditions import (
    NO_MISSING,
    PRESENCE_OPS,
    UNKNOWN,
    VALUE_OPS,
    AllOf,
    AnyOf,
    Evaluator,
    Not,
    Unanswered,
    comparison,
    compile_condition,
)
from exoconsult.domain.people import Role
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message

LocalText = Mapping[str, str]  # language -> text: every form-label language of the registry (forms/languages.yaml)


class QuestionType(StrEnum):
    YES_NO = "yes_no"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    INTEGER = "integer"
    DECIMAL = "decimal"
    QUANTITY = "quantity"
    DATE = "date"
    TEXT = "text"
    INFO = "info"  # display only; never has an answer


COMPARE_OPS: tuple[str, ...] = (*VALUE_OPS, *PRESENCE_OPS)


@dataclass(frozen=True)
class Compare:
    q: str
    op: str
    value: Any = None  # a scalar, or a tuple of scalars for in/not_in; unused by answered/unanswered


Condition = Compare | AllOf | AnyOf | Not


@dataclass(frozen=True)
class Option:
    value: str
    label: LocalText


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    label: LocalText
    help: LocalText | None = None
    required: bool = False
    show_if: Condition | None = None
    options: tuple[Option, ...] = ()  # single/multi choice, in display order
    units: tuple[str, ...] = ()  # quantity: canonical first; decimal: its one display unit
    minimum: float | None = None  # hard range, canonical unit (from the vocabulary)
    maximum: float | None = None
    plausible_min: float | None = None  # soft band, canonical unit: outside asks the user to confirm
    plausible_max: float | None = None
    line: int = 0  # where it was defined (forms file line), for lint messages

    @property
    def canonical_unit(self) -> str | None:
        return self.units[0] if self.units else None

    @property
    def takes_answer(self) -> bool:
        return self.type is not QuestionType.INFO

    def option_values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)


@dataclass(frozen=True)
class Section:
    id: str
    title: LocalText
    captured_by: tuple[Role, ...]
    questions: tuple[Question, ...]
    repeat: str | None = None  # repeatable group id ("semen_analyses"...) or None for top-level fields
    help: LocalText | None = None
    source: str = ""  # file it came from

    def may_capture(self, role: Role) -> bool:
        return role in self.captured_by

    def question(self, question_id: str) -> Question | None:
        for q in self.questions:
            if q.id == question_id:
                return q
        return None

    @property
    def answerable(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.takes_answer)


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    title: LocalText
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def section_for(self, field_id: str, group: str | None = None) -> Section | None:
        """The section capturing a top-level field (group None) or a field of a repeatable group."""
        for s in self.sections:
            if s.repeat == group and s.question(field_id) is not None:
                return s
        return None

    def repeat_section(self, group: str) -> Section | None:
        for s in self.sections:
            if s.repeat == group:
                return s
        return None

    def field_label(self, field: str) -> tuple[LocalText, LocalText] | None:
        """(label, section title) of a field as the rules name it: a top-level field ("karyotype"), a
        repeatable group ("semen_analyses") or a field of its entries ("hormone_panels.fsh", labelled
        "Hormone panels: FSH" since "FSH" alone does not say where to look). None for a field the
        questionnaire does not capture (the patient's registry fields)."""
        group, _, name = field.rpartition(".")
        if not group and self.repeat_section(name) is not None:
            s = self.repeat_section(name)
            return s.title, s.title
        s = self.section_for(name, group or None)
        q = s.question(name) if s is not None else None
        if s is None or q is None:
            return None
        if not group:
            return q.label, s.title
        return {lang: f"{s.title.get(lang, '')}: {text}" for lang, text in q.label.items()}, s.title


# --- field paths -------------------------------------------------------------------------------------

ROW_KEY = re.compile(r"^r[1-9][0-9]{0,8}$")


@dataclass(frozen=True)
class FieldPath:
    """Where an answer lives: a top-level field ("infertility_type"), or a field of one entry of a
    repeatable group, named by the entry's stable row key ("hormone_panels/r2/fsh"). Row keys do not
    change when entries are re-sorted by date, so an edit in flight still lands on the right entry."""

    field: str
    group: str | None = None
    row: str | None = None

    def __str__(self) -> str:
        return self.field if self.group is None else f"{self.group}/{self.row}/{self.field}"

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        parts = text.split("/")
        if len(parts) == 1 and parts[0]:
            return cls(parts[0])
        if len(parts) == 3 and all(parts) and ROW_KEY.match(parts[1]):
            return cls(parts[2], parts[0], parts[1])
        raise ValueError(f"not a field path: {text!r} (use field or group/rN/field)")


# --- conditions --------------------------------------------------------------------------------------


def _comparable(answer: Any, field_id: str) -> Any:
    """Quantities compare in their canonical unit; everything else as stored."""
    if isinstance(answer, Mapping) and "value" in answer:
        from exoconsult.domain.units import to_canonical

        try:
            return to_canonical(field_id, answer["value"], answer.get("unit"))
        except (KeyError, ValueError):
            return None
    return answer


# show_if asks a question while the question it depends on is still open (see exoconsult.domain.conditions).
SHOW_IF_UNANSWERED = Unanswered.MATCHES_NOTHING


def _compile_compare(cmp: Compare) -> Evaluator:
    q, missing = cmp.q, frozenset((cmp.q,))

    def read(answers: Mapping[str, Any]) -> tuple[object, frozenset[str]]:
        answer = answers.get(q)
        return (UNKNOWN, missing) if answer is None else (_comparable(answer, q), NO_MISSING)

    return comparison(cmp.op, read, SHOW_IF_UNANSWERED, value=cmp.value)


def evaluate(condition: Condition, answers: Mapping[str, Any]) -> bool:
    """True when the condition holds. A comparison with an unanswered (absent or null) question is
    False, except `unanswered` and the negations `ne`/`not_in`: "asked when X is not none" is asked
    while X is still open (so completion counts it until X is answered "none")."""
    return compile_condition(condition, _compile_compare)(answers)[0] is True


def referenced_questions(condition: Condition) -> tuple[str, ...]:
    if isinstance(condition, Compare):
        return (condition.q,)
    items = (condition.item,) if isinstance(condition, Not) else condition.items
    return tuple(q for c in items for q in referenced_questions(c))


def visible(question: Question, answers: Mapping[str, Any]) -> bool:
    """Whether the question is shown (and may hold an answer) given the answers in its scope: the
    top-level history, overlaid with the entry's own answers for a repeatable group."""
    return question.show_if is None or evaluate(question.show_if, answers)


def entry_scope(history: Mapping[str, Any], entry: Mapping[str, Any]) -> dict[str, Any]:
    scope = {k: v for k, v in history.items() if not isinstance(v, list)}
    scope.update(entry)
    return scope


def is_answered(value: Any) -> bool:
    """Null ("asked, not known") does not complete a question: the rules treat it as missing."""
    return value is not None and value != []


def section_completion(section: Section, history: Mapping[str, Any]) -> tuple[int, int]:
    """(required questions answered, required questions visible) over the section; for a repeatable
    section, summed over its entries (no entries -> (0, 0): the section simply has none yet)."""
    if section.repeat is None:
        scopes: list[Mapping[str, Any]] = [history]
    else:
        entries = history.get(section.repeat) or []
        scopes = [entry_scope(history, e) for e in entries if isinstance(e, Mapping)]
    answered = total = 0
    for scope in scopes:
        for q in section.answerable:
            if q.required and visible(q, scope):
                total += 1
                answered += is_answered(scope.get(q.id))
    return answered, total


def hidden_answers(section: Section, scope: Mapping[str, Any]) -> tuple[str, ...]:
    """Ids of questions that hold an answer but are not visible: the service drops these on save, so a
    stored history never carries an answer its own conditions exclude (e.g. a stop date for 'never')."""
    return tuple(q.id for q in section.answerable if q.id in scope and not visible(q, scope))


# --- typed text to values (reliability-goals INP-4, INP-5) -------------------------------------------

NOT_A_WHOLE_NUMBER = QT_TRANSLATE_NOOP("ServiceMessages", '"{text}" is not a whole number')
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+([.,][0-9]+)?$")
_DDMMYYYY = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$")


class EntryError(ValueError):
    """What the user typed cannot be read as the question's type.

    ``why`` says why as words a screen says in its own language (a ``service_message``; ``str()`` is its
    English); ``reason`` names the kind of problem (``empty``, ``digits_only``, ``two_separators``,
    ``not_number``, ``ambiguous``, ``not_integer``, ``not_date``, ``not_real_date``) and ``params`` its
    details (the text typed), for a screen that says it in its own words while the user types.
    """

    def __init__(self, why: Reason, reason: str) -> None:
        super().__init__(why.english())
        self.why = why
        self.reason = reason
        self.params = dict(why.values)


def entry_error(template: str, reason: str, **params: object) -> EntryError:
    """An EntryError saying `template` (marked in "ServiceMessages" where it is written) with `params`."""
    return EntryError(service_message(template, **params), reason)


def parse_number(text: str, *, integer: bool = False) -> int | float:
    """'12,5' and '12.5' are 12.5. Grouped or ambiguous forms are refused, never guessed: '1.234' could
    be a Turkish thousands group or three decimals; '1,234.5', '12 5', '12.5.3' and non-ASCII digits
    also fail. The one number reader of the application: the history screens call it too."""
    raw = text.strip()
    if not raw:
        raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", "enter a number"), "empty")
    if any(ch.isdigit() and not ("0" <= ch <= "9") for ch in raw):
        raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", '"{text}": use the digits 0-9 only'), "digits_only",
                          text=raw)
    if raw.count(".") + raw.count(",") > 1:
        raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", '"{text}" is not a number: use one decimal separator '
                                            "and no thousands separator"), "two_separators", text=raw)
    if not _PLAIN_NUMBER.match(raw) or not raw.isascii():
        raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", '"{text}" is not a number; use digits with at most one '
                                            "decimal comma or point"), "not_number", text=raw)
    whole, _, frac = raw.replace(",", ".").partition(".")
    digits = whole.lstrip("+-")
    if len(frac) == 3 and digits.lstrip("0"):
        raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", '"{text}" is ambiguous (thousands group or three '
                                            "decimals?); type it without grouping"), "ambiguous", text=raw,
                          digits=digits + frac)
    if integer:
        if frac.strip("0"):
            raise entry_error(NOT_A_WHOLE_NUMBER, "not_integer", text=raw)
        return int(whole)
    return float(f"{whole}.{frac}") if frac else float(whole)


def parse_date_text(text: str) -> date:
    """dd.mm.yyyy (how the clinic writes dates) or ISO yyyy-mm-dd."""
    raw = text.strip()
    m = _DDMMYYYY.match(raw)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", raw):
            return date.fromisoformat(raw)
    except ValueError as exc:
        raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", '"{text}" is not a calendar date'), "not_real_date",
                          text=raw) from exc
    raise entry_error(QT_TRANSLATE_NOOP("ServiceMessages", '"{text}" is not a date; use dd.mm.yyyy'), "not_date",
                      text=raw)
