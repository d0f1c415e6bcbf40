"""With the Turkish screen language, the clinician's screens show no English: every visible label, button,
title, header, placeholder, tooltip and menu of the start, administration and home screens is checked
against a list of English words (the consultation stages and the signing dialog, with the same list, in
test_turkish_stages.py)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
    QWizard,
)

from exoconsult.gui import ui_language
from exoconsult.gui.login_dialog import LoginDialog
from exoconsult.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

# Words of the English screens that Turkish never uses (test data such as "Ayşe Nurse" avoids them).
ENGLISH = {"the", "and", "of", "to", "with", "your", "Save", "Cancel", "Close", "Edit", "New", "Search",
           "Loading", "Sign", "Password", "Username", "Settings", "Backup", "Backups", "Today", "Refresh", "Print",
           "Patient", "Patients", "Consent", "Users", "User", "Role", "Status", "Name", "Language", "Date", "Next",
           "Back", "Finish", "Yes", "Apply", "Choose", "Remove", "Time", "Address", "Phone", "Quit", "File",
           "Administration", "Lock", "Switch", "Change", "valid", "ready", "Action", "Record", "Detail", "When",
           "Due", "Event", "Days", "Stage", "Signed", "Procedure", "Programme", "Audit", "Check", "Restore",
           "Born", "Unlock", "Reason", "Export", "Older", "Newer", "Show", "Revert", "Turkish", "English",
           "Preferences", "Full", "First", "Account", "Active", "Clinic"}
WORD = re.compile(r"[A-Za-z][\w/]*")  # "America/New_York" is one identifier, not "New"


def texts_of(root: QWidget) -> list[str]:
    """What a person can read in `root` and its visible children."""
    found = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        found.append(w.toolTip())
        if isinstance(w, QLabel):
            found.append(w.text())
        elif isinstance(w, QAbstractButton):
            found.append(w.text())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QLineEdit):
            found.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            found += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            found += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            model = w.model()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount(QModelIndex()))]
    return found


def english_in(root: QWidget, allowed: set[str] = frozenset()) -> list[str]:
    return sorted({f"{word!r} in {text!r}" for text in texts_of(root) for word in WORD.findall(text or "")
                   if word in ENGLISH and word not in allowed})


@pytest.fixture
def window(qtbot, services, runner, gui_settings, clock, isolated_registry):
    win = MainWindow(runner, gui_settings)
    qtbot.addWidget(win)
    win.attach_services(services, clock, idle_timer=QTimer())  # the test clinic's working language: Turkish
    win.show()
    return win


def menus_of(win: MainWindow) -> list[str]:
    texts = [win.file_menu.title(), win.admin_menu.title(), win.language_menu.title()]
    return texts + [a.text() for a in win.file_menu.actions() + win.admin_menu.actions()]


def test_sign_in_and_the_setup_wizard_are_turkish(qtbot, window, services, runner):
    from exoconsult.gui.setup_wizard import SetupWizard

    window.request_sign_in()
    assert english_in(window.findChild(LoginDialog)) == []
    assert [m for m in menus_of(window) if set(WORD.findall(m)) & ENGLISH] == []
    wizard = SetupWizard(services, runner, window)
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        assert english_in(wizard) == [], wizard.currentPage().title()
    # Qt's own words (the wizard's buttons) come from qtbase_tr.qm.
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "İptal"


def test_the_clinicians_home_today_and_patient_dialog_are_turkish(qtbot, window, nurse):
    from exoconsult.gui.patients.patient_dialog import PatientDialog

    window.session.sign_in(nurse)
    assert ui_language.current_language() == "tr"
    assert english_in(window) == []
    dialog = PatientDialog(window.services, window.session, window.runner, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_in(dialog) == []


def test_every_administration_page_and_dialog_is_turkish(qtbot, window, admin):
    from exoconsult.gui.admin.user_dialog import UserDialog
    from exoconsult.gui.password_dialogs import ChangePasswordDialog

    window.session.sign_in(admin)
    for key in window.home.sections:
        window.home.show_section(key)
        assert english_in(window.home) == [], key
    for dialog in (UserDialog(window.services, window.session, window.runner, parent=window),
                   ChangePasswordDialog(window.services, window.session, window.runner, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert english_in(dialog) == [], dialog.windowTitle()
    window.lock_now()
    assert english_in(window.lock_screen) == []


def test_the_audit_log_names_roles_actions_and_records_in_turkish(qtbot, window, admin):
    window.session.sign_in(admin)
    window.home.show_section("audit")
    page = window.home.sections["audit"]
    model = page.model
    columns = {key: n for n, (key, _) in enumerate(model._COLUMNS)}
    shown = {key: [model.data(model.index(row, columns[key])) for row in range(model.rowCount())]
             for key in ("role", "action", "entity")}
    assert "yönetici" in shown["role"] and "hesap oluşturuldu" in shown["action"]  # the test accounts made
    identifiers = [t for texts in shown.values() for t in texts if re.fullmatch(r"[a-z_.]+", t) and "_" in t]
    assert identifiers == []
    stored = model.data(model.index(0, columns["action"]), Qt.ItemDataRole.ToolTipRole)
    assert stored == model._rows[0].action  # the identifier stays readable as the tooltip
    actions = [page.action_filter.itemText(i) for i in range(1, page.action_filter.count())]
    assert actions and not any("_" in a for a in actions)


def test_editing_an_account_shows_only_its_fields_in_turkish(qtbot, window, admin):
    from exoconsult.gui.admin.user_dialog import UserDialog

    window.session.sign_in(admin)
    nurse = next(u for u in window.services.accounts.list_users(admin) if u.username == "nurse")
    dialog = UserDialog(window.services, window.session, window.runner, user=nurse, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_in(dialog) == []
    # the first password and the passphrase belong to a new account: not drawn over the username row
    assert not any(w.isVisible() for w in (dialog.must_change, dialog.password, dialog.confirm_password,
                                            dialog.clinic_passphrase))


def test_the_protocol_under_review_names_its_parameters_and_outcomes_in_turkish(qtbot, services, runner,
                                                                                   session_as, staff):
    from exoconsult.gui.content.review_dialog import ContentReviewDialog

    services.grants.set_content_approver(staff["admin"], staff["urologist"].user_id, True)
    ui_language.use_language("tr")
    dialog = ContentReviewDialog(services, session_as(staff["urologist"]), runner)
    qtbot.addWidget(dialog)
    dialog.refresh()
    dialog.files.setCurrentRow(next(n for n, f in enumerate(dialog._files) if f.kind == "protocol"))
    shown = dialog.rendered.toPlainText()
    assert "En küçük yaş: 18 yaş" in shown and "Tıkanıklık tablosu: FSH en fazla: 7,6 IU/L" in shown
    assert "Kesin engeller (uygun değil) · AGE-MIN" in shown  # the rule's id stays, after its outcome
    identifiers = re.findall(r"\b[a-z]+(?:_[a-z0-9]+)+\b", shown)  # min_age_years, needs_review, {placeholders}
    assert identifiers == []
    parameters = shown.split("Kesin engeller")[0]  # the rules follow, worded in each of the protocol's languages
    assert "2 analiz" in parameters and not {"years", "analyses"} & set(WORD.findall(parameters))
