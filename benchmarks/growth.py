"""How the paths a user waits on grow with the clinic (issue 22): `./run bench --growth [SIZE ...]`.

Builds one clinic from `exoconsult demo` (every stage, sealed consents, procedures) and grows it through
the real services to each size (default 2,500 and 10,000 patients). What each added patient has:

- every one: arrives by `case import` (patient and andrology history, audited) and gets an eligibility
  assessment; the histories cycle through the demo's seven verdicts;
- 5 in 14 (36 %, `signs`; the issue's clinic: about a third): the explanation click by click (11 sections
  shown and discussed, a question, the comprehension check with one wrong answer, five teach-back points,
  an interpreter for the English-speaking third), then 15 days later a consent signed by the patient, a
  urologist and a staff witness, rendered, sealed and archived, and its patient copy printed — the same
  calls as the demo's signing patients, so the same rows, 68-70 audit entries (22-25 KB of audit text)
  and an archived PDF of about 88 KB each (a patient without a consent: 4 entries, 6 KB). How that is made
  affordable without changing what is stored: benchmarks/growth_consents.py.

At each size it reports the database size (and per patient; the archive folder beside it), the Today view
(median ms and SQL statements), opening a patient (the audited open plus the history the first stage shows;
and in the real main window, offscreen, until the first stage is on screen: benchmarks/gui_open.py), `verify`
incremental and `--full`, and a backup (wall time, CPU and peak memory of each command in its own process).
Prints one JSON line per size."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_use_cases import Counter  # noqa: E402
from benchmarks.growth_consents import consent_for, growth_signers  # noqa: E402
from exoconsult.config import DataDir  # noqa: E402
from exoconsult.services.accounts.auth import AuthService  # noqa: E402
from exoconsult.services.assessment.assessments import AssessmentService  # noqa: E402
from exoconsult.services.clinic import open_context  # noqa: E402
from exoconsult.services.consent.consents import ConsentService  # noqa: E402
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS  # noqa: E402
from exoconsult.services.demo.step_50_assessments import DEMO_HISTORIES  # noqa: E402
from exoconsult.services.history.cases import CaseService  # noqa: E402
from exoconsult.services.history.history import HistoryService  # noqa: E402
from exoconsult.services.history.patients import PatientService  # noqa: E402
from exoconsult.services.integrity.verify import verify_installation  # noqa: E402
from exoconsult.services.today.today import TodayService  # noqa: E402


def _letters(n: int) -> str:
    return "".join(chr(97 + int(d)) for d in f"{n:06d}")  # names may hold no digits


def signs(n: int) -> bool:
    """Whether grown patient n signs a consent: the histories cycle through DEMO_HISTORIES' seven verdicts,
    of which eligible (0), eligible with caution (1) and the stale one's eligible history (6) open the gate;
    every other man judged eligible with caution does not go ahead. 5 in 14 sign (36 %; the issue's clinic:
    about a third)."""
    return n % 7 in (0, 6) or (n % 7 == 1 and n % 2 == 0)


def grow(ctx, urologist, signers, start: int, stop: int) -> int:
    """Patients start..stop-1 imported and assessed; those who sign (`signs`) explained, signed and printed by
    the growth's signing accounts (benchmarks/growth_consents.py). Returns the number of consents signed."""
    cases, assessments = CaseService(ctx), AssessmentService(ctx)
    histories = list(DEMO_HISTORIES.values())
    signed = 0
    for n in range(start, stop):
        language = "tr" if n % 3 else "en"
        case = {"format": "exoconsult-case/1",
                "patient": {"mrn": f"GR{n:06d}", "family_name": f"Büyüme{_letters(n)}", "given_name": "Ali",
                            "birth_date": f"19{70 + n % 25}-0{1 + n % 9}-1{n % 9}", "sex": "male",
                            "preferred_language": language},
                "history": histories[n % len(histories)]}
        result = cases.import_case(urologist, case, accept_warnings=True)
        if result.errors:
            raise SystemExit(f"growth import refused: {result.errors}")
        assessments.run(urologist, result.patient_id)
        if signs(n):
            consent_for(ctx, *signers, result.patient_id, language, f"Ali Büyüme{_letters(n)}")
            signed += 1
    return signed


_MEASURE = ("import resource, subprocess, sys, time, json; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); w = time.perf_counter() - t; "
            "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
            "print(json.dumps({'rc': p.returncode, 'out': p.stdout[-2000:] + p.stderr[-2000:], 's': w, "
            "'cpu': r.ru_utime + r.ru_stime, 'kib': r.ru_maxrss}))")


