"""The open unit of work a use case runs in: one transaction, the acting user, the clock, the clinic
settings read once, and the parts it changed. Shared steps take a `Work`; they never open their own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from exoconsult.domain.errors import NotAuthenticated, PermissionDenied
from exoconsult.domain.people import Actor
from exoconsult.services.core.changes import Changes, Part, publish
from exoconsult.services.core.clinic_settings import ClinicSettings, settings_from_stored
from exoconsult.storage.accounts import SettingRepository, standing_in
from exoconsult.storage.consultation_read import ConsultationRecord, load_consultation, load_consultations
from exoconsult.storage.content_approvals import GrantRepository
from exoconsult.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from exoconsult.services.core.context import ServiceContext


class Work:
    def __init__(self, ctx: ServiceContext, uow: UnitOfWork) -> None:
        self.ctx, self.uow = ctx, uow
        self._changed: set[tuple[int | None, Part]] = set()
        self._cache: dict[Any, Any] = {}

    @property
    def session(self):
        return self.uow.session

    @property
    def actor(self) -> Actor:
        return self.uow.actor

    def now(self) -> datetime:
        return self.uow.now()

    @cached_property
    def stored_settings(self) -> dict[str, str]:
        """Every stored setting (JSON text per key), read once in this transaction."""
        return SettingRepository(self.session).all()

    @cached_property
    def settings(self) -> ClinicSettings:
        return settings_from_stored(self.stored_settings)

    def memo(self, key: Any, compute):
        """A value computed once per unit of work (e.g. a patient's consultation record)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def consultation(self, patient_id: int) -> ConsultationRecord | None:
        """The patient's consultation record, loaded once per unit of work (None: no such patient).
        Steps read from it instead of querying his tables one by one; a write (`changed`) drops it."""
        key = ("consultation", patient_id)
        if key not in self._cache:
            self._cache[key] = load_consultation(self.session, patient_id)
        return self._cache[key]

    def preload_consultations(self, patient_ids) -> None:
        """Load many patients' records with one set of queries (lists such as Today)."""
        missing = [pid for pid in patient_ids if ("consultation", pid) not in self._cache]
        loaded = load_consultations(self.session, missing)
        for pid in missing:
            self._cache[("consultation", pid)] = loaded.get(pid)

    def audit(self, action: str, entity: str, entity_id: object, **kwargs: Any) -> None:
        self.uow.audit(action, entity, entity_id, **kwargs)

    def changed(self, part: Part, patient_id: int | None = None) -> None:
        self._changed.add((patient_id, part))
        self._cache.clear()  # what was read before this write may be out of date
        self.__dict__.pop("settings", None)
        self.__dict__.pop("stored_settings", None)

    @property
    def changes(self) -> Changes:
        return Changes(frozenset(self._changed))

    def commit(self) -> None:
        self.uow.commit()
        publish(self.changes)


def confirm_account(work: Work) -> None:
    """Every use case: the account is still active, with the same role, and not reset by an admin."""
    actor = work.actor
    standing = standing_in(work.session, actor.user_id)
    if standing is None:
        raise NotAuthenticated("unknown account: sign in again")
    if not standing.active:
        raise NotAuthenticated("this account has been deactivated")
    if standing.role != str(actor.role):
        raise NotAuthenticated("this account's role has changed: sign in again")
    if standing.must_change_password:
        raise NotAuthenticated("this account's password was reset by an administrator: sign in again")


def confirm_grant(work: Work, permission: str) -> None:
    """A permission held per account (permissions.PER_ACCOUNT): the admin granted it to this account."""
    if not GrantRepository(work.session).holds(work.actor.user_id, str(permission)):
        raise PermissionDenied(str(work.actor.role), f"{permission} (not granted to this account)")


@contextmanager
def open_work(ctx: ServiceContext, actor: Actor, *, write: bool = True) -> Iterator[Work]:
    with ctx.uow(actor, write=write) as uow:
        yield Work(ctx, uow)
