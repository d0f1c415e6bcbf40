"""`exoconsult backup DEST` and `exoconsult restore SRC` (SQLite installations).

A backup is a copy of every patient record, and a restore replaces them all, so both need an admin
signed in (`--user` with `--password-file` or `--password-stdin`), audited with that person, exactly as
in the app. For a scheduled nightly backup, give the task a password file readable only by its account.
`restore --check-only` reads no patient data (manifest hash, integrity, audit chain) and stays open.
On a computer without a database yet (a replacement), the admin signs in with the accounts in the backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from exoconsult.cli._common import add_sign_in_arguments, data_dir, database_url, fail, run_signed_in


def register(subparsers, common) -> None:
    b = subparsers.add_parser(
        "backup", parents=[common], help="back up the database into a folder, verified and hashed (an admin signs in)",
        description="Copy the database with SQLite's online backup (safe while the app is in use), verify the "
                    "copy (integrity, audit chain) and write a manifest with its SHA-256 next to it.")
    b.add_argument("dest", metavar="DEST", help="folder to write the backup into (e.g. a USB stick)")
    add_sign_in_arguments(b, "the admin making the backup")
    b.set_defaults(func=run_backup)
    r = subparsers.add_parser(
        "restore", parents=[common], help="replace the database with a verified backup (an admin signs in)",
        description="Check the backup (manifest hash, integrity, audit chain); only then move the current "
                    "database aside (kept under backups/replaced) and put the backup in its place. Close the "
                    "application on every workstation first.")
    r.add_argument("src", metavar="SRC", help="backup file (exoconsult-backup-*.sqlite, with its manifest beside it)")
    r.add_argument("--check-only", action="store_true", help="only verify the backup; change nothing (no sign-in)")
    r.add_argument("--user", metavar="USERNAME", help="the admin restoring (audited; required unless --check-only)")
    source = r.add_mutually_exclusive_group()
    source.add_argument("--password-file", metavar="FILE", help="read the password from the first line of FILE")
    source.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from exoconsult.services.admin.backup import BackupService

    dest = Path(args.dest)
    if not dest.is_dir():
        return fail(f"{dest} is not a folder")

    def body(ctx, admin) -> int:
        try:
            result = BackupService(ctx).backup_now(admin, dest)
        except OSError as exc:  # e.g. /proc or a read-only stick: the folder exists but takes no files
            return fail(f"cannot write the backup into {dest}: {exc.strerror or exc}")
        print(f"Backup written and verified: {result.path}")
        print(f"Manifest: {result.manifest_path}")
        print(f"SHA-256: {result.sha256}")
        print(f"Audit chain head: entry #{result.audit_head_seq}")
        return 0

    return run_signed_in(args, body)


def run_restore(args: argparse.Namespace) -> int:
    src = Path(args.src)
    if args.check_only:
        from exoconsult.services.admin.backup import check_backup

        check = check_backup(src)
        for problem in check.problems:
            print(problem)
        print(f"{'OK' if check.ok else 'REFUSED'}: {src.name}")
        return 0 if check.ok else 1
    if not args.user or not (args.password_file or args.password_stdin):
        return fail("restore replaces every record: an admin signs in with --user and --password-file FILE "
                    "or --password-stdin")
    from exoconsult.services.admin.backup import check_backup

    check = check_backup(src)  # first: a refused backup must not even cost a sign-in entry in the audit
    if not check.ok:
        return fail(f"the backup {src.name} was refused and nothing was changed: {'; '.join(check.problems)}", 1)
    # Restore may build a new installation (a replacement computer), like setup: the folder is created.
    dd = data_dir(args)
    url = database_url(args, dd)
    if dd.root.is_dir() and url == f"sqlite:///{dd.db_path}" and dd.db_path.is_file():
        return run_signed_in(args, _restore_over_current(src))
    return _restore_onto_new_computer(args, dd, url, src)


def _restore_over_current(src: Path):
    def body(ctx, admin) -> int:
        from exoconsult.services.admin.backup import BackupService

        _report(BackupService(ctx).restore(admin, src))
        return 0

    return body


def _restore_onto_new_computer(args: argparse.Namespace, dd, url: str, src: Path) -> int:
    from datetime import UTC, datetime

    from exoconsult.bounded_input import InputRefused
    from exoconsult.cli._common import sign_in_password
    from exoconsult.domain.errors import ExoError
    from exoconsult.services.admin.backup import restore_backup
    from exoconsult.services.admin.backup_sign_in import sign_in_with_backup_accounts
    from exoconsult.services.core.external_anchors import forget_high_water_mark

    try:
        admin = sign_in_with_backup_accounts(src, args.user, sign_in_password(args))
        result = restore_backup(dd, src, database_url=url, actor=admin, now=datetime.now(UTC))
        forget_high_water_mark(url)
    except InputRefused as exc:
        return fail(str(exc))
    except ExoError as exc:
        return fail(str(exc) or exc.__class__.__name__, 1)
    _report(result)
    return 0


def _report(result) -> None:
    print(f"Restored from {result.restored_from} (audit chain head #{result.audit_head_seq}).")
    if result.replaced_database:
        print(f"The previous database was kept as {result.replaced_database}")
