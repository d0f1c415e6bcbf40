"""Reading files and JSON that someone else wrote, with bounds: every input ends in data or one clear
InputRefused, within a size and a nesting depth fixed here, never in a traceback, a hang or a memory blow-up.

Why each bound exists: a 2 GB "PDF" was read whole into memory; `/dev/zero` never ends; a 401-digit
integer overflowed float conversion deep in the rules; 100,000 nested brackets exhausted the recursion
limit; a repeated JSON key silently replaced the first (a duplicated `history` imported an almost empty one).
Standard library only, so every layer may use it.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

from exoconsult.domain.errors import ExoError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message

MiB = 1024 * 1024
CASE_FILE_LIMIT = 2 * MiB  # a case file is a few kB; 2 MB leaves room for long free-text notes
PDF_LIMIT = 50 * MiB  # a sealed consent is ~120 kB; the longest report is far below this
FORMS_FILE_LIMIT = 1 * MiB  # one YAML or Markdown file in forms/
MANIFEST_LIMIT = 1 * MiB  # a backup manifest is under 2 kB
PASSWORD_FILE_LIMIT = 4096  # one line; passwords are at most 128 characters
LOGO_LIMIT = 2 * MiB

JSON_MAX_DEPTH = 32  # a case file nests 4 levels deep
JSON_MAX_INT_DIGITS = 15  # larger integers cannot be exact as floats, and no clinical value needs them


class InputRefused(ExoError):
    """A file or text was refused before use; str() is one line naming the file and why. `detail`, when
    given, is the why without the file's name, as words a screen says in its own language."""

    def __init__(self, *args: object, why: Reason | None = None, detail: Reason | None = None) -> None:
        super().__init__(*args, why=why)
        self.detail = detail


