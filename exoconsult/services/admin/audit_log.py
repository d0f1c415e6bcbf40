"""The admin audit viewer (HIPAA "record and examine"): filter by user, patient, action and date,
page through, export to CSV. Looking at the audit and exporting it are audited too."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from exoconsult.domain.errors import ValidationError
from exoconsult.domain.translatable import QT_TRANSLATE_NOOP, Reason, service_message
from exoconsult.services.core.context import ServiceContext
from exoconsult.services.core.permissions import Permission, use_case
from exoconsult.services.core.work import Work
from exoconsult.storage import audit_log
from exoconsult.storage.audit_log import AuditQuery

MAX_PAGE = 500
CSV_COLUMNS = ("seq", "at", "actor_id", "actor", "role", "workstation", "action", "entity", "entity_id",
               "before", "after", "detail", "hash")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditFilter:
    user_id: int | None = None  # who acted
    patient_id: int | None = None
    action: str | None = None
    since: datetime | None = None  # inclusive; timezone-aware
    until: datetime | None = None  # exclusive; timezone-aware


@dataclass(frozen=True)
class AuditEntryDTO:
    seq: int
    at: str  # ISO-8601 UTC with microseconds, exactly as hashed
    actor_id: int
    actor: str
    role: str
    workstation: str
    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None
    detail: str | None
    hash: str


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntryDTO, ...]  # newest first
    total: int
    offset: int
    limit: int
    up_to_seq: int  # pass back as `up_to_seq` for the next pages so they do not shift


def _query(f: AuditFilter) -> AuditQuery:
    problems: dict[str, str | Reason] = {}
    for name in ("since", "until"):
        when = getattr(f, name)
        if when is not None and (not isinstance(when, datetime) or when.tzinfo is None):
            problems[name] = service_message(QT_TRANSLATE_NOOP("ServiceMessages",
                                                               "Give a date and time with its time zone."))
    if f.since and f.until and not problems and f.until <= f.since:
        problems["until"] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "The end must be after the start."))
    for name in ("user_id", "patient_id"):
        value = getattr(f, name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            problems[name] = service_message(QT_TRANSLATE_NOOP("ServiceMessages", "Give a number."))
    if problems:
        raise ValidationError(problems)
    return AuditQuery(actor_id=f.user_id, patient_id=f.patient_id, action=(f.action or None),
                      since=f.since, until=f.until)


def _dto(row) -> AuditEntryDTO:
    return AuditEntryDTO(**{c: getattr(row, c) for c in CSV_COLUMNS})


def _filter_detail(f: AuditFilter) -> dict:
    return {k: v for k, v in (("user_id", f.user_id), ("patient_id", f.patient_id), ("action", f.action),
                              ("since", f.since), ("until", f.until)) if v is not None}


def _cell(value: object) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ is prefixed with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class AuditLogService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @use_case(Permission.AUDIT_VIEW)
    def query(self, work: Work, flt: AuditFilter, *, offset: int = 0, limit: int = 100,
              up_to_seq: int | None = None) -> AuditPage:
        """One page, newest first. The first call pins the newest entry (`AuditPage.up_to_seq`); pass it
        back for the following pages, or new entries (this very viewing, for one) shift them."""
        uow = work.uow
        q = _query(flt)
        if not (isinstance(offset, int) and isinstance(limit, int)) or offset < 0 or not 1 <= limit <= MAX_PAGE:
            raise ValidationError({"limit": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "Page size must be 1 to {most}; offset must not be negative."), most=MAX_PAGE)})
        pinned = audit_log.head_seq(uow.session) if up_to_seq is None else int(up_to_seq)
        q = replace(q, max_seq=pinned)
        total = audit_log.count(uow.session, q)
        entries = tuple(_dto(r) for r in audit_log.page(uow.session, q, offset=offset, limit=limit))
        uow.audit("audit_view", "audit", "", detail={**_filter_detail(flt), "offset": offset, "shown": len(entries)})
        work.commit()
        return AuditPage(entries, total, offset, limit, pinned)

    @use_case(Permission.AUDIT_VIEW, write=False)
    def actions(self, work: Work) -> list[str]:
        """The action names present, for the viewer's filter list."""
        uow = work.uow
        return audit_log.actions(uow.session)

    @use_case(Permission.AUDIT_VIEW)
    def export_csv(self, work: Work, flt: AuditFilter, dest: Path) -> int:
        """Write every matching entry (oldest first) to `dest` as UTF-8 CSV, owner-only; returns the count.
        `dest` is a path the admin chose in a save dialog; an existing file is not overwritten."""
        uow = work.uow
        q = _query(flt)
        dest = Path(dest)
        if not dest.parent.is_dir():
            raise ValidationError({"destination": service_message(QT_TRANSLATE_NOOP(
                "ServiceMessages", "The folder {folder} does not exist."), folder=dest.parent)})
        tmp = dest.with_name(dest.name + ".partial")
        n = 0
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(CSV_COLUMNS)
                for row in audit_log.iterate(uow.session, q):
                    writer.writerow([_cell(getattr(row, c)) for c in CSV_COLUMNS])
                    n += 1
                fh.flush()
                os.fsync(fh.fileno())
            if dest.exists():
                raise ValidationError({"destination": service_message(QT_TRANSLATE_NOOP(
                    "ServiceMessages", "{name} already exists; choose another name."), name=dest.name)})
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        uow.audit("audit_export", "audit", "", detail={**_filter_detail(flt), "rows": n, "file": dest.name})
        work.commit()
        return n

    @use_case(Permission.AUDIT_VIEW)
    def export_csv_text(self, work: Work, flt: AuditFilter) -> str:
        """The same CSV as a string (for a preview or a GUI save flow that writes the file itself)."""
        uow = work.uow
        q = _query(flt)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        n = 0
        for row in audit_log.iterate(uow.session, q):
            writer.writerow([_cell(getattr(row, c)) for c in CSV_COLUMNS])
            n += 1
        uow.audit("audit_export", "audit", "", detail={**_filter_detail(flt), "rows": n, "file": None})
        work.commit()
        return out.getvalue()
