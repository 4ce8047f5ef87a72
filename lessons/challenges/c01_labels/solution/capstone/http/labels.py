"""The label routes: set and read a task's labels, list your tasks with a label."""

from __future__ import annotations

from typing import Annotated

from capstone.domain.labels import LabelService, TooManyLabelsError
from litestar import Controller, Request, get, put
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import ClientException
from litestar.params import FromPath, JSONBody, PathParameter
from litestar.security.jwt import Token
from msgspec import Meta
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.domain.users import SignedIn
from capstone.http.openapi import documented
from capstone.http.schemas import TaskOut, errors

# 1 to 30 of a-z 0-9 -; the lookahead refuses a newline, which `$` alone lets through.
LABEL = r"^(?![\s\S]*\n)[a-z0-9-]+$"
LabelName = Annotated[str, Meta(min_length=1, max_length=30, pattern=LABEL, examples=["home"])]


async def provide_labels(
    request: Request[SignedIn, Token, State], db_session: NamedDependency[AsyncSession]
) -> LabelService:
    return LabelService(session=db_session, owner_id=request.user.id)


class LabelController(Controller):
    tags = ("tasks",)
    dependencies = {"labels": Provide(provide_labels)}  # noqa: RUF012 - Litestar's class attribute

    @put(
        "/tasks/{task_id:int}/labels",
        summary="Replace a task's labels",
        operation_id="setTaskLabels",
        responses=errors(400, 401, 404, 413),
        operation_class=documented(),
    )
    async def set_labels(
        self,
        task_id: FromPath[int],
        # Litestar 2.25 ignores a Meta(max_length=...) on a list that is the whole body:
        # how many labels a task may have is the domain's rule (domain/labels.py).
        data: JSONBody[list[LabelName]],
        labels: NamedDependency[LabelService],
    ) -> list[str]:
        try:
            return await labels.set_labels(task_id, data)
        except TooManyLabelsError as error:
            raise ClientException(str(error)) from None

    @get(
        "/tasks/{task_id:int}/labels",
        summary="A task's labels",
        operation_id="readTaskLabels",
        responses=errors(400, 401, 404),
        operation_class=documented(),
    )
    async def read_labels(
        self, task_id: FromPath[int], labels: NamedDependency[LabelService]
    ) -> list[str]:
        return await labels.labels_of(task_id)

    @get(
        "/labels/{name:str}/tasks",
        summary="Your tasks with a label",
        operation_id="listTasksWithLabel",
        responses=errors(400, 401),
        operation_class=documented(),
    )
    async def tasks_with_label(
        self,
        name: Annotated[str, PathParameter(min_length=1, max_length=30, pattern=LABEL)],
        labels: NamedDependency[LabelService],
    ) -> list[TaskOut]:
        return [TaskOut.of(task) for task in await labels.tasks_with(name)]
