"""The clinic backup file: one file holding a folder tree (database snapshot, keys/, forms/, branding/ and a
manifest), encrypted so memory stays bounded whatever the clinic's size.

Layout: MAGIC, a 4-byte big-endian length, a JSON header in clear (format, the non-patient summary, the
backup public key with its passphrase-locked private key, the wrapped file key), then the payload: a tar
stream cut into records of at most 1 MiB, each sealed with AES-256-GCM under the file key. A record is one
flag byte (1 = the last record), a 4-byte length and the sealed bytes; its nonce is its number and the flag,
and every record is bound to the header (associated data = SHA-256 of MAGIC and header), so a reordered,
dropped, truncated or appended record, or a changed header, makes the backup refuse to open.

The manifest is the tar stream's first member: every later member's SHA-256 is checked against it while
it is unpacked, and a member the manifest does not list, or one it lists and the stream lacks, is refused.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import struct
import tarfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from exoconsult.bounded_input import InputRefused, load_json_strict
from exoconsult.domain.canonical_json import canonical_json
from exoconsult.domain.errors import StorageError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.storage.backup import fsync_dir
from exoconsult.storage.secret_box import BackupKey, unwrap_file_key, wrap_file_key

MAGIC = b"EXOCONSULT CLINIC BACKUP 2\n"
SUFFIX = ".exobackup"
MANIFEST_MEMBER = "manifest.json"
CHUNK = 1 << 20
_HEADER_LIMIT = 1 << 20
_RECORD = struct.Struct(">BI")
ALLOWED_TOP = ("database", "keys", "forms", "branding")


class BackupRefused(StorageError):
    """The file is not a whole, unaltered clinic backup (or the passphrase does not open it)."""


def _aad(header_bytes: bytes) -> bytes:
    return hashlib.sha256(MAGIC + header_bytes).digest()


def _nonce(number: int, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class _SealingWriter(io.RawIOBase):
    """A write-only stream that seals what it is given in records of CHUNK bytes."""

    def __init__(self, out, key: bytes, aad: bytes) -> None:
        self._out, self._aead, self._aad = out, AESGCM(key), aad
        self._buffer = bytearray()
        self._number = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep at least one byte back: the last record is sealed at finish
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _emit(self, plain: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._number, last), plain, self._aad)
        self._out.write(_RECORD.pack(1 if last else 0, len(sealed)) + sealed)
        self._number += 1

    def finish(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()


class _OpeningReader(io.RawIOBase):
    """The reverse of _SealingWriter: a readable stream of the opened records; refuses any tampering."""

    def __init__(self, source, key: bytes, aad: bytes) -> None:
        self._in, self._aead, self._aad = source, AESGCM(key), aad
        self._buffer = b""
        self._number = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        while not self._buffer and not self._done:
            self._next_record()
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n

    def _next_record(self) -> None:
        head = self._in.read(_RECORD.size)
        if len(head) < _RECORD.size:
            raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the backup file is cut short (its last part is missing)")))
        flag, length = _RECORD.unpack(head)
        if flag not in (0, 1) or length > CHUNK + 16:
            raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the backup file is damaged (a record is malformed)")))
        sealed = self._in.read(length)
        try:
            self._buffer = self._aead.decrypt(_nonce(self._number, flag == 1), sealed, self._aad)
        except InvalidTag:
            raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "the backup file was damaged or altered (record {number})"), number=self._number)) from None
        self._number += 1
        if flag == 1:
            self._done = True
            if self._in.read(1):
                raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "the backup file has bytes after its end (it was altered)")))


def _open_regular(path: Path):
    """Open a backup for reading; a folder, device, pipe or socket is refused before it is opened."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{file}: not a regular file (a folder, device or pipe); refused"), file=path))
        return open(path, "rb")  # noqa: SIM115 - the callers close it
    except OSError as exc:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{file}: cannot be read ({error})"), file=path, error=exc.strerror or exc)) from None


def read_header(path: Path) -> dict:
    """The header in clear (no passphrase needed); BackupRefused when the file is not a clinic backup."""
    try:
        with _open_regular(path) as fh:
            header, _ = _read_header(fh)
    except OSError as exc:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{file}: cannot be read ({error})"), file=path.name, error=exc.strerror or exc)) from None
    return header


def _read_header(fh) -> tuple[dict, bytes]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "not an ExoConsult clinic backup (an older unencrypted backup, or another file)")))
    raw_len = fh.read(4)
    length = struct.unpack(">I", raw_len)[0] if len(raw_len) == 4 else _HEADER_LIMIT + 1
    if length > _HEADER_LIMIT:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup file's header is damaged")))
    header_bytes = fh.read(length)
    header = _strict_json(header_bytes, "header")
    if not isinstance(header, dict) or not isinstance(header.get("file_key"), dict):
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup file's header is damaged")))
    return header, header_bytes


