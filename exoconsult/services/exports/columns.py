"""One research table = one list of columns; the CSV, the REDCap data dictionary and the Markdown
dictionary are all written from these, so a column cannot be in the data without its definition.

A column's kind is a REDCap field type: numbers are `text` with a validation, choices are coded 1..n
in their listed order (REDCap's "1, Label | 2, Label"), yes/no is 1/0, several-of is `checkbox` (one
data column per choice, `var___code`), free text is `notes` and leaves only when the user asks."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

TEXT, NOTES, YESNO, RADIO, CHECKBOX = "text", "notes", "yesno", "radio", "checkbox"
INTEGER, NUMBER = "integer", "number"  # REDCap text validations
DAY_NOTE = "days since the first procedure (day 0; negative = before it)"


@dataclass(frozen=True)
class Column:
    variable: str  # REDCap variable name: lower case, digits, underscores
    label: str
    kind: str = TEXT
    validation: str = ""  # integer | number (for kind text)
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label), coded 1..n in this order
    note: str = ""  # unit, meaning of a day number...
    minimum: float | None = None
    maximum: float | None = None
    free_text: bool = False  # typed by a person: may name someone; left out unless asked for
    label_tr: str = ""

    def data_columns(self) -> list[str]:
        if self.kind == CHECKBOX:
            return [f"{self.variable}___{code}" for code, _ in self.coded()]
        return [self.variable]

    def coded(self) -> list[tuple[str, str]]:
        return [(str(n), label) for n, (_, label) in enumerate(self.choices, start=1)]

    def encode(self, value: Any) -> list[str]:
        """The CSV cell(s) for a stored value (None or missing: empty)."""
        if self.kind == CHECKBOX:
            chosen = set(value or ())
            return ["1" if raw in chosen else "0" for raw, _ in self.choices]
        if value is None or value == "":
            return [""]
        if self.kind == YESNO:
            return ["1" if value else "0"]
        if self.kind == RADIO:
            codes = {raw: str(n) for n, (raw, _) in enumerate(self.choices, start=1)}
            return [codes.get(str(value), "")]
        if isinstance(value, float):
            return [f"{value:.6g}"]
        return [str(value)]


@dataclass(frozen=True)
class Table:
    """One CSV (and one REDCap instrument). Rows are {variable: stored value}; a repeating table's rows
    also carry "instance" (1, 2, ... per patient)."""

    name: str  # file stem and REDCap form name
    title: str
    columns: tuple[Column, ...]
    rows: Callable[..., Sequence[Mapping[str, Any]]] = field(compare=False)
    repeating: bool = False
    left_out: tuple[str, ...] = ()  # what this table never carries and why (README.txt)

    def kept_columns(self, include_free_text: bool) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if include_free_text or not c.free_text)


def choice(variable: str, label: str, values: Sequence[str], labels: Mapping[str, str] | None = None,
           **kw: Any) -> Column:
    labels = labels or {}
    return Column(variable, label, RADIO, choices=tuple((v, labels.get(v, v.replace("_", " "))) for v in values), **kw)


def day(variable: str, label: str) -> Column:
    return Column(variable, label, TEXT, INTEGER, note=DAY_NOTE)


def number(variable: str, label: str, unit: str = "", *, integer: bool = False, **kw: Any) -> Column:
    return Column(variable, label, TEXT, INTEGER if integer else NUMBER, note=unit, **kw)


def yes_no(variable: str, label: str, **kw: Any) -> Column:
    return Column(variable, label, YESNO, **kw)
