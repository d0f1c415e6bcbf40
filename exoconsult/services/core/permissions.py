"""Who may do what. Checked here, in services, for every entry point (default deny); the GUI only
hides what a role cannot do.

Every public service method is decorated with `@use_case(permission)` — one permission check, one
unit of work (`Work`) in which the account is confirmed still valid, the reads, the writes and the
audit — or, for the few that manage their own transactions (sign-in, backup, re-assessing every
patient in worker processes, checking a document file), `@requires(permission)`. Both record the method in ENTRY_POINTS so a
test can call every entry point as every role. A use case never calls another public use case: shared
steps are plain functions that take the open `Work`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from exoconsult.domain.errors import NotAuthenticated, PermissionDenied
from exoconsult.domain.people import Actor, Role
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.use_case_log import logged_use_case
from exoconsult.services.core.work import confirm_account, confirm_grant, open_work


class Permission(StrEnum):
    PATIENT_VIEW = "patient.view"
    PATIENT_EDIT = "patient.edit"
    HISTORY_VIEW = "history.view"
    HISTORY_EDIT = "history.edit"  # section-level captured_by narrows this further
    CASE_EXPORT = "case.export"
    CASE_IMPORT = "case.import"
    ASSESSMENT_VIEW = "assessment.view"
    ASSESSMENT_RUN = "assessment.run"
    ASSESSMENT_RESOLVE = "assessment.resolve"
    EXPLANATION_VIEW = "explanation.view"
    EXPLANATION_DELIVER = "explanation.deliver"
    REFLECTION_SHORTEN = "explanation.shorten_reflection"
    INFO_PACK_PRINT = "information.print"
    CONSENT_VIEW = "consent.view"
    CONSENT_SIGN_CLINICIAN = "consent.sign_clinician"
    CONSENT_WITNESS = "consent.witness"
    CONSENT_PRINT = "consent.print"
    CONSENT_WITHDRAW = "consent.withdraw"
    PROCEDURE_PLAN = "procedure.plan"
    PROCEDURE_VIEW = "procedure.view"
    PROCEDURE_CHECK = "procedure.check"  # answer checklist items (each item names the roles it accepts)
    PROCEDURE_DECIDE = "procedure.decide"  # stop or continue after a "no"
    PROCEDURE_RECORD = "procedure.record"  # the procedure record, its sealed note and addenda
    LOT_VIEW = "lot.view"
    LOT_MANAGE = "lot.manage"  # receive, mark used up / expired, discard
    LOT_RELEASE = "lot.release"
    LOT_RECALL = "lot.recall"
    RECALL_QUERY = "lot.recall_query"  # who received a lot, with contact details
    ADVERSE_EVENT_VIEW = "adverse_event.view"
    ADVERSE_EVENT_RECORD = "adverse_event.record"  # an event, its follow-ups, a report's sending
    SAE_REPORT = "adverse_event.report"  # issue the sealed serious-adverse-event report
    REGISTRY_REPORT = "registry.report"  # the outcome registry report (aggregate, pseudonymous)
    FOLLOWUP_VIEW = "followup.view"  # the schedule, visits and outcomes; reminder letters
    FOLLOWUP_RECORD = "followup.record"  # record a visit (sections narrow who), missed, lost to follow-up
    RESEARCH_EXPORT = "research.export"  # pseudonymised data of registry patients, leaves the clinic
    FHIR_EXPORT = "fhir.export"  # identified records (with the signed PDFs) for another hospital
    ACCOUNTS_MANAGE = "accounts.manage"
    SETTINGS_MANAGE = "settings.manage"
    BACKUP_MANAGE = "backup.manage"
    AUDIT_VIEW = "audit.view"
    OWN_ACCOUNT = "account.own"  # change own password, see own profile
    DOCUMENT_VERIFY = "document.verify"
    CONTENT_APPROVE = "content.approve"  # review and approve the protocol and texts (per account: PER_ACCOUNT)


_NURSE = frozenset({
    Permission.PATIENT_VIEW, Permission.PATIENT_EDIT, Permission.HISTORY_VIEW, Permission.HISTORY_EDIT,
    Permission.CASE_EXPORT, Permission.ASSESSMENT_VIEW, Permission.EXPLANATION_VIEW, Permission.INFO_PACK_PRINT,
    Permission.CONSENT_VIEW, Permission.CONSENT_WITNESS, Permission.CONSENT_PRINT, Permission.PROCEDURE_PLAN,
    Permission.OWN_ACCOUNT, Permission.DOCUMENT_VERIFY, Permission.PROCEDURE_VIEW, Permission.PROCEDURE_CHECK,
    Permission.LOT_VIEW, Permission.LOT_MANAGE, Permission.ADVERSE_EVENT_VIEW, Permission.ADVERSE_EVENT_RECORD,
    Permission.FOLLOWUP_VIEW, Permission.FOLLOWUP_RECORD,
})
_UROLOGIST = frozenset({
    *_NURSE, Permission.CASE_IMPORT, Permission.ASSESSMENT_RUN, Permission.ASSESSMENT_RESOLVE,
    Permission.EXPLANATION_DELIVER, Permission.REFLECTION_SHORTEN, Permission.CONSENT_SIGN_CLINICIAN,
    Permission.CONSENT_WITHDRAW, Permission.PROCEDURE_DECIDE, Permission.PROCEDURE_RECORD, Permission.LOT_RELEASE,
    Permission.LOT_RECALL, Permission.RECALL_QUERY, Permission.SAE_REPORT, Permission.REGISTRY_REPORT,
    Permission.RESEARCH_EXPORT, Permission.FHIR_EXPORT, Permission.CONTENT_APPROVE,
})
_ADMIN = frozenset({
    Permission.ACCOUNTS_MANAGE, Permission.SETTINGS_MANAGE, Permission.BACKUP_MANAGE, Permission.AUDIT_VIEW,
    Permission.OWN_ACCOUNT, Permission.DOCUMENT_VERIFY, Permission.REGISTRY_REPORT,
})

GRANTS: Mapping[Role, frozenset[Permission]] = {Role.NURSE: _NURSE, Role.UROLOGIST: _UROLOGIST, Role.ADMIN: _ADMIN}

# Permissions a role's grant makes possible but that an account holds only once an admin grants it to that
# account (account_grant rows): approving clinical content is for the urologists the clinic names (e.g. the
# medical director), not for every urologist.
PER_ACCOUNT: Mapping[Permission, frozenset[Role]] = {Permission.CONTENT_APPROVE: frozenset({Role.UROLOGIST})}

# "Class.method" -> permission, filled by @requires at import time.
ENTRY_POINTS: dict[str, Permission] = {}



def allowed(actor: Actor | None, permission: Permission) -> bool:
    return actor is not None and permission in GRANTS.get(actor.role, frozenset())


def authorize(actor: Actor | None, permission: Permission) -> None:
    """The one permission check of a use case (the role's grant; the account is confirmed in its Work)."""
    if actor is None or not isinstance(actor, Actor):
        raise NotAuthenticated("sign in first")
    if permission not in GRANTS.get(actor.role, frozenset()):
        raise PermissionDenied(str(actor.role), str(permission))


def _context_of(service: Any) -> ServiceContext:
    ctx = getattr(service, "ctx", None)
    if not isinstance(ctx, ServiceContext):
        raise NotAuthenticated("this service cannot confirm the account (no service context)")
    return ctx


F = TypeVar("F", bound=Callable[..., Any])


def requires(permission: Permission) -> Callable[[F], F]:
    """Decorate a service method `(self, actor, ...)`: refuse unless `actor` holds `permission`."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(self, actor, *args, **kwargs):
            with logged_use_case(fn.__qualname__, actor):  # name, account id, outcome; never arguments
                authorize(actor, permission)
                with open_work(_context_of(self), actor, write=False) as work:
                    confirm_account(work)
                return fn(self, actor, *args, **kwargs)

        wrapper.__permission__ = permission  # type: ignore[attr-defined]
        ENTRY_POINTS[fn.__qualname__] = permission
        return wrapper  # type: ignore[return-value]

    return decorate


def use_case(permission: Permission, *, write: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate `(self, work, ...)`; callers call `(self, actor, ...)`. Checks `permission` once, opens one
    unit of work (read-only when `write` is false), confirms the account in it, runs the body. The body
    commits (`work.commit()`) when it wrote; leaving without a commit rolls everything back."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(self, actor, *args, **kwargs):
            with logged_use_case(fn.__qualname__, actor):  # name, account id, outcome; never arguments
                authorize(actor, permission)
                with open_work(_context_of(self), actor, write=write) as work:
                    confirm_account(work)
                    if permission in PER_ACCOUNT:
                        confirm_grant(work, permission)
                    return fn(self, work, *args, **kwargs)

        wrapper.__permission__ = permission  # type: ignore[attr-defined]
        ENTRY_POINTS[fn.__qualname__] = permission
        return wrapper

    return decorate