def _command(root: Path, *argv: str) -> dict:
    """Wall time, CPU seconds and peak RSS of one CLI command, measured by a process of its own around it."""
    proc = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "exoconsult", *argv,
                           "--data-dir", str(root)], capture_output=True, text=True, cwd=ROOT, check=True)
    m = json.loads(proc.stdout)
    if m["rc"] != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {m['out']}")
    return {"s": round(m["s"], 1), "cpu_s": round(m["cpu"], 1), "peak_mib": round(m["kib"] / 1024)}


def _gui_open(root: Path, ids: list[int]) -> dict:
    """Opening a patient in the real main window, offscreen, in a process of its own (benchmarks/gui_open.py)."""
    import os

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gui_open.py"), str(root), *map(str, ids)],
                          capture_output=True, text=True, cwd=ROOT, env=env)
    figures = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not figures:
        raise SystemExit(f"gui_open.py failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    # Printed before the window is torn down; a crash after it (seen once at exit) does not undo the figures.
    return {**json.loads(figures[-1]), **({"gui_exit": proc.returncode} if proc.returncode else {})}


def _database_bytes(ctx, root: Path) -> int:
    if ctx.db.is_sqlite:
        return (root / "exoconsult.sqlite").stat().st_size
    from sqlalchemy import text

    with ctx.db.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar())


def time_today(ctx, nurse) -> tuple[float, int]:
    """The Today view's refresh as the nurse gets it: (median ms of 7 after a warm-up, SQL statements of one)."""
    today = TodayService(ctx)
    today.overview(nurse)
    times = []
    for _ in range(7):
        t = time.perf_counter()
        today.overview(nurse)
        times.append(time.perf_counter() - t)
    with Counter({ctx.db.write_engine, ctx.db.read_engine}) as counts:
        today.overview(nurse)
    return round(statistics.median(times) * 1000, 1), counts.statements


def measure(ctx, root: Path, nurse, patients: int, password_file: Path) -> dict:
    today_ms, today_sql = time_today(ctx, nurse)
    people, history = PatientService(ctx), HistoryService(ctx)
    ids = [p.id for p in people.search(nurse, "Büyüme", 50)]
    opens = []
    for pid in ids[:15]:
        t = time.perf_counter()
        people.open(nurse, pid)
        history.get(nurse, pid)
        opens.append(time.perf_counter() - t)
    db_bytes = _database_bytes(ctx, root)
    backups = root.parent / f"backup-{patients}"
    backups.mkdir(exist_ok=True)
    archive_bytes = sum(f.stat().st_size for f in (root / "archive").rglob("*") if f.is_file())
    out = {"benchmark": f"growth_{patients}_patients", "db_mib": round(db_bytes / 2**20),
           "db_kib_per_patient": round(db_bytes / 1024 / patients), "archive_mib": round(archive_bytes / 2**20),
           "today_ms": today_ms, "today_sql": today_sql,
           "open_patient_ms": round(statistics.median(opens) * 1000, 1)}
    out.update(_gui_open(root, ids[:12]))
    out["verify_full"] = _command(root, "verify", "--full")  # also records the checkpoint
    out["verify_daily"] = _command(root, "verify")
    # The same daily check as the app runs it (the daily backup's refresh of the checkpoint): imports are
    # loaded, so this is the check's own cost, which the command adds about 2 s of start-up to.
    cpu, wall = time.process_time(), time.perf_counter()
    assert verify_installation(ctx).ok
    out["verify_daily_in_app"] = {"s": round(time.perf_counter() - wall, 1), "cpu_s": round(time.process_time() - cpu, 1)}
    auth = ["--user", "admin", "--password-file", str(password_file)]
    if ctx.db.is_sqlite:  # a PostgreSQL clinic is backed up by its server (pg_dump), not by the app
        out["backup"] = _command(root, "backup", str(backups), *auth)
    return out


