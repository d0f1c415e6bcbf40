"""`exoconsult users list|create` for scripted installs. An admin signs in for each command (password from
a file or stdin, never argv); `create` prints a one-time temporary password that the new user must
replace at first sign-in, so whoever runs the script never knows the password that signs."""

from __future__ import annotations

import argparse
import secrets
import sys

from exoconsult.cli._common import add_passphrase_arguments, fail, open_ctx, read_passphrase


def register(subparsers, common) -> None:
    p = subparsers.add_parser("users", parents=[common], help="list or create staff accounts (an admin signs in)")
    sub = p.add_subparsers(title="users commands", metavar="ACTION", required=True)
    for name, helptext, func in (("list", "list every account", run_list),
                                 ("create", "create an account with a temporary password", run_create)):
        s = sub.add_parser(name, parents=[common], help=helptext)
        s.add_argument("--admin-username", required=True, help="the admin who does this")
        source = s.add_mutually_exclusive_group(required=True)
        source.add_argument("--password-file", metavar="FILE", help="read the admin's password from FILE")
        source.add_argument("--password-stdin", action="store_true", help="read the admin's password from stdin")
        if name == "create":
            s.add_argument("--username", required=True)
            s.add_argument("--name", required=True, help="display name as printed under signatures")
            s.add_argument("--role", required=True, choices=("admin", "urologist", "nurse"))
            s.add_argument("--title", default="", help='e.g. "Op. Dr." (clinicians only)')
            s.add_argument("--registration-number", default="", help="professional registration (clinicians only)")
            add_passphrase_arguments(s, required=False, why="a urologist's account: it gives the account its key "
                                                            "to seal documents")
        s.set_defaults(func=func)


def _signed_in(args: argparse.Namespace):
    from exoconsult.cli._common import read_password
    from exoconsult.services.accounts.auth import AuthService

    ctx = open_ctx(args)
    try:
        return ctx, AuthService(ctx).login(args.admin_username, read_password(args))
    except BaseException:
        ctx.close()
        raise


def run_list(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError
    from exoconsult.services.accounts.accounts import AccountService

    try:
        ctx, admin = _signed_in(args)
    except (ExoError, OSError) as exc:
        return fail(str(exc))
    try:
        users = AccountService(ctx).list_users(admin)
    except ExoError as exc:
        return fail(str(exc))
    finally:
        ctx.close()
    for u in users:
        state = "active" if u.active else "deactivated"
        print(f"{u.id}\t{u.username}\t{u.role}\t{state}\t{u.signature_name}")
    return 0


def run_create(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.domain.people import Role
    from exoconsult.services.accounts.accounts import AccountService, UserFields

    try:
        ctx, admin = _signed_in(args)
    except (ExoError, OSError) as exc:
        return fail(str(exc))
    try:
        accounts = AccountService(ctx)
        fields = UserFields(args.username, args.name, Role(args.role), args.title, args.registration_number)
        first = secrets.token_urlsafe(12)
        created = accounts.create_user(admin, fields, first, must_change_password=True,
                                       clinic_passphrase=read_passphrase(args))
    except ValidationError as exc:
        for key, message in exc.problems.items():
            print(f"  {key}: {message}", file=sys.stderr)
        return fail("account not created")
    except ExoError as exc:
        return fail(str(exc))
    finally:
        ctx.close()
    print(f"Created {created.username} (user id {created.id}, {created.role}).")
    print(f"Temporary password (must be changed at first sign-in): {first}")
    return 0
