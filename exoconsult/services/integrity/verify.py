"""`exoconsult verify`: database integrity, audit chain, audit replay, then every check listed in
DOCUMENT_CHECKS (the one place that says what else verify looks at)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exoconsult.services.adverse_events.sae_report import report_archive_problems
from exoconsult.services.consent.consent_archive import archive_problems
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.seal_check import seal_problems
from exoconsult.services.procedure.procedure_note import note_archive_problems
from exoconsult.storage.integrity import IntegrityProblem, check_chain, check_database, check_replay


@dataclass(frozen=True)
class VerifyReport:
    checks: tuple[str, ...]
    problems: tuple[IntegrityProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


# What verify checks after the database and the audit trail: name -> function. Add new ones here.
DOCUMENT_CHECKS: dict[str, Callable[[ServiceContext], list[IntegrityProblem]]] = {
    "archived documents": archive_problems,
    "document seals and clinic certificate": seal_problems,
    "archived procedure notes": note_archive_problems,
    "archived serious adverse event reports": report_archive_problems,
}


def verify_installation(ctx: ServiceContext) -> VerifyReport:
    checks = ["database integrity"]
    problems = check_database(ctx.db)
    if not problems:
        checks += ["audit chain", "audit replay"]
        problems = check_chain(ctx.db) + check_replay(ctx.db)
        for name, check in DOCUMENT_CHECKS.items():
            checks.append(name)
            problems += check(ctx)
    return VerifyReport(tuple(checks), tuple(problems))