def write_readme(results: list[dict]) -> None:
    """The figures go into README.md between the growth markers, beside the table `./run bench` writes."""
    import os
    import platform
    from datetime import UTC, datetime

    readme = ROOT / "README.md"
    start, end = "<!-- growth:start -->", "<!-- growth:end -->"
    text = readme.read_text(encoding="utf-8")
    if start not in text or end not in text:
        return
    rows = ["| patients (signed consents) | database (archive folder) | Today | open patient (services) | open patient (GUI) | verify (daily) "
            "| verify --full | backup | build |", "|---|---|---|---|---|---|---|---|---|"]
    def cmd(m: dict) -> str:
        return f"{m['s']} s, {m['cpu_s']} s CPU, {m['peak_mib']} MiB"

    for r in results:
        rows.append(f"| {r['patients']:,} ({r['consents']:,}) | {r['db_mib']} MiB, {r['db_kib_per_patient']} KiB/patient "
                    f"({r['archive_mib']} MiB) | "
                    f"{r['today_ms']} ms, {r['today_sql']} SQL statements | {r['open_patient_ms']} ms | "
                    f"{r['open_patient_gui_ms']} ms (max {r['open_patient_gui_max_ms']} ms; {r['open_patient_gui_cpu_ms']} ms CPU) | "
                    f"{cmd(r['verify_daily'])}; in the app {r['verify_daily_in_app']['s']} s "
                    f"({r['verify_daily_in_app']['cpu_s']} s CPU) | {cmd(r['verify_full'])} | {cmd(r['backup'])} | "
                    f"{'built before' if r['build_s'] is None else str(r['build_s']) + ' s'} |")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    head, rest = text.split(start, 1)
    readme.write_text(f"{head}{start}\nMeasured {stamp} on {machine} by `./run bench --growth`.\n\n"
                      + "\n".join(rows) + f"\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")


def measure_kept(roots: list[Path]) -> list[dict]:
    """The figures of clinics built before with --keep (each measured as it is now, with this checkout's
    code): to build while the machine is busy and measure when it is idle."""
    results = []
    for root in roots:
        ctx = open_context(DataDir(root))
        try:
            nurse = AuthService(ctx).login("nurse", DEMO_ACCOUNTS["nurse"][4])
            patients = len(PatientService(ctx).search(nurse, "", 100_000))
            consents = len(ConsentService(ctx).list(nurse))
            with tempfile.TemporaryDirectory() as tmp:
                password_file = Path(tmp) / "admin.pw"
                password_file.write_text(DEMO_ACCOUNTS["admin"][4] + "\n", encoding="utf-8")
                result = measure(ctx, root, nurse, patients, password_file)
        finally:
            ctx.close()
        result.update(patients=patients, consents=consents, build_s=None)
        results.append(result)
        print(json.dumps(result), flush=True)
    return results


def main() -> int:
    """`growth.py [SIZE ...] [--database-url URL] [--keep DIR]`: with a PostgreSQL URL (an empty database) the
    clinic is grown there and the figures are printed, not written into the README; with --keep the clinic is
    built in DIR (new) and left there, to look at or time something else on (figures printed, README untouched).
    `growth.py --measure DIR [DIR ...]` measures clinics kept before and writes the README's table."""
    args = sys.argv[1:]
    if args[:1] == ["--measure"]:
        write_readme(measure_kept([Path(a) for a in args[1:]]))
        return 0
    url = keep = None
    if "--database-url" in args:
        at = args.index("--database-url")
        url = args[at + 1]
        del args[at:at + 2]
    if "--keep" in args:
        at = args.index("--keep")
        keep = Path(args[at + 1])
        del args[at:at + 2]
    sizes = sorted(int(a) for a in args) or [2500, 10000]
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = keep or Path(tmp) / "clinic"
        if url:  # the workstation's own settings name the database, for every command and the GUI below
            DataDir(root).ensure()
            DataDir(root).local_settings_path.write_text(json.dumps({"database_url": url}), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "exoconsult", "demo", "--no-launch", "--data-dir", str(root)],
                       check=True, capture_output=True, cwd=ROOT)
        password_file = Path(tmp) / "admin.pw"
        password_file.write_text(DEMO_ACCOUNTS["admin"][4] + "\n", encoding="utf-8")
        ctx = open_context(DataDir(root))
        try:
            auth = AuthService(ctx)
            urologist = auth.login("urologist", DEMO_ACCOUNTS["urologist"][4])
            nurse = auth.login("nurse", DEMO_ACCOUNTS["nurse"][4])
            signers = growth_signers(ctx, auth.login("admin", DEMO_ACCOUNTS["admin"][4]))
            have = len(PatientService(ctx).search(nurse, "", 100_000))
            consents = len(ConsentService(ctx).list(nurse))  # the demo's
            for size in sizes:
                t = time.perf_counter()
                consents += grow(ctx, urologist, signers, have, size)
                built = time.perf_counter() - t
                have = size
                result = measure(ctx, root, nurse, size, password_file)
                result["build_s"] = round(built)
                result["patients"] = size
                result["consents"] = consents
                results.append(result)
                print(json.dumps(result), flush=True)
        finally:
            ctx.close()
    if url is None and keep is None:
        write_readme(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
