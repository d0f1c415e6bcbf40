"""Adverse events as data: the controlled term list, CTCAE v5 grades, ICH E2A seriousness criteria,
WHO-UMC causality categories and outcomes (their wording per language in the document catalogues), and the
reporting deadline of a serious event (7 calendar days for a fatal or life-threatening one, 15 for any
other, counted from the day the clinic learnt of it). Pure Python: the services enforce it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from exoconsult.domain.document_words import DocumentWords
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message


class Choices(tuple):
    """The keys of one list, in the order screens offer them, and the catalogue section of their wording."""

    kind: str

    def __new__(cls, kind: str, keys: tuple) -> Choices:
        choices = super().__new__(cls, keys)
        choices.kind = kind
        return choices


# The key lists; their wording in each language is in the document catalogues (forms/i18n/documents.<lang>.yaml,
# section adverse_event.<kind>), which the screens and the printed reports share.
TERMS = Choices("term", ("pain", "haematoma", "swelling", "infection", "vasovagal", "anaesthetic_reaction",
                         "testicular_atrophy", "testosterone_fall", "allergic_reaction", "other"))

# Common Terminology Criteria for Adverse Events v5.0, general grade definitions (abridged).
GRADES = Choices("grade", (1, 2, 3, 4, 5))

# ICH E2A: what makes an adverse event serious (any one suffices).
DEATH, LIFE_THREATENING = "death", "life_threatening"
SERIOUS_CRITERIA = Choices("serious", (DEATH, LIFE_THREATENING, "hospitalisation", "disability",
                                      "congenital_anomaly", "medically_important"))
URGENT_CRITERIA = frozenset({DEATH, LIFE_THREATENING})

# WHO-UMC causality categories.
RELATEDNESS = Choices("relatedness", ("certain", "probable", "possible", "unlikely", "conditional", "unassessable"))
RELATED = frozenset({"certain", "probable", "possible"})  # "related" in the registry's summary

FATAL = "fatal"
OUTCOMES = Choices("outcome", ("recovered", "recovering", "not_recovered", "recovered_with_sequelae", FATAL,
                               "unknown"))
OUTCOMES_WITH_DATE = frozenset({"recovered", "recovered_with_sequelae", FATAL})

# How the clinic learnt of it.
SOURCES = Choices("source", ("telephone", "visit", "procedure_day", "other"))

# Who a serious event's report goes to (each recorded sending names one), and how.
RECIPIENTS = Choices("recipient", ("manufacturer", "ethics_committee", "health_authority"))
REQUIRED_RECIPIENTS = RECIPIENTS
CHANNELS = Choices("channel", ("email", "post", "portal", "fax", "hand"))

# Every list above: what a screen needs worded to show and offer them.
LISTS = (TERMS, GRADES, SERIOUS_CRITERIA, RELATEDNESS, OUTCOMES, SOURCES, RECIPIENTS, CHANNELS)

URGENT_DAYS, SERIOUS_DAYS = 7, 15


def label(words: Mapping[str, str] | DocumentWords, table: Choices, key: object) -> str:
    """The wording of `key` of one of the lists above in the language of `words` (ContentError naming the label
    when that catalogue lacks it); a key the list does not know (an older record's) as it is."""
    return words[f"adverse_event.{table.kind}.{key}"] if key in table else str(key)


def consistency_problems(grade: int, criteria: Sequence[str], outcome: str) -> dict[str, Reason]:
    """Grade 5, the outcome "fatal" and the criterion "death" go together; a life-threatening grade 4 is
    serious by definition."""
    problems: dict[str, Reason] = {}
    fatal = {grade == 5, outcome == FATAL, DEATH in criteria}
    if len(fatal) > 1:
        problems["outcome"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "Grade 5, the outcome “fatal” and the criterion “results in death” go together."))
    elif grade == 4 and not (set(criteria) & URGENT_CRITERIA):
        problems["serious"] = service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "A grade 4 (life-threatening) event is serious: tick “life-threatening”."))
    return problems


@dataclass(frozen=True)
class Assessment:
    """What one entry of an event says, as far as the deadline cares: when the clinic learnt it and which
    seriousness criteria applied then."""

    known_on: date
    criteria: frozenset[str]


@dataclass(frozen=True)
class Sending:
    recipient: str
    sent_on: date


@dataclass(frozen=True)
class Deadline:
    starts_on: date  # the day the clinic learnt what sets this deadline
    days: int  # 7 or 15
    due_on: date
    outstanding: tuple[str, ...]  # recipients not yet sent a report since starts_on
    days_left: int  # negative when overdue

    @property
    def met(self) -> bool:
        return not self.outstanding

    @property
    def overdue(self) -> bool:
        return not self.met and self.days_left < 0


def reporting_deadline(entries: Sequence[Assessment], sendings: Sequence[Sending], today: date) -> Deadline | None:
    """The reporting deadline of an event from its entries (oldest first), or None while it is not
    serious. A clock starts the day the clinic first learnt the event was serious (15 days) and another
    the day it first learnt it was fatal or life-threatening (7 days); a report sent to a recipient on or
    after a clock's first day counts for that clock. The earliest clock not yet met is the deadline; when
    every clock is met, the last one (shown as met)."""
    clocks: list[Deadline] = []
    for matches, days in ((bool, SERIOUS_DAYS), (lambda c: bool(c & URGENT_CRITERIA), URGENT_DAYS)):
        starts_on = next((e.known_on for e in entries if matches(e.criteria)), None)
        if starts_on is None:
            continue
        due_on = starts_on + timedelta(days=days)
        sent = {s.recipient for s in sendings if s.sent_on >= starts_on}
        outstanding = tuple(r for r in REQUIRED_RECIPIENTS if r not in sent)
        clocks.append(Deadline(starts_on, days, due_on, outstanding, (due_on - today).days))
    if not clocks:
        return None
    clocks.sort(key=lambda d: d.due_on)
    return next((d for d in clocks if not d.met), clocks[-1])
