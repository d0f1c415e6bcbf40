"""`exoconsult forms lint`: check everything in forms/ (CI runs it). Exit 0 clean, 1 problems listed."""

from __future__ import annotations

import argparse


def register(subparsers, common) -> None:
    p = subparsers.add_parser("forms", parents=[common], help="check the questionnaire, protocols and content in forms/")
    sub = p.add_subparsers(title="forms commands", metavar="COMMAND")
    lint = sub.add_parser(
        "lint", parents=[common], help="check every file in forms/ and list the problems",
        description="Loads the history questionnaire, every eligibility protocol and the patient-facing "
                    "content strictly and cross-checks them against the case-format vocabulary. Prints one "
                    "line per problem (file:line: message). Exit 0: forms OK; 1: problems found.")
    lint.add_argument("--forms", metavar="DIR", help="forms folder (default: the one shipped with the app)")
    lint.set_defaults(func=run_lint)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_lint(args: argparse.Namespace) -> int:
    from pathlib import Path

    from exoconsult.definitions.lint import lint_forms
    from exoconsult.services.core.context import default_forms_dir

    forms_dir = Path(args.forms) if args.forms else default_forms_dir()
    problems = lint_forms(forms_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {forms_dir}")
        return 1
    print("forms OK")
    return 0
