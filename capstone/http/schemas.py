"""What clients send and receive. Only these fields cross the wire; ids, owners, timestamps,
versions and completed_at are set by the server, and a request that sends them is a 400."""

from __future__ import annotations

from datetime import date, datetime
from http import HTTPStatus
from typing import Annotated

import msgspec
from litestar.openapi.datastructures import ResponseSpec
from msgspec import UNSET, Meta, Struct, UnsetType

from capstone.domain.tasks import Task, TaskView
from capstone.domain.users import User
from capstone.domain.values import Priority, Status

# At least one visible character, and no NUL anywhere (PostgreSQL cannot store one).
Title = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=200,
        pattern=r"^(?=[\s\S]*\S)[^\x00]*$",
        examples=["Write the report"],
    ),
]
Description = Annotated[str, Meta(max_length=10_000, pattern=r"^[^\x00]*$")]
Username = Annotated[
    # The lookahead refuses a newline, which `$` alone would let through at the end.
    str,
    Meta(min_length=3, max_length=50, pattern=r"^(?![\s\S]*\n)[A-Za-z0-9_.-]+$", examples=["ada"]),
]
Password = Annotated[str, Meta(min_length=8, max_length=128, examples=["correct horse battery"])]


class Credentials(Struct, forbid_unknown_fields=True):
    username: Username
    password: Password


class UserOut(Struct):
    id: int
    username: str
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=user.id, username=user.username, created_at=user.created_at)


class AccessToken(Struct):
    access_token: str
    token_type: str
    expires_in: int


class NewTask(Struct, forbid_unknown_fields=True):
    title: Title
    description: Description = ""
    priority: Priority = Priority.MEDIUM
    status: Status = Status.PENDING
    due_date: date | None = None


# --8<-- [start:task-changes]
class TaskChanges(Struct, forbid_unknown_fields=True):
    """PATCH body: every field optional; a field left out keeps its value."""

    title: Title | UnsetType = UNSET
    description: Description | UnsetType = UNSET
    priority: Priority | UnsetType = UNSET
    status: Status | UnsetType = UNSET
    due_date: date | UnsetType | None = UNSET

    def given(self) -> dict[str, object]:
        return {
            name: value
            for name in self.__struct_fields__
            if (value := getattr(self, name)) is not UNSET
        }
        # --8<-- [end:task-changes]


class TaskOut(Struct):
    id: int
    title: str
    description: str
    priority: Priority
    status: Status
    due_date: date | None
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    version: int

    @classmethod
    def of(cls, task: TaskView) -> TaskOut:
        if not isinstance(task, Task):
            # A row of the visible columns (domain/tasks.py VIEW), in this class's field
            # order (a test keeps them equal): by position, 20 times faster than by name.
            return cls(*task)
        return cls(
            id=task.id,
            title=task.title,
            description=task.description,
            priority=task.priority,
            status=task.status,
            due_date=task.due_date,
            created_at=task.created_at,
            updated_at=task.updated_at,
            completed_at=task.completed_at,
            version=task.version,
        )


class TaskEventOut(Struct):
    type: str  # task.created, task.updated or task.deleted
    task: TaskOut


def encode_event(kind: str, task: TaskView) -> bytes:
    return msgspec.json.encode(TaskEventOut(type=f"task.{kind}", task=TaskOut.of(task)))


class ErrorBody(Struct):
    """Every error the API answers (http/errors.py): RFC 9457 problem details."""

    status: int
    title: str  # the status phrase: "Not Found"
    detail: str  # what went wrong, for a person
    fields: list[dict[str, str]]  # for a 400: {"message", "key", "source"} per problem


class StaleVersionBody(ErrorBody):
    current: TaskOut  # the task as it is now: merge, then retry with its ETag


PROBLEM_JSON = "application/problem+json"  # RFC 9457


def errors(*statuses: int, database: bool = True) -> dict[int, ResponseSpec]:
    """The error responses of an operation, documented with the body they really have.

    Any operation can answer 500; one that needs the database, 503 when it does not answer.
    """
    statuses = (*statuses, 500, *((503,) if database else ()))
    return {
        status: ResponseSpec(
            StaleVersionBody if status == 412 else ErrorBody,
            description=HTTPStatus(status).phrase,
            media_type=PROBLEM_JSON,
            generate_examples=False,  # random examples would change on every start
        )
        for status in statuses
    }
