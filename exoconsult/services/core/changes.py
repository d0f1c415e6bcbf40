"""What a use case changed, so that every open screen can refresh itself (Anki's OpChanges, in small).

A write use case notes each part it changed (`work.changed(Part.HISTORY, patient_id)`); when its
transaction commits, the `Changes` go to whoever is collecting on this thread: the GUI's worker wraps
every job in `collect_changes()` and hands the union to the open screens. Nothing is published for a
transaction that rolled back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum


class Part(StrEnum):
    PATIENT = "patient"          # registry data (name, MRN, language…)
    HISTORY = "history"          # history versions and drafts
    ASSESSMENT = "assessment"    # eligibility assessments and their resolutions
    EXPLANATION = "explanation"  # explanation sessions, comprehension, presence, reflection
    CONSENT = "consent"          # signed consents and withdrawals
    PRINTING = "printing"        # print records
    PROCEDURE = "procedure"      # procedure plans, checklists, records and notes
    LOTS = "lots"                # the product lot register (clinic-wide)
    ADVERSE_EVENTS = "adverse_events"  # adverse events, their follow-ups, SAE reports and sendings
    FOLLOWUP = "followup"        # follow-up visits and the patient's follow-up status
    SETTINGS = "settings"        # clinic settings and programme facts
    ACCOUNTS = "accounts"        # user accounts
    CONTENT = "content"          # approvals of the protocol and texts (clinic-wide)


@dataclass(frozen=True)
class Changes:
    """A set of (patient id or None for clinic-wide, part) pairs."""

    items: frozenset[tuple[int | None, Part]] = field(default_factory=frozenset)

    @staticmethod
    def of(part: Part, patient_id: int | None = None) -> Changes:
        return Changes(frozenset({(patient_id, part)}))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.items | other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def patients(self) -> frozenset[int]:
        return frozenset(pid for pid, _ in self.items if pid is not None)

    def touches(self, *parts: Part, patient_id: int | None = None) -> bool:
        """Did any of `parts` change (for `patient_id`, when given; clinic-wide changes always count)?"""
        return any(part in parts and (patient_id is None or pid is None or pid == patient_id)
                   for pid, part in self.items)


NO_CHANGES = Changes()

_collector: ContextVar[list[Changes] | None] = ContextVar("exoconsult_changes", default=None)


def publish(changes: Changes) -> None:
    """Called by a unit of work after its commit."""
    sink = _collector.get()
    if sink is not None and changes:
        sink.append(changes)


class ChangeLog:
    def __init__(self, sink: list[Changes]) -> None:
        self._sink = sink

    @property
    def changes(self) -> Changes:
        out = NO_CHANGES
        for c in self._sink:
            out = out | c
        return out


@contextmanager
def collect_changes() -> Iterator[ChangeLog]:
    """Collect what the use cases run inside the block changed (on this thread only)."""
    sink: list[Changes] = []
    token = _collector.set(sink)
    try:
        yield ChangeLog(sink)
    finally:
        _collector.reset(token)
