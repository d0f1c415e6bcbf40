"""Review and approve, driven as people would: the admin names the urologist approver on the Users page;
the urologist opens the review, reads the consent text as the patient will see it, types the password and
approves; after a new version he sees the difference from the approved one, and a nurse sees the list
without an Approve button."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.conftest import REPO, STAFF_PASSWORDS

pytestmark = pytest.mark.gui


@pytest.fixture
def forms(sqlite_ctx, tmp_path):
    sqlite_ctx.forms_dir = tmp_path / "forms"
    shutil.copytree(REPO / "forms", sqlite_ctx.forms_dir)
    return sqlite_ctx.forms_dir


def _grant_on_the_users_page(qtbot, services, session_as, runner, admin, urologist):
    from exoconsult.gui.admin.users_page import UsersPage

    page = UsersPage(services, session_as(admin), runner)
    qtbot.addWidget(page)
    page.refresh()
    page.select_username("urologist")
    assert page.approver_button.isEnabled() and page.approver_button.text() == "Make content approver"
    qtbot.mouseClick(page.approver_button, Qt.MouseButton.LeftButton)
    assert urologist.user_id in page.model.approvers
    assert page.approver_button.text() == "Withdraw content approver"
    page.select_username("nurse")
    assert not page.approver_button.isEnabled()  # only a urologist may approve


def _choose(dialog, path: str) -> None:
    row = next(n for n, f in enumerate(dialog._files) if f.path == path)
    dialog.files.setCurrentRow(row)


def test_a_named_approver_reviews_and_approves_and_later_sees_the_difference(
        qtbot, services, session_as, runner, staff, forms, messages):
    from exoconsult.gui.content.review_dialog import ContentReviewDialog

    admin, urologist = staff["admin"], staff["urologist"]
    _grant_on_the_users_page(qtbot, services, session_as, runner, admin, urologist)
    dialog = ContentReviewDialog(services, session_as(urologist), runner)
    qtbot.addWidget(dialog)
    dialog.refresh()
    assert dialog.files.count() == 10
    _choose(dialog, "consent/en.md")
    assert "does not take away any of your legal rights" in dialog.rendered.toPlainText()
    assert "---" not in dialog.rendered.toPlainText()  # rendered, not the file's front matter
    assert "Not approved by the clinic." in dialog.state.text() and dialog.approve_button.isEnabled()
    qtbot.keyClicks(dialog.password, "wrong password 123")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert "password" in messages.texts().lower()
    assert dialog.files.item(dialog.files.currentRow()).text().startswith("○")
    qtbot.keyClicks(dialog.password, STAFF_PASSWORDS["urologist"])
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.files.item(dialog.files.currentRow()).text().startswith("✓")
    assert "Approved by Dr. Deniz Uro on" in dialog.state.text() and not dialog.approve_button.isEnabled()

    path = forms / "consent" / "en.md"
    path.write_text(path.read_text(encoding="utf-8").replace('version: "3.1.0"', 'version: "3.1.1"').replace(
        "does not take away any of your legal rights", "takes away some of your legal rights"), encoding="utf-8")
    dialog.refresh()
    _choose(dialog, "consent/en.md")
    assert dialog.tabs.currentIndex() == 1 and dialog.tabs.tabText(1) == "Changes since approved version 3.1.0"
    diff = dialog.diff.toPlainText()
    assert "-Signing this form does not take away" in diff and "+Signing this form takes away" in diff
    assert "version 3.1.0 was approved by Dr. Deniz Uro" in dialog.state.text()


def test_a_nurse_sees_the_states_but_cannot_open_or_approve(qtbot, services, session_as, runner, staff, forms):
    from exoconsult.gui.content.review_dialog import ContentReviewDialog

    dialog = ContentReviewDialog(services, session_as(staff["nurse"]), runner)
    qtbot.addWidget(dialog)
    dialog.refresh()
    assert dialog.files.count() == 10 and not dialog.approve_button.isEnabled()
    assert "named content approver" in dialog.approve_hint.text() and dialog.rendered.toPlainText() == ""
