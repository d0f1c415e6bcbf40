"""`exoconsult export research|fhir`: data that leaves the clinic, as a signed-in member of staff.

`research` writes the pseudonymised research export (registry patients only, no identifiers, dates as
day numbers; CSV per table, REDCap data dictionary, README, manifest) into an empty folder. Free text is
left out unless --include-free-text: the command then prints every text and a review code, and includes
them only when run again with --free-text-reviewed CODE (the code changes when the texts do).
`fhir` writes one FHIR R4 Bundle per patient (identified: for a hospital taking over his care).
Both are audited. Exit 0: done; 1: refused (sign-in, permission, free text awaiting review); 2: bad input.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers, common) -> None:
    from exoconsult.cli._common import add_sign_in_arguments

    p = subparsers.add_parser("export", parents=[common], help="research (pseudonymised) or FHIR exports")
    sub = p.add_subparsers(title="export commands", metavar="COMMAND")
    res = sub.add_parser("research", parents=[common], help="pseudonymised research export with its data dictionary",
                         description="Writes the registry patients' data, pseudonymised, into OUT_DIR (which must be "
                                     "new or empty): one CSV per table, summary.csv, a REDCap data dictionary (CSV and "
                                     "Markdown), README.txt and manifest.json. Audited with the pseudonyms exported.")
    res.add_argument("out_dir", metavar="OUT_DIR")
    res.add_argument("--from", dest="start", type=_date, metavar="DATE", help="first procedure on or after DATE")
    res.add_argument("--to", dest="end", type=_date, metavar="DATE", help="first procedure on or before DATE")
    res.add_argument("--include-free-text", action="store_true", help="also export typed text, after review")
    res.add_argument("--free-text-reviewed", metavar="CODE", help="the review code printed for the texts")
    res.add_argument("--manufacturer-only", action="store_true",
                     help="only patients who agreed to sharing with the manufacturer (an export for the manufacturer)")
    add_sign_in_arguments(res)
    res.set_defaults(func=run_research)
    fhir = sub.add_parser("fhir", parents=[common], help="FHIR R4 bundles (identified), one file per patient",
                          description="Writes one FHIR R4 Bundle per patient (Patient, Consent, DocumentReference with "
                                      "each sealed PDF, QuestionnaireResponse, Observations, Procedure) into OUT_DIR. "
                                      "Identified data: for a hospital taking over the patient's care. Audited.")
    which = fhir.add_mutually_exclusive_group(required=True)
    which.add_argument("--mrn", help="the patient's medical record number")
    which.add_argument("--all", action="store_true", help="every patient")
    fhir.add_argument("out_dir", metavar="OUT_DIR")
    add_sign_in_arguments(fhir)
    fhir.set_defaults(func=run_fhir)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def review_code(texts) -> str:
    digest = hashlib.sha256()
    for item in texts:
        digest.update(f"{item.pseudonym}\0{item.table}\0{item.variable}\0{item.text}\0".encode())
    return digest.hexdigest()[:8]


def run_research(args: argparse.Namespace) -> int:
    from exoconsult.cli._common import fail, one_line, run_signed_in
    from exoconsult.domain.errors import ValidationError
    from exoconsult.services.exports.cohort import Period
    from exoconsult.services.exports.research_export import ResearchExportService, ResearchOptions

    options = ResearchOptions(Period(args.start, args.end), include_free_text=args.include_free_text,
                              manufacturer_only=args.manufacturer_only)

    def body(ctx, actor) -> int:
        service = ResearchExportService(ctx)
        try:
            if args.include_free_text:
                texts = service.free_text_for_review(actor, options)
                code = review_code(texts)
                if args.free_text_reviewed != code:
                    for t in texts:
                        print(f"{t.pseudonym} {t.table}.{t.variable}: {one_line(t.text)}")
                    print(f"{len(texts)} free text(s) above would leave the clinic. Read them; if none names or "
                          f"identifies anyone, rerun with --free-text-reviewed {code}", file=sys.stderr)
                    return 1
            result = service.export(actor, args.out_dir, options)
        except ValidationError as exc:
            return fail("; ".join(exc.problems.values()))
        print(f"Exported {len(result.pseudonyms)} patient(s) to {result.folder} "
              f"({len(result.files)} files; pseudonym key {result.key_id}); "
              f"{result.excluded} treated patient(s) not included (README.txt says why)")
        return 0

    return run_signed_in(args, body)


def run_fhir(args: argparse.Namespace) -> int:
    from exoconsult.cli._common import fail, run_signed_in
    from exoconsult.domain.errors import NotFound, ValidationError
    from exoconsult.services.exports.fhir_export import FhirExportService

    def body(ctx, actor) -> int:
        try:
            result = FhirExportService(ctx).export(actor, args.out_dir, mrn=None if args.all else args.mrn)
        except (ValidationError, NotFound) as exc:
            return fail("; ".join(exc.problems.values()) if isinstance(exc, ValidationError) else str(exc))
        print(f"Wrote {len(result.files)} FHIR bundle(s) to {result.folder}")
        return 0

    return run_signed_in(args, body)
