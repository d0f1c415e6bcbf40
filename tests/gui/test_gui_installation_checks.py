"""The admin's Settings page shows the same installation checks as `exoconsult doctor`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exoconsult.gui.admin.admin_home import AdminHome
from exoconsult.services.integrity.installation_checks import CHECKS

pytestmark = pytest.mark.gui


def test_settings_page_lists_every_check_with_its_fix(qtbot, services, runner, session_as, admin, tmp_path) -> None:
    home = AdminHome(services, session_as(admin), runner)
    qtbot.addWidget(home)
    home.show()
    home.start()
    home.show_section("settings")
    panel = home.sections["settings"].installation_checks
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.results.count() == len(CHECKS) + 1)
    lines = [panel.results.item(n).text() for n in range(panel.results.count())]
    assert lines[0].startswith("[OK] Qt: the 'offscreen' platform plugin is loaded")
    assert [line.split("] ", 1)[1].split(":", 1)[0] for line in lines[1:]] == [name for name, _ in CHECKS]
    # The test clinic has no backup yet: the warning and its fix are on the page.
    backup = next(line for line in lines if "Last backup" in line)
    assert backup.startswith("[WARN]") and "Back up now" in backup
    assert "problem(s)" in panel.summary.text() and panel.run_button.isEnabled()
    panel.resize(900, 420)
    panel.grab().save(str(tmp_path / "settings-checks.png"))
