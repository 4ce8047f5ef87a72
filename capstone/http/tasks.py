"""The task routes. Every one is scoped to the signed-in user; the rules live in domain/."""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator
from datetime import date
from enum import StrEnum
from typing import Annotated

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ClientException
from litestar.openapi.spec import Link
from litestar.pagination import OffsetPagination
from litestar.params import FromPath, HeaderParameter, JSONBody, QueryParameter
from litestar.security.jwt import Token
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.domain.events import LiveEvents
from capstone.domain.tasks import RequestTransactions, SortKey, TaskQuery, TaskService
from capstone.domain.users import SignedIn
from capstone.domain.values import Priority, Status
from capstone.http.events import publish
from capstone.http.openapi import ETAG, LOCATION, REPLAYED, documented, header_format
from capstone.http.schemas import NewTask, TaskChanges, TaskOut, errors

MAX_PAGE = 100  # the largest `limit` a client may ask for


class Sort(StrEnum):
    # An enum, not a regex: `^...$` would also let "created\n" through (lesson 17).
    CREATED = "created"
    CREATED_DESCENDING = "-created"
    DUE = "due"
    DUE_DESCENDING = "-due"
    PRIORITY = "priority"
    PRIORITY_DESCENDING = "-priority"


IF_MATCH = r'^(\*|"[0-9]{1,9}")$'
_ETAG = re.compile(IF_MATCH)

IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        description='The ETag from a GET, e.g. "3": the change applies only to that version;'
        " * (or no If-Match) applies it to whatever version is current",
        # In the document only: a wrong value gets the message of expected_version().
        schema_extra=header_format(IF_MATCH),
    ),
]


# --8<-- [start:idempotency-key]
IdempotencyKeyHeader = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        description="1-64 of A-Z a-z 0-9 . _ : - ; a retry with the same key and body"
        " within 24 hours returns the first task instead of creating another",
        schema_extra=header_format("^[A-Za-z0-9._:-]{1,64}$"),
    ),
]
_KEY = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def idempotency_key(value: str | None) -> str | None:
    if value is not None and _KEY.fullmatch(value) is None:
        raise ClientException(
            f"Idempotency-Key must be 1 to 64 of A-Z a-z 0-9 . _ : -, not {value!r}"
        )
    return value


# --8<-- [end:idempotency-key]


def etag(task: TaskOut) -> dict[str, str]:
    return {"ETag": f'"{task.version}"'}


def expected_version(if_match: str | None) -> int | None:
    """The version an If-Match header asks for; None when the client sent none or `*`."""
    if if_match is None:
        return None
    # The server has already stripped the spaces around a header's value (RFC 9110 5.5).
    match = _ETAG.fullmatch(if_match)
    if match is None:
        raise ClientException(f'If-Match must be an ETag such as "3", not {if_match!r}')
    return None if match[1] == "*" else int(match[1].strip('"'))


def provide_tasks_with(transactions: RequestTransactions, channels: LiveEvents) -> Provide:
    """The routes' `tasks`: the signed-in user's TaskService, in a transaction of its own.

    `transactions` and `channels` are captured here rather than injected beside
    `db_session`: Litestar resolves the dependencies of one level that do not depend on each
    other concurrently, in an anyio task group: two asyncio tasks more on every request.
    """

    # --8<-- [start:commit-then-publish]
    async def provide_tasks(
        request: Request[SignedIn, Token, State], db_session: NamedDependency[AsyncSession]
    ) -> AsyncGenerator[TaskService, None]:
        # A write waits for its turn (SQLite); a read starts no transaction (database.py).
        await transactions.begin(db_session, request.method, request.scope["state"])
        service = TaskService(
            session=db_session,
            owner_id=request.user.id,
            rows=transactions.rows_for_reads,
            inserts=transactions.insert_returning,
        )
        yield service
        # After the handler, before its answer is sent: a commit that fails is an error
        # answer (503), never a 201 for a task the database does not have. (Had the route
        # raised, we would not be here: the plugin rolls back once the error is answered.)
        await transactions.commit(db_session, request.method, request.scope["state"])
        # Only now is there something to announce: a client that hears it will find it.
        publish(channels, service.outbox)
        # --8<-- [end:commit-then-publish]

    return Provide(provide_tasks)


# Where a client (and schemathesis's stateful tests) can go from an answer holding a task.
_BY_ID = {"task_id": "$response.body#/id"}
_WITH_ETAG = {**_BY_ID, "header.If-Match": "$response.header.ETag"}
ON_A_TASK = {
    "read": Link(operation_id="readTask", parameters=_BY_ID, description="Read it again"),
    "update": Link(operation_id="updateTask", parameters=_WITH_ETAG, description="Change it"),
    "delete": Link(operation_id="deleteTask", parameters=_WITH_ETAG, description="Delete it"),
}


