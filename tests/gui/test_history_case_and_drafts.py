"""Export case / Import case from the history page, drafts on lock and sign-out, the stage plug-in."""

from __future__ import annotations

import json

import pytest
from history_support import DialogAnswers, make_page, make_patient

from exoconsult.gui.history import case_actions, history_dialogs
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import ABSENT

pytestmark = pytest.mark.gui


@pytest.fixture
def answers(monkeypatch) -> DialogAnswers:
    log = DialogAnswers()
    monkeypatch.setattr(history_dialogs, "run_dialog", log)
    return log


def _type(widget, text: str) -> None:
    widget.edit.setText(text)
    widget.changed.emit()


def test_export_then_import_round_trips_through_the_page(qtbot, sqlite_ctx, session_as, runner, nurse, urologist,
                                                         tmp_path, monkeypatch, answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    _type(page.question("infertility_duration_months"), "30")
    page.flush()
    target = tmp_path / "out" / "case.json"
    target.parent.mkdir()
    monkeypatch.setattr(case_actions, "choose_save_path", lambda *a: str(target))
    page.view.export_button.click()
    case = json.loads(target.read_text(encoding="utf-8"))
    assert case["format"] == "exoconsult-case/1"
    assert case["history"]["infertility_duration_months"] == 30
    assert case["patient"]["family_name"] == "Yılmaz"
    assert str(target) in page.status_text()
    # When the file is edited elsewhere and imported back for the same patient (same MRN)
    case["history"]["infertility_duration_months"] = 42
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(case_actions, "choose_open_path", lambda *a: str(edited))
    page.view.import_button.click()
    # Then the page reloads and shows the imported version
    assert page.question("infertility_duration_months").value() == 42
    assert "imported" in page.status_text()
    assert answers.seen == []


def test_import_lists_every_error_with_its_json_path_and_writes_nothing(qtbot, sqlite_ctx, session_as, runner,
                                                                        nurse, urologist, tmp_path, monkeypatch,
                                                                        answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    bad = {"format": "exoconsult-case/1", "assessed_on": "2026-11-24",
           "patient": {"family_name": "Yılmaz", "given_name": "Ahmet", "birth_date": "1988-03-02", "sex": "male",
                       "mrn": "M-0001"},
           "history": {"infertility_duration_months": 900, "karyotipe": "46,XY",
                       "hormone_panels": [{"date": "2026-01-10", "fsh": {"value": 5, "unit": "g/L"}}]}}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.setattr(case_actions, "choose_open_path", lambda *a: str(path))
    page.view.import_button.click()
    (box,) = answers.seen
    text = box.text()
    assert "nothing was imported" in text
    assert "history.infertility_duration_months" in text
    assert "history.karyotipe" in text
    assert "hormone_panels[0].fsh" in text
    assert HistoryService(sqlite_ctx).get(urologist, patient_id).value("infertility_duration_months") is ABSENT


def test_import_of_a_file_that_is_not_json_says_where(qtbot, sqlite_ctx, session_as, runner, nurse, urologist,
                                                      tmp_path, monkeypatch, answers):
    patient_id = make_patient(sqlite_ctx, nurse)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    path = tmp_path / "broken.json"
    path.write_text('{"format": "exoconsult-case/1",\n  "history": {,}}', encoding="utf-8")
    monkeypatch.setattr(case_actions, "choose_open_path", lambda *a: str(path))
    page.view.import_button.click()
    assert "$: not valid JSON: line 2 column" in answers.seen[0].text()
    path.write_text('{"format": "exoconsult-case/1", "history": {}, "history": {}}', encoding="utf-8")
    page.view.import_button.click()
    assert "history: key appears more than once" in answers.seen[-1].text()


def test_lock_keeps_unsent_typing_as_the_users_private_draft(qtbot, sqlite_ctx, session_as, runner, nurse,
                                                            urologist):
    patient_id = make_patient(sqlite_ctx, nurse)
    session = session_as(nurse)
    page = make_page(qtbot, sqlite_ctx, session, runner, patient_id)
    _type(page.question("infertility_duration_months"), "18")
    assert page.autosave_timer.isActive()  # typed less than a second ago: not sent yet
    session.lock()
    service = HistoryService(sqlite_ctx)
    draft = service.load_draft(nurse, patient_id)
    assert [(c.path, c.new_value) for c in draft.changes] == [("infertility_duration_months", 18)]
    assert service.load_draft(urologist, patient_id) is None  # private to its author
    assert not page.autosave_timer.isActive()


def test_sign_out_saves_the_draft_for_the_user_who_typed_it(qtbot, sqlite_ctx, session_as, runner, nurse):
    patient_id = make_patient(sqlite_ctx, nurse)
    session = session_as(nurse)
    page = make_page(qtbot, sqlite_ctx, session, runner, patient_id)
    _type(page.question("partner_age_years"), "33")
    session.sign_out()
    draft = HistoryService(sqlite_ctx).load_draft(nurse, patient_id)
    assert [(c.path, c.new_value) for c in draft.changes] == [("partner_age_years", 33)]
    # Reopening restores it, marked, without saving it behind the user's back
    reopened = make_page(qtbot, sqlite_ctx, session_as(nurse), runner, patient_id)
    assert reopened.question("partner_age_years").value() == 33
    assert not reopened.view.banner.isHidden()
    reopened.view.discard_button.click()
    assert reopened.question("partner_age_years").value() is None
    draft = HistoryService(sqlite_ctx).load_draft(nurse, patient_id)
    assert draft is None or not draft.changes


def test_history_stage_is_registered_for_the_workspace(qtbot, sqlite_ctx, services, session_as, runner, nurse):
    from exoconsult.gui import ui_language
    from exoconsult.gui.history.history_page import HistoryPage
    from exoconsult.gui.stages import StageContext, stages

    spec = next(s for s in stages() if s.key == "history")
    assert spec.factory is not None
    patient_id = make_patient(sqlite_ctx, nurse)
    patient = services.patients.open(nurse, patient_id)
    context = StageContext(patient=patient, session=session_as(nurse), services=services, runner=runner,
                           workspace_refresh=lambda: None)
    ui_language.use_language("tr")  # signed in with the Turkish interface (reset after the test)
    page = spec.factory(context, None)
    qtbot.addWidget(page)
    assert isinstance(page, HistoryPage)
    assert page.lang == "tr"  # the questionnaire's labels follow the interface language
    assert page.view.export_button.text() == "Vakayı dışa aktar…"
    assert page.view.navigator.count() == len(page.questionnaire.sections)


def test_import_with_unusual_values_asks_before_writing(qtbot, sqlite_ctx, session_as, runner, nurse, urologist,
                                                        tmp_path, monkeypatch, answers):
    from PySide6.QtWidgets import QMessageBox

    patient_id = make_patient(sqlite_ctx, nurse)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    case = {"format": "exoconsult-case/1", "assessed_on": "2026-11-24",
            "patient": {"family_name": "Yılmaz", "given_name": "Ahmet", "birth_date": "1988-03-02", "sex": "male",
                        "mrn": "M-0001"},
            "history": {"hormone_panels": [{"date": "2026-01-10",
                                            "total_testosterone": {"value": 55, "unit": "nmol/L"}}]}}
    path = tmp_path / "unusual.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    monkeypatch.setattr(case_actions, "choose_open_path", lambda *a: str(path))
    # First the user declines: nothing is written
    answers.message_answer = QMessageBox.StandardButton.No
    page.view.import_button.click()
    assert "outside the usual range" in answers.seen[0].text()
    assert not HistoryService(sqlite_ctx).get(urologist, patient_id).groups.get("hormone_panels")
    # Then accepts: the file is imported as it is
    answers.message_answer = QMessageBox.StandardButton.Yes
    page.view.import_button.click()
    (panel,) = HistoryService(sqlite_ctx).get(urologist, patient_id).groups["hormone_panels"]
    assert panel.values["total_testosterone"].entered == {"value": 55, "unit": "nmol/L"}


def test_every_label_on_the_page_and_in_its_prompts_is_plain_text(qtbot, sqlite_ctx, session_as, runner, nurse,
                                                                  urologist, answers):
    """SEC-4: values typed by users (and form texts) are never interpreted as rich text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    patient_id = make_patient(sqlite_ctx, nurse)
    page = make_page(qtbot, sqlite_ctx, session_as(urologist), runner, patient_id)
    answers.clicks = ["correctValue"]
    _type(page.question("partner_age_years"), "60")
    page.flush()
    labels = page.findChildren(QLabel) + [label for d in answers.seen for label in d.findChildren(QLabel)]
    rich = [label.objectName() or label.text()[:30] for label in labels
            if label.text() and label.pixmap().isNull() and label.textFormat() != Qt.TextFormat.PlainText]
    assert rich == []


def test_closing_the_patient_saves_what_was_typed_in_the_last_second(qtbot, sqlite_ctx, services, session_as, runner,
                                                                     nurse):
    from exoconsult.gui.workspace import ConsultationWorkspace

    patient_id = make_patient(sqlite_ctx, nurse)
    workspace = ConsultationWorkspace(services.patients.open(nurse, patient_id), services, session_as(nurse), runner)
    qtbot.addWidget(workspace)
    page = workspace.show_stage("history")
    _type(page.question("infertility_duration_months"), "14")
    assert page.autosave_timer.isActive()
    workspace.closed.emit()
    assert HistoryService(sqlite_ctx).get(nurse, patient_id).value("infertility_duration_months") == 14
