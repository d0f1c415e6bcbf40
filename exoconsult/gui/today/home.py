"""Puts the Today view on the clinician's home screen, in the right-hand pane that shows when no patient
is open (where "Find a patient on the left" used to be). ClinicianHome shows `home.empty` whenever no
patient is open, so the Today view takes that role and reappears when a patient is closed; it lives and
dies with the home screen (destroyed on lock and sign-out, like every widget holding patient data)."""

from __future__ import annotations

from exoconsult.gui.today.today_view import TodayView


def install_today_view(home, services, session, runner) -> TodayView:
    today = TodayView(services, session, runner, home.right)
    home.right.addWidget(today)
    home.empty = today
    if home.workspace is None:
        home.right.setCurrentWidget(today)
    today.open_patient_requested.connect(home.open_patient)
    runner.changes_made.connect(today.on_changes)  # Today follows what the use cases changed
    today.refresh()
    return today
