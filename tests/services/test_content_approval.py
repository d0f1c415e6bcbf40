"""Content release 1.1 item 13 (issue 15 item 2): an approval is bound to the SHA-256 of exactly the bytes
approved. The issue's experiment — "does not take away any of your legal rights" turned into "takes away
some of your legal rights" in an approved consent text, version and approval left as they were — must now
fail at the consent gate, in `verify` and in `forms lint`."""

from __future__ import annotations

import pytest

from exoconsult.definitions.content_files import lint_approvals
from exoconsult.definitions.lint import lint_forms
from exoconsult.domain.errors import Conflict, PermissionDenied, ValidationError
from exoconsult.services.accounts.grants import GrantService
from exoconsult.services.consent.consents import ConsentService
from exoconsult.services.content.content_approval import ContentApprovalService
from exoconsult.services.integrity.verify import verify_installation
from tests.conftest import REPO, STAFF_PASSWORDS
from tests.consent_support import approved_forms, ready_for_consent, sign

ORIGINAL = "does not take away any of your legal rights"
TAMPERED = "takes away some of your legal rights"


def _tamper(forms, old: str = ORIGINAL, new: str = TAMPERED, version: str | None = None) -> None:
    path = forms / "consent" / "en.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    if version:
        text = text.replace('version: "3.1.0"', f'version: "{version}"', 1)
    path.write_text(text, encoding="utf-8")


def test_the_tampered_consent_text_fails_at_the_gate_in_verify_and_in_lint(ctx, staff, clock):
    # The clinic's own forms copy in its data folder (where approving also writes approvals.json).
    ready = ready_for_consent(ctx, staff, clock, ctx.data_dir.root, language="en", preferred="en")
    forms = ctx.forms_dir
    consents = ConsentService(ctx)
    assert consents.prepare(ready.urologist, ready.patient_id, "en").can_sign
    assert verify_installation(ctx).ok and lint_forms(forms) == [] and lint_approvals(forms) == []
    clock.advance(hours=2)
    _tamper(forms)

    prep = consents.prepare(ready.urologist, ready.patient_id, "en")
    gate = next(g for g in prep.gates if g.key == "content_approved")
    assert not gate.open and not prep.text_approved and not prep.can_sign
    assert "consent/en.md: changed since its approval by Dr. Deniz Uro" in gate.reason
    with pytest.raises(ValidationError) as refused:
        sign(ctx, ready)
    assert "consent/en.md" in refused.value.problems["gate:content_approved"]

    report = verify_installation(ctx)
    assert [p.kind for p in report.problems] == ["content"]
    assert "consent/en.md: changed since its approval" in report.problems[0].message

    lint = lint_approvals(forms)  # without the database: the folder's approvals.json
    assert len(lint) == 1 and lint[0].startswith("consent/en.md: changed since its approval by Dr. Deniz Uro")
    from exoconsult.services.content.content_approval import approvals_in_database

    with_db = lint_approvals(forms, approvals_in_database(ctx))
    assert len(with_db) == 1 and "changed since" in with_db[0]

    _tamper(forms, TAMPERED, ORIGINAL)  # the approved bytes again: the approval holds again
    assert consents.prepare(ready.urologist, ready.patient_id, "en").can_sign
    assert verify_installation(ctx).ok and lint_approvals(forms) == []


def test_a_header_that_says_approved_approves_nothing(ctx, staff, tmp_path):
    forms = approved_forms(ctx, staff, tmp_path / "forms")
    path = forms / "consent" / "withdrawal-tr.md"
    text = path.read_text(encoding="utf-8").replace(
        'approval:\n  approved: false\n  approved_by: ""\n  approved_on: ""',
        'approval:\n  approved: true\n  approved_by: "Dr. Typed"\n  approved_on: "2026-01-01"')
    path.write_text(text.replace("Bu", "Şu", 1), encoding="utf-8")
    problems = lint_approvals(forms)
    assert len(problems) == 1 and "header says approved, but no approval is recorded" in problems[0]
    overview = ContentApprovalService(ctx).overview(staff["urologist"])
    assert {f.path: f.status for f in overview.files}["consent/withdrawal-tr.md"] == "changed"


