"""Steps shared by every use case that depends on the clinic's approval of its content: the approvals
recorded in the database, the state of a file against them, and the gate a consent or withdrawal passes.
The header `approval:` block of a file approves nothing: only an approval recorded here for the file's
exact bytes does (exoconsult.domain.content_approval says what "approved" means)."""

from __future__ import annotations

from exoconsult.definitions.content_files import content_files
from exoconsult.domain.content_approval import ApprovalState, ContentFile, RecordedApproval, approval_state
from exoconsult.domain.gates import Gate, gate
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP
from exoconsult.storage.content_approvals import ContentApprovalRepository, ContentApprovalRow

# What a consent in one language rests on: the protocol that judged the patient, the texts he was given and
# the follow-up schedule he agrees to.
CONSENT_KINDS = ("protocol", "explanation", "comprehension", "consent", "schedule")


def recorded(row: ContentApprovalRow) -> RecordedApproval:
    return RecordedApproval(row.kind, row.content_id, row.language, row.version, row.sha256, row.path,
                            row.approver_name, row.approved_at)


def recorded_approvals(work) -> list[RecordedApproval]:
    """Every approval in the clinic database, read once per unit of work."""
    return work.memo("content_approvals",
                     lambda: [recorded(r) for r in ContentApprovalRepository(work.session).all()])


def states(work, files: list[ContentFile]) -> list[ApprovalState]:
    approvals = recorded_approvals(work)
    return [approval_state(f, approvals) for f in files]


def is_approved(work, kind: str, content_id: str, language: str, version: str, sha256: str) -> bool:
    return any(a.key == (kind, content_id, language) and a.version == version and a.sha256 == sha256
               for a in recorded_approvals(work))


def meta_approved(work, kind: str, meta) -> bool:
    """Whether a loaded document (its DocumentMeta) is approved for exactly its bytes: what decides
    "DRAFT – not for signature" on every page."""
    return is_approved(work, kind, meta.id, meta.language, meta.version, meta.sha256)


def approval_of_sha256(work, kind: str, sha256: str) -> RecordedApproval | None:
    """The newest approval of these bytes (a stored assessment names its protocol by its SHA-256)."""
    found = [a for a in recorded_approvals(work) if a.kind == kind and a.sha256 == sha256]
    return max(found, key=lambda a: a.approved_at) if found else None


def with_recorded_approval(work, protocol):
    """The protocol with the approval the clinic recorded for exactly its bytes (empty when none): what an
    assessment stores and prints, and what opens the eligibility gate. Its header block approves nothing."""
    from dataclasses import replace

    from exoconsult.rules.model import Approval

    found = approval_of_sha256(work, "protocol", protocol.sha256)
    if found is None or found.content_id != protocol.id or found.version != protocol.version:
        return replace(protocol, approval=Approval("", ""))
    return replace(protocol, approval=Approval(found.approver_name, found.approved_at.date().isoformat()))


def approval_gate(work, language: str, kinds: tuple[str, ...] = CONSENT_KINDS) -> Gate:
    """Open when every file of `kinds` the patient's documents rest on (in `language`) is approved for its
    current bytes; closed naming each file that is not, and since when a changed one lost its approval."""
    files = [f for f in content_files(work.ctx.forms_dir, kinds) if f.language in (language, "all")]
    missing = [s for s in states(work, files) if not s.approved]
    if not files:
        return gate("content_approved", False, QT_TRANSLATE_NOOP("GateReasons", "No clinical content in this "
                                                                               "language was found."))
    if missing:
        return gate("content_approved", False, QT_TRANSLATE_NOOP("GateReasons", "Not approved by the clinic: {files}"),
                    parts={"files": tuple(s.describe_reason() for s in missing)})
    return gate("content_approved", True, QT_TRANSLATE_NOOP(
        "GateReasons", "The protocol and the texts are approved by the clinic for their exact content."))
