"""Dates, times and numbers on screen: the screen language's QLocale (Turkish decimal comma) and the
clinic's time zone, never raw UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from exoconsult.gui import local_format, ui_language


@pytest.fixture
def istanbul(qapp):
    local_format.set_clinic_time_zone("Europe/Istanbul")
    yield
    local_format.set_clinic_time_zone("")


def test_turkish_screens_write_turkish_dates_and_decimal_commas_in_the_clinics_zone(istanbul):
    ui_language.use_language("tr")
    signed = datetime(2026, 12, 3, 11, 5, 7, tzinfo=UTC)
    assert local_format.datetime_text(signed) == "03.12.2026 14:05"  # UTC+3, not 11:05
    assert local_format.datetime_text(signed.replace(tzinfo=None)) == "03.12.2026 14:05"  # naive = UTC
    assert local_format.time_text(signed, seconds=True) == "14:05:07"
    assert local_format.date_text(date(1988, 3, 14)) == "14.03.1988"
    assert local_format.long_date_text(date(2026, 12, 3)) == "3 Aralık 2026 Perşembe"
    assert (local_format.number_text(1.5), local_format.number_text(12.25, 1)) == ("1,5", "12,3")
    assert local_format.number_text(1234.5) == "1234,5"  # no thousands mark that reads like a decimal one


def test_english_screens_write_dd_mm_yyyy_dates_and_a_24_hour_clock(istanbul):
    ui_language.use_language("en")
    assert local_format.datetime_text(datetime(2026, 12, 3, 21, 30, tzinfo=UTC)) == "04.12.2026 00:30"
    assert local_format.number_text(1.5) == "1.5"


def test_a_day_filter_starts_at_the_clinics_midnight(istanbul):
    assert local_format.in_clinic_zone_day_start(date(2026, 12, 3)) == datetime(2026, 12, 2, 21, 0, tzinfo=UTC)


def test_a_gate_states_its_times_in_the_clinics_zone_on_screen_and_in_utc_in_logs(istanbul):
    from exoconsult.gui.widgets import reason_text
    from exoconsult.services.assessment.assessment_dto import gate

    ui_language.use_language("tr")
    eligible = gate(True, "Eligible under {protocol} (assessment of {at}).", 1, protocol="exo-noa 1.1.0",
                    at=datetime(2026, 5, 17, 17, 18, 41, tzinfo=UTC))
    assert eligible.reason == "Eligible under exo-noa 1.1.0 (assessment of 2026-05-17 17:18 UTC)."
    assert reason_text(eligible.why) == "exo-noa 1.1.0 protokolüne göre uygun (17.05.2026 20:18 tarihli değerlendirme)."
    assert local_format.iso_date_text("2026-05-17") == "17.05.2026"
    assert local_format.iso_date_text("") == ""
