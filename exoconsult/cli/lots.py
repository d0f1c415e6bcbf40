"""`exoconsult lots list|patients`: the lot register and the recall question from the command line.

Both act as a signed-in member of staff (`--user NAME` with `--password-file FILE` or
`--password-stdin`), exactly as in the app: `patients` is for a urologist, prints contact details and
is audited. Exit 0: done; 1: refused (permission, sign-in); 2: the request is invalid (unknown lot…).
"""

from __future__ import annotations

import argparse
import json

from exoconsult.cli._common import add_sign_in_arguments, run_signed_in_request


def register(subparsers, common) -> None:
    p = subparsers.add_parser("lots", parents=[common], help="the product lot register and recall")
    sub = p.add_subparsers(title="lots commands", metavar="COMMAND")
    ls = sub.add_parser("list", parents=[common], help="list lots with their status and how many patients received each",
                        description="Every lot in the register: number, product, manufacturer, expiry, status today "
                                    "(a lot past its expiry date is expired) and the number of patients who received it.")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_sign_in_arguments(ls)
    ls.set_defaults(func=run_list)
    pt = sub.add_parser("patients", parents=[common], help="who received a lot (recall): dates, volumes, contacts",
                        description="Each patient who received the lot: procedure date, volume into each testis, "
                                    "the performing urologist and how to reach him. For a urologist; audited.")
    pt.add_argument("lot", metavar="LOT", help="the lot number as printed on the vial")
    pt.add_argument("--manufacturer", help="needed only when two manufacturers use the same lot number")
    pt.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_sign_in_arguments(pt)
    pt.set_defaults(func=run_patients)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    return "\n".join([line] + ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows])


def run_list(args: argparse.Namespace) -> int:
    from exoconsult.services.procedure.lots import LotService

    def body(ctx, actor) -> int:
        lots = LotService(ctx).list(actor)
        if args.json:
            print(json.dumps([{"lot_number": x.lot_number, "product": x.product_name, "manufacturer": x.manufacturer,
                               "expiry_date": x.expiry_date.isoformat(), "status": x.status,
                               "status_reason": x.status_reason, "patients": x.patients} for x in lots],
                             ensure_ascii=False, indent=2))
            return 0
        print(_table(["LOT", "PRODUCT", "MANUFACTURER", "EXPIRY", "STATUS", "PATIENTS"],
                     [[x.lot_number, x.product_name, x.manufacturer, x.expiry_date.isoformat(),
                       x.status.replace("_", " "), str(x.patients)] for x in lots]))
        print(f"{len(lots)} lot(s)")
        return 0

    return run_signed_in_request(args, body)


def run_patients(args: argparse.Namespace) -> int:
    from exoconsult.services.procedure.recall import RecallService

    def body(ctx, actor) -> int:
        found = RecallService(ctx).recipients(actor, args.lot, args.manufacturer)
        if args.json:
            print(json.dumps([{"mrn": r.mrn, "name": r.patient_name, "birth_date": r.birth_date.isoformat(),
                               "phone": r.phone, "email": r.email, "procedure_date": r.procedure_date.isoformat(),
                               "left_volume_ml": r.left_volume_ml, "right_volume_ml": r.right_volume_ml,
                               "performed_by": r.performed_by} for r in found], ensure_ascii=False, indent=2))
            return 0
        print(_table(["MRN", "PATIENT", "BORN", "PROCEDURE", "LEFT mL", "RIGHT mL", "PHONE", "E-MAIL"],
                     [[r.mrn, r.patient_name, r.birth_date.isoformat(), r.procedure_date.isoformat(),
                       f"{r.left_volume_ml:g}", f"{r.right_volume_ml:g}", r.phone, r.email] for r in found]))
        print(f"{len(found)} patient(s) received lot {args.lot}")
        return 0

    return run_signed_in_request(args, body)
