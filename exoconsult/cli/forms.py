"""`exoconsult forms lint`: check everything in forms/ (CI runs it). Exit 0 clean, 1 problems listed."""

from __future__ import annotations

import argparse


def register(subparsers, common) -> None:
    p = subparsers.add_parser("forms", parents=[common], help="check the questionnaire, protocols and content in forms/")
    sub = p.add_subparsers(title="forms commands", metavar="COMMAND")
    lint = sub.add_parser(
        "lint", parents=[common], help="check every file in forms/ and list the problems",
        description="Loads the history questionnaire, every eligibility protocol and the patient-facing "
                    "content strictly and cross-checks them against the case-format vocabulary, then checks the "
                    "approvals: a file changed since it was approved (against the folder's approvals.json, "
                    "written by the app), a header that claims an approval nobody recorded, and — given "
                    "--data-dir — every file not approved in that clinic's database. Prints one line per "
                    "problem (file:line: message). Exit 0: forms OK; 1: problems found.")
    lint.add_argument("--forms", metavar="DIR", help="forms folder (default: the one shipped with the app)")
    lint.set_defaults(func=run_lint)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_lint(args: argparse.Namespace) -> int:
    from pathlib import Path

    from exoconsult.definitions.content_files import lint_approvals
    from exoconsult.definitions.lint import lint_forms, lint_warnings
    from exoconsult.services.core.context import default_forms_dir

    database = None
    if getattr(args, "data_dir", None) or getattr(args, "database_url", None):
        # The clinic's database is the record of approvals; its own forms copy is the default folder.
        from exoconsult.cli._common import close_ctx, fail, open_ctx
        from exoconsult.domain.errors import ExoError
        from exoconsult.services.content.content_approval import approvals_in_database

        try:
            ctx = open_ctx(args, upgrade=False)
        except ExoError as exc:
            return fail(str(exc))
        try:
            database = approvals_in_database(ctx)
            forms_dir = Path(args.forms) if args.forms else ctx.forms_dir
        finally:
            close_ctx(ctx)
    else:
        forms_dir = Path(args.forms) if args.forms else default_forms_dir()
    problems = lint_forms(forms_dir)
    if forms_dir.is_dir():
        problems += lint_approvals(forms_dir, database)
        for warning in lint_warnings(forms_dir):  # worth fixing, but nothing breaks: the exit code ignores them
            print(f"warning: {warning}")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {forms_dir}")
        return 1
    print("forms OK")
    return 0
