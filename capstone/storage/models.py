"""The tables. Alembic migrations (storage/migrations) are the only way they change."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from advanced_alchemy.extensions.litestar import base
from advanced_alchemy.types import DateTimeUTC
from sqlalchemy import (
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column


# The closed sets of values the task's columns hold. They live here, in the lowest layer,
# because the tables need them; domain/values.py gives them their meaning (and order).
class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Status(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class User(base.BigIntAuditBase):
    __tablename__ = "user_account"

    username: Mapped[str] = mapped_column(String(50), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    # How many tasks the user has, kept in the same transaction as every create and
    # delete: an unfiltered listing's total is then one row, not a COUNT over all tasks.
    task_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Task(base.BigIntAuditBase):
    __tablename__ = "task"
    __table_args__ = (
        # Every query filters by owner first; these keep the default sorts fast.
        Index("ix_task_owner_created", "owner_id", "created_at", "id"),
        Index("ix_task_owner_due", "owner_id", "due_date"),
    )

    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[Priority] = mapped_column(
        Enum(Priority, native_enum=False, length=10, values_callable=lambda e: [m.value for m in e])
    )
    # Stored beside the priority so that "sort by priority" can use a plain column.
    priority_rank: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[Status] = mapped_column(
        Enum(Status, native_enum=False, length=12, values_callable=lambda e: [m.value for m in e])
    )
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTimeUTC(timezone=True), nullable=True)
    # --8<-- [start:version]
    # SQLAlchemy adds `AND version = <what we read>` to every UPDATE and raises if no
    # row matched: two writers can never both succeed with the same version.
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's own API
    # --8<-- [end:version]


class IdempotencyKey(base.BigIntAuditBase):
    """A POST /tasks that carried an Idempotency-Key: a retry with the key gets its task."""

    __tablename__ = "idempotency_key"
    __table_args__ = (
        # The database decides which of two concurrent retries created the task.
        UniqueConstraint("owner_id", "key", name="uq_idempotency_key_owner_id_key"),
    )

    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    # A hash of the request body: the same key with another body is a client's mistake.
    fingerprint: Mapped[str] = mapped_column(String(64))
    # Deleting the task forgets the key with it.
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
