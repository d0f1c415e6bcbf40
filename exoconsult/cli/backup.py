"""`exoconsult backup DEST` and `exoconsult restore SRC` (SQLite installations).

These run as the computer's operator, without an ExoConsult sign-in, so that a nightly scheduled backup
works and a damaged database can still be replaced; both are written to the audit trail as the system,
with the operating-system user name.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from exoconsult.cli._common import data_dir, database_url, fail, open_ctx


def register(subparsers, common) -> None:
    b = subparsers.add_parser(
        "backup", parents=[common], help="back up the database into a folder, verified and hashed",
        description="Copy the database with SQLite's online backup (safe while the app is in use), verify the "
                    "copy (integrity, audit chain) and write a manifest with its SHA-256 next to it.")
    b.add_argument("dest", metavar="DEST", help="folder to write the backup into (e.g. a USB stick)")
    b.set_defaults(func=run_backup)
    r = subparsers.add_parser(
        "restore", parents=[common], help="replace the database with a verified backup",
        description="Check the backup (manifest hash, integrity, audit chain); only then move the current "
                    "database aside (kept under backups/replaced) and put the backup in its place. Close the "
                    "application on every workstation first.")
    r.add_argument("src", metavar="SRC", help="backup file (exoconsult-backup-*.sqlite, with its manifest beside it)")
    r.add_argument("--check-only", action="store_true", help="only verify the backup; change nothing")
    r.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError
    from exoconsult.domain.people import SYSTEM_ACTOR
    from exoconsult.services.backup import make_backup

    dest = Path(args.dest)
    if not dest.is_dir():
        return fail(f"{dest} is not a folder")
    try:
        ctx = open_ctx(args)
    except ExoError as exc:
        return fail(str(exc))
    try:
        result = make_backup(ctx, dest, actor=SYSTEM_ACTOR, purpose="command line")
    except ExoError as exc:
        return fail(str(exc))
    except OSError as exc:  # e.g. /proc or a read-only stick: the folder exists but takes no files
        return fail(f"cannot write the backup into {dest}: {exc.strerror or exc}")
    finally:
        ctx.close()
    print(f"Backup written and verified: {result.path}")
    print(f"Manifest: {result.manifest_path}")
    print(f"SHA-256: {result.sha256}")
    print(f"Audit chain head: entry #{result.audit_head_seq}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError
    from exoconsult.domain.people import SYSTEM_ACTOR
    from exoconsult.services.backup import check_backup, restore_backup

    src = Path(args.src)
    if args.check_only:
        check = check_backup(src)
        for problem in check.problems:
            print(problem)
        print(f"{'OK' if check.ok else 'REFUSED'}: {src.name}")
        return 0 if check.ok else 1
    try:
        # Restore may build a new installation (a replacement computer), like setup: the folder is created.
        dd = data_dir(args)
        result = restore_backup(dd, src, database_url=database_url(args, dd), actor=SYSTEM_ACTOR,
                                now=datetime.now(UTC))
    except ExoError as exc:
        return fail(str(exc), 1)
    print(f"Restored from {result.restored_from} (audit chain head #{result.audit_head_seq}).")
    if result.replaced_database:
        print(f"The previous database was kept as {result.replaced_database}")
    return 0
