"""Reading and writing numbers and dates the way clinic staff type them (INP-4, INP-5).

Turkish writes the decimal separator as "," and thousands as "."; English the other way round. A
workstation may have either keyboard, so "12,5" and "12.5" both mean 12.5. Anything that could be a
thousands separator ("1.234", "1,234.5", "1.234,5") or is malformed ("12.5.3", Arabic-Indic digits) is
refused with a message instead of being silently misread: a lab value off by a factor of 1000 is worse
than a value the user has to retype.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from exoconsult.domain.questionnaire import EntryError, parse_number
from exoconsult.gui.history.texts import english, t
from exoconsult.gui.local_format import date_text, time_text

_DMY = re.compile(r"^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


class NumberTextError(ValueError):
    """The text cannot be read unambiguously. `key`/`params` name the message (texts.py) so the widget
    can say it in the consultation's language; str() is the English text."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(english(key, **params))

    def message(self) -> str:
        return t(self.key, **self.params)


def _ascii_only(text: str) -> None:
    for ch in text:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            raise NumberTextError("digits_only")


def _parse(text: str, *, integer: bool) -> int | float | None:
    # One reader for screen and services (domain.questionnaire.parse_number); this layer only maps an
    # empty field to "no answer" and the refusal to a message in the consultation's language.
    if not text.strip():
        return None
    try:
        return parse_number(text, integer=integer)
    except EntryError as error:
        raise NumberTextError(error.reason, **error.params) from None  # each reason has an en/tr text


def parse_decimal(text: str) -> float | None:
    """'12,5' and '12.5' -> 12.5; '' -> None; grouped, doubled or ambiguous forms raise NumberTextError."""
    value = _parse(text, integer=False)
    return None if value is None else float(value)


def parse_integer(text: str) -> int | None:
    """'12' -> 12 (also '12,0'); '' -> None; anything else raises NumberTextError."""
    value = _parse(text, integer=True)
    return None if value is None else int(value)


def format_number(value: float | int | None, lang: str = "en", *, significant: int | None = None) -> str:
    """A number for display: no exponent, no trailing zeros, decimal comma in Turkish."""
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = f"{value:.{significant}g}" if significant else f"{value:.6f}".rstrip("0").rstrip(".")
    if "e" in text:  # very small/large canonical values: fall back to fixed notation
        text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "tr" else text


def parse_date(text: str) -> date | None:
    """'24.11.2026' (also with / or -, one-digit day/month) or ISO '2026-11-24'; '' -> None."""
    raw = text.strip()
    if not raw:
        return None
    _ascii_only(raw)
    iso = _ISO.match(raw)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        dmy = _DMY.match(raw)
        if dmy is None:
            raise NumberTextError("not_date", text=raw)
        day, month, year = (int(g) for g in dmy.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise NumberTextError("not_real_date", text=raw) from None


def format_date(value: date | None) -> str:
    """Always dd.mm.yyyy, in every language: no day/month ambiguity on screen (INP-5)."""
    return date_text(value)


def clock_text(when: datetime | None = None) -> str:
    return time_text(when or datetime.now(UTC), seconds=True)