class TaskController(Controller):
    path = "/tasks"
    tags = ("tasks",)
    # `tasks` comes from the app (create_app: provide_tasks_with), built from its settings.

    @post(
        summary="Create a task",
        operation_id="createTask",
        responses=errors(400, 401, 413, 422),
        operation_class=documented(
            headers={201: {"ETag": ETAG, "Location": LOCATION, "Idempotent-Replayed": REPLAYED}},
            links={201: ON_A_TASK},
        ),
    )
    async def create(
        self,
        data: JSONBody[NewTask],
        tasks: NamedDependency[TaskService],
        key: IdempotencyKeyHeader = None,
    ) -> Response[TaskOut]:
        values = {name: getattr(data, name) for name in data.__struct_fields__}
        if (key := idempotency_key(key)) is None:
            task, replayed = TaskOut.of(await tasks.create(values)), False
        else:
            created, replayed = await tasks.create_once(values, key)
            task = TaskOut.of(created)
        headers = {**etag(task), "Location": f"/tasks/{task.id}"}
        if replayed:
            headers["Idempotent-Replayed"] = "true"
        return Response(task, status_code=201, headers=headers)

    @get(
        summary="List, filter, sort and page your tasks",
        operation_id="listTasks",
        responses=errors(400, 401),
        operation_class=documented(),
    )
    async def list_tasks(
        self,
        *,
        tasks: NamedDependency[TaskService],
        status: Annotated[
            Status | None, QueryParameter(description="Only tasks in this status")
        ] = None,
        priority: Annotated[Priority | None, QueryParameter()] = None,
        due_before: Annotated[date | None, QueryParameter(name="due_before")] = None,
        due_after: Annotated[date | None, QueryParameter(name="due_after")] = None,
        q: Annotated[
            str | None, QueryParameter(max_length=200, description="Text in the title")
        ] = None,
        sort: Annotated[
            Sort, QueryParameter(description="A leading - sorts descending")
        ] = Sort.CREATED,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 20,
        # Bounded like any 64-bit integer the database can compare (a larger one is a 400).
        offset: Annotated[
            # Written as an integer: Litestar would write the bound as a float, 2**63 rounded
            # up, and so promise an offset the database cannot take.
            int, QueryParameter(ge=0, le=2**63 - 1, schema_extra={"maximum": 2**63 - 1})
        ] = 0,
    ) -> OffsetPagination[TaskOut]:
        query = TaskQuery(
            status=status,
            priority=priority,
            due_before=due_before,
            due_after=due_after,
            search=q,
            sort=SortKey(sort.removeprefix("-")),
            descending=sort.startswith("-"),
            limit=limit,
            offset=offset,
        )
        found, total = await tasks.find(query)
        # Litestar's page shape (advanced-alchemy's class): {items, limit, offset, total}.
        return OffsetPagination(
            items=[TaskOut.of(task) for task in found], limit=limit, offset=offset, total=total
        )

    @get(
        "/{task_id:int}",
        summary="Read a task and its ETag",
        operation_id="readTask",
        responses=errors(400, 401, 404),
        operation_class=documented(headers={200: {"ETag": ETAG}}, links={200: ON_A_TASK}),
    )
    async def read(
        self, task_id: FromPath[int], tasks: NamedDependency[TaskService]
    ) -> Response[TaskOut]:
        task = TaskOut.of(await tasks.view(task_id))
        return Response(task, headers=etag(task))

    @patch(
        "/{task_id:int}",
        summary="Change some fields of a task",
        operation_id="updateTask",
        responses=errors(400, 401, 404, 412, 413),
        operation_class=documented(
            headers={200: {"ETag": ETAG}, 412: {"ETag": ETAG}}, links={200: ON_A_TASK}
        ),
    )
    async def update(
        self,
        task_id: FromPath[int],
        data: JSONBody[TaskChanges],
        tasks: NamedDependency[TaskService],
        if_match: IfMatch = None,
    ) -> Response[TaskOut]:
        changed = await tasks.update(task_id, data.given(), expected_version(if_match))
        task = TaskOut.of(changed)
        return Response(task, headers=etag(task))

    @delete(
        "/{task_id:int}",
        summary="Delete a task",
        operation_id="deleteTask",
        responses=errors(400, 401, 404, 412),
        operation_class=documented(headers={412: {"ETag": ETAG}}),
    )
    async def remove(
        self, task_id: FromPath[int], tasks: NamedDependency[TaskService], if_match: IfMatch = None
    ) -> None:
        await tasks.delete(task_id, expected_version(if_match))
