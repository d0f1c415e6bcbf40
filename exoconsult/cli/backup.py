"""`exoconsult backup DEST` and `exoconsult restore SRC` (SQLite installations).

A backup is the whole clinic in one encrypted file, and a restore replaces it all, so both need an admin
signed in (`--user` with `--password-file` or `--password-stdin`), audited with that person, exactly as
in the app. For a scheduled nightly backup, give the task a password file readable only by its account; a
backup needs no passphrase (it is encrypted to the clinic's backup public key). Opening one needs the
clinic passphrase (`--passphrase-file` or `--passphrase-stdin`). `restore --check-only` signs nobody in:
without the passphrase it shows the backup's summary, with it it opens and checks everything.
On a computer without a database yet (a replacement), the admin signs in with the accounts in the backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from exoconsult.cli._common import (
    add_passphrase_arguments,
    add_sign_in_arguments,
    data_dir,
    database_url,
    fail,
    read_passphrase,
    run_signed_in,
)


def register(subparsers, common) -> None:
    b = subparsers.add_parser(
        "backup", parents=[common], help="back up the whole clinic into one encrypted file (an admin signs in)",
        description="Snapshot the database with SQLite's online backup (safe while the app is in use), check it, "
                    "and write it with keys/, forms/ and branding/ into one file encrypted to the clinic's backup "
                    "key; the file is read back and checked. DEST is created when it does not exist.")
    b.add_argument("dest", metavar="DEST", help="folder to write the backup into (e.g. a USB stick)")
    add_sign_in_arguments(b, "the admin making the backup")
    b.set_defaults(func=run_backup)
    r = subparsers.add_parser(
        "restore", parents=[common], help="replace the whole clinic with a checked backup (an admin signs in)",
        description="Show the backup beside the current clinic, open it with the clinic passphrase and check "
                    "everything (manifest hashes, integrity, audit chain, keys against the database); only then "
                    "move the current clinic aside (kept under backups/replaced) and put the backup in its place. "
                    "Close the application on every workstation first.")
    r.add_argument("src", metavar="SRC", help="backup file (exoconsult-backup-*.exobackup)")
    r.add_argument("--check-only", action="store_true", help="only show and check the backup; change nothing (no sign-in)")
    r.add_argument("--replace-other-clinic", metavar="NAME",
                   help="confirm replacing this clinic by a backup of another clinic: its clinic name, exactly")
    r.add_argument("--user", metavar="USERNAME", help="the admin restoring (audited; required unless --check-only)")
    source = r.add_mutually_exclusive_group()
    source.add_argument("--password-file", metavar="FILE", help="read the password from the first line of FILE")
    source.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add_passphrase_arguments(r, required=False, why="opens the backup")
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ValidationError
    from exoconsult.services.admin.backup import BackupService

    dest = Path(args.dest)

    def body(ctx, admin) -> int:
        try:
            result = BackupService(ctx).backup_now(admin, dest)
        except ValidationError as exc:  # a file, /proc, a folder that cannot be created
            return fail("; ".join(exc.problems.values()))
        except OSError as exc:  # e.g. a read-only stick: the folder exists but takes no files
            return fail(f"cannot write the backup into {dest}: {exc.strerror or exc}")
        print(f"Backup written, encrypted and checked: {result.path}")
        print(f"SHA-256: {result.sha256}")
        print(f"Patients {result.summary.patients}, consents {result.summary.consents}, "
              f"audit chain head #{result.audit_head_seq}")
        return 0

    return run_signed_in(args, body)


def print_comparison(backup, current) -> None:
    """The backup's summary beside the current clinic's (what the GUI's restore dialog shows too)."""
    rows = [("Clinic", "clinic_name"), ("Certificate (SHA-256)", "certificate_fingerprint"),
            ("Backup time (UTC)", "created_at"), ("App version", "app_version"), ("Schema", "schema_revisions"),
            ("Patients", "patients"), ("Consents", "consents"), ("Audit chain head", "audit_head_seq")]

    def shown(summary, attr: str) -> str:
        if summary is None:
            return "(no clinic yet)" if attr == "clinic_name" else ""
        value = getattr(summary, attr)
        return ", ".join(value) if isinstance(value, tuple) else (str(value) if value != "" else "-")

    print(f"{'':24} {'backup':<50} this computer")
    for label, attr in rows:
        print(f"{label:24} {shown(backup, attr):<50} {shown(current, attr)}")


def run_restore(args: argparse.Namespace) -> int:
    from exoconsult.bounded_input import InputRefused
    from exoconsult.domain.errors import ExoError
    from exoconsult.services.admin.restore import current_clinic, read_summary, same_clinic

    src = Path(args.src)
    dd = data_dir(args)
    url = database_url(args, dd)
    try:
        backup = read_summary(src)
        current = current_clinic(dd, url) if dd.root.is_dir() else None
        passphrase = read_passphrase(args) if args.check_only else None
    except InputRefused as exc:
        return fail(str(exc))
    except ExoError as exc:
        return fail(f"{src.name}: {exc}", 1)
    print_comparison(backup, current)
    if not same_clinic(current, backup):
        print(f"This backup is of ANOTHER clinic than the one in {dd.root}.")
    if args.check_only:
        return _check_only(src, passphrase)
    if not args.user or not (args.password_file or args.password_stdin) \
            or not (args.passphrase_file or args.passphrase_stdin):
        return fail("restore replaces the whole clinic: an admin signs in with --user and --password-file FILE "
                    "or --password-stdin, and the clinic passphrase opens the backup (--passphrase-file FILE "
                    "or --passphrase-stdin)")
    return _restore(args, dd, url, src, current)


def _check_only(src: Path, passphrase: str | None) -> int:
    from exoconsult.services.admin.restore import check_backup

    if passphrase is None:
        print("Summary only: give the clinic passphrase (--passphrase-file or --passphrase-stdin) to open and "
              "check the contents.")
        return 0
    check = check_backup(src, passphrase)
    for problem in check.problems:
        print(problem)
    print(f"{'OK' if check.ok else 'REFUSED'}: {src.name}")
    return 0 if check.ok else 1


def _restore(args: argparse.Namespace, dd, url: str, src: Path, current) -> int:
    from exoconsult.bounded_input import InputRefused
    from exoconsult.cli._common import sign_in_password
    from exoconsult.domain.errors import ExoError, ValidationError
    from exoconsult.services.admin.restore import confirm_other_clinic, unpacked_backup

    try:
        password = sign_in_password(args)  # stdin: the password line comes before the passphrase line
        passphrase = read_passphrase(args) or ""
        # Opened and checked first: a refused backup must not even cost a sign-in entry in the audit.
        with unpacked_backup(dd.ensure().backups_dir, src, passphrase) as unpacked:
            confirm_other_clinic(current, unpacked.summary, args.replace_other_clinic)
            if current is not None and url == f"sqlite:///{dd.db_path}":
                return _restore_over_current(args, unpacked, password)
            return _restore_onto_new_computer(args, dd, url, unpacked, password)
    except InputRefused as exc:
        return fail(str(exc))
    except ValidationError as exc:
        hint = ' (add --replace-other-clinic "NAME")' if "confirm_clinic" in exc.problems else ""
        return fail("; ".join(exc.problems.values()) + hint, 1)
    except ExoError as exc:
        return fail(str(exc) or exc.__class__.__name__, 1)


def _restore_over_current(args: argparse.Namespace, unpacked, password: str) -> int:
    from exoconsult.services.admin.restore import restore_unpacked
    from exoconsult.services.core.external_anchors import forget_high_water_mark
    from exoconsult.services.core.permissions import Permission, authorize

    def body(ctx, admin) -> int:
        authorize(admin, Permission.BACKUP_MANAGE)
        result = restore_unpacked(ctx.data_dir, unpacked, actor=admin, now=ctx.clock.now(), database_url=ctx.db.url,
                                  replace_other_clinic=args.replace_other_clinic, close=ctx.db.dispose)
        forget_high_water_mark(ctx.db.url)
        _report(result)
        return 0

    return run_signed_in(args, body, password=password)


def _restore_onto_new_computer(args: argparse.Namespace, dd, url: str, unpacked, password: str) -> int:
    from datetime import UTC, datetime

    from exoconsult.services.admin.backup_sign_in import sign_in_with_backup_accounts
    from exoconsult.services.admin.restore import restore_unpacked
    from exoconsult.services.core.external_anchors import forget_high_water_mark

    admin = sign_in_with_backup_accounts(unpacked.database, args.user, password)
    result = restore_unpacked(dd, unpacked, actor=admin, now=datetime.now(UTC), database_url=url,
                              replace_other_clinic=args.replace_other_clinic)
    forget_high_water_mark(url)
    _report(result)
    return 0


def _report(result) -> None:
    print(f"Restored {result.summary.clinic_name} from {result.restored_from} "
          f"(audit chain head #{result.audit_head_seq}).")
    if result.replaced_database:
        print(f"The previous clinic (database, keys, forms, branding) was kept in {result.replaced_database}")
