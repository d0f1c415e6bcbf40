"""Today view (pytest-qt): signed-not-printed consents with printing from there, a procedure whose consent
expires before the planned date and one whose consent was withdrawn cannot be marked ready (button
disabled, reason shown, service refuses), a valid one can; the view sits on the clinician's home."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from exoconsult.gui.main_window import MainWindow
from exoconsult.gui.printing import output
from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.admin.settings import SettingsService
from exoconsult.services.consent.consent_dto import CapturedSignature
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.today.today import TodayService
from tests.conftest import STAFF_PASSWORDS
from tests.consent_support import ready_for_consent, scribble, sign

SHOTS = os.environ.get("EXOCONSULT_SHOTS", "")


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


def withdraw(ctx, ready, document_id: str) -> None:
    service = ConsentService(ctx)
    choices = {cid: False for cid, _ in service.withdrawal_choices(ready.urologist, ready.language)}
    service.withdraw(ready.urologist, document_id, choices, CapturedSignature("patient", "Ahmet Yılmaz", scribble()),
                     STAFF_PASSWORDS["urologist"], "changed his mind")


@pytest.fixture
def two_patients(sqlite_ctx, staff, clock, tmp_path):
    first = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, mrn="C-1")
    second = ready_for_consent(sqlite_ctx, staff, clock, tmp_path, mrn="C-2")
    return (first, sign(sqlite_ctx, first)), (second, sign(sqlite_ctx, second))


def select(table, row: int) -> None:
    table.clearSelection()
    table.selectRow(row)


def test_today_states_and_readiness(qtbot, services, runner, session_as, sqlite_ctx, staff, two_patients,
                                    monkeypatch, tmp_path, messages):
    (first, signed_first), (second, signed_second) = two_patients
    today = TodayService(sqlite_ctx)
    day = today.overview(first.nurse).today
    valid = today.plan_procedure(first.nurse, first.patient_id, day + timedelta(days=2))
    expired = today.plan_procedure(first.nurse, first.patient_id, day + timedelta(days=7))
    withdrawn = today.plan_procedure(first.nurse, second.patient_id, day + timedelta(days=1))
    withdraw(sqlite_ctx, second, signed_second.document_id)
    # A 5-day validity: the consent signed today is valid in 2 days and expired in 7.
    SettingsService(sqlite_ctx).update(staff["admin"], {"consent_validity_days": 5})
    view = TodayView(services, session_as(first.nurse), runner)
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    view.refresh()
    o = view.overview
    assert [c.document_id for c in o.unprinted] == [signed_first.document_id]
    assert view.unprinted.rowCount() == 1
    stages = {r.patient_id: r.stage for r in o.consultations}
    assert stages == {first.patient_id: "signed", second.patient_id: "withdrawn"}  # not "ready to sign" again
    by_id = {p.id: n for n, p in enumerate(o.procedures)}
    assert {p.id: p.consent_status for p in o.procedures} == {valid.id: "signed", expired.id: "expired",
                                                              withdrawn.id: "withdrawn"}
    shot(view, "today-nurse.png")

    select(view.procedures, by_id[expired.id])
    assert not view.ready_button.isEnabled() and "expired" in view.ready_reason.text()
    shot(view, "today-expired-selected.png")
    select(view.procedures, by_id[withdrawn.id])
    assert not view.ready_button.isEnabled() and "withdrawn" in view.ready_reason.text()
    assert "withdrawn" in view.ready_button.toolTip()
    shot(view, "today-withdrawn-selected.png")
    with pytest.raises(Exception, match="withdrawn"):
        today.set_ready(first.nurse, withdrawn.id)

    select(view.procedures, by_id[valid.id])
    assert view.ready_button.isEnabled() and view.ready_reason.text() == ""
    view.ready_button.click()
    assert {p.id: p.ready for p in view.overview.procedures}[valid.id] is True

    saved = tmp_path / "copy.pdf"
    monkeypatch.setattr(output, "installed_printers", lambda: [])
    monkeypatch.setattr(output, "ask_save_path", lambda parent, name: str(saved))
    select(view.unprinted, 0)
    view.print_button.click()
    view.print_dialog.save_button.click()
    assert saved.is_file()
    assert view.unprinted.rowCount() == 0, "a printed consent leaves the list"


def test_the_today_view_is_the_home_pane_when_no_patient_is_open(qtbot, services, runner, gui_settings, clock, nurse):
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())
    win.show()
    win.session.sign_in(nurse)
    today = win.home.findChild(TodayView)
    assert today is not None and win.home.right.currentWidget() is today
    assert today.overview is not None
    shot(win, "today-home.png")


def test_reading_material_is_marked_information_only_on_every_page(qtbot, services, runner, session_as, sqlite_ctx,
                                                                   staff, clock, tmp_path, monkeypatch):
    import io

    from pypdf import PdfReader

    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    view = TodayView(services, session_as(ready.nurse), runner)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert not view.reading_button.isEnabled()
    select(view.consultations, 0)
    view.reading_button.click()
    dialog = view.reading_dialog
    shot(dialog, "today-reading-material.png")
    for kind, mark in (("blank_consent", "YALNIZCA BİLGİLENDİRME — ONAM DEĞİLDİR"),
                       ("pack", "Yalnızca bilgilendirme — onam değildir")):
        target = tmp_path / f"{kind}.pdf"
        monkeypatch.setattr(output, "ask_save_path", lambda parent, name, target=target: str(target))
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.save_button.click()
        pages = PdfReader(io.BytesIO(target.read_bytes())).pages
        assert len(pages) >= 2
        for page in pages:
            assert mark in page.extract_text(), f"{kind}: a page without the information-only mark"
