"""Assessments as records: the snapshot, staleness after a history change, the eligibility gate, and the
needs_review resolution rules (>= 20 characters, needs_review only, urologists only, not stale, once).

The history is supplied by `InMemoryHistory`, a CaseSource holding case `history` blocks with a version
counter, so these tests pin the assessment rules independently of the history screen's storage.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from exoconsult.definitions.protocol import load_protocol
from exoconsult.domain.errors import NotFound, PermissionDenied, ValidationError
from exoconsult.domain.patient import PatientData
from exoconsult.services.assessment.assessments import (
    AssessmentRefused,
    AssessmentService,
    patient_block,
)
from exoconsult.services.assessment.judging import CurrentHistory
from exoconsult.services.demo.step_50_assessments import DEMO_HISTORIES, history_variant
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage.orm import AuditEntryRow
from tests.consent_support import approve_everything, approved_forms

REPO_FORMS = Path(__file__).resolve().parents[2] / "forms"
REASON = "Karyotype reviewed with genetics; balanced translocation, counselled, proceed."


class InMemoryHistory:
    """Test CaseSource: the current `history` block per patient, version bumped on each change."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.histories: dict[int, tuple[dict, int]] = {}

    def put(self, patient_id: int, history: dict) -> None:
        _, version = self.histories.get(patient_id, ({}, 0))
        self.histories[patient_id] = (json.loads(json.dumps(history)), version + 1)

    def current(self, work, patient_id: int) -> CurrentHistory:
        history, version = self.histories.get(patient_id, ({}, 0))
        return CurrentHistory(patient_block(work, patient_id), history, version)


@pytest.fixture
def source(ctx) -> InMemoryHistory:
    return InMemoryHistory(ctx)


@pytest.fixture
def service(ctx, staff, source, tmp_path) -> AssessmentService:
    approved_forms(ctx, staff, tmp_path / "approved-forms")  # only an approved protocol opens the gate
    return AssessmentService(ctx, case_source=source)


@pytest.fixture
def make_patient(ctx, nurse, source):
    made = iter(range(1, 1000))

    def make(history: dict, born: date = date(1988, 3, 2)) -> int:
        n = next(made)
        dto = PatientService(ctx).create(nurse, PatientData(family_name="Yılmaz", given_name="Ahmet",
                                                            birth_date=born, mrn=f"T-{n:04d}"))
        source.put(dto.id, history)
        return dto.id

    return make


def _entries(ctx, entity: str) -> list[AuditEntryRow]:
    with ctx.db.session(write=False) as s:
        return list(s.query(AuditEntryRow).filter(AuditEntryRow.entity == entity).order_by(AuditEntryRow.seq))


def test_snapshot_holds_inputs_in_canonical_units_protocol_verdict_and_who(ctx, service, make_patient, urologist, clock):
    pid = make_patient(DEMO_HISTORIES["eligible"])
    a = service.run(urologist, pid)
    protocol = load_protocol(ctx.forms_dir / "protocols" / "exo-noa")
    assert a.verdict == "eligible" and a.fired == () and a.missing == ()
    assert (a.protocol.id, a.protocol.version, a.protocol.sha256) == (protocol.id, protocol.version, protocol.sha256)
    # the approval recorded in the database for exactly these bytes (the file's header approves nothing)
    assert a.protocol.approved_by == "Dr. Deniz Uro" and a.protocol.approved_on == clock.now().date().isoformat()
    assert a.run_by == urologist.display_name and a.run_by_username == "urologist" and a.run_at == clock.now()
    # 310 ng/dL was entered; the snapshot keeps the canonical nmol/L value the rules compared
    assert a.inputs["history"]["hormone_panels"][0]["total_testosterone"] == pytest.approx(310 * 0.0347)
    assert a.derived["age_years"] == 38 and a.assessed_on == clock.now().date()
    assert not a.stale and a.history_version == 1
    stored = service.latest(urologist, pid)
    assert stored == a
    created = _entries(ctx, "assessment")
    assert [e.action for e in created] == ["create"] and json.loads(created[0].after)["verdict"] == "eligible"
    assert verify_installation(ctx).ok


def test_fired_rules_and_missing_fields_are_stored_sorted(service, make_patient, urologist):
    a = service.run(urologist, make_patient(DEMO_HISTORIES["incomplete"]))
    assert a.verdict == "incomplete"
    fields = {m.field: m.needed_by for m in a.missing}
    assert "GEN-YCMD-DONE" in fields["y_microdeletion"] and "scrotal_ultrasound_done" in fields
    b = service.run(urologist, make_patient(DEMO_HISTORIES["eligible_with_caution"]))
    assert b.verdict == "eligible"
    assert [f.rule for f in b.fired] == ["GEN-AZFC", "VARICOCELE"] and {f.outcome for f in b.fired} == {"caution"}
    assert all(f.reason and f.action and f.source for f in b.fired)
    c = service.run(urologist, make_patient(DEMO_HISTORIES["ineligible"]))
    assert c.verdict == "ineligible" and c.fired_by_outcome()["ineligible"][0].rule == "GEN-AZF-COMPLETE"


