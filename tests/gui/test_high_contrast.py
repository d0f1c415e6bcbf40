"""With the system's high-contrast palette (black window, white text, yellow highlight) every text of the
main screens reads at WCAG AA (4.5:1) against what is painted behind it: sign-in, Today, a patient's
assessment and consent pages, the signing dialog. Measured on the rendered windows (see contrast_support)."""

from __future__ import annotations

import pytest
from contrast_support import high_contrast_palette, low_contrast_texts
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from exoconsult.gui.assessment.banner import VerdictBanner
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow
from tests.consent_support import ready_for_consent

pytestmark = pytest.mark.gui


@pytest.fixture
def high_contrast(qapp):
    before = QApplication.palette()
    QApplication.setPalette(high_contrast_palette())
    yield
    QApplication.setPalette(before)


@pytest.fixture
def window(qtbot, runner, gui_settings, services, clock, high_contrast):
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())
    win.resize(1280, 720)
    win.show()
    return win


def settle(qtbot) -> None:
    qtbot.wait(30)


def test_the_main_screens_read_at_aa_in_a_high_contrast_palette(qtbot, window, services, runner, sqlite_ctx, staff,
                                                               clock, tmp_path):
    ready = ready_for_consent(sqlite_ctx, staff, clock, tmp_path)
    login = LoginDialog(services, runner, parent=window)
    login.show()
    settle(qtbot)
    assert low_contrast_texts(login) == []
    login.reject()

    window.session.sign_in(ready.urologist)
    settle(qtbot)
    assert low_contrast_texts(window) == [], "Today"

    window.home.open_patient(ready.patient_id)
    settle(qtbot)
    workspace = window.home.workspace
    workspace.show_stage("assessment")
    settle(qtbot)
    banner = window.findChild(VerdictBanner)
    assert banner is not None and banner.isVisible()
    assert low_contrast_texts(window) == [], "assessment"

    page = workspace.show_stage("consent")
    settle(qtbot)
    assert low_contrast_texts(window) == [], "consent"
    page.sign_button.click()
    dialog = page.signing_dialog
    dialog.resize(1280, 720)
    settle(qtbot)
    assert low_contrast_texts(dialog) == [], "signing dialog"


def test_the_measure_catches_dark_text_on_black(qtbot, high_contrast):
    """The check can fail: a label with a fixed dark colour on the black window is reported."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    bad, good = QLabel("Not eligible", root), QLabel("Eligible", root)
    bad.setObjectName("bad")
    bad.setStyleSheet("color: rgb(142, 27, 27);")  # the dark red the banner used to have, on black
    layout.addWidget(bad)
    layout.addWidget(good)
    root.show()
    settle(qtbot)
    found = low_contrast_texts(root)
    assert len(found) == 1 and found[0].startswith("QLabel#bad")
