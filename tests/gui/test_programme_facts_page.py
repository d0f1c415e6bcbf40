"""The programme facts screen: the administrator types a fact per language and saves (audited, missing
count updates), a urologist opens the same facts read-only from Today; the country on clinic settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from exoconsult.gui.admin.admin_home import AdminHome
from exoconsult.gui.admin.programme_page import ProgrammeFactsDialog, ProgrammeFactsPage
from exoconsult.gui.today.today_view import TodayView
from exoconsult.services.programme.programme import FACTS
from tests.gui.keyboard import type_text

pytestmark = pytest.mark.gui


def test_admin_enters_facts_per_language_and_saves(qtbot, services, runner, session_as, admin, messages):
    home = AdminHome(services, session_as(admin), runner)
    qtbot.addWidget(home)
    home.show()
    home.show_section("programme")
    page = home.sections["programme"]
    assert isinstance(page, ProgrammeFactsPage) and set(page.labels()) == set(FACTS)
    assert "A consent in Turkish cannot be signed yet: 13 missing." in page.summary.text()
    manufacturer_tr = page.fields["product.manufacturer@tr"]
    assert manufacturer_tr.property("missing") == "true"
    type_text(manufacturer_tr, "Demo Biyoloji Ltd. (hayali)")
    assert manufacturer_tr.property("missing") == "false"  # the outline goes as soon as it is typed
    assert "12 missing" in page.summary.text()
    type_text(page.fields["product.name"], "EXO-1")  # a name: one field for both languages
    assert "product.name@tr" not in page.fields
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "The programme facts were saved." in messages.texts()
    stored = services.programme.read(admin)
    assert stored.values["product.manufacturer@tr"] == "Demo Biyoloji Ltd. (hayali)"
    assert stored.values["product.manufacturer"] == "" and stored.values["product.name"] == "EXO-1"
    assert "Last changed by admin" in page.changed_labels["product.manufacturer"].text()
    assert page.changed_labels["costs.total"].text() == ""


def test_a_urologist_sees_the_facts_read_only_from_today(qtbot, services, runner, session_as, admin, urologist):
    services.programme.update(admin, {"costs.total@tr": "4.500 EUR"})
    today = TodayView(services, session_as(urologist), runner)
    qtbot.addWidget(today)
    today.show()
    assert today.programme_button.isVisible()
    qtbot.mouseClick(today.programme_button, Qt.MouseButton.LeftButton)
    dialog = today.programme_dialog
    assert isinstance(dialog, ProgrammeFactsDialog)
    page = dialog.page
    assert page.fields["costs.total@tr"].toPlainText() == "4.500 EUR"
    assert all(edit.isReadOnly() for edit in page.fields.values())
    assert not page.save_button.isVisible() and not page.editable
    dialog.close()


def test_the_clinic_country_is_a_settings_field(qtbot, services, runner, session_as, admin):
    home = AdminHome(services, session_as(admin), runner)
    qtbot.addWidget(home)
    home.show()
    home.show_section("settings")
    page = home.sections["settings"]
    assert page.country.currentData() == "TR"
    page.clinic_name.setText("Exo Clinic")
    page.country.setCurrentIndex(page.country.findData("OTHER"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert services.clinic_settings().country == "OTHER"


def test_no_ethics_permit_is_recorded_explicitly_in_every_language(qtbot, services, runner, session_as, admin,
                                                                    messages):
    home = AdminHome(services, session_as(admin), runner)
    qtbot.addWidget(home)
    home.show()
    home.show_section("programme")
    page = home.sections["programme"]
    english, turkish = page.fields["ethics.permit"], page.fields["ethics.permit@tr"]
    assert not page.no_permit.isChecked() and english.property("missing") == "true"
    qtbot.mouseClick(page.no_permit, Qt.MouseButton.LeftButton)
    assert english.toPlainText().startswith("None: no ethics committee approval")
    assert turkish.toPlainText().startswith("Yok: bu tedavi için etik kurul onayı") and turkish.isReadOnly()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = services.programme.read(admin)
    assert stored.values["ethics.permit@tr"] == turkish.toPlainText()
    assert "ethics.permit" not in stored.missing["tr"] and "ethics.permit" not in stored.missing["en"]
    page.refresh()  # shown again as the explicit choice it is
    assert page.no_permit.isChecked() and english.isReadOnly()
    qtbot.mouseClick(page.no_permit, Qt.MouseButton.LeftButton)  # unticked: a permit number is typed instead
    assert english.toPlainText() == "" and not english.isReadOnly()
