"""P11-D1, P11-G1/G2, PWD-8: every service entry point, called as every role and with no sign-in,
is allowed or refused exactly as the permission table says — checked in the service layer."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import exoconsult.services
from exoconsult.domain.errors import NotAuthenticated, PermissionDenied
from exoconsult.domain.people import Actor, Role
from exoconsult.services.core.permissions import ENTRY_POINTS, GRANTS, PER_ACCOUNT, Permission

MODULES = [importlib.import_module(m.name) for m in pkgutil.walk_packages(exoconsult.services.__path__,
                                                                           "exoconsult.services.")]
P = Permission
# The reviewed role matrix (issue "Accounts, roles..." §4 and reliability-goals PWD-8). GRANTS must equal it:
# a change to who may do what has to change this table too, in the same review.
NURSE = {P.PATIENT_VIEW, P.PATIENT_EDIT, P.HISTORY_VIEW, P.HISTORY_EDIT, P.CASE_EXPORT, P.ASSESSMENT_VIEW,
         P.EXPLANATION_VIEW, P.INFO_PACK_PRINT, P.CONSENT_VIEW, P.CONSENT_WITNESS, P.CONSENT_PRINT,
         P.PROCEDURE_PLAN, P.OWN_ACCOUNT, P.DOCUMENT_VERIFY, P.PROCEDURE_VIEW, P.PROCEDURE_CHECK, P.LOT_VIEW,
         P.LOT_MANAGE, P.ADVERSE_EVENT_VIEW, P.ADVERSE_EVENT_RECORD, P.FOLLOWUP_VIEW, P.FOLLOWUP_RECORD}
EXPECTED = {
    Role.NURSE: NURSE,
    Role.UROLOGIST: NURSE | {P.CASE_IMPORT, P.ASSESSMENT_RUN, P.ASSESSMENT_RESOLVE, P.EXPLANATION_DELIVER,
                             P.REFLECTION_SHORTEN, P.CONSENT_SIGN_CLINICIAN, P.CONSENT_WITHDRAW,
                             P.PROCEDURE_DECIDE, P.PROCEDURE_RECORD, P.LOT_RELEASE, P.LOT_RECALL, P.RECALL_QUERY,
                             P.SAE_REPORT, P.REGISTRY_REPORT, P.RESEARCH_EXPORT, P.FHIR_EXPORT,
                             P.CONTENT_APPROVE},
    Role.ADMIN: {P.ACCOUNTS_MANAGE, P.SETTINGS_MANAGE, P.BACKUP_MANAGE, P.AUDIT_VIEW, P.OWN_ACCOUNT,
                 P.DOCUMENT_VERIFY, P.REGISTRY_REPORT},
}
CLINICAL = {P.PATIENT_VIEW, P.PATIENT_EDIT, P.HISTORY_VIEW, P.HISTORY_EDIT, P.ASSESSMENT_RUN, P.ASSESSMENT_RESOLVE,
            P.CONSENT_SIGN_CLINICIAN, P.CONSENT_WITNESS, P.CONSENT_WITHDRAW, P.EXPLANATION_DELIVER,
            P.PROCEDURE_CHECK, P.PROCEDURE_RECORD, P.LOT_VIEW, P.RECALL_QUERY,
            P.ADVERSE_EVENT_VIEW, P.ADVERSE_EVENT_RECORD, P.SAE_REPORT, P.FOLLOWUP_VIEW, P.FOLLOWUP_RECORD,
            P.RESEARCH_EXPORT, P.FHIR_EXPORT}
# Public methods that run before anyone is signed in (they authenticate).
PRE_AUTHENTICATION = {"AuthService.login", "AuthService.change_password_at_login"}
MY_SERVICES = ("AccountService", "AuthService", "SettingsService", "BackupService", "AuditLogService")


def _classes() -> dict[str, type]:
    found: dict[str, list[type]] = {}
    for module in MODULES:
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                found.setdefault(name, []).append(obj)
    return {name: objs[0] for name, objs in found.items() if len(objs) == 1}


def _dummy_args(method) -> tuple[list, dict]:
    params = list(inspect.signature(inspect.unwrap(method)).parameters.values())[2:]  # skip self, actor
    args = [None for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty]
    kwargs = {p.name: None for p in params if p.kind is p.KEYWORD_ONLY and p.default is p.empty}
    return args, kwargs


def test_the_permission_table_is_the_reviewed_matrix():
    assert {role: set(perms) for role, perms in GRANTS.items()} == EXPECTED
    assert not (GRANTS[Role.ADMIN] & CLINICAL), "admins make no clinical edits and see no patient records"
    assert P.CONSENT_SIGN_CLINICIAN not in GRANTS[Role.NURSE] and P.ASSESSMENT_RUN not in GRANTS[Role.NURSE]


def test_every_public_method_of_the_account_services_declares_a_permission():
    classes = _classes()
    for cname in MY_SERVICES:
        for name, fn in vars(classes[cname]).items():
            if callable(fn) and not name.startswith("_") and f"{cname}.{name}" not in PRE_AUTHENTICATION:
                assert getattr(fn, "__permission__", None) in set(Permission), f"{cname}.{name} declares no permission"


def test_every_entry_point_is_reachable():
    classes = _classes()
    assert len(ENTRY_POINTS) >= 30
    missing = [k for k in ENTRY_POINTS if k.split(".")[0] not in classes]
    assert not missing, f"entry points whose class cannot be found (or whose name is ambiguous): {missing}"


@pytest.mark.parametrize("who", ["nobody", "nurse", "urologist", "admin"])
def test_every_entry_point_as_every_role(request, ctx, who):
    actor: Actor | None = None if who == "nobody" else request.getfixturevalue(who)
    classes = _classes()
    wrong: list[str] = []
    for qualname, permission in sorted(ENTRY_POINTS.items()):
        cname, mname = qualname.split(".", 1)
        service = classes[cname](ctx)
        method = getattr(service, mname)
        assert getattr(method, "__permission__", None) == permission, f"{qualname} is not guarded"
        args, kwargs = _dummy_args(method)
        # A per-account permission (the approver) also needs the admin's grant, which no test account holds here.
        expected = "NotAuthenticated" if actor is None else (
            "allowed" if permission in EXPECTED[actor.role] and permission not in PER_ACCOUNT else "PermissionDenied")
        try:
            method(actor, *args, **kwargs)
            outcome = "allowed"
        except (NotAuthenticated, PermissionDenied) as exc:
            outcome = type(exc).__name__
        except Exception:  # noqa: BLE001 - dummy arguments fail after the permission check: that passed it
            outcome = "allowed"
        if outcome != expected:
            wrong.append(f"{qualname} ({permission}) as {who}: expected {expected}, got {outcome}")
    assert not wrong, "\n".join(wrong)


def test_an_actor_whose_account_does_not_exist_passes_no_entry_point(ctx, nurse):
    ghost = Actor(user_id=999, username="ghost", display_name="Ghost", role=Role.UROLOGIST)
    classes = _classes()
    for qualname in sorted(ENTRY_POINTS):
        cname, mname = qualname.split(".", 1)
        method = getattr(classes[cname](ctx), mname)
        args, kwargs = _dummy_args(method)
        with pytest.raises((NotAuthenticated, PermissionDenied)):
            method(ghost, *args, **kwargs)
