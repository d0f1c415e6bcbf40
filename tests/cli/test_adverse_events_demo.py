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
    assert all("İlk bildirim" in t or "Initial report" in t for t in texts)  # one report, in two languages
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


def test_the_registry_figures_of_the_demo_are_its_story_hand_counted(demo_dir):
    """step_55/75: five men treated six months ago — day-1 calls all done; one day-7 visit missed; at month 3
    one with sperm in the ejaculate, one whose later retrieval found sperm (ICSI, clinical pregnancy), one
    missed, one overdue, one lost; month 6 now due — and this morning's two men (step_70). step_85: a
    swelling (grade 1, probable), the fever after the recalled lot (grade 3, hospitalisation, probable) and a
    vasovagal reaction (grade 1, certain)."""
    from exoconsult.config import DataDir
    from exoconsult.domain.people import SYSTEM_ACTOR
    from exoconsult.services.clinic import open_context
    from exoconsult.services.core.work import open_work
    from exoconsult.services.registry.registry_data import registry_data

    ctx = open_context(DataDir(demo_dir), None)
    try:
        with open_work(ctx, SYSTEM_ACTOR, write=False) as work:
            data = registry_data(work)
    finally:
        ctx.close()
    assert data.treated == 7
    visits = {key: {s: c for s, c in counts.items() if c} for key, _, counts in data.visits}
    assert visits == {"day1_call": {"done": 5, "upcoming": 2}, "day7": {"done": 4, "missed": 1, "upcoming": 2},
                      "month3": {"done": 2, "missed": 1, "overdue": 1, "lost": 1, "upcoming": 2},
                      "month6": {"due": 4, "lost": 1, "upcoming": 2}, "month12": {"lost": 1, "upcoming": 6}}
    assert {key: (p.k, p.n) for key, p, _ in data.outcomes} == {
        "sperm_by_month3": (1, 2), "sperm_by_month6": (0, 0), "sperm_by_month12": (0, 0),
        "sperm_found_at_retrieval": (1, 1), "clinical_pregnancy": (1, 7), "live_birth": (0, 7),
        "congenital_anomaly": (0, 0)}
    assert (data.events, data.patients_with_events) == (3, 3)
    assert data.by_term == {"swelling": 1, "infection": 1, "vasovagal": 1}
    assert {g: n for g, n in data.by_grade.items() if n} == {1: 2, 3: 1}
    assert data.by_seriousness == {"serious": 1, "not_serious": 2}
    assert {r: n for r, n in data.by_relatedness.items() if n} == {"certain": 1, "probable": 2}
    [serious] = data.serious
    assert (serious.term, serious.days_after_procedure, serious.grade, serious.criteria) == (
        "infection", 0, 3, ("hospitalisation",))
