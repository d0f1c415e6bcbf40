"""What "approved" means for a clinical content file: an approval recorded for exactly its bytes.

A content file (protocol, explanation, comprehension check, consent, withdrawal, follow-up schedule...) is
known by its kind, id, language and version, and its bytes by their SHA-256. It is approved when an
approval was recorded for that key and those bytes; any byte changed afterwards voids it. The wording of
every verdict lives here, so lint, verify and the signing gates say the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message

LANGUAGE_ALL = "all"  # a file that holds every language (the eligibility protocol)


@dataclass(frozen=True)
class ContentFile:
    kind: str
    content_id: str
    language: str
    version: str
    path: str  # relative to the forms folder, with forward slashes
    sha256: str
    title: str
    modified_at: datetime | None = None  # the file's modification time, when it is known
    problem: str = ""  # why the file cannot be loaded (it cannot be approved then)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.content_id, self.language)


@dataclass(frozen=True)
class RecordedApproval:
    kind: str
    content_id: str
    language: str
    version: str
    sha256: str
    path: str
    approver_name: str
    approved_at: datetime

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.content_id, self.language)


APPROVED, CHANGED, NOT_APPROVED = "approved", "changed", "not_approved"


@dataclass(frozen=True)
class ApprovalState:
    file: ContentFile
    status: str  # approved | changed | not_approved
    approval: RecordedApproval | None  # the approval of these bytes (approved), or the one voided (changed),
    # or the newest approval of an earlier version (not_approved), if any

    @property
    def approved(self) -> bool:
        return self.status == APPROVED

    def describe(self) -> str:
        """One line naming the file and, when an approval was voided, since when (English: lint, verify, logs)."""
        return self.describe_reason().english()

    def describe_reason(self) -> Reason:
        """The same line as words a screen says in its own language."""
        f, a = self.file, self.approval
        named = {"path": f.path, "content_id": f.content_id, "version": f.version, "language": f.language}
        if self.status == APPROVED and a is not None:
            return service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{path}: {content_id} {version} ({language}) approved by {approver} on {at}"),
                approver=a.approver_name, at=stamp(a.approved_at), **named)
        if self.status == CHANGED and a is not None:
            void = {"approver": a.approver_name, "at": stamp(a.approved_at), "approved_sha": a.sha256[:16],
                    "now_sha": f.sha256[:16], **named}
            if f.modified_at:
                return service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "{path}: changed since its approval by {approver} on {at}; file modified "
                    "{modified} (version {version} unchanged; approved SHA-256 {approved_sha}…, now {now_sha}…): the "
                    "approval is void until the text is reviewed, given a new version and approved again"),
                    modified=stamp(f.modified_at), **void)
            return service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{path}: changed since its approval by {approver} on {at} (version {version} "
                "unchanged; approved SHA-256 {approved_sha}…, now {now_sha}…): the approval is void until the text "
                "is reviewed, given a new version and approved again"), **void)
        if a is not None:
            return service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{path}: {content_id} {version} ({language}) is not approved by the clinic; "
                "version {earlier} was approved by {approver} on {at}"),
                earlier=a.version, approver=a.approver_name, at=stamp(a.approved_at), **named)
        return service_message(QT_TRANSLATE_NOOP(
            "ServiceMessages", "{path}: {content_id} {version} ({language}) is not approved by the clinic"), **named)


def stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment is not None else "an unknown time"


def approval_state(file: ContentFile, approvals: list[RecordedApproval] | tuple[RecordedApproval, ...]) -> ApprovalState:
    """The state of `file` given every recorded approval (any order)."""
    same_key = sorted((a for a in approvals if a.key == file.key), key=lambda a: a.approved_at)
    exact = [a for a in same_key if a.version == file.version and a.sha256 == file.sha256]
    if exact:
        return ApprovalState(file, APPROVED, exact[-1])
    voided = [a for a in same_key if a.version == file.version]
    if voided:
        return ApprovalState(file, CHANGED, voided[-1])
    return ApprovalState(file, NOT_APPROVED, same_key[-1] if same_key else None)


@dataclass(frozen=True)
class ReviewSection:
    """One part of a content file as its reader will see it (blocks of the content Markdown subset)."""

    title: str
    blocks: tuple  # tuple[exoconsult.domain.content.Block, ...]
    code: str = ""  # a protocol rule's id: the stable reference the clinic's protocol uses, shown small
    outcome: str = ""  # a protocol rule's outcome (needs_review...): the screen words it in its language
