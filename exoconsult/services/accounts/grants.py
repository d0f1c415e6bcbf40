"""Per-account grants (permissions.PER_ACCOUNT): the admin names which urologists may approve the clinic's
content. Granting and withdrawing are audited rows (account_grant); the use case that needs the grant
checks it in its own unit of work (work.confirm_grant), so a withdrawal takes effect at once."""

from __future__ import annotations

from exoconsult.domain.errors import NotFound, ValidationError
from exoconsult.domain.people import Role
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, service_message
from exoconsult.services.core.changes import Part
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import PER_ACCOUNT, Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage.accounts import UserRepository
from exoconsult.storage.content_approvals import GrantRepository


class GrantService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.ACCOUNTS_MANAGE, write=False)
    def content_approvers(self, work: Work) -> frozenset[int]:
        """Ids of the accounts that may approve content."""
        return frozenset(GrantRepository(work.session).holders(str(Permission.CONTENT_APPROVE)))

    @use_case(Permission.ACCOUNTS_MANAGE)
    def set_content_approver(self, work: Work, user_id: int, granted: bool) -> bool:
        """Grant or withdraw the approver permission; only an active urologist may hold it. Returns
        whether anything changed."""
        user = UserRepository(work.session).get(user_id) if isinstance(user_id, int) else None
        if user is None:
            raise NotFound(f"user {user_id} does not exist")
        allowed_roles = PER_ACCOUNT[Permission.CONTENT_APPROVE]
        if granted and (Role(user.role) not in allowed_roles or not user.active):
            if not user.active:
                why = service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Only an active urologist account may approve clinical content ({username} "
                    "is a deactivated account)."), username=user.username)
            else:
                why = service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "Only an active urologist account may approve clinical content ({username} "
                    "is not a urologist)."), username=user.username)
            raise ValidationError({"role": why})
        changed = GrantRepository(work.session).set(user_id, str(Permission.CONTENT_APPROVE), bool(granted),
                                                    at=work.now(), by=work.actor.user_id)
        if changed:
            work.audit("content_approver_granted" if granted else "content_approver_withdrawn", "user", user_id)
            work.changed(Part.ACCOUNTS)
            work.commit()
        return changed
