"""`exoconsult verify`: database integrity, audit chain, audit replay (and, later, archived documents)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exoconsult.services.context import ServiceContext
from exoconsult.storage.integrity import IntegrityProblem, check_chain, check_database, check_replay


@dataclass(frozen=True)
class VerifyReport:
    checks: tuple[str, ...]
    problems: tuple[IntegrityProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


# Further checks (e.g. archived consents against the database) register here: name -> function.
EXTRA_CHECKS: dict[str, Callable[[ServiceContext], list[IntegrityProblem]]] = {}


def verify_installation(ctx: ServiceContext) -> VerifyReport:
    checks = ["database integrity"]
    problems = check_database(ctx.db)
    if not problems:
        checks += ["audit chain", "audit replay"]
        problems = check_chain(ctx.db) + check_replay(ctx.db)
        import exoconsult.services.consent_archive  # noqa: F401  (registers the archive check)
        import exoconsult.services.verify_anchored  # noqa: F401  (registers seals, certificate and anchors)

        for name, check in EXTRA_CHECKS.items():
            checks.append(name)
            problems += check(ctx)
    return VerifyReport(tuple(checks), tuple(problems))
