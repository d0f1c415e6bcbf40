"""Re-assessing every patient after a protocol change, fast enough for 100,000 cases (target <= 60 s).

Pages of newest snapshots are read by patient id (keyset), judged, and stored with their audit entries in
one transaction per page. Judging is the expensive part (parse + rules, about half a millisecond a case),
so with many patients it runs in worker processes (one per core) while this process reads and writes
the database: a page is judged while the previous one is stored. Workers load the protocol from the
same folder and refuse to work if its sha256 differs from the one this run started with.
"""

from __future__ import annotations

import json
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from exoconsult.domain.errors import ExoError
from exoconsult.domain.people import Actor
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.rules.model import Protocol as RulesProtocol
from exoconsult.services.assessment.judging import evaluate
from exoconsult.storage.assessments import AssessmentRepository

PAGE = 2000
_worker_protocol: RulesProtocol | None = None  # set in each worker process by _init_worker


def _init_worker(protocol_dir: str, sha256: str) -> None:
    global _worker_protocol
    from exoconsult.definitions.protocol import load_protocol

    protocol = load_protocol(Path(protocol_dir))
    if protocol.sha256 != sha256:
        raise ExoError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The protocol file changed while re-assessing; start the re-assessment again.")))
    _worker_protocol = protocol


def judge_inputs(protocol: RulesProtocol, today: date, inputs: list[str]) -> list[dict[str, Any]]:
    """Snapshot values for stored inputs judged by `protocol` on `today`."""
    today_text = today.isoformat()
    out = []
    for text in inputs:
        case_json = json.loads(text)
        # Stored inputs are canonical JSON (sorted keys, quantities canonical) and stay so when parsed again:
        # only the reference date changes, so the new inputs text is the old one with that date replaced.
        old_date, new_date = f'"assessed_on":"{case_json["assessed_on"]}"', f'"assessed_on":"{today_text}"'
        new_text = text.replace(old_date, new_date, 1) if text.count(old_date) == 1 else None
        case_json["assessed_on"] = today_text
        out.append(evaluate(protocol, case_json, today, inputs_text=new_text))
    return out


def _judge_in_worker(today: date, inputs: list[str]) -> list[dict[str, Any]]:
    if _worker_protocol is None:
        raise ExoError(why=service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "The re-assessment could not load the protocol; start the re-assessment again.")))
    return judge_inputs(_worker_protocol, today, inputs)


@dataclass
class Tally:
    patients: int = 0
    already_current: int = 0
    changed_verdict: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)


class Reassessment:
    def __init__(self, ctx, actor: Actor, protocol_dir: Path, protocol: RulesProtocol, today: date) -> None:
        self.ctx, self.actor, self.protocol_dir, self.protocol, self.today = ctx, actor, protocol_dir, protocol, today
        self.tally = Tally()

    def _pages(self):
        """Each page: the newest snapshots not yet judged by this protocol (counted as they pass)."""
        after = 0
        while True:
            with self.ctx.uow(self.actor, write=False) as uow:
                page = AssessmentRepository(uow.session).latest_batch(after, PAGE)
            if not page:
                return
            after = page[-1]["patient_id"]
            todo = [old for old in page if old["protocol_sha256"] != self.protocol.sha256]
            self.tally.patients += len(page)
            self.tally.already_current += len(page) - len(todo)
            yield todo

    def _store(self, todo: list[dict[str, Any]], judged: list[dict[str, Any]]) -> None:
        if not todo:
            return
        actor, tally = self.actor, self.tally
        with self.ctx.uow(actor) as uow:
            now = uow.now()
            rows = []
            for old, values in zip(todo, judged, strict=True):
                tally.changed_verdict += values["verdict"] != old["verdict"]
                tally.by_verdict[values["verdict"]] = tally.by_verdict.get(values["verdict"], 0) + 1
                rows.append({**values, "patient_id": old["patient_id"], "kind": "reassess",
                             "history_version": old["history_version"], "history_sha256": old["history_sha256"],
                             "run_by_id": actor.user_id, "run_by": actor.username,
                             "run_by_name": actor.display_name[:100], "run_at": now})
            AssessmentRepository(uow.session).bulk_add(actor, now, rows)
            uow.commit()

    def run(self, workers: int | None = None) -> Tally:
        pages = self._pages()
        first = next(pages, None)
        if first is None:
            return self.tally
        workers = workers if workers is not None else (os.cpu_count() or 1)
        if workers <= 1 or len(first) < PAGE // 2:  # a small clinic: not worth starting processes
            for todo in _chain(first, pages):
                self._store(todo, judge_inputs(self.protocol, self.today, [o["inputs"] for o in todo]))
            return self.tally
        # "spawn": the caller may be a GUI worker thread, and forking a threaded process is unsafe
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_init_worker,
                                 initargs=(str(self.protocol_dir), self.protocol.sha256)) as pool:
            in_flight: deque[tuple[list[dict[str, Any]], Future]] = deque()
            for todo in _chain(first, pages):
                in_flight.append((todo, pool.submit(_judge_in_worker, self.today, [o["inputs"] for o in todo])))
                if len(in_flight) > workers:
                    done, future = in_flight.popleft()
                    self._store(done, future.result())
            while in_flight:
                done, future = in_flight.popleft()
                self._store(done, future.result())
        return self.tally


def _chain(first, rest):
    yield first
    yield from rest
