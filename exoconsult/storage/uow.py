"""Unit of work: one business transaction with the acting user attached for the audit hooks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from exoconsult.clock import Clock
from exoconsult.domain.people import Actor
from exoconsult.storage.audit import append_entry
from exoconsult.storage.db import Database


class UnitOfWork:
    """`with UnitOfWork(db, actor, clock) as uow:` ... `uow.commit()`. Leaving without commit rolls back."""

    def __init__(self, db: Database, actor: Actor, clock: Clock, *, write: bool = True) -> None:
        self._db, self.actor, self.clock, self._write = db, actor, clock, write
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._db.session(write=self._write)
        self.session.info["actor"] = self.actor
        self.session.info["clock"] = self.clock
        return self

    def now(self) -> datetime:
        return self.clock.now()

    def audit(self, action: str, entity: str, entity_id: object, *, before: Any = None, after: Any = None,
              detail: Any = None) -> None:
        """An explicit audit entry (views, prints, logins, exports) in this transaction."""
        self.session.flush()
        append_entry(self.session, actor=self.actor, at=self.now(), action=action, entity=entity,
                     entity_id=str(entity_id), before=before, after=after, detail=detail)

    def commit(self) -> None:
        self.session.commit()

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()
