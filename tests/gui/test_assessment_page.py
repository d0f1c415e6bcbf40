"""The Assessment stage page: banner text for each verdict (never colour alone), missing-field links that
ask for a jump into the history, the resolve dialog flow, earlier assessments, and role-dependent actions;
with the Turkish UI, field labels from the questionnaire and the protocol's Turkish rule texts.

Histories are written through the real history service (the demo's writer), so staleness here is the
real thing: an edit through HistoryService makes the shown assessment stale."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QLabel

from exoconsult.domain.patient import PatientData
from exoconsult.gui import ui_language, widgets
from exoconsult.gui.assessment.resolve_dialog import ResolveDialog
from exoconsult.gui.assessment.view import AssessmentPage
from exoconsult.services.assessment.assessments import AssessmentService
from exoconsult.services.demo.step_40_histories import write_history
from exoconsult.services.demo.step_50_assessments import DEMO_HISTORIES
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import FieldChange
from tests.consent_support import approved_forms

pytestmark = pytest.mark.gui

REASON = "Karyotype reviewed with genetics; balanced translocation, counselled."


@pytest.fixture
def assessments(sqlite_ctx, staff, tmp_path) -> AssessmentService:
    approved_forms(sqlite_ctx, staff, tmp_path / "approved-forms")  # an approved protocol opens the gate
    return AssessmentService(sqlite_ctx)


@pytest.fixture
def patient_with(services, sqlite_ctx, nurse, urologist):
    def make(label: str) -> int:
        n = len(services.patients.search(nurse, "")) + 1
        dto = services.patients.create(nurse, PatientData(family_name="Işık", given_name="Mehmet",
                                                          birth_date=date(1988, 3, 14),
                                                          mrn=f"G-{n:04d}"))
        write_history(HistoryService(sqlite_ctx), nurse, urologist, dto.id, DEMO_HISTORIES[label])
        return dto.id

    return make


@pytest.fixture
def page_for(qtbot, assessments, runner, session_as):
    def make(actor, patient_id: int) -> AssessmentPage:
        page = AssessmentPage(assessments, session_as(actor), runner, patient_id)
        qtbot.addWidget(page)
        page.resize(1000, 800)
        return page

    return make


@pytest.mark.parametrize(("label", "words"), [
    ("eligible", ["ELIGIBLE", "No rule stops this patient."]),
    ("eligible_with_caution", ["ELIGIBLE", "2 caution(s) to discuss"]),
    ("needs_review", ["NEEDS REVIEW", "must decide", "GEN-OTHER"]),
    ("ineligible", ["INELIGIBLE", "GEN-AZF-COMPLETE", "cannot be overridden"]),
    ("incomplete", ["INCOMPLETE", "3 field(s) missing", "cannot be overridden"]),
])
def test_banner_states_each_verdict_in_words_and_shape(page_for, patient_with, assessments, urologist, label, words):
    pid = patient_with(label)
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    text = page.banner.text()
    for word in words:
        assert word in text
    verdict = label.removesuffix("_with_caution")
    assert page.banner.property("verdict") == verdict
    assert page.banner.icon.shape == {"eligible": "circle", "needs_review": "triangle", "ineligible": "octagon",
                                      "incomplete": "dashed"}[verdict]
    sha = assessments.protocol_in_force(urologist).sha256
    assert page.protocol_sha.text() == sha and "exo-noa" in page.protocol_line.text()
    assert "by" in page.approval_line.text()


def test_not_yet_assessed_and_running_it(qtbot, page_for, patient_with, urologist, nurse):
    pid = patient_with("eligible")
    nurse_page = page_for(nurse, pid)
    assert "NOT ASSESSED YET" in nurse_page.banner.text() and "A urologist runs" in nurse_page.banner.text()
    assert nurse_page.run_button.isHidden() and nurse_page.resolve_button.isHidden()
    assert not nurse_page.export_button.isEnabled()
    page = page_for(urologist, pid)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert "ELIGIBLE" in page.banner.text() and page.earlier.rowCount() == 1
    assert page.run_button.text() == "Run assessment again"


def test_missing_field_link_emits_the_jump(qtbot, page_for, patient_with, assessments, urologist):
    pid = patient_with("incomplete")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    links = {link.objectName(): link for link in page.missing.links}
    assert {"missing_y_microdeletion", "missing_scrotal_ultrasound_done"} <= set(links)
    with qtbot.waitSignal(page.jump_to_field, timeout=1000) as jumped:
        links["missing_y_microdeletion"].linkActivated.emit("y_microdeletion")
    assert jumped.args == ["y_microdeletion"]
    assert 'href="y_microdeletion"' in links["missing_y_microdeletion"].text()


def test_fired_rules_are_grouped_by_outcome_with_reason_action_source(page_for, patient_with, assessments, urologist):
    pid = patient_with("eligible_with_caution")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    assert page.fired.group_titles == ["Cautions (discuss; do not block)"]
    card = page.fired.findChild(QFrame, "rule_GEN-AZFC")
    texts = [label.text() for label in card.findChildren(widgets.QLabel)]
    assert "Action" in texts and "Source" in texts
    assert any("genetic counselling" in t.lower() for t in texts)
    heading = card.findChild(widgets.QLabel, "ruleReason").text()  # the reason, in words; the id only as a code
    assert "GEN-AZFC" not in heading and len(heading.split()) > 4
    assert card.findChild(widgets.QLabel, "ruleCode").text() == "GEN-AZFC"
    assert page.derived.values["Age"].endswith("years")


def _answer_resolve(decision: str, reason: str):
    def answer(box):
        if isinstance(box, ResolveDialog):
            assert not box.record.isEnabled()  # nothing chosen, no reason yet
            (box.proceed if decision == "proceed" else box.do_not_proceed).setChecked(True)
            box.reason.setPlainText(reason[:10])
            assert not box.record.isEnabled() and "more characters needed" in box.counter.text()
            box.reason.setPlainText(reason)
            assert box.record.isEnabled()
            return QDialog.DialogCode.Accepted.value
        return 0

    return answer


def test_resolve_dialog_records_the_decision(monkeypatch, qtbot, page_for, patient_with, assessments, urologist, nurse):
    pid = patient_with("needs_review")
    assessments.run(urologist, pid)
    assert page_for(nurse, pid).resolve_button.isHidden()  # nurses see the verdict, never the decision button
    page = page_for(urologist, pid)
    assert not page.resolve_button.isHidden()
    monkeypatch.setattr(widgets, "exec_dialog", _answer_resolve("proceed", REASON))
    page.resolve_button.click()
    assert "RESOLVED: PROCEED" in page.banner.text() and REASON in page.banner.text()
    assert page.resolve_button.isHidden()
    assert assessments.eligibility_gate(nurse, pid).open


def test_cancelled_resolve_changes_nothing(monkeypatch, page_for, patient_with, assessments, urologist):
    pid = patient_with("needs_review")
    a = assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    monkeypatch.setattr(widgets, "exec_dialog", lambda box: QDialog.DialogCode.Rejected.value)
    page.resolve_button.click()
    assert assessments.get(urologist, a.id).resolution is None and "RESOLVED" not in page.banner.text()


def test_stale_assessment_and_earlier_list(sqlite_ctx, page_for, patient_with, assessments, urologist, nurse):
    pid = patient_with("needs_review")
    first = assessments.run(urologist, pid)
    HistoryService(sqlite_ctx).save_fields(nurse, pid, [FieldChange("partner_age_years", 35, base_value=33)])
    page = page_for(urologist, pid)
    assert page.banner.text().startswith("STALE — was NEEDS REVIEW") and page.banner.property("verdict") == "stale"
    assert page.resolve_button.isHidden()  # a stale review cannot be resolved
    assessments.run(urologist, pid)
    page.controller.refresh()
    assert page.earlier.rowCount() == 2 and "STALE" not in page.banner.text()
    assert page.earlier.item(1, 4).text().startswith("STALE") and page.earlier.item(0, 4).text() == "current"
    page.earlier.selectRow(1)
    assert page.shown.id == first.id and "earlier assessment" in page.banner.text()
    page.controller.refresh()
    assert page.shown.id == first.id  # a refresh keeps the chosen earlier assessment


def test_export_summary_writes_a_pdf(tmp_path, messages, page_for, patient_with, assessments, urologist):
    pid = patient_with("ineligible")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    page.export_to(str(tmp_path / "summary"))
    written = tmp_path / "summary.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert "Summary exported" in messages.texts()


def test_the_workspace_shows_the_page_and_a_missing_field_opens_the_history(qtbot, services, runner, session_as,
                                                                            patient_with, assessments, urologist):
    from exoconsult.gui.workspace import ConsultationWorkspace

    pid = patient_with("incomplete")
    assessments.run(urologist, pid)
    workspace = ConsultationWorkspace(services.patients.open(urologist, pid), services, session_as(urologist), runner)
    qtbot.addWidget(workspace)
    page = workspace.show_stage("assessment")
    assert isinstance(page, AssessmentPage) and "INCOMPLETE" in page.banner.text()
    page.missing.links[0].linkActivated.emit("y_microdeletion")
    assert workspace.current_stage() == "history"


def test_a_history_edit_shows_the_assessment_stale_without_reopening_the_patient(
        qtbot, services, runner, session_as, patient_with, assessments, urologist):
    """Issue 12: the screens refresh from what a use case changed. Type a new partner age in the open
    workspace's History stage, save, switch to Assessment: it already says STALE."""
    from exoconsult.gui.workspace import ConsultationWorkspace
    from tests.gui.history_support import key, show_active, type_here

    pid = patient_with("needs_review")
    assessments.run(urologist, pid)
    workspace = ConsultationWorkspace(services.patients.open(urologist, pid), services, session_as(urologist), runner)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    assessment = workspace.show_stage("assessment")
    assert assessment.banner.text().startswith("NEEDS REVIEW")
    history = workspace.show_stage("history")
    show_active(qtbot, workspace)
    history.jump_to_field("partner_age_years")
    key(Qt.Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
    type_here("36")
    key(Qt.Key.Key_Tab)
    history.flush()
    assert workspace.show_stage("assessment") is assessment  # the same page, not rebuilt
    assert assessment.banner.text().startswith("STALE — was NEEDS REVIEW")
    assert assessment.banner.property("verdict") == "stale"


# --- the screen in the interface language (issue 14 item 4) ---------------------------------------------

IDENTIFIER = re.compile(r"\b[a-z0-9]+(_[a-z0-9]+)+\b|\b[a-z_]+\.[a-z_]+\b")
ENGLISH = ("needed by", "Missing", "Reason", "Action", "INCOMPLETE", "ELIGIBLE", "Cautions", "years", "Age")


@pytest.fixture
def turkish_ui(qapp):
    ui_language.use_language("tr")
    assert ui_language.current_language() == "tr", "the Turkish translation is not built (./run i18n)"
    yield
    ui_language.use_language(ui_language.SOURCE_LANGUAGE)


def _visible_texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()]


