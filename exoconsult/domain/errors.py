"""Typed errors that cross layers. The GUI and CLI turn them into messages; none carries patient data
in its str() unless it is shown to the user who typed it."""

from __future__ import annotations


class ExoError(Exception):
    """Base of every error the application raises on purpose."""


class ValidationError(ExoError):
    """Input refused. `problems` maps a field id (or JSON path) to a human message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.problems.items()))


class NotFound(ExoError):
    pass


class Conflict(ExoError):
    """Someone else saved the record since it was read (optimistic lock)."""


class NotAuthenticated(ExoError):
    pass


class PermissionDenied(ExoError):
    def __init__(self, role: str | None, permission: str) -> None:
        self.role = role
        self.permission = permission
        super().__init__(f"role {role or '(none)'} may not {permission}")


class StorageError(ExoError):
    """The database cannot be used (too new, corrupt, unreachable)."""


class SchemaTooNew(StorageError):
    pass
