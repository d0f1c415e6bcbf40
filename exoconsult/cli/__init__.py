"""Command line. `exoconsult` alone opens the GUI; subcommands live one group per module in this package.

A command module defines `register(subparsers, common)`: it adds its parser(s) with `parents=[common]`
(so every command takes --data-dir / --database-url) and `set_defaults(func=run)` where
`run(args) -> int` is the exit status. Modules are discovered, so adding a command edits no shared file.
Keep heavy imports inside `run` so `exoconsult --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from exoconsult import __version__


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="data folder (default: $EXOCONSULT_DATA_DIR or the user data folder)")
    common.add_argument("--database-url", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL, e.g. postgresql+psycopg://user@host/db (default: SQLite in the data folder)")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_parser()
    parser = argparse.ArgumentParser(
        prog="exoconsult", parents=[common],
        description="ExoConsult: consultation, eligibility and consent for an experimental exosome therapy. "
                    "Without a command, opens the application window.")
    parser.add_argument("--version", action="version", version=f"exoconsult {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command. Whatever happens, the user gets an exit status and at most one line per problem:
    an error the app raised on purpose is one line (exit 2), Ctrl+C is one line (exit 130)."""
    from exoconsult.domain.errors import ExoError

    try:
        return _main(argv)
    except ExoError as exc:
        from exoconsult.cli._common import fail

        return fail(str(exc) or exc.__class__.__name__)
    except KeyboardInterrupt:
        print("exoconsult: interrupted; every change is written in one transaction, so nothing was half-written",
              file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    os.umask(0o077)  # every file we create (database, backups, PDFs, keys) is owner-only
    args_list = sys.argv[1:] if argv is None else argv
    known, rest = _common_parser().parse_known_args(args_list)
    if not rest:
        # No command: open the GUI without paying for command discovery.
        from exoconsult.app import run_gui

        return run_gui(getattr(known, "data_dir", None), getattr(known, "database_url", None))
    parser = build_parser()
    args = parser.parse_args(args_list)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    from exoconsult import app_log
    from exoconsult.cli._common import command_name
    from exoconsult.domain.errors import ExoError

    try:
        code = int(func(args) or 0)
    except ExoError as exc:  # a refusal with a message for the user (e.g. a broken local-settings.json)
        app_log.log.warning("command %s refused (%s)", command_name(args), type(exc).__name__)
        print(f"exoconsult: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        app_log.log_unexpected(f"command {command_name(args)}", exc)
        raise
    app_log.log.info("command %s finished: exit %d", command_name(args), code)
    return code
