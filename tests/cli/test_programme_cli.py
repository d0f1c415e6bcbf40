"""`exoconsult programme show|set` as a signed-in user: an administrator records a fact per language
(audited), anyone signed in reads them with what is still missing, refusals and exit codes."""

from __future__ import annotations

import json

from sqlalchemy import select

from exoconsult.cli import main
from exoconsult.storage.orm import AuditEntryRow
from tests.cli.test_case_cli import signed  # noqa: F401  (fixture)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_programme_set_and_show_from_the_command_line(signed, sqlite_ctx, capsys):  # noqa: F811
    code, out, err = run(capsys, "programme", "set", "costs.total", "tr", "4.500 EUR (KDV dahil)", *signed("admin"))
    assert code == 0 and err == "" and "recorded costs.total (tr)" in out
    code, out, _ = run(capsys, "programme", "set", "expert_advice.name", "tr", "Prof. Dr. Ece Danışman",
                       *signed("admin"))
    assert code == 0 and "every language" in out

    code, out, err = run(capsys, "programme", "show", "--json", *signed("nurse"))
    assert code == 0 and err == ""
    shown = json.loads(out)
    values = {(f["key"], f["language"]): f["value"] for f in shown["facts"]}
    assert values[("costs.total", "tr")] == "4.500 EUR (KDV dahil)" and values[("costs.total", "en")] == ""
    assert values[("expert_advice.name", "any")] == "Prof. Dr. Ece Danışman"
    assert "costs.total" in shown["missing"]["en"] and "costs.total" not in shown["missing"]["tr"]
    code, out, _ = run(capsys, "programme", "show", *signed("urologist"))
    assert code == 0 and "4.500 EUR (KDV dahil)" in out and "(not recorded)" in out
    assert "missing for a consent in tr:" in out

    code, _, err = run(capsys, "programme", "set", "costs.total", "en", "free", *signed("urologist"))
    assert code == 1 and "settings.manage" in err
    code, _, err = run(capsys, "programme", "set", "doctor.name", "en", "Dr. X", *signed("admin"))
    assert code == 2 and "not a programme fact" in err
    code, _, err = run(capsys, "programme", "set", "costs.total", "fr", "gratuit", *signed("admin"))
    assert code == 2 and "not a language" in err
    with sqlite_ctx.db.connect() as conn:
        who = conn.execute(select(AuditEntryRow.actor)
                           .where(AuditEntryRow.action == "programme_facts_changed")).scalars().all()
    assert who == ["admin", "admin"]