# What Python's JSON reader says is wrong (its words, English), marked so a screen can say them in its language.
JSON_ERRORS = (
    QT_TRANSLATE_NOOP("JsonErrors", "Expecting value"),
    QT_TRANSLATE_NOOP("JsonErrors", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("JsonErrors", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("JsonErrors", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("JsonErrors", "Extra data"),
    QT_TRANSLATE_NOOP("JsonErrors", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("JsonErrors", "Invalid control character at"),
)


IS_A_FOLDER = QT_TRANSLATE_NOOP("ServiceMessages", "cannot read: is a folder, not a {what}")
TOO_LARGE = QT_TRANSLATE_NOOP("ServiceMessages", "{what} is larger than {size}; refused")


def _refused(where: str, template: str, **values: object) -> InputRefused:
    """InputRefused naming `where` ("file: why"), `template` marked in "ServiceMessages" where it is written."""
    detail = service_message(template, **values)
    return InputRefused(why=service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{where}: {detail}"), where=where,
                                            parts={"detail": detail}), detail=detail)


def _size_text(limit: int) -> str:
    return f"{limit // MiB} MB" if limit >= MiB else f"{limit} bytes"


def read_limited(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Devices, FIFOs, folders (and /proc entries that
    claim size 0 but never end) are refused: the read stops at limit + 1 bytes whatever the file says."""
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever before we can refuse it.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _refused(name, QT_TRANSLATE_NOOP("ServiceMessages", "cannot read: no such file")) from None
    except IsADirectoryError:
        raise _refused(name, IS_A_FOLDER, terms={"what": what}) from None
    except OSError as exc:
        raise InputRefused(f"{name}: cannot open: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refused(name, IS_A_FOLDER, terms={"what": what})
        if not stat.S_ISREG(info.st_mode):
            raise _refused(name, QT_TRANSLATE_NOOP("ServiceMessages", "cannot read: not a regular file (device, pipe "
                                                   "or socket); refused"))
        if info.st_size > limit:
            raise _refused(name, TOO_LARGE, terms={"what": what}, size=_size_text(limit))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 * MiB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise _refused(name, TOO_LARGE, terms={"what": what}, size=_size_text(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise InputRefused(f"{name}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_text_limited(path: str | os.PathLike[str], limit: int, what: str = "file") -> str:
    data = read_limited(path, limit, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        detail = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "line {line}: not UTF-8 text"), line=line)
        raise InputRefused(why=service_message(QT_TRANSLATE_NOOP("ServiceMessages", "{where}:{line}: not UTF-8 text"),
                                               where=os.fspath(path), line=line), detail=detail) from None


def require_existing_folder(path: Path, what: str = "data folder") -> Path:
    """Refuse (rather than create) a folder that is not there: a mistyped --data-dir must not become a
    new, empty installation."""
    if not path.exists():
        raise InputRefused(f"{path}: no such {what} (nothing was created)")
    if not path.is_dir():
        raise InputRefused(f"{path}: is not a folder")
    return path


NESTED_TOO_DEEP = QT_TRANSLATE_NOOP("ServiceMessages", "nested more than {depth} levels deep; refused")


class _TooLarge:
    """Stands in for a number the parser refused, so the walk can name its path."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Pairs(dict):
    """A JSON object that remembers which of its keys were repeated."""

    repeated: tuple[str, ...] = ()


def _pairs(items: list[tuple[str, Any]]) -> _Pairs:
    out = _Pairs()
    repeated = []
    for key, value in items:
        if key in out:
            repeated.append(key)
        out[key] = value
    if repeated:
        out.repeated = tuple(repeated)
    return out


def _parse_int(text: str) -> int | _TooLarge:
    return _TooLarge(text) if len(text.lstrip("-")) > JSON_MAX_INT_DIGITS else int(text)


def _parse_float(text: str) -> float | _TooLarge:
    value = float(text)
    return value if math.isfinite(value) else _TooLarge(text)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if not key.isprintable():  # a key with a line break or control character stays on the message's one line
        key = json.dumps(key)
    return key if path == "$" else f"{path}.{key}"


def _check_tree(data: Any, where: str, max_depth: int) -> None:
    """Iterative (a recursive walk could itself hit the recursion limit): depth, repeated keys, numbers."""
    stack: list[tuple[Any, str, int]] = [(data, "$", 1)]

    def shown_path(path: str) -> str:
        return path if len(path) <= 80 else path[:60] + "…"

    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, _TooLarge):
            shown = value.text if len(value.text) <= 20 else value.text[:12] + "…"
            raise _refused(where, QT_TRANSLATE_NOOP("ServiceMessages", "{path}: number {number} is out of range (at "
                                                    "most {digits} digits, finite)"), path=shown_path(path),
                           number=shown, digits=JSON_MAX_INT_DIGITS)
        if isinstance(value, dict | list) and depth > max_depth:
            raise _refused(where, QT_TRANSLATE_NOOP("ServiceMessages", "{path}: nested more than {depth} levels deep; "
                                                    "refused"), path=shown_path(path), depth=max_depth)
        if isinstance(value, _Pairs) and value.repeated:
            raise _refused(where, QT_TRANSLATE_NOOP("ServiceMessages", "{path}: key appears more than once (which one "
                                                    "is meant is unclear); refused"),
                           path=shown_path(_child(path, value.repeated[0])))
        if isinstance(value, dict):
            stack.extend((v, _child(path, k), depth + 1) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, _child(path, i), depth + 1) for i, v in reversed(list(enumerate(value))))


def load_json_strict(text: str, where: str, *, max_depth: int = JSON_MAX_DEPTH) -> Any:
    """json.loads that refuses repeated keys, NaN/Infinity, numbers beyond 15 digits or non-finite, and
    nesting deeper than max_depth, each with the JSON path ($.history.x) in one line."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_int=_parse_int, parse_float=_parse_float,
                          parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise _refused(where, QT_TRANSLATE_NOOP("ServiceMessages", "not valid JSON: line {line} column {column}: "
                                                "{reason}"), line=exc.lineno, column=exc.colno,
                       terms={"reason": exc.msg}, terms_context="JsonErrors") from None
    except RecursionError:
        raise _refused(where, NESTED_TOO_DEEP, depth=max_depth) from None
    except ValueError as exc:  # a NaN/Infinity constant, or an integer string Python refuses to convert
        raise InputRefused(f"{where}: not valid JSON: {exc}") from None
    _check_tree(data, where, max_depth)
    return _plain(data)


def _plain(data: Any) -> Any:
    """_Pairs back to plain dicts (iteratively), so nothing downstream sees the helper type."""
    if not isinstance(data, dict | list):
        return data
    root: list[Any] = [None]
    stack: list[tuple[Any, Any, Any]] = [(data, root, 0)]
    while stack:
        value, parent, key = stack.pop()
        if isinstance(value, dict):
            copy: Any = dict.fromkeys(value)  # keys in file order; values filled in below
            stack.extend((v, copy, k) for k, v in value.items())
        elif isinstance(value, list):
            copy = [None] * len(value)
            stack.extend((v, copy, i) for i, v in enumerate(value))
        else:
            copy = value
        parent[key] = copy
    return root[0]


def load_json_file(path: str | os.PathLike[str], limit: int = CASE_FILE_LIMIT, what: str = "JSON file") -> Any:
    name = os.fspath(path)
    return load_json_strict(read_text_limited(path, limit, what), name)
