"""The audit trail: written in the same transaction, hash-chained, append-only, and `verify` catches
every kind of edit made behind the app's back, naming the entity and the first bad entry."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from exoconsult.domain.patient import PatientData
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import verify_installation
from exoconsult.storage.integrity import check_chain, check_replay
from exoconsult.storage.triggers import drop_refuse_changes


def _patient(n: int) -> PatientData:
    return PatientData(family_name=f"Yılmaz{chr(97 + n)}", given_name="Ahmet", birth_date=date(1985, 1, n + 1),
                       mrn=f"M{n:03d}", preferred_language="tr")


@pytest.fixture
def audit_base(ctx, nurse) -> int:
    """Entries written before the test's own (creating the test accounts); seq numbers below are relative."""
    return len(_entries(ctx))


@pytest.fixture
def populated(ctx, nurse, audit_base):
    service = PatientService(ctx)
    ids = [service.create(nurse, _patient(n)).id for n in range(3)]
    dto = service.open(nurse, ids[0])
    service.update(nurse, ids[0], PatientData(**{**dto.data.__dict__, "given_name": "Mehmet"}), dto.row_version)
    assert verify_installation(ctx).ok
    return ids


def _exec(ctx, sql: str, **params) -> None:
    with ctx.db.connect(write=True) as conn:
        conn.execute(text(sql), params)
        conn.commit()


def _entries(ctx, entity: str = "patient"):
    with ctx.db.connect() as conn:
        return conn.execute(text("SELECT seq, action, entity, entity_id, actor, role FROM audit_entry "
                                 "WHERE entity = :e ORDER BY seq"), {"e": entity}).all()


def _seq(ctx, action: str, entity_id: int) -> int:
    return next(r.seq for r in _entries(ctx) if r.action == action and r.entity_id == str(entity_id))


def _all_count(ctx) -> int:
    with ctx.db.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM audit_entry")).scalar()


def test_each_change_writes_one_entry_with_actor_role_and_before_after(ctx, populated, nurse, audit_base):
    rows = _entries(ctx)[audit_base:]
    actions = [(r.action, r.entity, r.entity_id) for r in rows]
    assert actions[:3] == [("create", "patient", str(i)) for i in populated]
    assert ("view", "patient", str(populated[0])) in actions
    assert actions[-1] == ("update", "patient", str(populated[0]))
    assert {r.actor for r in rows} == {nurse.username} and {r.role for r in rows} == {"nurse"}
    with ctx.db.connect() as conn:
        before, after = conn.execute(text("SELECT before, after FROM audit_entry ORDER BY seq DESC LIMIT 1")).one()
    # an update stores what changed (field-level), not the whole row twice
    assert before is None and '{"a":"Mehmet","b":"Ahmet","p":["given_name"]}' in after
    assert '"family_name"' not in after and '"~diff":1' in after


def test_update_and_delete_on_the_audit_table_are_refused_by_the_database(ctx, populated, audit_base):
    for sql in ("UPDATE audit_entry SET actor = 'mallory'", "DELETE FROM audit_entry"):
        with pytest.raises(Exception) as info:
            _exec(ctx, sql)
        assert "write-once" in str(info.value)
    assert len(_entries(ctx)) == audit_base + 5


def test_plain_sql_edit_of_a_patient_is_reported_with_the_entity_and_last_entry(ctx, populated, audit_base):
    _exec(ctx, "UPDATE patient SET family_name = 'Forged' WHERE id = :i", i=populated[1])
    problems = check_replay(ctx.db)
    assert len(problems) == 1
    p = problems[0]
    assert (p.entity, p.entity_id, p.seq) == ("patient", str(populated[1]), _seq(ctx, "create", populated[1]))
    assert "family_name" in p.message
    assert not verify_installation(ctx).ok


def test_a_row_inserted_behind_the_apps_back_is_reported(ctx, populated):
    _exec(ctx, "INSERT INTO patient (id, mrn, family_name, given_name, birth_date, sex, national_id, phone, email, "
               "preferred_language, needs_interpreter, search_name, created_at, updated_at, row_version) VALUES "
               "(999, 'X1', 'Ghost', 'G', '1980-01-01', 'male', '', '', '', 'tr', false, 'ghost g', "
               "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)")
    problems = check_replay(ctx.db)
    assert [(p.entity_id, "no audit entry" in p.message) for p in problems] == [("999", True)]


def test_a_row_deleted_behind_the_apps_back_is_reported(ctx, populated, audit_base):
    _exec(ctx, "DELETE FROM patient WHERE id = :i", i=populated[2])
    problems = check_replay(ctx.db)
    assert [(p.entity_id, p.seq) for p in problems] == [(str(populated[2]), _seq(ctx, "create", populated[2]))]
    assert "deleted outside the app" in problems[0].message


def _drop_guard(ctx):
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    with ctx.db.write_engine.begin() as conn:
        drop_refuse_changes(Operations(MigrationContext.configure(conn)), "audit_entry")


def test_a_deleted_audit_entry_is_reported_as_the_first_bad_entry(ctx, populated, audit_base):
    _drop_guard(ctx)
    victim = _seq(ctx, "create", populated[1])
    _exec(ctx, "DELETE FROM audit_entry WHERE seq = :s", s=victim)
    problems = check_chain(ctx.db)
    assert len(problems) == 1 and problems[0].seq == victim + 1 and "missing" in problems[0].message


def test_an_altered_audit_entry_is_reported(ctx, populated, audit_base):
    _drop_guard(ctx)
    victim = _seq(ctx, "create", populated[1])
    _exec(ctx, "UPDATE audit_entry SET actor = 'someone-else' WHERE seq = :s", s=victim)
    problems = check_chain(ctx.db)
    assert [(p.seq, p.entity, p.entity_id) for p in problems] == [(victim, "patient", str(populated[1]))]
    assert "does not match its hash" in problems[0].message


def test_a_truncated_chain_tail_is_reported(ctx, populated, audit_base):
    _drop_guard(ctx)
    _exec(ctx, "DELETE FROM audit_entry WHERE seq >= :s", s=_seq(ctx, "view", populated[0]))
    problems = check_chain(ctx.db)
    assert any("cut off" in p.message for p in problems)
    # The patient edited by the removed entry no longer replays to its current state either.
    assert [p.entity_id for p in check_replay(ctx.db)] == [str(populated[0])]


def test_a_rebuilt_entry_with_a_fresh_hash_breaks_the_link_to_the_next(ctx, populated, audit_base):
    from exoconsult.storage.audit import entry_hash

    _drop_guard(ctx)
    with ctx.db.connect() as conn:
        first = _seq(ctx, "create", populated[0])
        row = dict(conn.execute(text("SELECT * FROM audit_entry WHERE seq = :s"), {"s": first}).mappings().one())
    row["actor"] = "mallory"
    new_hash = entry_hash(row)
    _exec(ctx, "UPDATE audit_entry SET actor = 'mallory', hash = :h WHERE seq = :s", h=new_hash, s=first)
    problems = check_chain(ctx.db)
    assert problems[0].seq == first + 1 and "does not link" in problems[0].message
