"""One log line per use case: its name, who (account id and role, never a name), the outcome and how long
it took. Arguments and results are never logged: they are patient data. Wrapped around every
`@requires` method by services/permissions.py, so a new use case is logged without doing anything."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from exoconsult.domain.errors import ExoError
from exoconsult.domain.people import Actor

log = logging.getLogger("exoconsult.use_case")


@contextmanager
def logged_use_case(name: str, actor: object) -> Iterator[None]:
    if not log.isEnabledFor(logging.INFO):
        yield
        return
    who = f"account {actor.user_id} ({actor.role})" if isinstance(actor, Actor) else "nobody signed in"
    started = time.perf_counter()
    try:
        yield
    except ExoError as exc:  # an expected refusal (validation, permission, conflict): no traceback needed
        log.info("%s by %s: refused (%s) after %.0f ms", name, who, type(exc).__name__, _ms(started))
        raise
    except Exception as exc:
        log.error("%s by %s: FAILED (%s) after %.0f ms", name, who, type(exc).__name__, _ms(started), exc_info=exc)
        raise
    log.info("%s by %s: ok in %.0f ms", name, who, _ms(started))


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
