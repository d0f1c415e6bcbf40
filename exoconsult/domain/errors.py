"""Typed errors that cross layers. The GUI and CLI turn them into messages; none carries patient data
in its str() unless it is shown to the user who typed it."""

from __future__ import annotations

from collections.abc import Mapping

from exoconsult.domain.translatable import Reason


class ExoError(Exception):
    """Base of every error the application raises on purpose. `why`, when given, is the same message
    as a Reason a screen shows in its user's language; str() stays English (command line, logs)."""

    why: Reason | None = None

    def __init__(self, *args: object, why: Reason | None = None) -> None:
        if why is not None:
            self.why = why
            args = args or (why.english(),)
        super().__init__(*args)


class ValidationError(ExoError):
    """Input refused. `problems` maps a field id (or JSON path) to a human message in English; a value
    given as a Reason is also kept in `reasons`, for screens in another language."""

    def __init__(self, problems: Mapping[str, str | Reason]) -> None:
        self.reasons = {key: value for key, value in problems.items() if isinstance(value, Reason)}
        self.problems = {key: value.english() if isinstance(value, Reason) else value
                         for key, value in problems.items()}
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.problems.items()))

    def as_given(self) -> dict[str, str | Reason]:
        """The problems as they were given (a Reason where there is one), to gather into another error."""
        return {key: self.reasons.get(key, text) for key, text in self.problems.items()}


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
