"""The admin names the demo's medical director as approver, and he approves the protocol and every text
of the clinic's forms copy through the same use cases as "Review and approve", so no "DRAFT" or "protocol
not approved" appears in front of a demo patient. Runs after the accounts and before any assessment."""

from __future__ import annotations

from exoconsult.services.accounts.grants import GrantService
from exoconsult.services.content.content_approval import ContentApprovalService
from exoconsult.services.demo.step_10_clinic import DEMO_ACCOUNTS

APPROVER = "director"


def seed(ctx, demo) -> None:
    director = demo.actors[APPROVER]
    GrantService(ctx).set_content_approver(demo.actors["admin"], director.user_id, True)
    service = ContentApprovalService(ctx)
    for file in service.overview(director).files:
        service.approve(director, file.kind, file.content_id, file.language, file.sha256,
                        DEMO_ACCOUNTS[APPROVER][-1], "demo approval")
    demo.notes.append(f"forms: the demo's medical director ({APPROVER}) approved the protocol and every text "
                      "of the clinic's forms copy (Review and approve)")