def test_a_history_change_marks_the_assessment_stale_and_closes_the_gate(service, source, make_patient, urologist, nurse):
    pid = make_patient(DEMO_HISTORIES["eligible"])
    first = service.run(urologist, pid)
    assert service.eligibility_gate(nurse, pid).open
    source.put(pid, history_variant(partner_age_years=34))
    latest = service.latest(nurse, pid)
    assert latest.id == first.id and latest.stale
    gate = service.eligibility_gate(nurse, pid)
    assert not gate.open and "changed" in gate.reason
    second = service.run(urologist, pid)
    assert not second.stale and second.history_version == 2
    assert [(a.id, a.stale) for a in service.list(nurse, pid)] == [(second.id, False), (first.id, True)]
    assert service.eligibility_gate(nurse, pid).open
    # changing the answer back makes the first assessment current again: staleness is by content
    source.put(pid, DEMO_HISTORIES["eligible"])
    assert not service.get(nurse, first.id).stale


def test_a_patient_edit_the_rules_read_marks_stale(ctx, service, make_patient, urologist, nurse):
    pid = make_patient(DEMO_HISTORIES["eligible"])
    service.run(urologist, pid)
    patients = PatientService(ctx)
    dto = patients.open(nurse, pid)
    patients.update(nurse, pid, PatientData(**{**dto.data.__dict__, "phone": "+90 532 000 0000"}), dto.row_version)
    assert not service.latest(nurse, pid).stale  # a phone number is not something the rules read
    dto = patients.open(nurse, pid)
    patients.update(nurse, pid, PatientData(**{**dto.data.__dict__, "birth_date": date(1960, 1, 1)}), dto.row_version)
    assert service.latest(nurse, pid).stale


def test_resolution_needs_a_reason_of_20_characters_and_is_stored_and_audited(ctx, service, make_patient, urologist, nurse):
    pid = make_patient(DEMO_HISTORIES["needs_review"])
    a = service.run(urologist, pid)
    assert a.verdict == "needs_review" and a.resolvable
    assert not service.eligibility_gate(nurse, pid).open
    with pytest.raises(ValidationError) as err:
        service.resolve(urologist, a.id, "proceed", "  too short reason  ")
    assert "reason" in err.value.problems
    with pytest.raises(ValidationError):
        service.resolve(urologist, a.id, "maybe", REASON)
    resolved = service.resolve(urologist, a.id, "proceed", REASON)
    assert resolved.resolution.decision == "proceed" and resolved.resolution.reason == REASON
    assert resolved.resolution.resolved_by == urologist.display_name and not resolved.resolvable
    gate = service.eligibility_gate(nurse, pid)
    assert gate.open and "proceed" in gate.reason
    entries = _entries(ctx, "assessment_resolution")
    assert len(entries) == 1 and json.loads(entries[0].after)["reason"] == REASON
    with pytest.raises(AssessmentRefused, match="already been resolved"):
        service.resolve(urologist, a.id, "do_not_proceed", REASON)
    assert verify_installation(ctx).ok


def test_do_not_proceed_keeps_the_gate_closed(service, make_patient, urologist, nurse):
    pid = make_patient(DEMO_HISTORIES["needs_review"])
    a = service.run(urologist, pid)
    service.resolve(urologist, a.id, "do_not_proceed", "Genetics advise against any experimental treatment.")
    assert not service.eligibility_gate(nurse, pid).open


def test_only_urologists_resolve_and_run(service, make_patient, urologist, nurse, admin):
    pid = make_patient(DEMO_HISTORIES["needs_review"])
    with pytest.raises(PermissionDenied):
        service.run(nurse, pid)
    a = service.run(urologist, pid)
    for other in (nurse, admin):
        with pytest.raises(PermissionDenied):
            service.resolve(other, a.id, "proceed", REASON)
    assert service.get(urologist, a.id).resolution is None


@pytest.mark.parametrize("verdict", ["eligible", "ineligible", "incomplete"])
def test_only_needs_review_can_be_resolved(service, make_patient, urologist, verdict):
    a = service.run(urologist, make_patient(DEMO_HISTORIES[verdict]))
    assert a.verdict == verdict and not a.resolvable
    with pytest.raises(AssessmentRefused, match="Only a 'needs review' verdict"):
        service.resolve(urologist, a.id, "proceed", REASON)


