"""`exoconsult workstation join`: set up this computer's data folder as another workstation of a clinic whose
database is on a PostgreSQL server (services/admin/workstation.py says what it writes). The clinic
passphrase is asked once, from a file or standard input, never on the command line."""

from __future__ import annotations

import argparse
import sys

from exoconsult.cli._common import add_passphrase_arguments, fail, read_passphrase


def register(subparsers, common) -> None:
    p = subparsers.add_parser("workstation", parents=[common], help="several workstations on one clinic database",
                              description="Workstations of a clinic that keeps its database on PostgreSQL.")
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    join = actions.add_parser(
        "join", parents=[common], help="set up this data folder as a workstation of an existing clinic",
        description="Join the clinic whose PostgreSQL database --database-url names: check the database (this "
                    "version's schema, a clinic set up), prove membership with the clinic passphrase, then write "
                    "this data folder: the database URL, the seal certificate and the clinic's approved forms. "
                    "Urologists then sign in and seal with their own passwords, as on the first workstation.")
    add_passphrase_arguments(join, required=True, why="it proves this workstation belongs to the clinic")
    join.set_defaults(func=run_join)
    p.set_defaults(func=_help(p))


def _help(parser: argparse.ArgumentParser):
    def show(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    return show


def run_join(args: argparse.Namespace) -> int:
    from exoconsult.cli._common import data_dir
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.services.admin.workstation import join_clinic

    url = getattr(args, "database_url", None)
    if not url:
        return fail("give the clinic's database: --database-url postgresql+psycopg://USER@SERVER/DATABASE")
    try:
        passphrase = read_passphrase(args) or ""
        result = join_clinic(data_dir(args), url, passphrase)
    except ValidationError as exc:
        for message in exc.problems.values():
            print(f"  {message}", file=sys.stderr)
        return fail("this workstation did not join; nothing was written")
    except ExoError as exc:
        return fail(str(exc))
    print(f"This workstation joined {result.clinic.clinic_name}.")
    print(f"Data folder: {result.data_dir}")
    print(f"Certificate fingerprint (SHA-256): {result.clinic.certificate_fingerprint}")
    print("  compare it with the one shown in Administration > Settings on the first workstation")
    print(f"Approved content: {result.approved_files} file(s) written from the clinic database"
          if result.approved_files else "Approved content: none recorded yet (the program's forms are used)")
    if result.not_approved:
        print("Not approved in the clinic database (this workstation has the program's shipped version of each; "
              "consents cannot be signed with them until an approver approves the clinic's version):")
        for path in result.not_approved:
            print(f"  forms/{path}")
    if result.logo_to_copy:
        print(f"The clinic logo is not in the clinic database yet (start this version once on the first workstation, "
              f"or copy branding/{result.logo_to_copy} from its data folder into {result.data_dir / 'branding'}); "
              "documents print without it until then.")
    print("Staff sign in here with their own accounts; urologists seal with their own passwords.")
    return 0
