"""Approvals of clinical content (protocol, texts, schedules) and the per-account grants that allow them.

An approval binds who, when and the SHA-256 of exactly the bytes approved (kept with it, so a later version
can be shown as a difference); it is write-once (triggers), so a changed file can only be approved anew.
A grant gives one account a permission its role may hold but does not get by default (the approver);
withdrawing it sets `revoked_at`, so the audit keeps who held it when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text, UniqueConstraint, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from exoconsult.storage.orm import Audited, Base


class ContentApprovalRow(Audited, Base):
    __tablename__ = "content_approval"
    __audit_entity__ = "content_approval"
    __table_args__ = (UniqueConstraint("kind", "content_id", "language", "version", "sha256",
                                       name="uq_content_approval_bytes"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))  # protocol | explanation | comprehension | consent | ...
    content_id: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))  # "all" for a file holding every language
    version: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(String(200))  # relative to the forms folder, as shown to the approver
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # The approved bytes themselves (the audit records their SHA-256 and length, the replay re-checks them).
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    approved_by: Mapped[int] = mapped_column(Integer)
    approver_name: Mapped[str] = mapped_column(String(160))  # title and name as printed
    approved_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")


class AccountGrantRow(Audited, Base):
    __tablename__ = "account_grant"
    __audit_entity__ = "account_grant"
    __table_args__ = (UniqueConstraint("user_id", "permission", name="uq_account_grant_user_permission"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer, index=True)
    permission: Mapped[str] = mapped_column(String(40))
    granted_at: Mapped[datetime]
    granted_by: Mapped[int] = mapped_column(Integer)
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[int | None] = mapped_column(Integer)
    row_version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": row_version}


class ContentApprovalRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, row: ContentApprovalRow) -> ContentApprovalRow:
        self._s.add(row)
        self._s.flush()
        return row

    def all(self) -> Sequence[ContentApprovalRow]:
        """Every approval, oldest first (without the approved bytes)."""
        return self._s.scalars(select(ContentApprovalRow).order_by(ContentApprovalRow.id)).all()

    def of(self, kind: str, content_id: str, language: str) -> Sequence[ContentApprovalRow]:
        """The approvals of one document in one language, oldest first."""
        return self._s.scalars(select(ContentApprovalRow).where(
            ContentApprovalRow.kind == kind, ContentApprovalRow.content_id == content_id,
            ContentApprovalRow.language == language).order_by(ContentApprovalRow.id)).all()

    def content_of(self, approval_id: int) -> bytes:
        return self._s.scalar(select(ContentApprovalRow.content).where(ContentApprovalRow.id == approval_id)) or b""

    def with_content(self) -> Sequence[tuple[int, str, bytes]]:
        """(id, recorded sha256, stored bytes) of every approval: verify re-hashes the bytes."""
        rows = self._s.execute(select(ContentApprovalRow.id, ContentApprovalRow.sha256, ContentApprovalRow.content)
                               .order_by(ContentApprovalRow.id)).all()
        return [(r[0], r[1], r[2]) for r in rows]


def approvals_in(source) -> list:
    """Every approval (without the bytes), oldest first, over a plain connection of `source` (a Database or a
    read-only backup copy being checked before a restore); [] for a database from before approvals existed."""
    with source.connect() as conn:
        if not inspect(conn).has_table(ContentApprovalRow.__tablename__):
            return []
        return list(conn.execute(select(
            ContentApprovalRow.kind, ContentApprovalRow.content_id, ContentApprovalRow.language,
            ContentApprovalRow.version, ContentApprovalRow.sha256, ContentApprovalRow.path,
            ContentApprovalRow.approver_name, ContentApprovalRow.approved_at).order_by(ContentApprovalRow.id)))


class GrantRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, user_id: int, permission: str) -> AccountGrantRow | None:
        return self._s.scalar(select(AccountGrantRow).where(AccountGrantRow.user_id == user_id,
                                                            AccountGrantRow.permission == permission))

    def holds(self, user_id: int, permission: str) -> bool:
        row = self.get(user_id, permission)
        return row is not None and row.revoked_at is None

    def holders(self, permission: str) -> set[int]:
        return set(self._s.scalars(select(AccountGrantRow.user_id).where(
            AccountGrantRow.permission == permission, AccountGrantRow.revoked_at.is_(None))))

    def set(self, user_id: int, permission: str, held: bool, *, at: datetime, by: int) -> bool:
        """Grant or withdraw; returns whether anything changed."""
        row = self.get(user_id, permission)
        if row is None:
            if not held:
                return False
            self._s.add(AccountGrantRow(user_id=user_id, permission=permission, granted_at=at, granted_by=by))
        elif held and row.revoked_at is not None:
            row.granted_at, row.granted_by, row.revoked_at, row.revoked_by = at, by, None, None
        elif not held and row.revoked_at is None:
            row.revoked_at, row.revoked_by = at, by
        else:
            return False
        self._s.flush()
        return True
