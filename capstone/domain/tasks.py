"""The rules for tasks: whose they are, what a change does, and when a write is refused."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, Literal

from advanced_alchemy.extensions.litestar import filters, repository
from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Executable,
    Row,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from capstone.domain.values import PRIORITY_RANK, Priority, Status
from capstone.storage.database import RequestTransactions
from capstone.storage.models import IdempotencyKey, Task, User

# What the layers above may use; they know the Task model from here, not from storage.
__all__ = [
    "KEY_LIFETIME",
    "IdempotencyKeyReusedError",
    "OwnerGoneError",
    "RequestTransactions",
    "SortKey",
    "Task",
    "TaskEvent",
    "TaskNotFoundError",
    "TaskQuery",
    "TaskService",
    "TaskView",
    "VersionConflictError",
]

_SMALLEST_ID, _LARGEST_ID = -(2**63), 2**63 - 1  # the range of a BIGINT primary key


class TaskNotFoundError(Exception):
    """No such task for this owner (another owner's task is "not found" too)."""


class OwnerGoneError(Exception):
    """The signed-in user's account no longer exists: a valid token, but nobody to write for."""


class VersionConflictError(Exception):
    """The client changed a version of the task that is no longer the current one."""

    def __init__(self, current: Task) -> None:
        super().__init__(f"task {current.id} is at version {current.version}")
        self.current = current


class IdempotencyKeyReusedError(Exception):
    """The client sent an Idempotency-Key again, with a different request."""

    def __init__(self, key: str) -> None:
        super().__init__(
            f"Idempotency-Key {key!r} was already used with a different body; "
            "use a new key for a new task"
        )


# How long a retry with the same Idempotency-Key returns the first request's task.
KEY_LIFETIME = timedelta(hours=24)


class SortKey(StrEnum):
    CREATED = "created"
    DUE = "due"
    PRIORITY = "priority"


_SORT_COLUMNS = {
    SortKey.CREATED: "created_at",
    SortKey.DUE: "due_date",
    SortKey.PRIORITY: "priority_rank",
}
# The owner, two orderings and the page: a listing with no filter of the client's.
_UNFILTERED = 4

# --8<-- [start:built-once]
# What a client sees of a task, as columns: a read returns rows, not ORM objects that the
# session would build, track in its identity map and throw away once converted to TaskOut.
VIEW = (
    Task.id,
    Task.title,
    Task.description,
    Task.priority,
    Task.status,
    Task.due_date,
    Task.created_at,
    Task.updated_at,
    Task.completed_at,
    Task.version,
)


_TASK_COUNT = select(User.task_count).where(User.id == bindparam("owner_id"))


def _page(sort: SortKey, descending: bool) -> Any:
    column = getattr(Task, _SORT_COLUMNS[sort])
    order = (column.desc(), Task.id.desc()) if descending else (column.asc(), Task.id.asc())
    # The owner's total rides along on every row: the page and its total in one round trip.
    total = _TASK_COUNT.scalar_subquery().label("total")
    return (
        select(*VIEW, total)
        .where(Task.owner_id == bindparam("owner_id"))
        .order_by(*order)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


# Built once, at import, with bound parameters where the values go: a request only
# supplies the values (SQLAlchemy caches the compiled SQL either way; this also skips
# building the statement and its filters again on every request).
_PAGES = {(sort, down): _page(sort, down) for sort in SortKey for down in (False, True)}
_ONE = select(*VIEW).where(Task.id == bindparam("task_id"), Task.owner_id == bindparam("owner_id"))
# --8<-- [end:built-once]
# --8<-- [start:insert-returning]
# A create is one INSERT that returns the visible columns: no Task object for the unit of
# work to track, flush and convert. The version starts at 1, as version_id_col would set it.
_INSERT = insert(Task).returning(*VIEW)
# The owner's counter moves in the same transaction, by one atomic UPDATE.
_COUNTER = (
    update(User)
    .where(User.id == bindparam("owner_id"))
    .values(task_count=User.task_count + bindparam("change"))
)
# --8<-- [end:insert-returning]


# What the service gives to be shown: a Task, or a row of VIEW's columns, in VIEW's order.
TaskView = Task | Sequence[Any]


@dataclass(frozen=True)
class TaskQuery:
    status: Status | None = None
    priority: Priority | None = None
    due_before: date | None = None
    due_after: date | None = None
    search: str | None = None
    sort: SortKey = SortKey.CREATED
    descending: bool = False
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class TaskEvent:
    kind: str  # "created", "updated" or "deleted"
    owner_id: int
    task: TaskView


class TaskRepository(repository.SQLAlchemyAsyncRepository[Task]):
    model_type = Task


class TaskService:
    """One owner's view of the tasks, for one request."""

    def __init__(
        self,
        session: AsyncSession,
        owner_id: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        *,
        rows: bool = True,  # reads as rows of prepared statements (False: the benchmark's before)
        inserts: bool = True,  # creates by INSERT ... RETURNING (False: the benchmark's before)
    ) -> None:
        self.session = session
        self.owner_id = owner_id
        self.clock = clock
        self.rows = rows
        self.inserts = inserts
        # Events of this request; published only once its changes are committed.
        self.outbox: list[TaskEvent] = []

    @functools.cached_property
    def repository(self) -> TaskRepository:
        # Built when a query needs it: an unfiltered listing or a GET never does.
        return TaskRepository(session=self.session)

    async def _run(self, statement: Executable, values: dict[str, Any]) -> CursorResult[Any]:
        # A statement of columns needs nothing of the ORM session but its connection (and
        # its transaction): run there, it skips the ORM's bookkeeping for every statement.
        connection = await self.session.connection()
        return await connection.execute(statement, values)

    async def create(self, values: dict[str, Any]) -> Task | Row[Any]:
        task: Task | Row[Any]
        row = {
            **values,
            "owner_id": self.owner_id,
            "priority_rank": PRIORITY_RANK[values["priority"]],
            "completed_at": self.clock() if values["status"] is Status.DONE else None,
        }
        try:
            if self.inserts:
                task = (await self._run(_INSERT, {**row, "version": 1})).one()
            else:
                task = Task(**row)
                self.session.add(task)
                await self.session.flush()
        except IntegrityError:
            # A new task refers to nothing but its owner (a foreign key): the account was
            # deleted after its token was issued. The token still signs in (the id in it is
            # trusted), but it can never write for an account that is gone.
            await self.session.rollback()
            raise OwnerGoneError(f"The account {self.owner_id} no longer exists") from None
        await self._count(+1)
        self.outbox.append(TaskEvent("created", self.owner_id, task))
        return task

    # --8<-- [start:create-once]
    async def create_once(self, values: dict[str, Any], key: str) -> tuple[Task | Row[Any], bool]:
        """Create a task, unless this key already did: then (that task, True)."""
        fingerprint = hashlib.sha256(
            json.dumps(values, sort_keys=True, default=str).encode()
        ).hexdigest()
        earlier = await self._created_with(key, fingerprint)
        if earlier is not None:
            return earlier, True
        task = await self.create(values)
        self.session.add(
            IdempotencyKey(
                owner_id=self.owner_id, key=key, fingerprint=fingerprint, task_id=task.id
            )
        )
        try:
            await self.session.flush()  # the unique (owner_id, key) decides
        except IntegrityError:
            # A concurrent retry with this key committed first: undo ours, answer with theirs.
            await self.session.rollback()
            self.outbox.clear()
            return await self.create_once(values, key)
        return task, False

    async def _created_with(self, key: str, fingerprint: str) -> Task | None:
        stored = await self.session.scalar(
            select(IdempotencyKey).where(
                IdempotencyKey.owner_id == self.owner_id, IdempotencyKey.key == key
            )
        )
        if stored is None:
            return None
        if stored.created_at <= self.clock() - KEY_LIFETIME:
            await self.session.delete(stored)  # expired: the key is free again
            await self.session.flush()
            return None
        if stored.fingerprint != fingerprint:
            raise IdempotencyKeyReusedError(key)
        return await self.get(stored.task_id)
        # --8<-- [end:create-once]

    # --8<-- [start:owner-scoped-get]
    async def get(self, task_id: int) -> Task:
        if not _SMALLEST_ID <= task_id <= _LARGEST_ID:
            # Ids are 64-bit: a larger number names no task, and the database driver
            # would refuse to even compare it (an OverflowError, a 500).
            raise TaskNotFoundError(f"There is no task {task_id}")
        task = await self.repository.get_one_or_none(id=task_id, owner_id=self.owner_id)
        if task is None:
            raise TaskNotFoundError(f"There is no task {task_id}")
        return task
        # --8<-- [end:owner-scoped-get]

    async def view(self, task_id: int) -> TaskView:
        """A task to show (not to change): a row with the task's visible columns."""
        if not self.rows:
            return await self.get(task_id)
        if not _SMALLEST_ID <= task_id <= _LARGEST_ID:
            raise TaskNotFoundError(f"There is no task {task_id}")
        found = await self._run(_ONE, {"task_id": task_id, "owner_id": self.owner_id})
        task: Row[Any] | None = found.first()
        if task is None:
            raise TaskNotFoundError(f"There is no task {task_id}")
        return task

    async def find(self, query: TaskQuery) -> tuple[Sequence[TaskView], int]:
        order: Literal["asc", "desc"] = "desc" if query.descending else "asc"
        wanted: list[filters.StatementFilter | ColumnElement[bool]] = [
            Task.owner_id == self.owner_id,
            filters.OrderBy(field_name=_SORT_COLUMNS[query.sort], sort_order=order),
            filters.OrderBy(field_name="id", sort_order=order),  # ties: a stable order
            filters.LimitOffset(limit=query.limit, offset=query.offset),
        ]
        if query.status is not None:
            wanted.append(Task.status == query.status)
        if query.priority is not None:
            wanted.append(Task.priority == query.priority)
        if query.due_before is not None:
            wanted.append(Task.due_date < query.due_before)
        if query.due_after is not None:
            wanted.append(Task.due_date > query.due_after)
        if query.search:
            wanted.append(
                filters.SearchFilter(field_name="title", value=query.search, ignore_case=True)
            )
        if len(wanted) > _UNFILTERED:
            found, total = await self.repository.get_many_and_count(
                *wanted, count_with_window_function=False
            )
            return list(found), total
        # No filter: the total is the owner's counter, not a COUNT over every task.
        if self.rows:
            values = {"owner_id": self.owner_id, "limit": query.limit, "offset": query.offset}
            rows = (await self._run(_PAGES[query.sort, query.descending], values)).all()
            if rows:  # each row is a task's visible columns, then the total
                return [row[:-1] for row in rows], rows[0].total
            # An empty page (no tasks, or an offset past them) still tells the total.
            count = (await self._run(_TASK_COUNT, {"owner_id": self.owner_id})).scalar()
            return [], count or 0
        tasks = await self.repository.get_many(*wanted)
        count = await self.session.scalar(select(User.task_count).where(User.id == self.owner_id))
        return list(tasks), count or 0

    async def update(
        self, task_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> Task:
        task = await self._current(task_id, expected_version)
        was_done = task.status is Status.DONE
        for name, value in changes.items():
            setattr(task, name, value)
        task.priority_rank = PRIORITY_RANK[task.priority]
        if task.status is Status.DONE and not was_done:
            task.completed_at = self.clock()
        elif task.status is not Status.DONE:
            task.completed_at = None
        await self._write(task_id)
        self.outbox.append(TaskEvent("updated", self.owner_id, task))
        return task

    async def delete(self, task_id: int, expected_version: int | None) -> None:
        task = await self._current(task_id, expected_version)
        await self.session.delete(task)
        await self._write(task_id)
        await self._count(-1)
        self.outbox.append(TaskEvent("deleted", self.owner_id, task))

    async def _current(self, task_id: int, expected_version: int | None) -> Task:
        task = await self.get(task_id)
        if expected_version is not None and task.version != expected_version:
            raise VersionConflictError(task)
        return task

    async def _count(self, change: int) -> None:
        # One atomic UPDATE: concurrent creates and deletes cannot lose a change.
        if self.inserts:
            await self._run(_COUNTER, {"owner_id": self.owner_id, "change": change})
            return
        counter = update(User).where(User.id == self.owner_id)
        await self.session.execute(counter.values(task_count=User.task_count + change))

    async def _write(self, task_id: int) -> None:
        try:
            await self.session.flush()
        except StaleDataError:
            # Another request wrote this version between our read and our write.
            await self.session.rollback()
            raise VersionConflictError(await self.get(task_id)) from None