def test_approve_needs_the_admins_grant_and_the_approvers_password(ctx, staff, tmp_path):
    urologist, admin, nurse = staff["urologist"], staff["admin"], staff["nurse"]
    ctx.forms_dir = tmp_path / "forms"
    __import__("shutil").copytree(REPO / "forms", ctx.forms_dir)
    service = ContentApprovalService(ctx)
    with pytest.raises(PermissionDenied):
        service.review(urologist, "consent", "exo-consent", "en")
    with pytest.raises(ValidationError):
        GrantService(ctx).set_content_approver(admin, nurse.user_id, True)  # only a urologist
    assert GrantService(ctx).set_content_approver(admin, urologist.user_id, True)
    review = service.review(urologist, "consent", "exo-consent", "en")
    assert review.status.status == "not_approved" and review.diff == () and review.sections
    assert any("legal rights" in b.plain_text() for s in review.sections for b in s.blocks)
    from exoconsult.services.accounts.auth import LoginFailed

    with pytest.raises(LoginFailed):
        service.approve(urologist, "consent", "exo-consent", "en", review.status.sha256, "wrong password 123")
    done = service.approve(urologist, "consent", "exo-consent", "en", review.status.sha256,
                           STAFF_PASSWORDS["urologist"], "read in full")
    assert done.status == "approved" and done.approver_name == "Dr. Deniz Uro" and done.approved_at == ctx.clock.now()
    with pytest.raises(Conflict):  # the same bytes twice
        service.approve(urologist, "consent", "exo-consent", "en", done.sha256, STAFF_PASSWORDS["urologist"])
    GrantService(ctx).set_content_approver(admin, urologist.user_id, False)
    with pytest.raises(PermissionDenied):
        service.review(urologist, "consent", "exo-consent", "en")
    assert verify_installation(ctx).ok  # the new tables are in the audit replay


def test_a_new_version_is_reviewed_as_a_difference_and_the_same_version_cannot_change(ctx, staff, tmp_path):
    urologist = staff["urologist"]
    forms = approved_forms(ctx, staff, tmp_path / "forms")
    service = ContentApprovalService(ctx)
    _tamper(forms)  # same version, other bytes
    review = service.review(urologist, "consent", "exo-consent", "en")
    assert review.status.status == "changed" and review.previous_version == "3.1.0"
    with pytest.raises(ValidationError) as refused:
        service.approve(urologist, "consent", "exo-consent", "en", review.status.sha256, STAFF_PASSWORDS["urologist"])
    assert "give the changed text a new version" in refused.value.problems["version"]

    _tamper(forms, 'version: "3.1.0"', 'version: "3.1.1"')
    review = service.review(urologist, "consent", "exo-consent", "en")
    assert review.status.status == "not_approved" and review.status.approved_version == "3.1.0"
    assert any(line.startswith("+") and TAMPERED in line for line in review.diff)
    assert any(line.startswith("-") and ORIGINAL in line for line in review.diff)
    path = forms / "consent" / "en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # changed after the review
    with pytest.raises(Conflict):
        service.approve(urologist, "consent", "exo-consent", "en", review.status.sha256, STAFF_PASSWORDS["urologist"])
    fresh = service.review(urologist, "consent", "exo-consent", "en")
    assert service.approve(urologist, "consent", "exo-consent", "en", fresh.status.sha256,
                           STAFF_PASSWORDS["urologist"]).status == "approved"
    assert all(f.status == "approved" for f in service.overview(urologist).files)


def test_the_consent_names_the_assessment_it_rests_on_and_verify_rechecks_it(ctx, staff, clock, tmp_path):
    import io

    from pypdf import PdfReader
    from sqlalchemy import text

    from exoconsult.services.assessment.assessments import AssessmentService
    from exoconsult.services.consent.consents import ConsentService

    ready = ready_for_consent(ctx, staff, clock, tmp_path)
    assessment = AssessmentService(ctx).latest(ready.urologist, ready.patient_id)
    summary = sign(ctx, ready)
    pdf = ConsentService(ctx).pdf(ready.urologist, summary.document_id)
    printed = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert f"#{assessment.id}, {assessment.run_at:%d.%m.%Y}" in printed  # Turkish: "Değerlendirme #1, ..."
    assert "Değerlendirilen öykü" in printed and assessment.history_sha256[:8] in printed
    assert verify_installation(ctx).ok

    with ctx.db.connect(write=True) as conn:  # someone edits the evidence behind the app's back
        if ctx.db.is_sqlite:
            conn.execute(text("DROP TRIGGER consent_evidence_no_update"))
        else:
            conn.execute(text("DROP TRIGGER consent_evidence_no_update ON consent_evidence"))
        conn.execute(text("UPDATE consent_evidence SET history_sha256 = :h"), {"h": "0" * 64})
        conn.commit()
    problems = verify_installation(ctx).problems
    evidence = [p for p in problems if p.kind == "evidence"]
    assert len(evidence) == 1 and evidence[0].entity_id == summary.document_id
    assert f"assessment #{assessment.id} differs from the one it rests on (history SHA-256)" in evidence[0].message
    assert any(p.kind == "replay" and p.entity == "consent_evidence" for p in problems)
