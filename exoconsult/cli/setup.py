"""`exoconsult setup`: first-run setup for scripted installs (the GUI has a wizard for the same thing).

The admin password is read from a file or from standard input, never from the command line, where it
would be visible to other users in the process list and kept in shell history.
"""

from __future__ import annotations

import argparse
import sys

from exoconsult.cli._common import (
    add_passphrase_arguments,
    document_language,
    fail,
    open_ctx,
    read_passphrase,
    read_password,
)


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "setup", parents=[common], help="first-run setup: clinic profile, first admin, signing key, backup key",
        description="Set up a new clinic: profile, the first admin account, the clinic's signing key with a "
                    "self-signed certificate and the backup key locked under the clinic passphrase. Refuses to "
                    "run on a data folder that is already set up.")
    p.add_argument("--clinic-name", required=True)
    p.add_argument("--address", default="", help="postal address (use \\n for line breaks)")
    p.add_argument("--phone", default="", help="clinic phone number")
    p.add_argument("--complication-phone", default="", help="24-hour complication phone line")
    p.add_argument("--logo", metavar="FILE", help="PNG or JPEG logo, at most 2 MB")
    p.add_argument("--time-zone", default="Europe/Istanbul", help="IANA time zone (default Europe/Istanbul)")
    p.add_argument("--language", type=document_language, default="tr", help="default document language")
    p.add_argument("--clinician-language", type=document_language, default="tr", help="clinician's working language")
    p.add_argument("--paper-size", choices=("A4", "Letter"), default="A4")
    p.add_argument("--admin-username", required=True)
    p.add_argument("--admin-name", required=True, help="the admin's full name")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--password-file", metavar="FILE", help="read the admin password from the first line of FILE")
    source.add_argument("--password-stdin", action="store_true", help="read the admin password from standard input")
    add_passphrase_arguments(p, required=True, why="it locks every backup; a lost passphrase loses them all")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from exoconsult.bounded_input import LOGO_LIMIT, read_limited
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.services.admin.setup import AdminAccount, ClinicProfile, run_setup

    try:
        password = read_password(args)
        passphrase = read_passphrase(args) or ""
        logo = read_limited(args.logo, LOGO_LIMIT, "logo") if args.logo else None
    except ExoError as exc:
        return fail(str(exc))
    profile = ClinicProfile(
        clinic_name=args.clinic_name, clinic_address=args.address.replace("\\n", "\n"), clinic_phone=args.phone,
        complication_phone=args.complication_phone, time_zone=args.time_zone, default_language=args.language,
        clinician_language=args.clinician_language, paper_size=args.paper_size, logo=logo)
    try:
        ctx = open_ctx(args, create=True)
    except ExoError as exc:
        return fail(str(exc))
    try:
        result = run_setup(ctx, profile, AdminAccount(args.admin_username, args.admin_name), password,
                           passphrase)
    except ValidationError as exc:
        for key, message in exc.problems.items():
            print(f"  {key}: {message}", file=sys.stderr)
        return fail("setup refused; nothing was changed")
    except ExoError as exc:
        return fail(str(exc))
    finally:
        ctx.close()
    print(f"Clinic set up: {args.clinic_name}")
    print(f"Admin account: {result.admin.username} (user id {result.admin.user_id})")
    print(f"Signing certificate: {result.certificate_path}")
    print(f"Certificate fingerprint (SHA-256): {result.certificate_fingerprint}")
    return 0
