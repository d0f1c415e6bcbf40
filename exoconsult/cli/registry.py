"""`exoconsult registry report OUT.pdf [--from DATE] [--to DATE] [--csv DIR]`: the outcome registry report
for procedures in a period, as a urologist or administrator signed in (`--user NAME` with
`--password-file FILE` or `--password-stdin`); making it is audited. The PDF is for the clinic and its
ethics committee (`--public` suppresses counts below 5 in it too and leaves out the list of serious
events); the CSV tables always show counts below 5 as "< 5". Exit 0: written; 1: refused; 2: invalid.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from exoconsult.cli._common import add_sign_in_arguments, document_language, fail, run_signed_in_request


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers, common) -> None:
    p = subparsers.add_parser("registry", parents=[common], help="the outcome registry report")
    sub = p.add_subparsers(title="registry commands", metavar="COMMAND")
    rp = sub.add_parser("report", parents=[common], help="write the outcome registry report (PDF, and CSV tables)",
                        description="Patients treated, follow-up completeness, outcomes as 'k of n' with 95 %% "
                                    "Wilson intervals beside the figure without the treatment, adverse events; the "
                                    "case-series statement. For a urologist or administrator; audited.")
    rp.add_argument("out", metavar="OUT.pdf", help="where to write the PDF")
    rp.add_argument("--from", dest="first", type=_day, metavar="DATE", help="first procedure date (YYYY-MM-DD)")
    rp.add_argument("--to", dest="last", type=_day, metavar="DATE", help="last procedure date (YYYY-MM-DD)")
    rp.add_argument("--csv", metavar="DIR", help="also write the tables as CSV files into DIR (small counts "
                                                 "suppressed)")
    rp.add_argument("--language", type=document_language, default="tr", help="the report's language (default tr)")
    rp.add_argument("--public", action="store_true", help="suppress small counts in the PDF as well and leave "
                                                          "out the list of serious events")
    add_sign_in_arguments(rp)
    rp.set_defaults(func=run_report)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_report(args: argparse.Namespace) -> int:
    from exoconsult.services.registry.registry_report import RegistryService

    out = Path(args.out)
    if not out.parent.is_dir():
        return fail(f"folder {out.parent} does not exist")
    folder = Path(args.csv) if args.csv else None
    if folder is not None and folder.exists() and not folder.is_dir():
        return fail(f"{folder} is not a folder")

    def body(ctx, actor) -> int:
        report = RegistryService(ctx).report(actor, args.first, args.last, args.language, args.public)
        out.write_bytes(report.pdf)
        print(f"registry report for {report.patients} patient(s) written to {out}")
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            for name, data in report.csv.items():
                (folder / name).write_bytes(data)
            print(f"{len(report.csv)} CSV table(s) written to {folder}")
        return 0

    return run_signed_in_request(args, body)
