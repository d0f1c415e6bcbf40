"""The workspace's stage registry, keyboard shortcuts, and remembered window geometry."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from exoconsult.domain.patient import PatientData
from exoconsult.gui import stages
from exoconsult.gui.main_window import MainWindow
from exoconsult.gui.patients.patient_dialog import PatientDialog
from exoconsult.gui.workspace import ConsultationWorkspace, StageUnavailable

pytestmark = pytest.mark.gui


@pytest.fixture
def patient(services, nurse):
    return services.patients.create(nurse, PatientData("Şahin", "Emre", date(1991, 11, 23), mrn="WS-1"))


class ProbePage(QWidget):
    """A stage page as a later issue would write it: keeps the context, saves a draft before locks."""

    made: list = []

    def __init__(self, context, parent) -> None:
        super().__init__(parent)
        self.context = context
        self.drafts_for = []
        context.session.about_to_lock.connect(self.save_draft)
        ProbePage.made.append(self)

    def save_draft(self) -> None:
        self.drafts_for.append(self.context.session.actor.username)


def make_probe(context, parent):
    return ProbePage(context, parent)


def failing_factory(context, parent):
    raise TypeError("a bug in a stage page")


def test_a_page_that_fails_to_build_leaves_the_workspace_usable(qtbot, isolated_registry, patient, services,
                                                               runner, session_as, nurse):
    stages.register_stage("history", "History", failing_factory)
    ws = ConsultationWorkspace(patient, services, session_as(nurse), runner)
    qtbot.addWidget(ws)
    page = ws.current_page()
    assert isinstance(page, StageUnavailable)
    assert "could not be opened (TypeError)" in page.findChild(QLabel).text()
    assert ws.header.name_label.text() == "Şahin, Emre"
    assert isinstance(ws.show_stage("consent"), StageUnavailable)


def test_unregistered_stages_say_so_honestly(qtbot, isolated_registry, patient, services, runner,
                                            session_as, nurse):
    ws = ConsultationWorkspace(patient, services, session_as(nurse), runner)
    qtbot.addWidget(ws)
    assert [b.text() for b in ws.stage_buttons.values()] == ["1  History", "2  Assessment", "3  Explanation",
                                                              "4  Consent"]
    for key in ("history", "assessment", "explanation", "consent"):
        page = ws.show_stage(key)
        assert isinstance(page, StageUnavailable)
        assert "not available in this version" in page.findChild(QLabel).text()


def test_a_registered_page_gets_patient_session_services_and_runner(qtbot, isolated_registry, patient,
                                                                    services, runner, session_as, nurse):
    stages.register_stage("assessment", "Assessment", make_probe)
    stages.register_stage("plan", "Procedure plan", make_probe)
    session = session_as(nurse)
    ws = ConsultationWorkspace(patient, services, session, runner)
    qtbot.addWidget(ws)
    assert list(ws.stage_buttons) == ["history", "assessment", "explanation", "consent", "plan"]
    qtbot.mouseClick(ws.stage_buttons["assessment"], Qt.MouseButton.LeftButton)
    page = ws.current_page()
    assert isinstance(page, ProbePage)
    assert page.context.patient.id == patient.id
    assert page.context.session.actor == nurse
    assert page.context.services is services and page.context.runner is runner
    assert ws.show_stage("assessment") is page  # built once per opened patient
    session.lock()
    assert page.drafts_for == ["nurse"]


def test_ctrl_n_opens_new_patient_and_ctrl_f_focuses_search(qtbot, services, runner, gui_settings, clock, nurse):
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.session.sign_in(nurse)
    table = win.home.patient_list.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.focusWidget() is win.home.patient_list.search_box
    QTest.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert any(d.isVisible() for d in win.home.findChildren(PatientDialog))


def test_window_geometry_is_remembered(qtbot, runner, gui_settings):
    first = MainWindow(runner, gui_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.close()
    assert gui_settings.value("main_window/geometry") is not None
    second = MainWindow(runner, gui_settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