def write_backup(dest: Path, header: dict, key: BackupKey, manifest: dict,
                 members: Iterable[tuple[str, Path]]) -> bytes:
    """Write the encrypted backup atomically (owner-only temp file, fsync, rename, fsync folder). Returns the
    file key, for the writer's read-back check only (it is never stored in clear)."""
    file_key, wrap = wrap_file_key(key.public)
    header = dict(header, backup_key=key.to_json(), file_key=wrap)
    header_bytes = canonical_json(header).encode("utf-8")
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes)
            sealing = _SealingWriter(out, file_key, _aad(header_bytes))
            with tarfile.open(fileobj=sealing, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                data = json.dumps(manifest, sort_keys=True, indent=1).encode("utf-8")
                tar.addfile(_info(MANIFEST_MEMBER, len(data)), io.BytesIO(data))
                for name, path in members:
                    with open(path, "rb") as fh:
                        tar.addfile(_info(name, os.fstat(fh.fileno()).st_size), fh)
            sealing.finish()
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(dest.parent)
    return file_key


def _info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, 0  # no owner names or times: nothing about the machine
    return info


def member_digest(path: Path) -> dict:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            digest.update(block)
            size += len(block)
    return {"sha256": digest.hexdigest(), "bytes": size}


def _safe_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or path.parts[0] not in ALLOWED_TOP \
            or len(path.parts) < 2 or "\\" in name:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup holds a part it may not hold: {name}"), name=repr(name)))
    return path


def unpack(path: Path, passphrase: str, into: Path) -> tuple[dict, dict]:
    """Open the backup with the clinic passphrase into the (empty, private) folder `into`, checking every
    member against the manifest. Returns (header, manifest). Raises BackupRefused / WrongSecret."""
    with _open_regular(path) as fh:
        header, header_bytes = _read_header(fh)
        key = BackupKey.from_json(header.get("backup_key"))
        file_key = unwrap_file_key(key, header["file_key"], passphrase)
        return header, _read_payload(fh, file_key, header_bytes, into)


def verify_written(path: Path, file_key: bytes) -> dict:
    """Read a just-written backup back with its file key: every record opens, every member matches the
    manifest (nothing is written to disk). Returns the manifest."""
    with _open_regular(path) as fh:
        _, header_bytes = _read_header(fh)
        return _read_payload(fh, file_key, header_bytes, None)


def _read_payload(fh, file_key: bytes, header_bytes: bytes, into: Path | None) -> dict:
    reader = io.BufferedReader(_OpeningReader(fh, file_key, _aad(header_bytes)), CHUNK)
    try:
        return _extract(tarfile.open(fileobj=reader, mode="r|"), into)
    except tarfile.TarError as exc:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup's contents are damaged ({error})"), error=exc)) from None


def _extract(tar: tarfile.TarFile, into: Path | None) -> dict:
    """Walk the members, checking each against the manifest; written under `into` unless it is None."""
    manifest: dict | None = None
    seen: set[str] = set()
    with tar:
        for info in tar:
            if not info.isfile():
                raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "the backup holds something that is not a plain file: {name}"), name=repr(info.name)))
            if manifest is None:
                if info.name != MANIFEST_MEMBER or info.size > _HEADER_LIMIT:
                    raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                        "ServiceMessages", "the backup's manifest is missing")))
                manifest = _load_manifest(tar.extractfile(info).read())  # type: ignore[union-attr]
                continue
            listed = manifest["members"].get(info.name)
            parts = _safe_name(info.name).parts
            if listed is None or info.name in seen:
                raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "the backup holds {name}, which its manifest does not list"), name=info.name))
            seen.add(info.name)
            digest = _copy_member(tar.extractfile(info), None if into is None else into.joinpath(*parts))
            if digest.hexdigest() != listed.get("sha256"):
                raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "{name} in the backup differs from its manifest (SHA-256)"), name=info.name))
    if manifest is None:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP("ServiceMessages", "the backup is empty")))
    missing = sorted(set(manifest["members"]) - seen)
    if missing:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup lacks what its manifest lists: {names}"), names=', '.join(missing[:5])))
    return manifest


def _copy_member(source, target: Path | None) -> hashlib._Hash:
    digest = hashlib.sha256()
    if target is None:
        for block in iter(lambda: source.read(CHUNK), b""):
            digest.update(block)
        return digest
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        for block in iter(lambda: source.read(CHUNK), b""):
            digest.update(block)
            out.write(block)
    return digest


def _strict_json(data: bytes, what: str):
    try:
        return load_json_strict(data.decode("utf-8"), f"the backup's {what}")
    except (InputRefused, UnicodeDecodeError) as exc:
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "a part of the backup is damaged ({what}: {error})"), what=what, error=exc)) from None


def _load_manifest(data: bytes) -> dict:
    manifest = _strict_json(data, "manifest")
    if not isinstance(manifest, dict) or not isinstance(manifest.get("members"), dict):
        raise BackupRefused(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "the backup's manifest cannot be read")))
    for name in manifest["members"]:
        _safe_name(name)
    return manifest
