"""Where service calls run. BackgroundRunner owns ONE worker thread for all database and PDF work
(SQLite has a single writer, and one worker keeps calls in submission order); results come back to the
GUI thread through a queued signal. ImmediateRunner has the same interface and runs work inline (tests).

No widget is touched on the worker: `work` only calls services and returns DTOs; `on_ok`/`on_error`
run on the GUI thread.

Every job runs inside `collect_changes()`: what its use cases changed (which patient, which parts) is
emitted as `changes_made` after the job's own callback, and every open screen refreshes from that.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal, Slot

from exoconsult.services.core.changes import Changes, collect_changes

Work = Callable[[], Any]
OnOk = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class Runner(Protocol):
    """What pages depend on: submit work, get the result (or error) back on the GUI thread."""

    busy_changed: Any

    def submit(self, work: Work, on_ok: OnOk, on_error: OnError, *, label: str = "") -> None: ...


@dataclass(frozen=True)
class _Delivery:
    """A finished job travelling from the worker to the GUI thread (no closures over widgets)."""

    callback: Callable[[Any], None]
    payload: Any
    label: str
    changes: Changes


class _Tracked:
    """The job as run on the worker: the work, and what its use cases changed."""

    def __init__(self, work: Work) -> None:
        self._work = work
        self.changes = Changes()

    def __call__(self) -> Any:
        with collect_changes() as log:
            try:
                return self._work()
            finally:
                self.changes = log.changes


class BackgroundRunner(QObject):
    """Runs service calls on one worker thread; callbacks come back on the GUI thread in order."""

    _deliver = Signal(object)
    # (busy, label of the oldest unfinished job): drives the status-bar busy indicator.
    busy_changed = Signal(bool, str)
    # What a finished job changed (services' Changes); emitted after the job's own callback.
    changes_made = Signal(object)

    def __init__(self, parent: QObject | None = None, *, thread_name: str = "exo-worker") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=thread_name)
        self._pending: list[str] = []
        self._closed = False
        self._deliver.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def submit(self, work: Work, on_ok: OnOk, on_error: OnError, *, label: str = "") -> None:
        if self._closed:
            return
        self._pending.append(label)
        if len(self._pending) == 1:
            self.busy_changed.emit(True, label)
        tracked = _Tracked(work)
        future = self._pool.submit(tracked)
        future.add_done_callback(_Forwarder(self._deliver, on_ok, on_error, label, tracked))

    @Slot(object)
    def _on_delivered(self, delivery: _Delivery) -> None:
        if self._pending:
            self._pending.pop(0)
        if self._pending:
            self.busy_changed.emit(True, self._pending[0])
        else:
            self.busy_changed.emit(False, "")
        if not self._closed:
            delivery.callback(delivery.payload)
            if delivery.changes:
                self.changes_made.emit(delivery.changes)

    def shutdown(self) -> None:
        """Finish the job in hand (never cut a database write short), drop queued callbacks."""
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Forwarder:
    """Runs on the worker thread when a job ends; emits the result towards the GUI thread."""

    def __init__(self, signal: Any, on_ok: OnOk, on_error: OnError, label: str, tracked: _Tracked) -> None:
        self._signal = signal
        self._on_ok = on_ok
        self._on_error = on_error
        self._label = label
        self._tracked = tracked

    def __call__(self, future: Future) -> None:
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            delivery = _Delivery(self._on_ok, future.result(), self._label, self._tracked.changes)
        else:
            delivery = _Delivery(self._on_error, error, self._label, self._tracked.changes)
        try:
            self._signal.emit(delivery)
        except RuntimeError:
            pass  # the runner was deleted while the job ran (application quitting)


class ImmediateRunner(QObject):
    """Test double with the same interface: runs work synchronously on the calling thread."""

    busy_changed = Signal(bool, str)
    changes_made = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []

    @property
    def pending(self) -> int:
        return 0

    def submit(self, work: Work, on_ok: OnOk, on_error: OnError, *, label: str = "") -> None:
        self.labels.append(label)
        tracked = _Tracked(work)
        try:
            result = tracked()
        except Exception as exc:  # noqa: BLE001 - mirrors the real runner, which hands every error back
            on_error(exc)
        else:
            on_ok(result)
        if tracked.changes:
            self.changes_made.emit(tracked.changes)

    def shutdown(self) -> None:
        pass
