"""`exoconsult content status|approve|approver` for scripted installs: the same use cases as the app's
"Review and approve" (an approver signs in, the approval records the SHA-256 of the bytes) and the admin's
approver grant. Exit 0 done; 1 refused (sign-in, permission, content); 2 cannot run."""

from __future__ import annotations

import argparse
import sys

from exoconsult.cli._common import (
    add_sign_in_arguments,
    close_ctx,
    fail,
    open_ctx,
    read_password,
    run_signed_in,
)


def register(subparsers, common) -> None:
    p = subparsers.add_parser("content", parents=[common],
                              help="the clinic's approvals of the protocol and texts (status, approve, approver)")
    sub = p.add_subparsers(title="content commands", metavar="ACTION", required=True)
    status = sub.add_parser("status", parents=[common], help="every content file and whether it is approved",
                            description="Lists each content file of the clinic's forms folder with its version "
                                        "and approval (approved / changed since approved / not approved). "
                                        "Exit 0: all approved; 1: something is not.")
    status.set_defaults(func=run_status)
    approve = sub.add_parser("approve", parents=[common], help="approve a content file as an approver",
                             description="Approves exactly the current bytes of one file (KIND ID LANG as "
                                         "`content status` lists them; LANG 'all' for the protocol). The "
                                         "account must hold the approver permission; its password is the "
                                         "approval's signature. Prints the difference from the version "
                                         "approved before, if any.")
    approve.add_argument("kind", help="protocol, explanation, comprehension, consent, withdrawal, ...")
    approve.add_argument("content_id", metavar="ID", help="e.g. exo-consent")
    approve.add_argument("language", metavar="LANG", help="en, tr, ... ('all' for the protocol)")
    approve.add_argument("--note", default="", help="optional note kept with the approval")
    add_sign_in_arguments(approve, "the approver")
    approve.set_defaults(func=run_approve)
    approver = sub.add_parser("approver", parents=[common], help="grant or withdraw a urologist's approver permission",
                              description="An admin names the urologists who may approve the clinic's content.")
    approver.add_argument("username", help="the urologist's account")
    approver.add_argument("--withdraw", action="store_true", help="withdraw instead of granting")
    add_sign_in_arguments(approver, "the admin")
    approver.set_defaults(func=run_approver)
    p.set_defaults(func=lambda _args: (p.print_help(), 2)[1])


def run_status(args: argparse.Namespace) -> int:
    from exoconsult.definitions.content_files import content_files
    from exoconsult.domain.content_approval import approval_state
    from exoconsult.domain.errors import ExoError
    from exoconsult.services.content.content_approval import approvals_in_database

    try:
        ctx = open_ctx(args, upgrade=False)
    except ExoError as exc:
        return fail(str(exc))
    try:
        recorded = approvals_in_database(ctx)
        files = content_files(ctx.forms_dir)
        forms = ctx.forms_dir
    finally:
        close_ctx(ctx)
    print(f"forms folder: {forms}")
    all_approved = True
    for file in files:
        state = approval_state(file, recorded)
        all_approved &= state.approved
        print(f"{file.kind}\t{file.content_id}\t{file.language}\t{file.version or '?'}\t{state.status}\t"
              f"{state.describe() if not file.problem else file.problem.splitlines()[0]}")
    return 0 if all_approved else 1


def run_approve(args: argparse.Namespace) -> int:
    def body(ctx, actor) -> int:
        from exoconsult.domain.errors import ValidationError
        from exoconsult.services.content.content_approval import ContentApprovalService

        service = ContentApprovalService(ctx)
        review = service.review(actor, args.kind, args.content_id, args.language)
        if review.status.problem:
            return fail(review.status.message, 1)
        if review.diff:
            print(f"Changes since the approved version {review.previous_version}:")
            print("\n".join(review.diff))
        try:
            done = service.approve(actor, args.kind, args.content_id, args.language, review.status.sha256,
                                   read_password(args), args.note)
        except ValidationError as exc:
            for message in exc.problems.values():
                print(f"  {message}", file=sys.stderr)
            return fail("not approved", 1)
        print(done.message)
        print(f"SHA-256 {done.sha256}")
        return 0

    return run_signed_in(args, body)


def run_approver(args: argparse.Namespace) -> int:
    def body(ctx, admin) -> int:
        from exoconsult.domain.errors import NotFound, ValidationError
        from exoconsult.services.accounts.accounts import AccountService
        from exoconsult.services.accounts.grants import GrantService

        user = next((u for u in AccountService(ctx).list_users(admin) if u.username == args.username), None)
        if user is None:
            raise NotFound(f"no account {args.username!r}")
        try:
            changed = GrantService(ctx).set_content_approver(admin, user.id, not args.withdraw)
        except ValidationError as exc:
            return fail("; ".join(exc.problems.values()), 1)
        what = "withdrawn from" if args.withdraw else "granted to"
        print(f"Approver permission {what} {user.username}" + ("" if changed else " (no change)") + ".")
        return 0

    return run_signed_in(args, body)
