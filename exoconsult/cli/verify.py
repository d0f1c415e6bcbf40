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
                    "2: the check could not run. Also validates stored PDFs' seals against the clinic certificate "
                    "pinned at setup (those new or changed since a verify found them valid; all with --full), and compares the audit chain with the anchors outside the database (the chain "
                    "head inside sealed documents, backup manifests, this workstation's high-water mark). "
                    "With FILE.pdf: checks that document's seal against the pinned certificate (bottom line), "
                    "that it is byte-identical to the archived record, and its status.")
    p.add_argument("file", nargs="?", metavar="FILE.pdf", help="a consent, withdrawal or procedure note PDF to check")
    p.add_argument("--backups", metavar="DIR", action="append", default=[],
                   help="also compare the audit chain with the backup manifests in DIR (e.g. the backup stick); "
                        "repeatable. The data folder's backups/ is always searched")
    p.add_argument("--full", action="store_true",
                   help="check the whole audit history instead of what was written since the last verified "
                        "checkpoint, every seal, and SQLite's thorough integrity check instead of its quick "
                        "check (also done automatically when the last full check is a week old)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from exoconsult.domain.errors import ExoError
    from exoconsult.services.integrity.verify_anchored import verify_with_anchors

    try:
        ctx = open_ctx(args, upgrade=False)
    except ExoError as exc:
        return fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - any failure to open is "cannot run", reported in one line
        return fail(f"cannot open the database: {exc.__class__.__name__}: {exc}")
    if getattr(args, "file", None):
        return _run_file(ctx, args.file)
    try:
        report, notes = verify_with_anchors(ctx, tuple(Path(d) for d in args.backups), full=args.full)
    except ExoError as exc:
        return fail(str(exc))
    except Exception as exc:  # noqa: BLE001
        return fail(f"verification could not run: {exc.__class__.__name__}: {exc}")
    finally:
        ctx.close()
    for problem in report.problems:
        print(problem.describe())
    for note in notes:
        print(note)
    if report.ok:
        print(f"OK: {', '.join(report.checks)} all hold.")
        return 0
    print(f"FAILED: {len(report.problems)} problem(s) found ({', '.join(report.checks)} checked).")
    return 1


def _run_file(ctx, name: str) -> int:
    from exoconsult.bounded_input import PDF_LIMIT, InputRefused, read_limited
    from exoconsult.services.integrity.document_check import check_pdf

    try:
        data = read_limited(name, PDF_LIMIT, "PDF")
        result = check_pdf(ctx, data)
    except InputRefused as exc:
        return fail(f"cannot read {exc}")
    except Exception as exc:  # noqa: BLE001 - e.g. no clinic key in this data folder
        return fail(f"cannot check {name}: {exc.__class__.__name__}: {exc}")
    finally:
        ctx.close()
    for warning in result.certificate_warnings:
        print(f"WARNING:   {warning.english()}")
    print(f"file:      {name}")
    print(f"seal:      {'valid' if result.seal_valid else 'NOT VALID'}"
          + (f" ({result.seal_problem.english()})" if result.seal_problem else "")
          + (f", signed by {result.signer}" if result.signer else ""))
    print(f"archive:   {'identical to the archived ' + result.kind + ' ' + result.document_id if result.found else 'NOT the archived record (no archived document has these bytes)'}")
    print(f"status:    {result.status}")
    print("RESULT:    " + ("VALID" if result.valid else "NOT VALID"))
    return 0 if result.valid else 1
