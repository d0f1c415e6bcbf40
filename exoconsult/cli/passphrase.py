"""`exoconsult clinic-passphrase`: give a clinic set up before backups were encrypted its clinic passphrase
(and with it the backup key every backup is encrypted to). New clinics choose it at setup. An admin signs
in; the passphrase is read from a file or from standard input (the line after the password)."""

from __future__ import annotations

import argparse

from exoconsult.cli._common import (
    add_passphrase_arguments,
    add_sign_in_arguments,
    fail,
    read_passphrase,
    run_signed_in,
    sign_in_password,
)


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "clinic-passphrase", parents=[common], help="set the clinic passphrase that locks backups and the seal key (once; an admin signs in)",
        description="Make the clinic backup key, locked under a new clinic passphrase, for a clinic set up before "
                    "backups were encrypted, and encrypt its seal key if it is still stored in clear. Refused when "
                    "the clinic already has one.")
    add_sign_in_arguments(p, "the admin")
    add_passphrase_arguments(p, required=True, why="it locks every backup; a lost passphrase loses them all")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.services.admin.backup import BackupService

    try:
        password = sign_in_password(args)
        passphrase = read_passphrase(args) or ""
    except ExoError as exc:
        return fail(str(exc))

    def body(ctx, admin) -> int:
        try:
            converted = BackupService(ctx).set_passphrase(admin, passphrase)
        except ValidationError as exc:
            return fail("; ".join(exc.problems.values()))
        print("The clinic passphrase is set: backups are now encrypted to the clinic backup key. Keep the "
              "passphrase safe, away from this computer; without it no backup can be opened.")
        if converted:
            print("The seal key was stored in clear and is now encrypted, with the clinic passphrase as its "
                  "recovery. Each urologist needs his own slot before he can seal again: an admin resets his "
                  "password (Administration > Users), which asks for the passphrase.")
        return 0

    return run_signed_in(args, body, password=password)
