"""Signing in for a restore onto a computer that has no database yet: the accounts live in the backup
itself, so the password is checked against a throw-away copy of its (already decrypted and checked)
database; the copy, with the sign-in's own audit entries, is deleted. Without this, a restore would be the
one command that names no person."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from exoconsult.config import DataDir
from exoconsult.domain.errors import PermissionDenied
from exoconsult.domain.people import Actor
from exoconsult.services.accounts.auth import AuthService
from exoconsult.services.core.context import open_database
from exoconsult.services.core.permissions import Permission, allowed


def sign_in_with_backup_accounts(database: Path, username: str, password: str) -> Actor:
    """The actor `username` would be in the backup's `database`, if the password is right and the role may
    restore."""
    with tempfile.TemporaryDirectory(prefix="exoconsult-sign-in-") as folder:
        probe = DataDir(Path(folder))
        shutil.copyfile(database, probe.db_path)
        ctx = open_database(probe, f"sqlite:///{probe.db_path}")  # a throw-away copy: no start-up repairs
        try:
            actor = AuthService(ctx).login(username, password)
        finally:
            ctx.close()
    if not allowed(actor, Permission.BACKUP_MANAGE):
        raise PermissionDenied(actor.role, Permission.BACKUP_MANAGE)
    return actor
