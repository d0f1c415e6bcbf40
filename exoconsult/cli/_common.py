"""Helpers shared by command modules: open the data dir and database the same way everywhere."""

from __future__ import annotations

import argparse
import sys

from exoconsult.config import DataDir, resolve_data_dir


def data_dir(args: argparse.Namespace) -> DataDir:
    return DataDir(resolve_data_dir(getattr(args, "data_dir", None)))


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
