"""`exoconsult doctor`: check this installation, one line per check with a plain fix.
Exit 0: no problem (warnings allowed); 1: at least one problem. Reads only: creates and changes nothing."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

QT_PROBE_TIMEOUT = 60


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "doctor", parents=[common], help="check this installation (Qt, fonts, database, seal key, content, "
                                         "backups, disk, clock, disk encryption) and say how to fix what is wrong",
        description="Checks this installation and prints one line per check; a check that is not OK says how to "
                    "fix it. Exit 0: no problem (warnings allowed); 1: at least one problem.")
    p.add_argument("--qt-probe", action="store_true", help=argparse.SUPPRESS)  # the child process of the Qt check
    p.set_defaults(func=run)


def self_command() -> list[str]:
    """How to start this program again: the bundled executable itself, or this Python with -m."""
    return [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "exoconsult"]


def qt_check():
    from exoconsult.services.integrity.installation_checks import CheckResult, Status

    name = "Qt"
    try:
        done = subprocess.run([*self_command(), "doctor", "--qt-probe"], capture_output=True, text=True,
                              timeout=QT_PROBE_TIMEOUT, check=False, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    except subprocess.TimeoutExpired:
        return CheckResult(name, Status.PROBLEM, f"Qt did not start within {QT_PROBE_TIMEOUT} s", _qt_fix())
    for line in done.stdout.splitlines():
        if done.returncode == 0 and line.startswith("qt-ok platform="):
            return CheckResult(name, Status.OK, f"the '{line.split('=', 1)[1]}' platform plugin loads")
    said = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    reason = next((line for line in said if "platform plugin" in line), said[-1] if said else "no message")
    return CheckResult(name, Status.PROBLEM, f"Qt cannot start (exit {done.returncode}): {reason[:300]}", _qt_fix())


def _qt_fix() -> str:
    if sys.platform.startswith("linux"):
        return ("install Qt's system libraries: sudo apt-get install libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 "
                "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 "
                "libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libfontconfig1 libdbus-1-3; and unset QT_QPA_PLATFORM "
                "if it names a plugin that does not exist")
    return "reinstall ExoConsult (the Qt plugins are part of the program); unset QT_QPA_PLATFORM if it is set"


def run(args: argparse.Namespace) -> int:
    if args.qt_probe:
        from exoconsult.gui.qt_probe import probe

        return probe()
    from exoconsult import app_log
    from exoconsult.cli._common import command_name
    from exoconsult.config import DataDir, resolve_data_dir
    from exoconsult.services.integrity.installation_checks import Status, installation_for, run_checks

    dd = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
    if dd.root.is_dir():  # a missing data folder is reported below, not created
        app_log.configure(dd.logs_dir, f"command {command_name(args)}")
    results = run_checks(installation_for(dd, getattr(args, "database_url", None)), extra=[("Qt", qt_check)])
    print(f"ExoConsult installation check, data folder {dd.root}")
    for result in results:
        print(result.line())
    problems = [r for r in results if r.status is Status.PROBLEM]
    warnings = [r for r in results if r.status is Status.WARNING]
    app_log.log.info("doctor: %d problem(s) (%s), %d warning(s) (%s)", len(problems),
                     ", ".join(r.name for r in problems), len(warnings), ", ".join(r.name for r in warnings))
    print(f"{len(problems)} problem(s), {len(warnings)} warning(s).")
    return 1 if problems else 0
