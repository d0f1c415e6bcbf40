"""Is a folder on an encrypted volume? The clinic's protection of the database at rest is full-disk
encryption (BitLocker, FileVault, LUKS), not an encrypted SQLite build: see the README's security
section. Each platform is asked in the least privileged way that works there; when it cannot tell, the
answer is "unknown" and the installation check warns rather than guesses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ENCRYPTED, NOT_ENCRYPTED, UNKNOWN = "encrypted", "not encrypted", "unknown"

HOW_TO_ENCRYPT = {
    "win32": "turn on BitLocker for this drive (Control Panel > BitLocker Drive Encryption, or Settings > "
             "Privacy & security > Device encryption), or move the data folder to a drive that has it",
    "darwin": "turn on FileVault (System Settings > Privacy & Security > FileVault > Turn On)",
    "linux": "keep the data folder on a LUKS-encrypted disk (chosen when installing the system, or a "
             "LUKS volume made with cryptsetup by the clinic's IT) and move it there",
}


@dataclass(frozen=True)
class Encryption:
    state: str  # ENCRYPTED, NOT_ENCRYPTED or UNKNOWN
    detail: str


def folder_encryption(folder: Path) -> Encryption:
    if sys.platform == "win32":
        return _windows(folder)
    if sys.platform == "darwin":
        return _macos()
    if sys.platform.startswith("linux"):
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        except OSError:
            return Encryption(UNKNOWN, "cannot read /proc/self/mountinfo")
        return linux_encryption(folder, mountinfo, Path("/sys/class/block"))
    return Encryption(UNKNOWN, f"no check for {sys.platform}")


def how_to_encrypt() -> str:
    return HOW_TO_ENCRYPT.get("linux" if sys.platform.startswith("linux") else sys.platform,
                              "use the operating system's full-disk encryption")


# --- Linux: the mount's source device, then its device-mapper chain (LUKS shows as a CRYPT- uuid) ---------

def _mount_source(folder: Path, mountinfo: str) -> tuple[str, str, str] | None:
    """(mount point, file system type, source) of the mount holding `folder`."""
    best: tuple[str, str, str] | None = None
    target = str(folder.resolve())
    for line in mountinfo.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        point = fields[4].replace("\\040", " ")
        fstype, source = line.split(" - ", 1)[1].split()[:2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, fstype, source)
    return best


def _crypt_in_chain(name: str, sys_block: Path, seen: set[str]) -> bool:
    if name in seen:
        return False
    seen.add(name)
    device = sys_block / name
    try:
        if (device / "dm" / "uuid").read_text(encoding="ascii").startswith("CRYPT-"):
            return True
    except OSError:
        pass
    slaves = device / "slaves"
    return slaves.is_dir() and any(_crypt_in_chain(s.name, sys_block, seen) for s in slaves.iterdir())


def _device_name(source: str) -> str:
    """/dev/mapper/vg-root -> dm-1 (the name under /sys/class/block)."""
    return Path(os.path.realpath(source)).name


def linux_encryption(folder: Path, mountinfo: str, sys_block: Path,
                     device_name: Callable[[str], str] = _device_name) -> Encryption:
    found = _mount_source(folder, mountinfo)
    if found is None:
        return Encryption(UNKNOWN, f"no mount found for {folder}")
    point, fstype, source = found
    if not source.startswith("/dev/"):
        return Encryption(UNKNOWN, f"{point} is a {fstype} file system from {source}, not a disk this check can follow")
    name = device_name(source)
    if not (sys_block / name).exists():
        return Encryption(UNKNOWN, f"{source} is not a block device this check can follow")
    if _crypt_in_chain(name, sys_block, set()):
        return Encryption(ENCRYPTED, f"{point} is on {source}, a LUKS/dm-crypt volume")
    return Encryption(NOT_ENCRYPTED, f"{point} is on {source}, which is not encrypted")


# --- macOS and Windows: ask the system ----------------------------------------------------------

def _run(args: list[str]) -> str | None:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _macos() -> Encryption:
    out = _run(["fdesetup", "status"])
    if out is None:
        return Encryption(UNKNOWN, "fdesetup status did not answer")
    if "FileVault is On" in out:
        return Encryption(ENCRYPTED, "FileVault is on")
    return Encryption(NOT_ENCRYPTED, out.strip().splitlines()[0] if out.strip() else "FileVault is off")


def _windows(folder: Path) -> Encryption:
    drive = folder.resolve().drive or "C:"
    # The shell's BitLocker property needs no administrator rights (manage-bde does).
    # 1 = on, 2 = off, 3 = encrypting, 4 = decrypting, 5 = suspended, 6 = on and locked; empty = not capable.
    script = f"(New-Object -ComObject Shell.Application).NameSpace('{drive}\\').Self.ExtendedProperty('System.Volume.BitLockerProtection')"
    out = _run(["powershell", "-NoProfile", "-NonInteractive", "-Command", script])
    if out is None:
        return Encryption(UNKNOWN, "Windows did not report BitLocker status")
    value = out.strip()
    states = {"1": (ENCRYPTED, "BitLocker is on"), "3": (ENCRYPTED, "BitLocker is encrypting the drive"),
              "6": (ENCRYPTED, "BitLocker is on"), "2": (NOT_ENCRYPTED, "BitLocker is off"),
              "4": (NOT_ENCRYPTED, "BitLocker is decrypting the drive"),
              "5": (NOT_ENCRYPTED, "BitLocker protection is suspended")}
    state, text = states.get(value, (NOT_ENCRYPTED, "BitLocker is not available on this drive"))
    return Encryption(state, f"drive {drive}: {text}")
