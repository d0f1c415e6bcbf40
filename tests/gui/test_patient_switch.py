"""Opening one patient after another in the clinician's home (issue 22: history section pages are built
when first shown): the second patient's screen shows his own answers only, typing into it writes his
record only, and what was typed for the first patient and not yet sent is kept for the first patient."""

from __future__ import annotations

import pytest
from history_support import make_patient

from exoconsult.gui.clinician_home import ClinicianHome
from exoconsult.gui.history.history_page import HistoryPage
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import FieldChange

pytestmark = pytest.mark.gui


def _type(widget, text: str) -> None:
    widget.edit.setText(text)
    widget.changed.emit()


@pytest.fixture
def home(qtbot, services, runner, session_as, urologist):
    widget = ClinicianHome(services, session_as(urologist), runner)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def history_of(home) -> HistoryPage:
    page = home.workspace.current_page()
    assert isinstance(page, HistoryPage) and page.stored is not None
    return page


def open_patient(home, patient_id: int) -> HistoryPage:
    home.open_patient(patient_id)
    assert home.opened_patient_id() == patient_id
    return history_of(home)


def _with_answers(ctx, actor, service) -> int:
    """Patient A: a duration, a karyotype and one hormone panel stored."""
    pid = make_patient(ctx, actor, "Aydın", "SW-A")
    row, _ = service.add_row(actor, pid, "hormone_panels")
    result = service.save_fields(actor, pid, [
        FieldChange("infertility_duration_months", 30), FieldChange("karyotype", "47,XXY"),
        FieldChange(f"hormone_panels/{row}/date", "2026-11-02"),
        FieldChange(f"hormone_panels/{row}/fsh", {"value": 24.1, "unit": "IU/L"})])
    assert result.ok, result
    return pid


def test_the_next_patient_shows_his_own_answers_and_edits_write_only_his_record(qtbot, home, sqlite_ctx,
                                                                                urologist):
    service = HistoryService(sqlite_ctx)
    a = _with_answers(sqlite_ctx, urologist, service)
    b = make_patient(sqlite_ctx, urologist, "Kaya", "SW-B")
    c = make_patient(sqlite_ctx, urologist, "Polat", "SW-C")
    service.save_fields(urologist, c, [FieldChange("infertility_duration_months", 7)])

    page = open_patient(home, a)
    assert page.question("infertility_duration_months").value() == 30
    page.show_section("genetics")  # sections A's screen showed: built while A was open
    assert page.question("karyotype").value() == "47,XXY"
    assert page.view.navigator.completion_text(page.section_index("genetics")).startswith("1/")
    page.show_section("hormone_panels")
    assert page.page_for("hormone_panels").group_editor.model.rowCount() == 1

    page = open_patient(home, b)  # nothing stored for B
    assert page.patient_id == b
    assert page.question("infertility_duration_months").value() is None
    page.show_section("genetics")
    assert page.question("karyotype").value() is None
    editor = page.page_for("hormone_panels").group_editor
    assert editor.model.rowCount() == 0 and editor.current_key() == ""
    assert page.view.navigator.completion_text(page.section_index("genetics")).startswith("0/")  # A's: 1/…

    page.show_section("infertility_partner")
    _type(page.question("infertility_duration_months"), "12")
    page.flush()
    assert service.get(urologist, b).fields["infertility_duration_months"].entered == 12
    assert service.get(urologist, a).fields["infertility_duration_months"].entered == 30
    assert "karyotype" not in service.get(urologist, b).fields

    page = open_patient(home, c)  # different values again
    assert page.question("infertility_duration_months").value() == 7
    page = open_patient(home, a)  # and back: A as he was
    assert page.question("infertility_duration_months").value() == 30
    assert page.question("karyotype").value() == "47,XXY"


def test_typing_not_yet_sent_stays_with_its_patient_when_another_is_opened(qtbot, home, sqlite_ctx, urologist):
    service = HistoryService(sqlite_ctx)
    a = _with_answers(sqlite_ctx, urologist, service)
    b = make_patient(sqlite_ctx, urologist, "Kaya", "SW-B")

    page = open_patient(home, a)
    _type(page.question("infertility_duration_months"), "44")
    assert page.autosave_timer.isActive()  # typed less than a second ago: not sent yet
    page = open_patient(home, b)

    draft = service.load_draft(urologist, a)
    kept = {c.path: c.new_value for c in draft.changes} if draft is not None else {}
    stored_a = service.get(urologist, a).fields["infertility_duration_months"].entered
    assert kept.get("infertility_duration_months") == 44 or stored_a == 44  # kept for A, not lost
    assert page.question("infertility_duration_months").value() is None  # not shown on B
    assert "infertility_duration_months" not in service.get(urologist, b).fields
    assert service.load_draft(urologist, b) is None

    page = open_patient(home, a)  # A's screen has it back (restored draft, or stored)
    assert page.question("infertility_duration_months").value() == 44
