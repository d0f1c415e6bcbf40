"""`exoconsult demo`: fill a data folder with a demo clinic and patients, then (by default) open the app."""

from __future__ import annotations

import argparse

from exoconsult.cli._common import data_dir, database_url, fail, start_log


def register(subparsers, common) -> None:
    p = subparsers.add_parser("demo", parents=[common],
                              help="create a demo clinic with about 20 patients in varied states and open the app")
    p.add_argument("--no-launch", action="store_true", help="only fill the data folder; do not open the app")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from exoconsult.services.clinic import open_context
    from exoconsult.services.demo import seed_demo

    dd = data_dir(args)
    if dd.db_path.exists() and dd.db_path.stat().st_size > 0 and not getattr(args, "database_url", None):
        return fail(f"{dd.root} already holds a database; demo data goes into a new, empty data folder")
    ctx = open_context(dd, database_url(args, dd))
    start_log(args, dd)  # the folder exists now
    try:
        state = seed_demo(ctx)
    finally:
        ctx.close()
    print(f"Demo data written to {dd.root}: {len(state.patient_ids)} patients.")
    for note in state.notes:
        print(note)
    if args.no_launch:
        return 0
    from exoconsult.app import run_gui

    return run_gui(str(dd.root), getattr(args, "database_url", None))
