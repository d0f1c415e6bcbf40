"""Marking English wording that screens translate, in layers that have no Qt.

`QT_TRANSLATE_NOOP("Context", "English")` returns the English unchanged; Qt's lupdate finds the call by its
name and puts the text into the .ts files, and a screen shows it through
`QCoreApplication.translate("Context", text)`. Printed documents never use this: they take their wording
from the catalogues of forms/.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

# The context of a Reason's `lists` that are field ids (a questionnaire field, "fsh"): a screen names each by
# the field's label in its own language where it has the questionnaire, else shows the id.
FIELD_TERMS = "QuestionnaireFields"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return source


@dataclass(frozen=True)
class Reason:
    """Words a screen can put in its own language: an English template with {name} placeholders, its
    values, and `lists`: placeholders filled with things the screen names in its own language (key point
    ids, programme fact labels; by default each item translated in `context`), joined by "; ". `context` is the Qt context the template is marked in:
    "GateReasons" for the gates before signature, "ServiceMessages" for what a service refuses."""

    template: str
    values: Mapping[str, str] = field(default_factory=dict)
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    context: str = "GateReasons"
    lists_context: str = ""  # the Qt context the items of `lists` are marked in, when not `context`
    # placeholders filled with whole sentences that are Reasons themselves (each said in its own context and
    # with its own values: one line per unapproved file, why a checklist stopped), joined by "; "
    parts: Mapping[str, tuple[Reason, ...]] = field(default_factory=dict)
    # placeholders holding a moment or a day: a screen writes them in its own format and the clinic's time
    # zone; `values` holds the same in English (UTC) for logs and the command line
    moments: Mapping[str, datetime | date] = field(default_factory=dict)
    # placeholders holding a decimal number: a screen writes it with its language's decimal mark ("0,5" in
    # Turkish); `values` holds the same in English ("0.5") for logs and the command line
    numbers: Mapping[str, float] = field(default_factory=dict)

    def english(self) -> str:
        return self.template.format(**self.values, **{name: "; ".join(items) for name, items in self.lists.items()},
                                    **{name: "; ".join(p.english() for p in items) for name, items in self.parts.items()})


def moment_english(value: datetime | date) -> str:
    """A moment as logs and the command line write it: "2026-05-17 17:18 UTC" (naive = UTC), a day ISO."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return f"{aware.astimezone(UTC):%Y-%m-%d %H:%M} UTC"
    return value.isoformat()


def filled_reason(template: str, values: Mapping[str, object], **more: object) -> Reason:
    """A Reason of `template` with `values` as text, moments (datetimes, days) kept for the screen too."""
    moments = {name: v for name, v in values.items() if isinstance(v, date)}
    return Reason(template, {name: moment_english(v) if name in moments else str(v) for name, v in values.items()},
                  moments=moments, **more)


def service_message(template: str, *, terms: Mapping[str, str] | None = None, terms_context: str = "",
                    parts: Mapping[str, Reason | tuple[Reason, ...]] | None = None, **values: object) -> Reason:
    """What a service says to the user, `template` marked with QT_TRANSLATE_NOOP("ServiceMessages", ...)
    where it is written (that is where lupdate finds it), filled with `values`. `terms`: placeholders
    filled with a word that is itself marked in "ServiceMessages" (a field's name), so a screen translates
    it too (`terms_context`: the context that word is marked in, when another). `parts`: placeholders filled
    with whole Reasons (a sentence another step gave), each translated as itself."""
    numbers = _decimals(values)
    return Reason(template, {name: number_english(value) if name in numbers else str(value)
                             for name, value in values.items()},
                  {name: (term,) for name, term in (terms or {}).items()}, context="ServiceMessages",
                  lists_context=terms_context,
                  parts={name: part if isinstance(part, tuple) else (part,) for name, part in (parts or {}).items()},
                  numbers=numbers)


def number_english(value: float) -> str:
    """A decimal number as logs and the command line write it: at most 4 significant digits, "0.5", "1.909"."""
    return f"{value:.4g}"


def _decimals(values: Mapping[str, object]) -> dict[str, float]:
    """The values that are decimal numbers (floats): the ones a screen writes with its own decimal mark."""
    return {name: value for name, value in values.items() if isinstance(value, float)}


def quantity(value: float, unit: str = "") -> Reason:
    """A number with its unit ("0.5 nmol/L"), as a part of a Reason: the screen writes the number its way."""
    return Reason("{number} {unit}" if unit else "{number}", {"number": number_english(value), "unit": unit},
                  context="ServiceMessages", numbers={"number": value})
