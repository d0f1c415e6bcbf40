"""The registry report in the app: the administrator's tab makes the report of every procedure to date
(shown in the PDF preview) and saves the suppressed CSV tables; the urologist opens it from Today; the
nurse does not see the button."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from exoconsult.gui.admin.admin_home import AdminHome
from exoconsult.gui.today.today_view import TodayView
from tests.adverse_event_support import event_input, treated_patient

SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def test_the_registry_report_from_the_admin_tab_and_from_today(qtbot, services, runner, session_as, sqlite_ctx,
                                                               staff, clock, tmp_path, messages):
    d = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    from exoconsult.services.adverse_events.events import AdverseEventService
    from exoconsult.services.today.today import TodayService

    today = TodayService(sqlite_ctx).overview(d.ready.nurse).today
    AdverseEventService(sqlite_ctx).record(d.ready.nurse, d.ready.patient_id, event_input(today))
    home = AdminHome(services, session_as(staff["admin"]), runner)
    qtbot.addWidget(home)
    home.show()
    home.show_section("registry")
    page = home.sections["registry"]
    assert not page.first.isEnabled() and not page.csv_button.isEnabled()
    qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    assert page.preview.page_count() >= 2 and "1 patient" in page.status.text()
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.grab().save(str(Path(SHOTS) / "registry-page.png"))
    page.preview.close()
    folder = tmp_path / "tables"
    folder.mkdir()
    page.save_csv(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["adverse_events.csv", "followup_completeness.csv",
                                                        "outcomes.csv", "treated.csv"]
    assert "< 5" in (folder / "treated.csv").read_text() and "4 CSV tables saved" in messages.texts()

    for who, visible in (("urologist", True), ("nurse", False)):
        view = TodayView(services, session_as(staff[who]), runner)
        qtbot.addWidget(view)
        view.refresh()
        assert view.registry_button.isVisibleTo(view) == visible
    as_urologist = TodayView(services, session_as(staff["urologist"]), runner)
    qtbot.addWidget(as_urologist)
    as_urologist.show()
    qtbot.mouseClick(as_urologist.registry_button, Qt.MouseButton.LeftButton)
    assert as_urologist.registry_dialog.page.make_button.isEnabled()
