"""Incremental integrity checks (issue 22): after a verify that found nothing, the next check starts at
the checkpoint it recorded, re-hashes and replays only the entries after it, and still compares every
row; it catches the same tampering of rows and of the chain's tail as the full check, and a rewrite or
a cut before the checkpoint by the checkpoint itself. What only the full check sees is pinned here too,
so the README's statement of it stays true."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from exoconsult.domain.patient import PatientData
from exoconsult.services.history.patients import PatientService
from exoconsult.services.integrity.verify import refresh_checkpoint, verify_installation
from exoconsult.storage import integrity
from exoconsult.storage.checkpoints import FULL_CHECK_EVERY, latest_checkpoint
from exoconsult.storage.integrity import check_audit, check_chain, check_replay
from exoconsult.storage.triggers import drop_refuse_changes


def _patient(n: int) -> PatientData:
    return PatientData(family_name=f"Demir{chr(97 + n)}", given_name="Can", birth_date=date(1984, 2, n + 1),
                       mrn=f"CP{n:03d}", preferred_language="tr")


@pytest.fixture
def checked(ctx, nurse):
    """Four patients, one edited, and a verify that recorded a checkpoint; returns the patient ids."""
    service = PatientService(ctx)
    ids = [service.create(nurse, _patient(n)).id for n in range(4)]
    dto = service.open(nurse, ids[0])
    service.update(nurse, ids[0], PatientData(**{**dto.data.__dict__, "given_name": "Cem"}), dto.row_version)
    assert verify_installation(ctx).ok
    return ids


def _checkpoint(ctx):
    with ctx.db.connect() as conn:
        return latest_checkpoint(conn)


def _exec(ctx, sql: str, **params) -> None:
    with ctx.db.connect(write=True) as conn:
        conn.execute(text(sql), params)
        conn.commit()


def _drop_guard(ctx):
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    with ctx.db.write_engine.begin() as conn:
        drop_refuse_changes(Operations(MigrationContext.configure(conn)), "audit_entry")


def test_a_verify_records_a_checkpoint_and_the_next_check_covers_only_what_changed(ctx, checked, nurse, clock):
    first = _checkpoint(ctx)
    assert first is not None and first.scope == "full"
    PatientService(ctx).open(nurse, checked[2])  # a view: audited, not a row change
    dto = PatientService(ctx).open(nurse, checked[1])
    PatientService(ctx).update(nurse, checked[1], PatientData(**{**dto.data.__dict__, "phone": "05321234567"}),
                               dto.row_version)
    clock.advance(hours=1)
    audit = check_audit(ctx.db, now=clock.now())
    assert audit.since == first and not audit.problems
    assert set(audit.replayed.state) == {("patient", str(checked[1]))}  # only the row the new entries touched
    report = verify_installation(ctx)
    assert report.ok and any("since the last verified checkpoint" in c for c in report.checks)
    second = _checkpoint(ctx)
    assert second.seq > first.seq and second.scope == "incremental" and second.last_full_at == first.last_full_at


def test_an_incremental_check_snapshots_only_rows_whose_stored_values_changed(ctx, checked, nurse, clock,
                                                                             monkeypatch):
    """Rows untouched since they were verified are vouched for by the raw digest kept with the checkpoint;
    an edit outside the app changes it, so that row alone is snapshotted, and caught."""
    snapshots: list[str] = []
    real = integrity._row_snapshot

    def counting(row, table, excluded):
        snapshots.append(table.name)
        return real(row, table, excluded)

    monkeypatch.setattr(integrity, "_row_snapshot", counting)
    clock.advance(hours=1)
    assert check_replay(ctx.db, _checkpoint(ctx)) == [] and snapshots == []
    dto = PatientService(ctx).open(nurse, checked[1])
    PatientService(ctx).update(nurse, checked[1], PatientData(**{**dto.data.__dict__, "phone": "05321234567"}),
                               dto.row_version)
    assert check_replay(ctx.db, _checkpoint(ctx)) == [] and snapshots == ["patient"]  # the row the app changed
    snapshots.clear()
    _exec(ctx, "UPDATE patient SET phone = '05000000000' WHERE id = :i", i=checked[2])
    problems = check_replay(ctx.db, _checkpoint(ctx))
    assert [(p.entity_id, "in phone" in p.message) for p in problems] == [(str(checked[2]), True)]
    assert sorted(snapshots) == ["patient", "patient"]


def test_a_full_check_is_made_when_the_last_one_is_a_week_old(ctx, checked, clock):
    clock.advance(seconds=FULL_CHECK_EVERY.total_seconds() - 60)
    assert check_audit(ctx.db, now=clock.now()).since is not None
    clock.advance(seconds=120)
    assert check_audit(ctx.db, now=clock.now()).since is None
    assert refresh_checkpoint(ctx) == []
    assert _checkpoint(ctx).scope == "full" and _checkpoint(ctx).last_full_at == clock.now()


@pytest.mark.parametrize("sql, expected", [
    ("UPDATE patient SET family_name = 'Forged' WHERE id = :i", "differs from its audit trail in family_name"),
    ("DELETE FROM patient WHERE id = :i", "deleted outside the app"),
])
def test_rows_changed_outside_the_app_before_or_after_the_checkpoint_are_caught_by_both(ctx, checked, sql, expected):
    _exec(ctx, sql, i=checked[3])  # a row the audit has not touched since the checkpoint
    since = _checkpoint(ctx)
    for mode in (None, since):
        problems = check_replay(ctx.db, mode)
        assert [(p.entity_id, expected in p.message) for p in problems] == [(str(checked[3]), True)], mode
    assert not verify_installation(ctx).ok and _checkpoint(ctx) == since  # no checkpoint over a failure


def test_a_chain_rewritten_or_cut_before_the_checkpoint_is_caught_by_the_checkpoint(ctx, checked):
    since = _checkpoint(ctx)
    _drop_guard(ctx)
    _exec(ctx, "DELETE FROM audit_entry WHERE seq = :s", s=since.seq - 2)
    problems = check_chain(ctx.db, since)
    assert len(problems) == 1 and "1 entries up to the last verified checkpoint" in problems[0].message
    _exec(ctx, "DELETE FROM audit_entry WHERE seq >= :s", s=since.seq)
    assert "is missing" in check_chain(ctx.db, since)[0].message


def test_an_old_entry_altered_in_place_is_left_to_the_full_check(ctx, checked):
    """The limit the README states: the daily check does not re-read entries before its checkpoint."""
    since = _checkpoint(ctx)
    _drop_guard(ctx)
    _exec(ctx, "UPDATE audit_entry SET actor = 'someone-else' WHERE seq = :s", s=since.seq - 3)
    assert check_chain(ctx.db, since) == []
    assert "does not match its hash" in check_chain(ctx.db)[0].message
    assert not verify_installation(ctx, full=True).ok
