"""The demo's adverse events and the registry report from the command line: the serious event's sealed
reports (Turkish and English) pass `verify`, its sendings leave nothing owed on Today, and
`exoconsult registry report` writes the PDF (both languages) and the suppressed CSV tables, signed in,
refused for a nurse, audited."""

from __future__ import annotations

import csv
import io
import os
import shutil

import pytest
from pypdf import PdfReader

from exoconsult.cli import main
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo") / "data"
    assert main(["demo", "--data-dir", str(root), "--no-launch"]) == 0
    for who in ("urologist", "nurse"):
        (root.parent / f"pw-{who}").write_text(DEMO_ACCOUNTS[who][4] + "\n", encoding="utf-8")
    return root


def _run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_demos_serious_event_and_its_reports(demo_dir, capsys):
    reports = sorted((demo_dir / "archive" / "sae-reports").glob("sae-*.pdf"))
    assert len(reports) == 2
    texts = [" ".join(PdfReader(str(p)).pages[0].extract_text().split()) for p in reports]
    assert {("Ciddi advers olay" in t, "Serious adverse event" in t) for t in texts} == {(True, False), (False, True)}
    for report in reports:
        code, out, _ = _run(capsys, "verify", str(report), "--data-dir", str(demo_dir))
        assert code == 0 and "serious adverse event report" in out
    code, out, _ = _run(capsys, "verify", "--data-dir", str(demo_dir))
    assert code == 0 and "archived serious adverse event reports" in out

    from exoconsult.config import DataDir
    from exoconsult.services.accounts.auth import AuthService
    from exoconsult.services.clinic import open_context
    from exoconsult.services.today.today import TodayService

    ctx = open_context(DataDir(demo_dir), None)
    try:
        nurse = AuthService(ctx).login("nurse", DEMO_ACCOUNTS["nurse"][4])
        assert TodayService(ctx).overview(nurse).sae_deadlines == ()
    finally:
        ctx.close()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_registry_report_of_the_demo(demo_dir, capsys, tmp_path, language):
    auth = ["--data-dir", str(demo_dir), "--user", "urologist", "--password-file", str(demo_dir.parent / "pw-urologist")]
    out_pdf, folder = tmp_path / "registry.pdf", tmp_path / "csv"
    code, out, err = _run(capsys, "registry", "report", str(out_pdf), "--csv", str(folder), "--language", language,
                          *auth)
    assert code == 0 and "written" in out and err == ""
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(str(out_pdf)).pages).split())
    assert {"tr": "Kontrol grubu olmayan", "en": "cannot show that the treatment works"}[language] in text
    assert {"tr": "Advers olaylar", "en": "Adverse events"}[language] in text
    assert sorted(p.name for p in folder.iterdir()) == ["adverse_events.csv", "followup_completeness.csv",
                                                        "outcomes.csv", "treated.csv"]
    for path in folder.iterdir():
        rows = list(csv.DictReader(io.StringIO(path.read_text())))
        counts = [v for row in rows for k, v in row.items() if k not in ("value", "visit", "outcome", "dimension")]
        assert not any(c.isdigit() and int(c) < 5 for c in counts), (path.name, counts)  # small counts suppressed
    if os.environ.get("LOOK_DIR"):
        shutil.copy(out_pdf, os.path.join(os.environ["LOOK_DIR"], f"registry-demo-{language}.pdf"))
    nurse = ["--data-dir", str(demo_dir), "--user", "nurse", "--password-file", str(demo_dir.parent / "pw-nurse")]
    code, _, err = _run(capsys, "registry", "report", str(tmp_path / "no.pdf"), *nurse)
    assert code == 1 and not (tmp_path / "no.pdf").exists()
    with pytest.raises(SystemExit) as bad:
        main(["registry", "report", str(tmp_path / "no.pdf"), "--from", "2026-13-01", *auth])
    assert bad.value.code == 2 and "not a date" in capsys.readouterr().err
