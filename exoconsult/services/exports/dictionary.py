"""The data dictionary of a research export, written from the same table definitions as the data: as
REDCap's data-dictionary CSV (its 18 columns, in its order, so a research team can create a REDCap
project from it) and as Markdown for people."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from exoconsult.services.exports.columns import CHECKBOX, RADIO, YESNO, Column, Table

REDCAP_COLUMNS: tuple[str, ...] = (
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
    "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
    "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
)
RECORD_ID = Column("record_id", "Pseudonym (HMAC-SHA-256 of the patient under the clinic's key)")


def _label(text: str) -> str:
    return text.replace("|", "/")  # "|" separates choices in REDCap's syntax


def redcap_choices(column: Column) -> str:
    return " | ".join(f"{code}, {_label(label)}" for code, label in column.coded())


def _number(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def _redcap_row(column: Column, form: str, header: str) -> list[str]:
    values = {
        "Variable / Field Name": column.variable, "Form Name": form, "Section Header": header,
        "Field Type": column.kind, "Field Label": _label(column.label),
        "Choices, Calculations, OR Slider Labels": redcap_choices(column) if column.kind in (RADIO, CHECKBOX) else "",
        "Field Note": column.note, "Text Validation Type OR Show Slider Number": column.validation,
        "Text Validation Min": _number(column.minimum), "Text Validation Max": _number(column.maximum),
    }
    return [values.get(name, "") for name in REDCAP_COLUMNS]


def redcap_dictionary(tables: Sequence[Table], include_free_text: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REDCAP_COLUMNS)
    for n, table in enumerate(tables):
        columns = table.kept_columns(include_free_text)
        if n == 0:  # REDCap: the project's first field is the record id
            columns = (RECORD_ID, *columns)
        for i, column in enumerate(columns):
            writer.writerow(_redcap_row(column, table.name, table.title if i == 0 else ""))
    return out.getvalue().encode("utf-8")


def _values(column: Column) -> str:
    if column.kind == YESNO:
        return "1 = yes, 0 = no"
    if column.kind == RADIO:
        return "; ".join(f"{code} = {raw} ({label})" for (code, label), (raw, _) in zip(column.coded(), column.choices, strict=True))
    if column.kind == CHECKBOX:
        return "; ".join(f"`{column.variable}___{code}` = {raw}" for (code, _), (raw, _) in
                         zip(column.coded(), column.choices, strict=True)) + " (1 = yes, 0 = no)"
    bounds = f" ({_number(column.minimum)} to {_number(column.maximum)})" if column.minimum is not None else ""
    return (column.validation or column.kind) + bounds


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_dictionary(tables: Sequence[Table], include_free_text: bool) -> bytes:
    lines = ["# Data dictionary of the research export", "",
             "Every file has `record_id`, the patient's pseudonym. Repeating files also have "
             "`redcap_repeat_instrument` (the file's name) and `redcap_repeat_instance` (1, 2, … per patient).", ""]
    for table in tables:
        lines += [f"## {table.name}.csv — {table.title}", ""]
        if table.repeating:
            lines += ["Repeating: one row per entry.", ""]
        lines += ["| variable | label (English / Türkçe) | type | values | unit or note |", "|---|---|---|---|---|"]
        for c in table.kept_columns(include_free_text):
            label = c.label + (f" / {c.label_tr}" if c.label_tr else "")
            kind = c.kind + (" (free text)" if c.free_text else "")
            lines.append(f"| `{c.variable}` | {_cell(label)} | {kind} | {_cell(_values(c))} | {_cell(c.note)} |")
        if table.left_out:
            lines += ["", "Never exported from this table: " + "; ".join(table.left_out) + "."]
        lines.append("")
    return "\n".join(lines).encode("utf-8")
