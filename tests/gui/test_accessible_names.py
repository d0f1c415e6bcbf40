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
