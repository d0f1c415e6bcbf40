"""Review and approve the clinic's content: the protocol, the explanation, comprehension, consent and
withdrawal texts (and any kind listed in definitions.content_files). An approval records the approver,
the time and the SHA-256 of exactly the bytes approved (kept with it); a later version is reviewed as a
difference against the one approved before. After the commit the forms folder's own record
(`approvals.json`) is rewritten, so `forms lint` can check the files without the database."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from datetime import datetime

from exoconsult.definitions.content_files import (
    content_bytes,
    content_files,
    find_content_file,
    write_approvals_record,
)
from exoconsult.definitions.content_review import review_sections
from exoconsult.domain.content_approval import ApprovalState, ContentFile, ReviewSection, approval_state
from exoconsult.domain.errors import Conflict, NotFound, ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.accounts.auth import reauthenticate_in
from exoconsult.services.core import content_approval as approvals
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.document_labels import screen_words
from exoconsult.services.core.languages import SOURCE_LANGUAGE
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.content_approvals import (
    ContentApprovalRepository,
    ContentApprovalRow,
    GrantRepository,
)

NOTE_LIMIT = 500


@dataclass(frozen=True)
class ContentStatus:
    kind: str
    content_id: str
    language: str
    version: str
    path: str
    title: str
    sha256: str
    status: str  # approved | changed | not_approved
    approver_name: str  # of the approval in force, voided, or of the last approved version
    approved_at: datetime | None
    approved_version: str
    message: str  # one line naming the file and, for a changed one, since when
    problem: str  # the file cannot be loaded (it cannot be approved)


@dataclass(frozen=True)
class ContentReview:
    status: ContentStatus
    sections: tuple[ReviewSection, ...]  # as the reader will see it
    text: str  # the file as written
    previous_version: str  # the approved version the difference is against ("" when none)
    diff: tuple[str, ...]  # unified difference from that approved text to this one


@dataclass(frozen=True)
class ContentOverview:
    files: tuple[ContentStatus, ...]
    may_approve: bool  # the signed-in account holds the approver grant


def _status(state: ApprovalState) -> ContentStatus:
    f, a = state.file, state.approval
    return ContentStatus(f.kind, f.content_id, f.language, f.version, f.path, f.title, f.sha256, state.status,
                         a.approver_name if a else "", a.approved_at if a else None, a.version if a else "",
                         state.describe() if not f.problem else f"{f.path}: cannot be loaded: {f.problem}", f.problem)


def _file(work: Work, kind: str, content_id: str, language: str) -> ContentFile:
    file = find_content_file(work.ctx.forms_dir, str(kind), str(content_id), str(language))
    if file is None:
        raise NotFound(f"no {kind} {content_id!r} in {language!r} in {work.ctx.forms_dir}")
    return file


class ContentApprovalService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.DOCUMENT_VERIFY, write=False)
    def overview(self, work: Work) -> ContentOverview:
        """Every content file with its approval state (everyone may see it; approving needs the grant)."""
        files = content_files(work.ctx.forms_dir)
        may = GrantRepository(work.session).holds(work.actor.user_id, str(Permission.CONTENT_APPROVE))
        return ContentOverview(tuple(_status(s) for s in approvals.states(work, files)), may)

    @use_case(Permission.CONTENT_APPROVE, write=False)
    def review(self, work: Work, kind: str, content_id: str, language: str,
               screen_language: str = SOURCE_LANGUAGE) -> ContentReview:
        """`language`: the text's; `screen_language`: the one the reviewer's screen names the protocol's parameters
        and units in (the clinic's catalogue of it, else English)."""
        file = _file(work, kind, content_id, language)
        state = approval_state(file, approvals.recorded_approvals(work))
        if file.problem:
            return ContentReview(_status(state), (), "", "", ())
        raw = content_bytes(work.ctx.forms_dir, file)
        before = [r for r in ContentApprovalRepository(work.session).of(kind, content_id, language)
                  if r.sha256 != file.sha256]
        previous, diff = "", ()
        if before:
            last = before[-1]
            previous = last.version
            old = ContentApprovalRepository(work.session).content_of(last.id).decode("utf-8", "replace")
            diff = tuple(difflib.unified_diff(old.splitlines(), raw.decode("utf-8").splitlines(),
                                              f"{last.path} {last.version} (approved)", f"{file.path} {file.version}",
                                              lineterm="", n=2))
        return ContentReview(_status(state), review_sections(work.ctx.forms_dir, file, screen_words(work.ctx, screen_language)), raw.decode("utf-8"),
                             previous, diff)

    @use_case(Permission.CONTENT_APPROVE)
    def approve(self, work: Work, kind: str, content_id: str, language: str, reviewed_sha256: str,
                password: str, note: str = "") -> ContentStatus:
        """Approve exactly the bytes reviewed (their SHA-256 as shown in the review): the approver
        re-enters the password, like a signature. Refused when the file changed since the review, cannot
        be loaded, or its version was already approved with other bytes (a changed text needs a new version)."""
        file = _file(work, kind, content_id, language)
        if file.problem:
            raise ValidationError({"file": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{path} cannot be loaded, so it cannot be approved: {problem}"), path=file.path,
                problem=file.problem)})
        raw = content_bytes(work.ctx.forms_dir, file)
        sha256 = hashlib.sha256(raw).hexdigest()
        if sha256 != str(reviewed_sha256):
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{path} changed after it was opened for review: review it again before approving."),
                path=file.path))
        note = str(note or "").strip()
        if len(note) > NOTE_LIMIT:
            raise ValidationError({"note": service_message(QT_TRANSLATE_NOOP("ServiceMessages", "At most {count} characters."),
                                                           count=NOTE_LIMIT)})
        earlier = ContentApprovalRepository(work.session).of(kind, content_id, language)
        if any(r.version == file.version and r.sha256 == sha256 for r in earlier):
            raise Conflict(why=service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "{path} ({version}) is already approved with exactly these bytes."),
                path=file.path, version=file.version))
        if any(r.version == file.version for r in earlier):
            raise ValidationError({"version": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Version {version} of {path} was approved with other content; give the changed "
                "text a new version, then approve it."), version=file.version, path=file.path)})
        signer = reauthenticate_in(work, work.actor.user_id, password, purpose="content_approval_auth")
        name = f"{signer.title} {signer.display_name}".strip()
        row = ContentApprovalRepository(work.session).add(ContentApprovalRow(
            kind=file.kind, content_id=file.content_id, language=file.language, version=file.version,
            path=file.path, sha256=sha256, content=raw, approved_by=work.actor.user_id, approver_name=name[:160],
            approved_at=work.now(), note=note))
        work.audit("content_approved", "content_approval", row.id, detail={
            "kind": file.kind, "id": file.content_id, "language": file.language, "version": file.version,
            "path": file.path, "sha256": sha256, "authenticated_by": "password"})
        work.changed(Part.CONTENT)
        status = _status(approval_state(file, [approvals.recorded(row)]))
        everything = [approvals.recorded(r) for r in ContentApprovalRepository(work.session).all()]
        work.commit()
        self._record_in_forms_folder(everything)
        return status

    def _record_in_forms_folder(self, everything) -> None:
        """Only a clinic's own copy of forms/ (in its data folder) gets the record; the folder shipped with
        the program is never written to. A clinic still reading the shipped folder gets its own copy at its
        first approval (byte for byte, so what was approved is what the copy holds), which later program
        updates then leave alone."""
        import shutil

        from exoconsult.services.core.context import default_forms_dir

        own = self.ctx.data_dir.root / "forms"
        if self.ctx.forms_dir.resolve() == default_forms_dir().resolve() and not own.exists():
            shutil.copytree(default_forms_dir(), own)
            self.ctx.forms_dir = own
        forms = self.ctx.forms_dir.resolve()
        if forms.is_relative_to(self.ctx.data_dir.root.resolve()):
            write_approvals_record(forms, everything)


def approvals_in_database(ctx: ServiceContext) -> list:
    """Every approval recorded in the clinic database, for `forms lint --data-dir` (no patient data: a
    plain read, like verify's own checks)."""
    from exoconsult.domain.people import SYSTEM_ACTOR

    with ctx.uow(SYSTEM_ACTOR, write=False) as uow:
        return [approvals.recorded(r) for r in ContentApprovalRepository(uow.session).all()]
