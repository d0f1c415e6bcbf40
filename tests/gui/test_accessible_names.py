"""Every control a keyboard or screen-reader user can reach has an accessible name, and every form
label is the buddy of its field: checked over the screens people use most (sign-in, the home screen,
the new-patient dialog, the signing dialog), with the application-wide namer the main window installs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from exoconsult.gui.consent.consent_page import ConsentPage
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow
from exoconsult.gui.patients.patient_dialog import PatientDialog
from exoconsult.services.history.patients import PatientService
from tests.consent_support import ready_for_consent

pytestmark = pytest.mark.gui


def unnamed(root: QWidget) -> list[str]:
    """Reachable controls whose accessible name (what a screen reader says) is empty."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.focusProxy() is not None or widget.objectName() == "qt_scrollarea_viewport":
            continue
        if isinstance(widget, QLabel) and not widget.text():  # selectable text not yet filled: says nothing yet
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            missing.append(f"{type(widget).__name__}#{widget.objectName()}")
    return missing


def unbuddied(root: QWidget) -> list[str]:
    out = []
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text().strip() and field is not None and field.widget() is not None \
                    and field.widget().focusPolicy() != Qt.FocusPolicy.NoFocus and label.buddy() is None:
                out.append(label.text())
    return out


@pytest.fixture
def window(qtbot, runner, gui_settings, services, clock, isolated_registry):
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())
    win.show()
    return win


def test_sign_in_home_and_patient_dialog_are_named(qtbot, window, services, runner, nurse):
    login = LoginDialog(services, runner, parent=window)
    login.show()
    assert unnamed(login) == [] and unbuddied(login) == []
    login.reject()
    window.session.sign_in(nurse)
    qtbot.wait(10)
    assert unnamed(window) == []
    dialog = PatientDialog(services, window.session, runner, parent=window)
    dialog.show()
    assert unnamed(dialog) == [] and unbuddied(dialog) == []


def test_the_signing_dialog_is_named(qtbot, window, services, runner, sqlite_ctx, staff, clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    window.session.sign_in(ready.urologist)
    patient = PatientService(sqlite_ctx).open(ready.urologist, ready.patient_id)
    page = ConsentPage(services, window.session, runner, patient, window)
    page.show()
    page.sign_button.click()
    dialog = page.signing_dialog
    qtbot.wait(10)
    assert unnamed(dialog) == [] and unbuddied(dialog) == []


def test_the_later_screens_are_named(qtbot, window, services, runner, session_as, sqlite_ctx, staff, clock, tmp_path):
    """Procedure, lot register, follow-up, adverse events, programme facts, content approval and the
    exports: every reachable control named, every form label the buddy of its field."""
    from exoconsult.gui.admin.admin_home import AdminHome
    from exoconsult.gui.adverse_events.page import AdverseEventsPage
    from exoconsult.gui.content.review_dialog import ContentReviewDialog
    from exoconsult.gui.exports.export_dialogs import FhirExportDialog, ResearchExportDialog
    from exoconsult.gui.followup.followup_page import FollowupPage
    from exoconsult.gui.procedure.lot_register import LotRegisterDialog
    from exoconsult.gui.procedure.procedure_page import ProcedurePage
    from tests.adverse_event_support import treated_patient

    day = treated_patient(sqlite_ctx, staff, clock, tmp_path)
    nurse, urologist = session_as(day.ready.nurse), session_as(day.ready.urologist)
    patient = services.patients.open(day.ready.nurse, day.ready.patient_id)
    screens = {
        "procedure": ProcedurePage(services, urologist, runner, patient),
        "lot register": LotRegisterDialog(services, urologist, runner),
        "follow-up": FollowupPage(services, nurse, runner, patient),
        "adverse events": AdverseEventsPage(services, nurse, runner, patient),
        "content approval": ContentReviewDialog(services, urologist, runner),
        "research export": ResearchExportDialog(services, urologist, runner),
        "FHIR export": FhirExportDialog(services, urologist, runner),
    }
    admin_home = AdminHome(services, session_as(staff["admin"]), runner)
    qtbot.addWidget(admin_home)
    admin_home.show()
    admin_home.show_section("programme")
    screens["programme facts"] = admin_home.sections["programme"]
    problems = {}
    for name, screen in screens.items():
        if screen.window() is screen:
            qtbot.addWidget(screen)
        screen.show()
        qtbot.wait(10)
        found = unnamed(screen) + [f"label {text!r} has no buddy" for text in unbuddied(screen)]
        if found:
            problems[name] = found
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
