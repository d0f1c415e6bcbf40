"""The history screens' own words (buttons, statuses, messages): Qt translations (context
"HistoryTexts") in the interface language, which the questionnaire's labels follow too.

Question labels and help come from the questionnaire itself; this table covers only the chrome. The
messages are shared by several widgets, so they are named by key; {name} placeholders are filled in
after translating.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_TEXTS: dict[str, str] = {
    "yes": QT_TRANSLATE_NOOP("HistoryTexts", "Yes"),
    "no": QT_TRANSLATE_NOOP("HistoryTexts", "No"),
    "choose": QT_TRANSLATE_NOOP("HistoryTexts", "— choose —"),
    "unit": QT_TRANSLATE_NOOP("HistoryTexts", "(choose unit)"),
    "not_saved_mark": QT_TRANSLATE_NOOP("HistoryTexts", "not saved"),
    "date_placeholder": QT_TRANSLATE_NOOP("HistoryTexts", "dd.mm.yyyy"),
    "pick_date": QT_TRANSLATE_NOOP("HistoryTexts", "Pick a date"),
    "required": QT_TRANSLATE_NOOP("HistoryTexts", "required"),
    "digits_only": QT_TRANSLATE_NOOP("HistoryTexts", "Use the digits 0-9 only."),
    "two_separators": QT_TRANSLATE_NOOP(
        "HistoryTexts", '"{text}" is not a number: use one decimal separator and no thousands separator (e.g. 1234,5 or '
        "1234.5)."),
    "not_number": QT_TRANSLATE_NOOP("HistoryTexts", '"{text}" is not a number (e.g. 12,5 or 12.5).'),
    "ambiguous": QT_TRANSLATE_NOOP(
        "HistoryTexts", '"{text}" is ambiguous (thousands or decimals?). Type {digits} without a separator, or the '
        "decimal with fewer places."),
    "not_integer": QT_TRANSLATE_NOOP("HistoryTexts", '"{text}" is not a whole number.'),
    "not_date": QT_TRANSLATE_NOOP("HistoryTexts", '"{text}" is not a date; type it as dd.mm.yyyy (e.g. 24.11.2026).'),
    "not_real_date": QT_TRANSLATE_NOOP("HistoryTexts", '"{text}" is not a real date.'),
    "choose_unit": QT_TRANSLATE_NOOP("HistoryTexts", "Choose the unit the lab reported."),
    "out_of_range": QT_TRANSLATE_NOOP(
        "HistoryTexts", "{value} is outside the allowed range {low}–{high}{unit}. Not saved."),
    # Page chrome
    "sections": QT_TRANSLATE_NOOP("HistoryTexts", "Sections"),
    "read_only_marker": QT_TRANSLATE_NOOP("HistoryTexts", "read-only for your role"),
    "read_only_banner": QT_TRANSLATE_NOOP("HistoryTexts", "Your role can view this section but not edit it."),
    "saved_at": QT_TRANSLATE_NOOP("HistoryTexts", "Saved {time}"),
    "saving": QT_TRANSLATE_NOOP("HistoryTexts", "Saving…"),
    "not_saved": QT_TRANSLATE_NOOP("HistoryTexts", "Not saved: {why}"),
    "draft_kept": QT_TRANSLATE_NOOP("HistoryTexts", "Draft kept {time}; {count} value(s) still need your attention"),
    "draft_restored": QT_TRANSLATE_NOOP(
        "HistoryTexts", "Your unsaved input from {time} was restored (marked below). Check it, then save or discard it."),
    "discard_draft": QT_TRANSLATE_NOOP("HistoryTexts", "Discard restored input"),
    "dismiss": QT_TRANSLATE_NOOP("HistoryTexts", "Save restored input"),
    "restored_field": QT_TRANSLATE_NOOP("HistoryTexts", "Restored from your unsaved input; not saved yet."),
    "export_case": QT_TRANSLATE_NOOP("HistoryTexts", "Export case…"),
    "import_case": QT_TRANSLATE_NOOP("HistoryTexts", "Import case…"),
    "exported": QT_TRANSLATE_NOOP("HistoryTexts", "Case written to {path}"),
    "imported": QT_TRANSLATE_NOOP("HistoryTexts", "Case imported from {path}"),
    "import_failed_title": QT_TRANSLATE_NOOP("HistoryTexts", "Case not imported"),
    "import_failed": QT_TRANSLATE_NOOP("HistoryTexts", "The file has {count} problem(s); nothing was imported:"),
    "imported_other": QT_TRANSLATE_NOOP(
        "HistoryTexts", "Case imported from {path} for the patient with the file's MRN (not this one)"),
    "import_confirm_title": QT_TRANSLATE_NOOP("HistoryTexts", "Unusual values in the file"),
    "import_confirm": QT_TRANSLATE_NOOP(
        "HistoryTexts", "The file holds values outside the usual range. Import them as they are?"),
    "case_failed": QT_TRANSLATE_NOOP("HistoryTexts", "Case file not written: {why}"),
    "case_files": QT_TRANSLATE_NOOP("HistoryTexts", "Case files (*.json)"),
    # Repeatable groups
    "add_row": QT_TRANSLATE_NOOP("HistoryTexts", "Add row (Enter)"),
    "remove_row": QT_TRANSLATE_NOOP("HistoryTexts", "Remove row"),
    "remove_row_title": QT_TRANSLATE_NOOP("HistoryTexts", "Remove row?"),
    "remove_row_text": QT_TRANSLATE_NOOP("HistoryTexts", "Remove the row dated {date}? This cannot be undone."),
    "no_rows": QT_TRANSLATE_NOOP("HistoryTexts", "No entries yet. Press Enter or “Add row” to add one."),
    "row_editor": QT_TRANSLATE_NOOP("HistoryTexts", "Selected entry"),
    "no_date": QT_TRANSLATE_NOOP("HistoryTexts", "(no date)"),
    # Plausibility
    "confirm_title": QT_TRANSLATE_NOOP("HistoryTexts", "Please confirm this value"),
    "confirm_keep": QT_TRANSLATE_NOOP("HistoryTexts", "Keep {value}"),
    "confirm_use_unit": QT_TRANSLATE_NOOP("HistoryTexts", "Use {unit} instead"),
    "confirm_edit": QT_TRANSLATE_NOOP("HistoryTexts", "Correct it"),
    "implausible": QT_TRANSLATE_NOOP(
        "HistoryTexts", "{label} {value} is outside the usual range ({low}–{high} {unit})"),
    "refused_range": QT_TRANSLATE_NOOP(
        "HistoryTexts", "{label} {value} is outside the allowed range ({low}–{high} {unit}) and was not saved"),
    "refused_title": QT_TRANSLATE_NOOP("HistoryTexts", "Value not accepted"),
    "did_you_mean": QT_TRANSLATE_NOOP("HistoryTexts", " — did you mean {units}?"),
    "unconfirmed": QT_TRANSLATE_NOOP("HistoryTexts", "Unusual value, not yet confirmed."),
    # Conflict
    "conflict_title": QT_TRANSLATE_NOOP("HistoryTexts", "Changed on another workstation"),
    "conflict_intro": QT_TRANSLATE_NOOP(
        "HistoryTexts", "While you were typing, someone else saved a different value for this field."),
    "conflict_yours": QT_TRANSLATE_NOOP("HistoryTexts", "Yours"),
    "conflict_theirs": QT_TRANSLATE_NOOP("HistoryTexts", "Saved by {user} at {time}"),
    "keep_theirs": QT_TRANSLATE_NOOP("HistoryTexts", "Keep theirs"),
    "use_mine": QT_TRANSLATE_NOOP("HistoryTexts", "Use mine"),
    "empty_value": QT_TRANSLATE_NOOP("HistoryTexts", "(empty)"),
    "load_failed": QT_TRANSLATE_NOOP("HistoryTexts", "The history could not be opened: {why}"),
}


def t(key: str, **params: object) -> str:
    """The text for `key` in the interface language, with {params} filled in."""
    text = QCoreApplication.translate("HistoryTexts", _TEXTS[key])
    try:
        return text.format(**params) if params else text
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped {placeholder}
        return english(key, **params)


def english(key: str, **params: object) -> str:
    """The English text for `key` (exception messages, logs)."""
    return _TEXTS[key].format(**params) if params else _TEXTS[key]


def pick(labels: object, lang: str) -> str:
    """A questionnaire label map ({"en": …, "tr": …}) in `lang`, falling back to English, then any."""
    if labels is None:
        return ""
    if isinstance(labels, str):
        return labels
    get = getattr(labels, "get", None)
    if get is None:
        return str(labels)
    text = get(lang) or get("en")
    if text:
        return str(text)
    values = list(labels.values()) if hasattr(labels, "values") else []
    return str(values[0]) if values else ""
