"""`exoconsult lots list|patients` as a signed-in user: the register with patient counts, the recall
answer with contact details for a urologist only, JSON output, exit codes, and the audit of the query."""

from __future__ import annotations

import json

from sqlalchemy import select

from exoconsult.cli import main
from exoconsult.services.procedure.procedures import ProcedureService
from exoconsult.storage.orm import AuditEntryRow
from tests.cli.test_case_cli import signed  # noqa: F401  (fixture)
from tests.procedure_support import answer_part, procedure_day_for, procedure_input


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lots_list_and_recall_from_the_command_line(signed, sqlite_ctx, staff, clock, tmp_path, capsys):  # noqa: F811
    d = procedure_day_for(sqlite_ctx, staff, clock, tmp_path)
    answer_part(sqlite_ctx, d, "before_anaesthesia")
    answer_part(sqlite_ctx, d, "time_out")
    ProcedureService(sqlite_ctx).record(d.ready.urologist, d.plan_id, procedure_input(clock))

    code, out, err = run(capsys, "lots", "list", "--json", *signed("nurse"))
    assert code == 0 and err == ""
    assert [(x["lot_number"], x["patients"]) for x in json.loads(out)] == [("EXO-2611-A", 1)]
    code, out, _ = run(capsys, "lots", "list", *signed("nurse"))
    assert code == 0 and "EXO-2611-A" in out and "1 lot(s)" in out

    code, out, err = run(capsys, "lots", "patients", "EXO-2611-A", "--json", *signed("urologist"))
    assert code == 0, err
    found = json.loads(out)
    assert [(p["mrn"], p["left_volume_ml"], p["right_volume_ml"]) for p in found] == [("C-1", 0.5, 0.5)]
    assert {"phone", "email", "birth_date", "procedure_date"} <= set(found[0])
    code, out, _ = run(capsys, "lots", "patients", "EXO-2611-A", *signed("urologist"))
    assert code == 0 and "C-1" in out and "1 patient(s) received lot EXO-2611-A" in out

    code, _, err = run(capsys, "lots", "patients", "EXO-2611-A", *signed("nurse"))
    assert code == 1 and "lot.recall_query" in err
    code, _, err = run(capsys, "lots", "patients", "NO-SUCH-LOT", *signed("urologist"))
    assert code == 2 and "no lot numbered" in err
    with sqlite_ctx.db.connect() as conn:
        who = conn.execute(select(AuditEntryRow.actor).where(AuditEntryRow.action == "recall_query")).scalars().all()
    assert who == ["urologist", "urologist"]
