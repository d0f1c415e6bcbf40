"""`exoconsult verify`: database integrity, audit chain, audit replay, then every check listed in
DOCUMENT_CHECKS (the one place that says what else verify looks at)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from exoconsult.services.adverse_events.sae_archive import report_archive_problems
from exoconsult.services.consent.consent_archive import archive_problems
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.seal_check import seal_problems
from exoconsult.services.integrity.content_check import consent_evidence_problems, content_approval_problems
from exoconsult.services.procedure.note_archive import note_archive_problems
from exoconsult.storage.checkpoints import forget_sealed_verified
from exoconsult.storage.document_facts import DocumentFacts, document_facts
from exoconsult.storage.integrity import (
    IntegrityProblem,
    check_audit,
    check_database,
    full_check_now,
    save_checkpoint,
)


@dataclass(frozen=True)
class VerifyReport:
    checks: tuple[str, ...]
    problems: tuple[IntegrityProblem, ...] = field(default_factory=tuple)
    # What this check knows of each sealed document, for the anchors and to record when all holds.
    documents: DocumentFacts | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems


ARCHIVE_CHECK = "archived documents"  # archive_problems, given what the daily check already knows
# What verify checks after the database, the audit trail and the archive: name -> function. Add new ones here.
DOCUMENT_CHECKS: dict[str, Callable[[ServiceContext], list[IntegrityProblem]]] = {
    "document seals and clinic certificate": seal_problems,  # new or changed documents unless full
    "archived procedure notes": note_archive_problems,
    "archived serious adverse event reports": report_archive_problems,
    "content approvals (protocol and texts unchanged since approved)": content_approval_problems,
    "consent evidence (the assessment each consent names)": consent_evidence_problems,
}


def verify_installation(ctx: ServiceContext, *, full: bool = False) -> VerifyReport:
    """Full when `full` or a full check is due (weekly): SQLite's thorough integrity check, the whole audit,
    every seal. Otherwise the daily check: SQLite's quick check, the audit from the newest checkpoint, the
    seals of documents not validated before with the same bytes. When everything holds, a new checkpoint
    is recorded where this check stopped."""
    now = ctx.clock.now()
    full = full_check_now(ctx.db, now=now, full=full)
    checks = ["database integrity" if full else "database integrity (quick check)"]
    problems = check_database(ctx.db, thorough=full)
    if not problems:
        audit = check_audit(ctx.db, now=now, full=full)
        checks += [f"audit chain ({audit.scope})", "audit replay"]
        problems = list(audit.problems)
        if full:
            forget_sealed_verified(ctx.db)
        documents = document_facts(ctx.db, audit.replayed.documents, full=full or audit.since is None)
        checks.append(ARCHIVE_CHECK)
        problems += archive_problems(ctx, documents)
        for name, check in DOCUMENT_CHECKS.items():
            checks.append(name)
            problems += check(ctx)
        if not problems:
            save_checkpoint(ctx.db, audit, now=now)
        return VerifyReport(tuple(checks), tuple(problems), documents)
    return VerifyReport(tuple(checks), tuple(problems))


def refresh_checkpoint(ctx: ServiceContext) -> list[IntegrityProblem]:
    """The audit chain and replay since the newest checkpoint (full when due), recording a new one when
    they hold. Housekeeping runs it before the daily backup, so the copy's own check starts from it."""
    full = full_check_now(ctx.db, now=ctx.clock.now())
    problems = check_database(ctx.db, thorough=full)
    if problems:
        return problems
    audit = check_audit(ctx.db, now=ctx.clock.now(), full=full)
    if not audit.problems:
        save_checkpoint(ctx.db, audit, now=ctx.clock.now())
    return audit.problems
