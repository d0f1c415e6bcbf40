"""The procedure day on SQLite and PostgreSQL: the checklist in order and by the right roles, the record
with its lot, the sealed note (valid; a flipped byte or an appended update is not), the addendum, the
recall query, verify, and the write-once triggers."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from exoconsult.domain.errors import PermissionDenied, ValidationError
from exoconsult.services.core.changes import Part, collect_changes
from exoconsult.services.integrity.document_check import check_document_id, check_pdf
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.services.procedure.checklist import ChecklistService
from exoconsult.services.procedure.lots import LotService
from exoconsult.services.procedure.procedures import ProcedureService
from exoconsult.services.procedure.recall import RecallService
from tests.procedure_support import answer_part, procedure_day_for, procedure_input


@pytest.fixture
def d(ctx, staff, clock, tmp_path):
    return procedure_day_for(ctx, staff, clock, tmp_path)


def test_the_day_from_checklist_to_sealed_note_and_recall(ctx, d, clock):
    checklist, procedures = ChecklistService(ctx), ProcedureService(ctx)
    nurse, urologist = d.ready.nurse, d.ready.urologist
    assert checklist.day(nurse, d.plan_id).stage == "before_anaesthesia"
    with pytest.raises(ValidationError, match="before anaesthesia"):
        checklist.answer(urologist, d.plan_id, "read_aloud", True)
    with pytest.raises(ValidationError, match="detail"):
        checklist.answer(nurse, d.plan_id, "antithrombotic_plan", True)
    with collect_changes() as log:
        state = answer_part(ctx, d, "before_anaesthesia", actor=nurse)
    assert log.changes.touches(Part.PROCEDURE, patient_id=d.ready.patient_id)
    assert state.stage == "time_out" and state.lot_id == d.lot_id
    lot_item = next(i for i in state.items if i.key == "lot_chosen")
    assert lot_item.answered_by == "Ayşe Nurse" and "EXO-2611-A" in lot_item.lot_label
    with pytest.raises(PermissionDenied):
        checklist.answer(nurse, d.plan_id, "read_aloud", True)
    with pytest.raises(ValidationError, match="time-out"):
        procedures.record(urologist, d.plan_id, procedure_input(clock))
    assert answer_part(ctx, d, "time_out").stage == "procedure"
    with pytest.raises(ValidationError, match="Record the procedure"):
        checklist.answer(nurse, d.plan_id, "scrotal_check", True)
    with pytest.raises(PermissionDenied):
        procedures.record(nurse, d.plan_id, procedure_input(clock))
    with pytest.raises(ValidationError) as bad:
        procedures.record(urologist, d.plan_id, procedure_input(clock, left_volume_ml=-1, needle_gauge=12,
                                                                cord_block=False, skin_infiltration=False,
                                                                events=("other",)))
    assert set(bad.value.problems) == {"left_volume_ml", "needle_gauge", "technique", "events_note"}
    assert procedures.record(urologist, d.plan_id, procedure_input(clock)).stage == "sign_out"
    with pytest.raises(ValidationError, match="already recorded"):
        procedures.record(urologist, d.plan_id, procedure_input(clock))
    with pytest.raises(ValidationError, match="sign-out"):
        procedures.issue_note(urologist, d.plan_id)
    assert answer_part(ctx, d, "sign_out", actor=nurse).stage == "note"
    note = procedures.issue_note(urologist, d.plan_id)
    assert note.language == "tr" and checklist.day(nurse, d.plan_id).stage == "done"
    with pytest.raises(ValidationError, match="already sealed"):
        procedures.issue_note(urologist, d.plan_id)

    pdf = procedures.note_pdf(nurse, note.document_id)
    result = check_pdf(ctx, pdf)
    assert result.valid and result.kind == "procedure note" and result.status == "sealed"
    flipped = bytearray(pdf)
    flipped[len(pdf) // 3] ^= 0x01
    assert not check_pdf(ctx, bytes(flipped)).valid
    appended = check_pdf(ctx, pdf + b"\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert not appended.valid and not appended.identical_to_archive
    assert check_document_id(ctx, note.document_id).valid

    addendum = procedures.addendum(urologist, note.document_id, "Sağ testise verilen hacim 0,4 mL olmalıydı.")
    assert addendum.corrects_document_id == note.document_id
    assert "corrected by addendum" in check_pdf(ctx, pdf).status
    assert check_pdf(ctx, procedures.note_pdf(nurse, addendum.document_id)).valid
    assert [n.kind for n in procedures.notes(nurse, d.plan_id)] == ["note", "addendum"]

    sheet = procedures.discharge_sheet(nurse, d.plan_id)
    assert sheet.startswith(b"%PDF")
    recipients = RecallService(ctx).recipients(urologist, "EXO-2611-A")
    assert [(r.patient_id, r.left_volume_ml, r.right_volume_ml) for r in recipients] == [(d.ready.patient_id, 0.5, 0.5)]
    with pytest.raises(PermissionDenied):
        RecallService(ctx).recipients(nurse, "EXO-2611-A")
    assert [lot.patients for lot in LotService(ctx).list(nurse)] == [1]
    assert [e.event for e in LotService(ctx).get(nurse, d.lot_id).events] == ["received", "released", "used"]
    assert verify_installation(ctx).ok
    with ctx.db.write_engine.connect() as conn:
        for statement in ("UPDATE procedure_note SET language = 'en'", "DELETE FROM procedure_record",
                          "UPDATE procedure_checklist_answer SET answer = 'no'", "DELETE FROM product_lot_event",
                          "UPDATE product_lot SET expiry_date = received_on", "DELETE FROM product_lot"):
            with pytest.raises(Exception, match="write-once"):
                conn.execute(text(statement))
            conn.rollback()


def test_a_note_missing_from_the_archive_is_reported_and_repaired(ctx, d, clock):
    from exoconsult.services.procedure.procedure_note import repair_note_archive

    answer_part(ctx, d, "before_anaesthesia")
    answer_part(ctx, d, "time_out")
    ProcedureService(ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock))
    answer_part(ctx, d, "sign_out")
    note = ProcedureService(ctx).issue_note(d.ready.urologist, d.plan_id)
    from pathlib import Path

    Path(note.archive_path).unlink()
    assert any("missing" in p.message for p in verify_installation(ctx).problems)
    repair_note_archive(ctx)
    assert verify_installation(ctx).ok
