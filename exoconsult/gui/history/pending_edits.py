"""Bookkeeping of what the user typed and the service has not stored yet (no Qt here).

Each edited field remembers the value it had when the user started editing (its *base*); the service
stores the new value only if the stored value still equals that base, which is how a save from another
workstation is noticed instead of overwritten. After one of our own saves lands, the base of a field
the user kept typing in moves to the value we just stored, so we never conflict with ourselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from exoconsult.services.history.history_dto import ABSENT, FieldChange, HistoryDTO


@dataclass
class PendingEdits:
    """`pending`: to be sent with the next autosave. `held`: sent, but waiting for the user (an
    implausible value to confirm, a range refusal, a conflict); the service keeps those in the draft."""

    pending: dict[str, FieldChange]
    held: dict[str, FieldChange]
    in_flight: dict[str, FieldChange]

    @classmethod
    def empty(cls) -> PendingEdits:
        return cls({}, {}, {})

    def record(self, path: str, value: Any, stored: HistoryDTO | None) -> None:
        """The user changed `path` to `value` (ABSENT = emptied). The base is kept from the first edit."""
        previous = self.pending.get(path) or self.held.pop(path, None)
        if previous is not None:
            base = previous.base_value
        elif path in self.in_flight:
            base = self.in_flight[path].new_value  # our own save in flight will have stored this
        else:
            base = stored.value(path) if stored is not None else ABSENT
        self.pending[path] = FieldChange(path=path, new_value=value, base_value=base)

    def put(self, change: FieldChange) -> None:
        """A ready-made change (confirmed value, 'use mine' with a fresh base, a restored draft)."""
        self.held.pop(change.path, None)
        self.pending[change.path] = change

    def take_batch(self) -> list[FieldChange]:
        """Everything pending, now marked in flight (one autosave at a time)."""
        batch = list(self.pending.values())
        self.in_flight = dict(self.pending)
        self.pending = {}
        return batch

    def landed(self, saved: Iterable[str], held_paths: Iterable[str], stored: HistoryDTO) -> None:
        """A save came back: fields typed again meanwhile get the stored value as their new base."""
        saved_set = set(saved)
        for path in held_paths:
            if path in self.in_flight and path not in self.pending:
                self.held[path] = self.in_flight[path]
        for path, change in list(self.pending.items()):
            if path in saved_set:
                self.pending[path] = replace(change, base_value=stored.value(path))
        self.in_flight = {}

    def failed(self) -> None:
        """The save call itself failed: put the batch back (newer typing wins) to retry later."""
        for path, change in self.in_flight.items():
            if path in self.pending:
                self.pending[path] = replace(self.pending[path], base_value=change.base_value)
            else:
                self.pending[path] = change
        self.in_flight = {}

    def forget(self, paths: Iterable[str]) -> None:
        for path in paths:
            self.pending.pop(path, None)
            self.held.pop(path, None)

    def forget_row(self, group: str, row_key: str) -> None:
        prefix = f"{group}/{row_key}/"
        self.forget([p for p in (*self.pending, *self.held) if p.startswith(prefix)])

    def unsaved(self) -> list[FieldChange]:
        """Everything not yet stored, newest value per field (for a draft on lock or logout)."""
        merged = {**self.held, **self.in_flight, **self.pending}
        return list(merged.values())

    def overlay(self) -> dict[str, Any]:
        """path -> value the screen shows for every field not yet stored."""
        return {c.path: c.new_value for c in self.unsaved()}

    @property
    def busy(self) -> bool:
        return bool(self.in_flight)
