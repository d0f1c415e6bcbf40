"""A real staff account for a benchmark: every service call checks that its actor exists and is active."""

from __future__ import annotations

import secrets

from exoconsult.domain.people import SYSTEM_ACTOR, Actor, Role
from exoconsult.services.accounts.accounts import UserFields, insert_user, validate_user_fields
from exoconsult.services.accounts.auth import hash_password


def bench_actor(ctx, role: Role, username: str = "bench") -> Actor:
    fields = validate_user_fields(UserFields(username, "Benchmark user", role))
    with ctx.uow(SYSTEM_ACTOR) as uow:
        row = insert_user(uow, fields, hash_password(secrets.token_urlsafe(24)), must_change_password=False)
        uow.commit()
        return Actor(user_id=row.id, username=row.username, display_name=row.display_name, role=role)
