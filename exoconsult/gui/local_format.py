"""Dates, times and numbers as the screens show them: written by the QLocale of the screen language
(gui/ui_language.py makes it the default: Turkish "3 Aralık 2026 Perşembe", 14:05, 1,5; dates in figures
are always 03.12.2026) and times in the clinic's time zone
(a clinic setting), never raw UTC. Every screen formats through these functions, so a language or a zone
changes in one place.

Services hand out aware UTC datetimes; a naive one is taken as UTC (the storage convention).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

# What date pickers show: the same dd.mm.yyyy as every date on screen.
DATE_EDIT_FORMAT = "dd.MM.yyyy"
DATETIME_EDIT_FORMAT = "dd.MM.yyyy HH:mm"

_clinic_zone: tzinfo | None = None  # None until the clinic's settings are read: the computer's own zone


def set_clinic_time_zone(name: str) -> None:
    """The clinic's zone (an IANA name the settings validated); called when the settings are read or saved."""
    global _clinic_zone
    try:
        _clinic_zone = ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        _clinic_zone = None


def clinic_time_zone_name() -> str:
    zone = _clinic_zone or datetime.now().astimezone().tzinfo
    return str(getattr(zone, "key", None) or zone)


def _zone(name: str | None) -> tzinfo | None:
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return _clinic_zone


def in_clinic_zone(moment: datetime, zone: str | None = None) -> datetime:
    """`moment` in the clinic's zone (or in `zone`, for a screen that read the setting itself)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    target = _zone(zone)
    return moment.astimezone(target) if target is not None else moment.astimezone()


def in_clinic_zone_day_start(day: date) -> datetime:
    """Midnight at the start of `day` in the clinic's zone, as a UTC datetime (for filters by day)."""
    zone = _clinic_zone or datetime.now().astimezone().tzinfo
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def clinic_now() -> datetime:
    """Now on the clinic's clock (aware, in the clinic's zone), whatever zone this computer is set to."""
    return in_clinic_zone(datetime.now(UTC))


def clinic_today() -> date:
    """Today's date at the clinic: what date pickers start on."""
    return clinic_now().date()


def clinic_date_time_edit(parent, moment: datetime) -> QDateTimeEdit:
    """A date-and-time picker that shows and reads the clinic's wall-clock time (read it with
    `edited_moment`). It holds the wall clock as a UTC QDateTime, so that neither the computer's zone nor
    its daylight-saving gaps move what the user typed."""
    edit = QDateTimeEdit(parent)
    edit.setTimeZone(QTimeZone.utc())
    edit.setDisplayFormat(DATETIME_EDIT_FORMAT)
    local = in_clinic_zone(moment)
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute),
                               QTimeZone.utc()))
    return edit


def edited_moment(edit: QDateTimeEdit) -> datetime:
    """The instant (aware, UTC) that the clinic's wall-clock time shown in `edit` means."""
    wall = datetime.combine(edit.date().toPython(), edit.time().toPython())
    local = wall.replace(tzinfo=_clinic_zone) if _clinic_zone is not None else wall.astimezone()
    return local.astimezone(UTC)


def date_text(day: date | None) -> str:
    """Always dd.mm.yyyy, in every language: a date on a medical record must never be read month-first, and the
    history screens take dates typed that way."""
    return "" if day is None else f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def iso_date_text(value: str) -> str:
    """A day the services hand over as an ISO string ("2026-05-17"), in the screen's format; any other
    text (an empty or partial date) as it is."""
    try:
        return date_text(date.fromisoformat(value))
    except ValueError:
        return value


def long_date_text(day: date) -> str:
    """Weekday, day, month name and year in the screen language ("3 Aralık 2026 Perşembe")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def time_text(moment: datetime | None, *, seconds: bool = False, zone: str | None = None) -> str:
    if moment is None:
        return ""
    local = in_clinic_zone(moment, zone)
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in pattern:
        pattern = pattern.replace("mm", "mm:ss")
    return locale.toString(QTime(local.hour, local.minute, local.second), pattern)


def datetime_text(moment: datetime | None, *, seconds: bool = False, zone: str | None = None) -> str:
    """Date and time in the clinic's zone ("03.12.2026 14:05")."""
    if moment is None:
        return ""
    return f"{date_text(in_clinic_zone(moment, zone).date())} {time_text(moment, seconds=seconds, zone=zone)}"


def number_text(value: float | int | None, decimals: int | None = None) -> str:
    """A number with the screen language's decimal mark ("1,5" in Turkish); `decimals` fixes the places,
    otherwise as few as the value needs."""
    if value is None:
        return ""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    if isinstance(value, int) and decimals is None:
        return locale.toString(value)
    places = decimals if decimals is not None else QLocale.FloatingPointPrecisionOption.FloatingPointShortest
    return locale.toString(float(value), "f", places)
