"""`exoconsult consents list [--json]` and `exoconsult consents export DOC_ID OUT.pdf`, each as a signed-in
member of staff (`--user` with `--password-file` or `--password-stdin`), audited with that person.
Exit 0: done; 1: refused (sign-in, permission, unknown document, file exists); 2: cannot run."""

from __future__ import annotations

import argparse
import json
import sys

from exoconsult.cli._common import add_sign_in_arguments, fail, run_signed_in


def register(subparsers, common) -> None:
    p = subparsers.add_parser("consents", parents=[common], help="list signed consents or export one (signed in)")
    sub = p.add_subparsers(title="consents commands", metavar="ACTION", required=True)
    ls = sub.add_parser("list", parents=[common], help="document id, MRN, language, text version, status, signed at, archive path")
    ls.add_argument("--json", action="store_true", help="one JSON array instead of a table")
    add_sign_in_arguments(ls)
    ls.set_defaults(func=run_list)
    ex = sub.add_parser("export", parents=[common], help="write the archived, sealed PDF of a document")
    ex.add_argument("document_id")
    ex.add_argument("out", metavar="OUT.pdf")
    add_sign_in_arguments(ex)
    ex.set_defaults(func=run_export)


def run_list(args: argparse.Namespace) -> int:
    from exoconsult.services.consent.consent_access import ConsentAccess

    def body(ctx, actor) -> int:
        rows = ConsentAccess(ctx).list_all(actor)
        if args.json:
            json.dump([{"document_id": r.document_id, "mrn": r.mrn, "language": r.language,
                        "text_version": r.text_version, "status": r.status, "signed_at": r.signed_at.isoformat(),
                        "archive_path": r.archive_path, "withdrawal_document_id": r.withdrawal_document_id}
                       for r in rows], sys.stdout, indent=2, ensure_ascii=False)
            print()
            return 0
        if not rows:
            print("No signed consents.")
            return 0
        print(f"{'document id':36}  {'MRN':12}  lang  version  {'status':10}  {'signed at (UTC)':16}  archive")
        for r in rows:
            print(f"{r.document_id:36}  {r.mrn:12}  {r.language:4}  {r.text_version:7}  {r.status:10}  "
                  f"{r.signed_at:%Y-%m-%d %H:%M}  {r.archive_path}")
        return 0

    return run_signed_in(args, body)


def run_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from exoconsult.services.consent.consent_access import ConsentAccess
    from exoconsult.storage.archive import write_atomically

    out = Path(args.out).resolve()
    if out.exists():
        return fail(f"{out} already exists; choose another file name", 1)
    if not out.parent.is_dir():
        return fail(f"{out.parent} is not a folder")

    def body(ctx, actor) -> int:
        data = ConsentAccess(ctx).export_original(actor, args.document_id)
        write_atomically(out.parent, out.name, data)
        print(f"{out} ({len(data)} bytes, sealed original)")
        return 0

    return run_signed_in(args, body)