def _plain(rich: str) -> str:
    return re.sub(r"<[^>]+>", "", rich)


def test_missing_fields_show_their_turkish_questionnaire_labels(turkish_ui, sqlite_ctx, page_for, patient_with,
                                                                 assessments, urologist):
    questionnaire = HistoryService(sqlite_ctx).questionnaire()
    pid = patient_with("incomplete")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    links = {link.objectName().removeprefix("missing_"): _plain(link.text()) for link in page.missing.links}
    assert {"y_microdeletion", "scrotal_ultrasound_done"} <= set(links)
    for field in ("y_microdeletion", "scrotal_ultrasound_done"):
        section = questionnaire.section_for(field)
        assert links[field].startswith(section.question(field).label["tr"]), links[field]
        assert f"({section.title['tr']})" in links[field]
    for text in links.values():
        assert "gerektiren kural" in text and not IDENTIFIER.search(text), text
    assert page.missing_heading.text() == "Eksik bilgiler"
    assert page.banner.text().startswith("EKSİK BİLGİ") and "alan eksik" in page.banner.text()
    assert page.earlier.item(0, 1).text() == "eksik bilgi"


def test_rule_texts_verdict_and_derived_values_are_turkish(turkish_ui, page_for, patient_with, assessments,
                                                          urologist):
    pid = patient_with("eligible_with_caution")
    shown = assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    assert page.banner.text().startswith("UYGUN") and "2 uyarı" in page.banner.text()
    assert page.fired.group_titles == ["Uyarılar (hastayla konuşun; engel değildir)"]
    rule = next(f for f in shown.fired if f.rule == "GEN-AZFC")
    texts = _visible_texts(page.fired.findChild(QFrame, "rule_GEN-AZFC"))
    assert {"Yapılacak", "Kaynak"} <= set(texts)
    assert any(t.endswith(rule.reason_in("tr")) for t in texts) and rule.action_in("tr") in texts
    cards = [w for w in page.fired.findChildren(QFrame) if w.objectName().startswith("rule_")]
    for card in cards:  # headed by words, never by the rule's id ("VARICOCELE"), which stays as a small code
        code, heading = (card.findChild(QLabel, name).text() for name in ("ruleCode", "ruleReason"))
        assert card.objectName() == f"rule_{code}" and code not in heading and len(heading.split()) > 3, heading
    assert len(cards) == len(shown.fired)
    assert rule.reason_in("tr") != rule.reason_in("en") and rule.reason_in("en") not in texts
    assert page.derived.values["Yaş"].endswith("yaş") and "Age" not in page.derived.values
    for text in _visible_texts(page):
        assert not any(word in text.split() for word in ENGLISH), text


def test_with_the_english_ui_missing_fields_have_english_labels_not_identifiers(sqlite_ctx, page_for, patient_with,
                                                                                 assessments, urologist):
    questionnaire = HistoryService(sqlite_ctx).questionnaire()
    pid = patient_with("incomplete")
    assessments.run(urologist, pid)
    page = page_for(urologist, pid)
    link = next(link for link in page.missing.links if link.objectName() == "missing_y_microdeletion")
    text = _plain(link.text())
    assert text.startswith(questionnaire.section_for("y_microdeletion").question("y_microdeletion").label["en"])
    assert "y_microdeletion" not in text and "needed by" in text
