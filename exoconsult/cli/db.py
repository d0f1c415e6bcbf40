"""`exoconsult db status|upgrade`: schema revision and migrations (upgrade also runs at every start)."""

from __future__ import annotations

import argparse

from exoconsult.cli._common import database_url, existing_data_dir, fail


def register(subparsers, common) -> None:
    p = subparsers.add_parser("db", parents=[common], help="database schema status and upgrade")
    sub = p.add_subparsers(title="db commands", metavar="ACTION", required=True)
    s = sub.add_parser("status", parents=[common], help="show the schema revision of the database and of this app")
    s.set_defaults(func=run_status)
    u = sub.add_parser("upgrade", parents=[common], help="back up, then migrate the database to this app's schema")
    u.set_defaults(func=run_upgrade)


def run_status(args: argparse.Namespace) -> int:
    from exoconsult.storage import migrate
    from exoconsult.storage.db import Database

    try:
        dd = existing_data_dir(args)
        db = Database(database_url(args, dd))
        current = migrate.current_revisions(db)
        heads = migrate.script_heads()
    except Exception as exc:  # noqa: BLE001
        return fail(f"cannot read the database: {exc}")
    print(f"database: {', '.join(current) or '(empty)'}")
    print(f"this app: {', '.join(heads)}")
    unknown = set(current) - migrate.known_revisions()
    print("state: " + ("NEWER than this app (refused)" if unknown else "up to date" if current == heads else "upgrade needed"))
    return 1 if unknown else 0


def run_upgrade(args: argparse.Namespace) -> int:
    from exoconsult.domain.errors import ExoError
    from exoconsult.storage import migrate
    from exoconsult.storage.db import Database

    try:
        dd = existing_data_dir(args)
        result = migrate.upgrade(Database(database_url(args, dd)), dd.backups_dir)
    except ExoError as exc:
        return fail(str(exc))
    if result.backup:
        print(f"backup before upgrade: {result.backup}")
    print(f"schema: {', '.join(result.before) or '(empty)'} -> {', '.join(result.after)}")
    return 0
