"""`exoconsult case export|import`: case files in the format of spec/case-format.md.

Both act as a signed-in member of staff: `--user NAME` with the password from `--password-file FILE`
or `--password-stdin` (never on the command line). The audit records that user, exactly as in the app.
Exit 0: done; 1: refused (plausibility warnings not confirmed, permission, sign-in); 2: the file or
the request is invalid (each problem on stderr with its JSON path).
"""

from __future__ import annotations

import argparse
import json
import sys

from exoconsult.cli._common import add_sign_in_arguments, run_signed_in_request


def register(subparsers, common) -> None:
    p = subparsers.add_parser("case", parents=[common], help="export or import a case file (history exchange format)")
    sub = p.add_subparsers(title="case commands", metavar="COMMAND")
    exp = sub.add_parser("export", parents=[common], help="write a patient's newest history as a case file",
                         description="Writes the patient's newest history version as an exoconsult-case/1 file "
                                     "(values as entered, units kept). The export is audited.")
    which = exp.add_mutually_exclusive_group(required=True)
    which.add_argument("--mrn", help="the patient's medical record number")
    which.add_argument("--patient-id", type=int, help="the patient's internal id")
    exp.add_argument("out", metavar="OUT.json")
    add_sign_in_arguments(exp)
    exp.set_defaults(func=run_export)
    imp = sub.add_parser("import", parents=[common], help="validate a case file and add it as a history version",
                         description="Validates the whole file first and reports every problem with its JSON path; "
                                     "writes nothing unless it is all valid. A patient whose MRN is registered gets a "
                                     "new history version (nothing is overwritten); otherwise the patient is created.")
    imp.add_argument("case_file", metavar="CASE.json")
    imp.add_argument("--accept-warnings", action="store_true",
                     help="confirm implausible values (e.g. a likely unit mix-up) the check warned about")
    add_sign_in_arguments(imp)
    imp.set_defaults(func=run_import)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from exoconsult.services.history.cases import CaseService

    def body(ctx, actor) -> int:
        service = CaseService(ctx)
        patient_id = args.patient_id if args.patient_id is not None else service.find_patient(actor, args.mrn)
        case = service.export_case(actor, patient_id)
        out = Path(args.out)
        tmp = out.with_name(out.name + ".partial")
        tmp.write_text(json.dumps(case, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(out)
        print(f"Exported patient {patient_id} to {out}")
        return 0

    return run_signed_in_request(args, body)


def run_import(args: argparse.Namespace) -> int:
    from exoconsult.bounded_input import CASE_FILE_LIMIT, InputRefused, load_json_file
    from exoconsult.cli._common import fail
    from exoconsult.services.history.cases import CaseService

    try:
        data = load_json_file(args.case_file, CASE_FILE_LIMIT, "case file")
    except InputRefused as exc:
        return fail(str(exc))

    def body(ctx, actor) -> int:
        result = CaseService(ctx).import_case(actor, data, accept_warnings=args.accept_warnings)
        for path, why in result.errors.items():
            print(f"{args.case_file}: {path}: {why}", file=sys.stderr)
        if result.errors:
            print(f"{args.case_file}: {len(result.errors)} problem(s); nothing was imported", file=sys.stderr)
            return 2
        for warning in result.warnings:
            print(f"{args.case_file}: warning: {warning}", file=sys.stderr)
        if result.needs_confirmation:
            print(f"{args.case_file}: nothing was imported; check the values above and rerun with "
                  "--accept-warnings to confirm them", file=sys.stderr)
            return 1
        for note in result.notes:
            print(f"note: {note}")
        who = "new patient" if result.created_patient else "patient"
        print(f"Imported {args.case_file}: {who} {result.patient_id}, history version {result.version}")
        return 0

    return run_signed_in_request(args, body)
