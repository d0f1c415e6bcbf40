"""`exoconsult verify`: database integrity, audit chain, audit replay, then every check listed in
DOCUMENT_CHECKS (the one place that says what else verify looks at)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exoconsult.services.adverse_events.sae_report import report_archive_problems
from exoconsult.services.consent.consent_archive import archive_problems
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.seal_check import seal_problems
from exoconsult.services.integrity.content_check import consent_evidence_problems, content_approval_problems
from exoconsult.services.procedure.procedure_note import note_archive_problems
from exoconsult.storage.integrity import IntegrityProblem, check_audit, check_database, save_checkpoint


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
    "content approvals (protocol and texts unchanged since approved)": content_approval_problems,
    "consent evidence (the assessment each consent names)": consent_evidence_problems,
}


def verify_installation(ctx: ServiceContext, *, full: bool = False) -> VerifyReport:
    """The audit part runs from the newest checkpoint unless `full` (or a full check is due); when everything
    holds, a new checkpoint is recorded where this check stopped."""
    checks = ["database integrity"]
    problems = check_database(ctx.db)
    if not problems:
        audit = check_audit(ctx.db, now=ctx.clock.now(), full=full)
        checks += [f"audit chain ({audit.scope})", "audit replay"]
        problems = list(audit.problems)
        for name, check in DOCUMENT_CHECKS.items():
            checks.append(name)
            problems += check(ctx)
        if not problems:
            save_checkpoint(ctx.db, audit, now=ctx.clock.now())
    return VerifyReport(tuple(checks), tuple(problems))


def refresh_checkpoint(ctx: ServiceContext) -> list[IntegrityProblem]:
    """The audit chain and replay since the newest checkpoint (full when due), recording a new one when
    they hold. Housekeeping runs it before the daily backup, so the copy's own check starts from it."""
    problems = check_database(ctx.db)
    if problems:
        return problems
    audit = check_audit(ctx.db, now=ctx.clock.now())
    if not audit.problems:
        save_checkpoint(ctx.db, audit, now=ctx.clock.now())
    return audit.problems
