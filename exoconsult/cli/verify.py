"""`exoconsult verify`: is the record intact? Exit 0 all holds, 1 something is wrong, 2 cannot run."""

from __future__ import annotations

import argparse

from exoconsult.cli._common import fail, open_ctx


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "verify", parents=[common],
        help="check database integrity, the audit hash chain and that replaying the audit reproduces the data",
        description="Checks the database (integrity, foreign keys), the audit hash chain and its anchor, and "
                    "that replaying the audit trail reproduces every audited row. Exit 0: all holds; "
                    "1: something is wrong (each problem is listed with the entity and first bad entry); "
                    "2: the check could not run.")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError
    from exoconsult.services.verify import verify_installation

    try:
        ctx = open_ctx(args, upgrade=False)
    except ExoError as exc:
        return fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - any failure to open is "cannot run", reported in one line
        return fail(f"cannot open the database: {exc.__class__.__name__}: {exc}")
    try:
        report = verify_installation(ctx)
    except Exception as exc:  # noqa: BLE001
        return fail(f"verification could not run: {exc.__class__.__name__}: {exc}")
    finally:
        ctx.close()
    for problem in report.problems:
        print(problem.describe())
    if report.ok:
        print(f"OK: {', '.join(report.checks)} all hold.")
        return 0
    print(f"FAILED: {len(report.problems)} problem(s) found ({', '.join(report.checks)} checked).")
    return 1