def test_a_stale_or_superseded_assessment_cannot_be_resolved(service, source, make_patient, urologist):
    pid = make_patient(DEMO_HISTORIES["needs_review"])
    old = service.run(urologist, pid)
    source.put(pid, history_variant(karyotype="other_abnormal", partner_age_years=35))
    with pytest.raises(AssessmentRefused, match="history changed"):
        service.resolve(urologist, old.id, "proceed", REASON)
    service.run(urologist, pid)
    source.put(pid, history_variant(karyotype="other_abnormal", partner_age_years=33))  # old is current again
    with pytest.raises(AssessmentRefused, match="newer assessment"):
        service.resolve(urologist, old.id, "proceed", REASON)
    with pytest.raises(NotFound):
        service.resolve(urologist, 999_999, "proceed", REASON)


def test_snapshots_and_resolutions_are_write_once_in_the_database(ctx, service, make_patient, urologist):
    a = service.run(urologist, make_patient(DEMO_HISTORIES["needs_review"]))
    service.resolve(urologist, a.id, "proceed", REASON)
    for statement in ("UPDATE assessment SET verdict = 'eligible'", "DELETE FROM assessment",
                      "UPDATE assessment_resolution SET decision = 'do_not_proceed'", "DELETE FROM assessment_resolution"):
        with ctx.db.write_engine.connect() as conn, pytest.raises(Exception, match="write-once"):
            conn.execute(text(statement))
            conn.commit()


def test_gate_without_any_assessment_is_closed(service, make_patient, nurse):
    gate = service.eligibility_gate(nurse, make_patient(DEMO_HISTORIES["eligible"]))
    assert not gate.open and gate.assessment_id is None


def test_summary_pdf_is_rendered_and_its_export_audited(ctx, service, make_patient, urologist, nurse):
    a = service.run(urologist, make_patient(DEMO_HISTORIES["needs_review_resolved"]))
    service.resolve(urologist, a.id, "proceed", REASON)
    pdf = service.summary_pdf(nurse, a.id)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    assert [e.action for e in _entries(ctx, "assessment")][-1] == "export"


def test_an_edit_through_the_history_service_marks_stale(ctx, nurse, urologist):
    """The default CaseSource: the history as the history service stores it."""
    from exoconsult.services.demo.step_40_histories import write_history
    from exoconsult.services.history.history import HistoryService
    from exoconsult.services.history.history_dto import FieldChange

    pid = PatientService(ctx).create(nurse, PatientData(family_name="Öztürk", given_name="Burak",
                                                        birth_date=date(1990, 5, 30), mrn="H-0001")).id
    history = HistoryService(ctx)
    write_history(history, nurse, urologist, pid, DEMO_HISTORIES["needs_review"])
    service = AssessmentService(ctx)
    a = service.run(urologist, pid)
    assert a.verdict == "needs_review" and not a.stale and a.history_version == history.get(nurse, pid).version
    history.save_fields(nurse, pid, [FieldChange("partner_age_years", 35, base_value=33)])
    assert service.latest(nurse, pid).stale
    with pytest.raises(AssessmentRefused):
        service.resolve(urologist, a.id, "proceed", REASON)
    assert not service.eligibility_gate(nurse, pid).open


def test_an_unapproved_protocol_cannot_open_the_gate(ctx, source, make_patient, urologist, nurse):
    ctx.forms_dir = REPO_FORMS  # the shipped protocol is not approved
    shipped = AssessmentService(ctx, case_source=source)
    a = shipped.run(urologist, make_patient(DEMO_HISTORIES["eligible"]))
    assert a.verdict == "eligible" and a.protocol.approved_by == "" and a.protocol.approved_on == ""
    gate = shipped.eligibility_gate(nurse, a.patient_id)
    assert not gate.open and "not approved by the clinic" in gate.reason


def test_an_assessment_under_an_earlier_protocol_cannot_open_the_gate(ctx, staff, service, make_patient, urologist,
                                                                      nurse):
    pid = make_patient(DEMO_HISTORIES["eligible"])
    service.run(urologist, pid)
    assert service.eligibility_gate(nurse, pid).open
    path = ctx.forms_dir / "protocols" / "exo-noa" / "protocol.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("min_age_years: {default: 18", "min_age_years: {default: 19")
                    .replace('version: "1.1.0"', 'version: "1.1.1"'), encoding="utf-8")
    gate = service.eligibility_gate(nurse, pid)
    assert not gate.open and "protocol changed" in gate.reason
    service.run(urologist, pid)  # judged by the changed protocol, which nobody approved yet
    assert not service.eligibility_gate(nurse, pid).open
    approve_everything(ctx, staff)
    service.run(urologist, pid)
    assert service.eligibility_gate(nurse, pid).open
