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
                    "2: the check could not run. With FILE.pdf: checks that document's seal (bottom line), that it "
                    "is byte-identical to the archived record, and its status.")
    p.add_argument("file", nargs="?", metavar="FILE.pdf", help="a consent, withdrawal or procedure note PDF to check")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError
    from exoconsult.services.integrity.verify import verify_installation

    try:
        ctx = open_ctx(args, upgrade=False)
    except ExoError as exc:
        return fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - any failure to open is "cannot run", reported in one line
        return fail(f"cannot open the database: {exc.__class__.__name__}: {exc}")
    if getattr(args, "file", None):
        return _run_file(ctx, args.file)
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


def _run_file(ctx, name: str) -> int:
    from pathlib import Path

    from exoconsult.services.consent.consent_archive import check_pdf

    try:
        data = Path(name).read_bytes()
        result = check_pdf(ctx, data)
    except OSError as exc:
        return fail(f"cannot read {name}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - e.g. no clinic key in this data folder
        return fail(f"cannot check {name}: {exc.__class__.__name__}: {exc}")
    finally:
        ctx.close()
    print(f"file:      {name}")
    print(f"seal:      {'valid' if result.seal_valid else 'NOT VALID'}"
          + (f" ({result.seal_problem})" if result.seal_problem else "")
          + (f", signed by {result.signer}" if result.signer else ""))
    print(f"archive:   {'identical to the archived ' + result.kind + ' ' + result.document_id if result.found else 'NOT the archived record (no archived document has these bytes)'}")
    print(f"status:    {result.status}")
    print("RESULT:    " + ("VALID" if result.valid else "NOT VALID"))
    return 0 if result.valid else 1
