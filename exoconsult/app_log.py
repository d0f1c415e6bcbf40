"""The application log: `logs/exoconsult.log` in the data folder, rotated by size, one format everywhere.

What goes in: start-up, sign-in and sign-out, every use case's name and outcome (services/permissions.py
logs them at the one place every use case passes), errors with their tracebacks. What never goes in:
patient data. Our own messages carry ids, roles, names of operations and exception types only, and
every traceback is written without exception messages (a message may quote a name, an MRN or a value
the user typed; a database error quotes the row it failed on). Records from libraries are kept from
WARNING up.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from exoconsult import __version__
from exoconsult.config import make_private_dir

LOG_FILE = "exoconsult.log"
MAX_BYTES = 2_000_000  # per file; with 5 older generations at most ~12 MB in the data folder
GENERATIONS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
WITHHELD = "(message not logged: it may quote patient data)"

log = logging.getLogger("exoconsult")
_current: dict[str, object] = {}


def safe_traceback(error: BaseException) -> str:
    """The traceback of `error` and of the exceptions it was raised from: types and code locations only."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"{kind.__module__}.{kind.__qualname__} {WITHHELD}\n{frames}".rstrip())
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "Traceback (most recent call last; the last exception listed first):\n" + "\n  -- raised while handling --\n".join(parts)


class SafeFormatter(logging.Formatter):
    """UTC timestamps; exceptions as types and frames, never their messages."""

    converter = time.gmtime

    def __init__(self) -> None:
        super().__init__(FORMAT, datefmt="%Y-%m-%dT%H:%M:%SZ")

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        return safe_traceback(ei[1]) if ei and ei[1] is not None else ""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own rendering of the traceback (message included) on the
        # record; ours is always made afresh.
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached


class _OursOrWarnings(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == "exoconsult" or record.name.startswith("exoconsult.") or record.levelno >= logging.WARNING


def configure(logs_dir: Path, program: str) -> Path | None:
    """Send log records to `logs_dir/exoconsult.log` (replacing an earlier configuration); logs the start.
    A folder that cannot be written (a read-only copy of a data folder) leaves the program without a log
    file, with one warning on stderr, rather than stopping it."""
    path = logs_dir / LOG_FILE
    stop()
    try:
        make_private_dir(logs_dir)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=GENERATIONS, encoding="utf-8")
        if os.name == "posix":
            os.chmod(path, 0o600)
    except OSError as exc:
        print(f"exoconsult: warning: no log file: cannot write {path} ({exc.strerror or type(exc).__name__})",
              file=sys.stderr)
        return None
    handler.setFormatter(SafeFormatter())
    handler.addFilter(_OursOrWarnings())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    _current.update(handler=handler, path=path)
    log.info("start: exoconsult %s, %s; Python %s on %s", __version__, program, platform.python_version(),
             platform.platform(terse=True))
    return path


def stop() -> None:
    """Close the log file (a later `configure` opens another)."""
    handler = _current.pop("handler", None)
    _current.pop("path", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger().removeHandler(handler)
        handler.close()


def current_path() -> Path | None:
    """The log file in use, for messages that tell the user where to find it."""
    path = _current.get("path")
    return path if isinstance(path, Path) else None


def log_unexpected(what: str, error: BaseException) -> None:
    log.error("unexpected %s in %s", type(error).__name__, what, exc_info=error)
