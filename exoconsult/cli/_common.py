"""Helpers shared by command modules: open the data dir and database the same way everywhere."""

from __future__ import annotations

import argparse
import sys

from exoconsult import app_log
from exoconsult.config import DataDir, resolve_data_dir


def data_dir(args: argparse.Namespace) -> DataDir:
    """The data folder a command works on; from here on the command logs into its logs/ folder."""
    dd = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
    if app_log.current_path() != dd.logs_dir / app_log.LOG_FILE:
        app_log.configure(dd.logs_dir, f"command {command_name(args)}")
        for problem in dd.local_settings_problems():
            app_log.log.warning("%s", problem)
            print(f"exoconsult: warning: {problem}", file=sys.stderr)
    return dd


def command_name(args: argparse.Namespace) -> str:
    func = getattr(args, "func", None)
    return func.__module__.rsplit(".", 1)[-1] if func is not None else "(none)"


def database_url(args: argparse.Namespace, dd: DataDir) -> str:
    return dd.database_url(getattr(args, "database_url", None))


def fail(message: str, code: int = 2) -> int:
    """One line on stderr, then the exit status (2 = could not run)."""
    print(f"exoconsult: {message}", file=sys.stderr)
    return code


def open_ctx(args: argparse.Namespace, *, upgrade: bool = True):
    """Open the data folder's database (migrating it after a verified backup unless upgrade=False)."""
    from exoconsult.services.clinic import open_context

    dd = data_dir(args)
    return open_context(dd, database_url(args, dd), upgrade=upgrade)
