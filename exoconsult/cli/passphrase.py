"""`exoconsult clinic-passphrase`: give a clinic set up before backups were encrypted its clinic passphrase
(and with it the backup key every backup is encrypted to); with `--change`, replace the clinic passphrase.
New clinics choose it at setup. An admin signs in; the passphrases are read from files or from standard
input (the password, then the current passphrase, then the new one), never from the command line."""

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
    add_passphrase_arguments(p, required=True, why="it locks every backup; a lost passphrase loses them all; "
                                                   "with --change: the CURRENT passphrase")
    p.add_argument("--change", action="store_true",
                   help="change the clinic passphrase: re-lock the seal key's recovery slot and the backup key "
                        "under a new one (backups made before still need the old passphrase)")
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help="with --change: read the new passphrase from the first line of FILE (default: the line "
                        "after the current passphrase on standard input)")
    p.set_defaults(func=run)


def _new_passphrase(args: argparse.Namespace) -> str:
    import sys

    from exoconsult.bounded_input import PASSWORD_FILE_LIMIT, read_text_limited

    if args.new_passphrase_file:
        text = read_text_limited(args.new_passphrase_file, PASSWORD_FILE_LIMIT, "passphrase file")
        return text.split("\n", 1)[0].rstrip("\r\n")
    return sys.stdin.readline(PASSWORD_FILE_LIMIT).rstrip("\r\n")


def run_change(args: argparse.Namespace, password: str, old: str) -> int:
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.services.admin.clinic_passphrase import ClinicPassphraseService

    try:
        new = _new_passphrase(args)
    except ExoError as exc:
        return fail(str(exc))

    def body(ctx, admin) -> int:
        try:
            had_backup_key = ClinicPassphraseService(ctx).change(admin, old, new)
        except ValidationError as exc:
            return fail("; ".join(exc.problems.values()) + " (nothing was changed)")
        print("The clinic passphrase is changed: the seal key's recovery slot"
              + (" and the backup key are" if had_backup_key else " is") + " locked under the new one.")
        print("Backups made before today still open with the OLD passphrase only: keep it with them (or make "
              "a new backup now and retire the old ones).")
        return 0

    return run_signed_in(args, body, password=password)


def run(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.services.admin.backup import BackupService

    try:
        password = sign_in_password(args)
        passphrase = read_passphrase(args) or ""
    except ExoError as exc:
        return fail(str(exc))
    if args.change:
        return run_change(args, password, passphrase)

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
