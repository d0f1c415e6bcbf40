"""Field-level audit entries in a real database (issue 22): a history edit stores the answers that
changed, the replay still reproduces every row in both verify modes, entries written in the older
full-snapshot format still replay beside the new ones, and the daily check catches more than before:
an older entry of a row touched since the checkpoint must still rebuild the state verified there."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from exoconsult.domain.patient import PatientData
from exoconsult.services.history.history import HistoryService
from exoconsult.services.history.history_dto import FieldChange
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage import audit
from exoconsult.storage.checkpoints import latest_checkpoint
from exoconsult.storage.integrity import check_replay
from exoconsult.storage.triggers import drop_refuse_changes

ANSWERS = [("infertility_duration_months", "36"), ("infertility_type", "primary"), ("partner_age_years", "31"),
           ("partner_evaluated", True)]


@pytest.fixture
def patient_id(ctx, nurse) -> int:
    data = PatientData(family_name="Kaya", given_name="Emre", birth_date=date(1987, 6, 2), mrn="FL-001")
    return PatientService(ctx).create(nurse, data).id


def _type_answers(ctx, nurse, patient_id, answers) -> None:
    service = HistoryService(ctx)
    for path, value in answers:  # one save per answer, as the history page's autosave does
        base = service.get(nurse, patient_id).value(path)
        assert service.save_fields(nurse, patient_id, [FieldChange(path, value, base)]).ok


def _history_entries(ctx) -> list:
    with ctx.db.connect() as conn:
        return conn.execute(text("SELECT seq, action, before, after FROM audit_entry WHERE entity = 'history_version' "
                                 "AND action IN ('create', 'update') ORDER BY seq")).all()


def _assert_both_modes_verify(ctx) -> None:
    for full in (True, False):  # the full check records the checkpoint the daily one starts from
        report = verify_installation(ctx, full=full)
        assert report.ok, [p.describe() for p in report.problems]


def test_a_history_edit_stores_the_answer_that_changed_and_both_checks_replay_it(ctx, nurse, patient_id):
    _type_answers(ctx, nurse, patient_id, ANSWERS)
    _assert_both_modes_verify(ctx)
    _type_answers(ctx, nurse, patient_id, [("partner_age_years", "32")])
    update = _history_entries(ctx)[-1]
    doc = json.loads(update.after)
    assert update.action == "update" and update.before is None and doc["patient_id"] == patient_id
    assert {"p": ["history", "partner_age_years"], "b": 31, "a": 32} in doc["changes"]
    assert "infertility_type" not in update.after  # the rest of the document is not repeated
    _assert_both_modes_verify(ctx)


def test_entries_in_the_older_full_format_still_replay_beside_field_level_ones(ctx, nurse, patient_id, monkeypatch):
    with monkeypatch.context() as m:  # a database written before field-level entries existed
        m.setattr(audit, "entry_values", lambda before, after, _previous: (before, after))
        _type_answers(ctx, nurse, patient_id, ANSWERS[:2])
    _type_answers(ctx, nurse, patient_id, ANSWERS[2:])
    kinds = ["full" if e.before else "fields" for e in _history_entries(ctx)[1:]]
    assert kinds == ["full", "fields", "fields"]
    _assert_both_modes_verify(ctx)


def test_an_edit_outside_the_app_after_field_level_entries_is_caught_by_both_checks(ctx, nurse, patient_id):
    _type_answers(ctx, nurse, patient_id, ANSWERS)
    _assert_both_modes_verify(ctx)
    with ctx.db.connect(write=True) as conn:
        conn.execute(text("UPDATE history_version SET history = replace(history, 'primary', 'secondary')"))
        conn.commit()
    with ctx.db.connect() as conn:
        since = latest_checkpoint(conn)
    for mode in (None, since):
        problems = check_replay(ctx.db, mode)
        assert [p.entity for p in problems] == ["history_version"], mode
        assert "differs from its audit trail in history" in problems[0].message


def test_an_older_entry_of_a_row_changed_since_the_checkpoint_is_caught_by_the_daily_check(ctx, nurse, patient_id):
    _type_answers(ctx, nurse, patient_id, ANSWERS)
    _assert_both_modes_verify(ctx)
    create = _history_entries(ctx)[0]
    with ctx.db.write_engine.begin() as conn:
        from alembic.migration import MigrationContext
        from alembic.operations import Operations

        drop_refuse_changes(Operations(MigrationContext.configure(conn)), "audit_entry")
        conn.execute(text("UPDATE audit_entry SET after = replace(after, 'infertility_duration_months', 'x') "
                          "WHERE seq = :s"), {"s": create.seq})
    _type_answers(ctx, nurse, patient_id, [("partner_age_years", "33")])  # the row is touched again
    with ctx.db.connect() as conn:
        since = latest_checkpoint(conn)
    problems = check_replay(ctx.db, since)
    assert [p.seq for p in problems] == [_history_entries(ctx)[-1].seq]
    assert "earlier audit entries of this row no longer reproduce its verified state" in problems[0].message
    assert not verify_installation(ctx).ok
