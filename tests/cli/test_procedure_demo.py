"""The demo's procedure day: a lot in every status (the recalled one received by a patient), sealed notes
in Turkish and English that `verify` accepts, and today's checklist stopped by an expired consent."""

from __future__ import annotations

import json

import pytest

from exoconsult.cli import main
from exoconsult.domain.procedure_day import LOT_STATUSES
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS
from exoconsult.services.demo.step_55_treated import COHORT


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "data"
    assert main(["demo", "--data-dir", str(root), "--no-launch"]) == 0
    (root.parent / "pw").write_text(DEMO_ACCOUNTS["urologist"][4] + "\n", encoding="utf-8")
    return root


def _run(capsys, *argv) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_demo_lots_notes_and_the_stopped_checklist(demo_dir, capsys):
    auth = ["--data-dir", str(demo_dir), "--user", "urologist", "--password-file", str(demo_dir.parent / "pw")]
    code, out = _run(capsys, "lots", "list", "--json", *auth)
    lots = json.loads(out)
    assert code == 0 and {x["status"] for x in lots} == set(LOT_STATUSES)
    recalled = next(x for x in lots if x["status"] == "recalled")
    assert recalled["patients"] == 1
    code, out = _run(capsys, "lots", "patients", recalled["lot_number"], "--json", *auth)
    assert code == 0 and len(json.loads(out)) == 1
    notes = sorted((demo_dir / "archive" / "procedure-notes").glob("note-*.pdf"))
    assert len(notes) == 2 + len(COHORT)  # this morning's two, and the five treated six months ago
    for note in notes:
        code, out = _run(capsys, "verify", str(note), "--data-dir", str(demo_dir))
        assert code == 0 and "procedure note" in out
    code, out = _run(capsys, "verify", "--data-dir", str(demo_dir))
    assert code == 0 and "archived procedure notes" in out

    from exoconsult.config import DataDir
    from exoconsult.services.accounts.auth import AuthService
    from exoconsult.services.clinic import open_context
    from exoconsult.services.procedure.checklist import ChecklistService

    ctx = open_context(DataDir(demo_dir), None)
    try:
        nurse = AuthService(ctx).login("nurse", DEMO_ACCOUNTS["nurse"][4])
        days = ChecklistService(ctx).today(nurse)
        languages = {d.language for d in days if d.note_document_id}
        assert languages == {"tr", "en"}
        assert [d.consent_status for d in days if d.stopped] == ["expired"]
    finally:
        ctx.close()


def test_demo_follow_up_at_every_stage_with_outcomes(demo_dir):
    from exoconsult.config import DataDir
    from exoconsult.services.accounts.auth import AuthService
    from exoconsult.services.clinic import open_context
    from exoconsult.services.followup.followup import FollowupService
    from exoconsult.services.today.today import TodayService

    ctx = open_context(DataDir(demo_dir), None)
    try:
        nurse = AuthService(ctx).login("nurse", DEMO_ACCOUNTS["nurse"][4])
        followups = FollowupService(ctx).clinic(nurse)
        assert len(followups) == len(COHORT) + 2
        statuses = {v.status for fu in followups for v in fu.visits}
        assert {"due", "overdue", "done", "missed", "lost", "upcoming"} <= statuses
        assert sum(fu.lost_since is not None for fu in followups) == 1
        events = [e.kind for p in FollowupService(ctx).registry(nurse) for e in p.events]
        assert events.count("sperm_in_ejaculate") == 1 and events.count("clinical_pregnancy") == 1
        assert {"sperm_retrieval", "icsi"} <= set(events)
        today = TodayService(ctx).overview(nurse).followup
        assert today.due_this_week and today.overdue and today.missed
    finally:
        ctx.close()
