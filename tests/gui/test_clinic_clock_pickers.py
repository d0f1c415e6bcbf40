"""Date and time pickers follow the clinic's clock, not the computer's: a workstation set to another zone
(a laptop that kept its travel zone, a server-style UTC install) shows and reads the clinic's wall-clock
times, and the record keeps the right instant."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QTime

from exoconsult.gui import local_format
from exoconsult.gui.adverse_events.dialogs import AdverseEventDialog
from exoconsult.gui.procedure.record_dialog import ProcedureRecordDialog
from exoconsult.services.adverse_events.events import AdverseEventService

pytestmark = pytest.mark.gui

CLINIC = ZoneInfo("Pacific/Kiritimati")  # UTC+14: its day differs from a UTC+0..-12 computer's most of the time


@pytest.fixture
def computer_in_another_zone(qapp, monkeypatch):
    """The clinic keeps UTC+14; this computer's own zone is UTC-10 (Honolulu): a whole day apart."""
    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    local_format.set_clinic_time_zone(CLINIC.key)
    yield
    local_format.set_clinic_time_zone("")
    monkeypatch.undo()
    time.tzset()


def _wall(edit) -> datetime:
    return datetime.combine(edit.date().toPython(), edit.time().toPython())


def test_the_procedure_record_shows_and_stores_the_clinics_times(qtbot, computer_in_another_zone):
    dialog = ProcedureRecordDialog("Patient", "LOT-1")
    qtbot.addWidget(dialog)
    clinic_now = datetime.now(CLINIC).replace(tzinfo=None)
    assert abs(_wall(dialog.ended) - clinic_now) < timedelta(minutes=2)
    assert CLINIC.key in dialog.zone_note.text()  # the zone said once
    assert abs(_wall(dialog.started) - (clinic_now - timedelta(minutes=30))) < timedelta(minutes=2)
    for edit, hour in ((dialog.started, 10), (dialog.ended, 11), (dialog.discharged, 13)):
        edit.setDate(QDate(2026, 12, 3))  # as typed: the clinic's wall clock
        edit.setTime(QTime(hour, 0))
    dialog.record_discharge.setChecked(True)
    done = dialog.value()
    assert done.started_at == datetime(2026, 12, 2, 20, 0, tzinfo=UTC)  # 10:00 at UTC+14
    assert done.ended_at == datetime(2026, 12, 2, 21, 0, tzinfo=UTC)
    assert done.discharged_at == datetime(2026, 12, 2, 23, 0, tzinfo=UTC)


def test_an_adverse_event_starts_on_the_clinics_day(qtbot, computer_in_another_zone, sqlite_ctx, staff):
    words = AdverseEventService(sqlite_ctx).list_words(staff["urologist"], "en")
    dialog = AdverseEventDialog(None, print, "Patient", words)
    qtbot.addWidget(dialog)
    clinic_today = datetime.now(CLINIC).date()
    assert dialog.onset.date().toPython() == clinic_today
    assert dialog.assessment.known_on.date().toPython() == clinic_today
