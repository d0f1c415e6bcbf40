"""Helpers shared by command modules: open the data dir and database the same way everywhere."""

from __future__ import annotations

import argparse
import sys

from exoconsult import app_log
from exoconsult.config import DataDir, resolve_data_dir


def document_language(code: str) -> str:
    """argparse type of a --language option: a document language of the language registry."""
    from exoconsult.services.core.languages import language_registry

    offered = language_registry().document_languages
    if code not in offered:
        raise argparse.ArgumentTypeError(f"{code!r} is not a document language (choose from {', '.join(offered)})")
    return code


def data_dir(args: argparse.Namespace) -> DataDir:
    """The data folder a command works on. A folder that already holds a clinic gets the command's log
    from here on; a folder that does not exist yet is never created by logging (see `start_log`)."""
    dd = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
    if dd.root.is_dir() and (dd.db_path.is_file() or dd.local_settings_path.is_file()
                             or getattr(args, "database_url", None)):
        start_log(args, dd)
    return dd


def start_log(args: argparse.Namespace, dd: DataDir) -> None:
    """Log into the data folder's logs/ (once it is a clinic's folder: after setup or demo created it)."""
    if app_log.current_path() != dd.logs_dir / app_log.LOG_FILE:
        app_log.configure(dd.logs_dir, f"command {command_name(args)}")
        for problem in dd.local_settings_problems():
            app_log.log.warning("%s", problem)
            print(f"exoconsult: warning: {problem}", file=sys.stderr)


def command_name(args: argparse.Namespace) -> str:
    func = getattr(args, "func", None)
    return func.__module__.rsplit(".", 1)[-1] if func is not None else "(none)"


def database_url(args: argparse.Namespace, dd: DataDir) -> str:
    return dd.database_url(getattr(args, "database_url", None))


def one_line(text: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text.strip())


def fail(message: str, code: int = 2) -> int:
    """One line on stderr, then the exit status (2 = could not run). Line breaks and other control
    characters (e.g. from a file name) are shown escaped so the message stays one line."""
    print(f"exoconsult: {one_line(message)}", file=sys.stderr)
    return code


def existing_data_dir(args: argparse.Namespace) -> DataDir:
    """The data folder, which must already exist: a mistyped --data-dir must not silently become a new,
    empty installation (only `setup` and `demo` create one). Raises InputRefused."""
    from exoconsult.bounded_input import require_existing_folder

    dd = data_dir(args)
    require_existing_folder(dd.root)
    return dd


def open_ctx(args: argparse.Namespace, *, upgrade: bool = True, create: bool = False):
    """Open the data folder's database (migrating it after a verified backup unless upgrade=False).
    Unless create=True, the folder and (for SQLite) its database file must already exist."""
    from exoconsult.bounded_input import InputRefused
    from exoconsult.services.clinic import open_context

    dd = data_dir(args) if create else existing_data_dir(args)
    url = database_url(args, dd)
    if not create and url == f"sqlite:///{dd.db_path}" and not dd.db_path.is_file():
        raise InputRefused(f"{dd.root}: holds no ExoConsult database (nothing was created); "
                           "run `exoconsult setup` to set up a new clinic")
    ctx = open_context(dd, url, upgrade=upgrade)
    start_log(args, dd)
    return ctx


def add_sign_in_arguments(parser: argparse.ArgumentParser, who: str = "the member of staff doing this") -> None:
    """--user and the password source (a file or stdin; never the command line, where other users of the
    computer would see it in the process list)."""
    parser.add_argument("--user", required=True, metavar="USERNAME", help=f"{who} (audited)")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--password-file", metavar="FILE", help="read the password from the first line of FILE")
    source.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def read_password(args: argparse.Namespace) -> str:
    """First line of the file or of stdin, without its line ending (spaces inside are kept).
    Raises InputRefused (one line) for a missing, special or oversized password file."""
    from exoconsult.bounded_input import PASSWORD_FILE_LIMIT, read_text_limited

    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline(PASSWORD_FILE_LIMIT)
    else:
        line = read_text_limited(args.password_file, PASSWORD_FILE_LIMIT, "password file").split("\n", 1)[0]
    return line.rstrip("\r\n")


def add_passphrase_arguments(parser: argparse.ArgumentParser, *, required: bool, why: str) -> None:
    """--passphrase-file / --passphrase-stdin: the clinic passphrase, never on the command line."""
    source = parser.add_mutually_exclusive_group(required=required)
    source.add_argument("--passphrase-file", metavar="FILE",
                        help=f"read the clinic passphrase ({why}) from the first line of FILE")
    source.add_argument("--passphrase-stdin", action="store_true",
                        help="read the clinic passphrase from standard input (the line after the password when "
                             "both come from there)")


def read_passphrase(args: argparse.Namespace) -> str | None:
    """The clinic passphrase from its file or the next line of stdin; None when neither was given.
    Raises InputRefused (one line) for a missing, special or oversized file."""
    from exoconsult.bounded_input import PASSWORD_FILE_LIMIT, read_text_limited

    if getattr(args, "passphrase_stdin", False):
        return sys.stdin.readline(PASSWORD_FILE_LIMIT).rstrip("\r\n")
    if getattr(args, "passphrase_file", None):
        text = read_text_limited(args.passphrase_file, PASSWORD_FILE_LIMIT, "passphrase file")
        return text.split("\n", 1)[0].rstrip("\r\n")
    return None


def sign_in_password(args: argparse.Namespace) -> str:
    return read_password(args)


def sign_in(ctx, args: argparse.Namespace, password: str | None = None):
    """The signed-in Actor (raises LoginFailed, PasswordChangeRequired or InputRefused)."""
    from exoconsult.services.accounts.auth import AuthService

    return AuthService(ctx).login(args.user, sign_in_password(args) if password is None else password)


def run_signed_in(args: argparse.Namespace, body, *, invalid_request: tuple[type[Exception], ...] = (),
                  password: str | None = None) -> int:
    """Open the data folder, sign in, run body(ctx, actor). Exit 2: cannot run (folder, database, input, and
    the `invalid_request` errors a command counts as a bad request, e.g. an unknown MRN); 1: refused
    (sign-in, permission, and otherwise not found). `password`: already read (when more follows on stdin)."""
    from exoconsult.bounded_input import InputRefused
    from exoconsult.domain.errors import ExoError

    try:
        ctx = open_ctx(args)
    except ExoError as exc:
        return fail(str(exc))
    try:
        actor = sign_in(ctx, args, password)
        return body(ctx, actor)
    except (InputRefused, *invalid_request) as exc:
        return fail(str(exc))
    except ExoError as exc:
        return fail(str(exc) or exc.__class__.__name__, 1)
    finally:
        close_ctx(ctx)


def run_signed_in_request(args: argparse.Namespace, body) -> int:
    """run_signed_in for commands about one named thing (a case file, an MRN, a lot): a thing that is not
    there or a request that does not validate is a bad request, exit 2."""
    from exoconsult.domain.errors import NotFound, ValidationError

    return run_signed_in(args, body, invalid_request=(NotFound, ValidationError))


def close_ctx(ctx) -> None:
    """Close after a command, first raising this workstation's audit high-water mark (kept outside the data
    folder, so a later rollback of the database is noticed by `verify`)."""
    from exoconsult.services.core.external_anchors import record_high_water_mark

    try:
        record_high_water_mark(ctx)
    except Exception:  # noqa: BLE001 - e.g. the database was just replaced by a restore; never fail the command
        pass
    ctx.close()
