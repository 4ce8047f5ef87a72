"""The task routes. Every one is scoped to the signed-in user; the rules live in domain/."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ClientException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, HeaderParameter, JSONBody, QueryParameter
from litestar.security.jwt import Token
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.domain.tasks import SortKey, TaskQuery, TaskService
from capstone.domain.values import Priority, Status
from capstone.http.schemas import NewTask, TaskChanges, TaskOut, TaskPage
from capstone.storage.models import User

MAX_PAGE = 100  # the largest `limit` a client may ask for


class Sort(StrEnum):
    # An enum, not a regex: `^...$` would also let "created\n" through (lesson 14).
    CREATED = "created"
    CREATED_DESCENDING = "-created"
    DUE = "due"
    DUE_DESCENDING = "-due"
    PRIORITY = "priority"
    PRIORITY_DESCENDING = "-priority"


_ETAG = re.compile(r'^"(\d{1,9})"$')

IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        description='The ETag from a GET, e.g. "3": the change applies only to that version',
    ),
]


def etag(task: TaskOut) -> dict[str, str]:
    return {"ETag": f'"{task.version}"'}


def expected_version(if_match: str | None) -> int | None:
    """The version an If-Match header asks for; None when the client sent none or `*`."""
    if if_match is None or if_match.strip() == "*":
        return None
    match = _ETAG.fullmatch(if_match.strip())
    if match is None:
        raise ClientException(f'If-Match must be an ETag such as "3", not {if_match!r}')
    return int(match[1])


async def provide_tasks(
    request: Request[User, Token, State], db_session: NamedDependency[AsyncSession]
) -> TaskService:
    service = TaskService(session=db_session, owner_id=request.user.id)
    # The events are published after the response, once the changes are committed.
    request.state.outbox = service.outbox
    return service


_412 = ResponseSpec(
    data_container=dict[str, Any], description="Stale If-Match: the body has the current task"
)


class TaskController(Controller):
    path = "/tasks"
    tags = ("tasks",)
    dependencies = {"tasks": Provide(provide_tasks)}  # noqa: RUF012 - Litestar's class attribute

    @post(summary="Create a task")
    async def create(
        self, data: JSONBody[NewTask], tasks: NamedDependency[TaskService]
    ) -> Response[TaskOut]:
        task = TaskOut.of(
            await tasks.create({name: getattr(data, name) for name in data.__struct_fields__})
        )
        headers = {**etag(task), "Location": f"/tasks/{task.id}"}
        return Response(task, status_code=201, headers=headers)

    @get(summary="List, filter, sort and page your tasks")
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
        offset: Annotated[int, QueryParameter(ge=0)] = 0,
    ) -> TaskPage:
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
        return TaskPage(
            items=[TaskOut.of(task) for task in found], total=total, limit=limit, offset=offset
        )

    @get("/{task_id:int}", summary="Read a task and its ETag")
    async def read(
        self, task_id: FromPath[int], tasks: NamedDependency[TaskService]
    ) -> Response[TaskOut]:
        task = TaskOut.of(await tasks.get(task_id))
        return Response(task, headers=etag(task))

    @patch("/{task_id:int}", summary="Change some fields of a task", responses={412: _412})
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

    @delete("/{task_id:int}", summary="Delete a task", responses={412: _412})
    async def remove(
        self, task_id: FromPath[int], tasks: NamedDependency[TaskService], if_match: IfMatch = None
    ) -> None:
        await tasks.delete(task_id, expected_version(if_match))
