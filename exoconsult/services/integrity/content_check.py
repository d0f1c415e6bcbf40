"""`verify`: the clinic's content against its approvals. Every approval's stored bytes must still hash to
the SHA-256 recorded with it, and every content file in the forms folder that was approved must still be
exactly what was approved: a byte changed afterwards (version left as it was) is reported with the file,
who approved it and since when. A file never approved is a draft, not a problem (it cannot be signed)."""

from __future__ import annotations

import hashlib

from exoconsult.definitions.content_files import content_files
from exoconsult.domain.content_approval import CHANGED, approval_state
from exoconsult.domain.people import SYSTEM_ACTOR
from exoconsult.services.core.content_approval import recorded
from exoconsult.services.core.context import ServiceContext
from exoconsult.storage.content_approvals import ContentApprovalRepository
from exoconsult.storage.integrity import IntegrityProblem


def content_approval_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    problems = []
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        repo = ContentApprovalRepository(uow.session)
        for approval_id, sha256, content in repo.with_content():
            if hashlib.sha256(bytes(content)).hexdigest() != sha256:
                problems.append(IntegrityProblem("content", "the approved bytes kept with this approval no longer "
                                                 "match its recorded SHA-256", "content_approval", str(approval_id)))
        approvals = [recorded(r) for r in repo.all()]
    for file in content_files(ctx.forms_dir):
        state = approval_state(file, approvals)
        if state.status == CHANGED:
            problems.append(IntegrityProblem("content", state.describe(), "content"))
    return problems


def consent_evidence_problems(ctx: ServiceContext) -> list[IntegrityProblem]:
    """Every signed consent's evidence against the assessment it names: that assessment still exists, is
    the same patient's, was run at the recorded time and judged the recorded history with the recorded
    protocol (Annex A prints the same facts)."""
    from exoconsult.storage.consent_evidence import ConsentEvidenceRepository

    problems = []
    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        for e, document_id, a in ConsentEvidenceRepository(uow.session).all_with_assessments():
            if a is None:
                why = f"names assessment #{e.assessment_id}, which does not exist"
            else:
                wrong = [what for what, same in (("patient", a.patient_id == e.patient_id),
                                                 ("time", a.run_at == e.assessment_run_at),
                                                 ("protocol SHA-256", a.protocol_sha256 == e.protocol_sha256),
                                                 ("history SHA-256", a.history_sha256 == e.history_sha256),
                                                 ("history version", a.history_version == e.history_version))
                         if not same]
                why = f"assessment #{e.assessment_id} differs from the one it rests on ({', '.join(wrong)})" if wrong else ""
            if why:
                problems.append(IntegrityProblem("evidence", why, "consent", document_id))
    return problems
