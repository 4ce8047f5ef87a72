"""The due-soon routes: the feed, and the window it looks ahead."""

from __future__ import annotations

from typing import Annotated

from capstone.domain.due_soon import DueSoon
from litestar import Request, Router, get, put
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.params import JSONBody
from litestar.security.jwt import Token
from msgspec import Meta, Struct
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.domain.users import SignedIn
from capstone.http.openapi import documented
from capstone.http.schemas import TaskOut, errors


class Window(Struct, forbid_unknown_fields=True):
    """How many days ahead the due-soon feed looks."""

    days: Annotated[int, Meta(ge=1, le=30)]


async def provide_due_soon(
    request: Request[SignedIn, Token, State], db_session: NamedDependency[AsyncSession]
) -> DueSoon:
    return DueSoon(session=db_session, owner_id=request.user.id)


@get(
    "/tasks/due-soon",
    summary="Your open tasks due within your window, overdue ones first",
    operation_id="listTasksDueSoon",
    responses=errors(401),
    operation_class=documented(),
)
async def due_soon(feed: NamedDependency[DueSoon]) -> list[TaskOut]:
    return [TaskOut.of(task) for task in await feed.tasks()]


@get(
    "/me/due-soon",
    summary="How many days ahead your due-soon feed looks",
    operation_id="readDueSoonWindow",
    responses=errors(401),
    operation_class=documented(),
)
async def read_window(feed: NamedDependency[DueSoon]) -> Window:
    return Window(days=await feed.window())


@put(
    "/me/due-soon",
    summary="Change how many days ahead your due-soon feed looks",
    operation_id="setDueSoonWindow",
    responses=errors(400, 401, 413),
    operation_class=documented(),
)
async def set_window(data: JSONBody[Window], feed: NamedDependency[DueSoon]) -> Window:
    return Window(days=await feed.set_window(data.days))


due_soon_router = Router(
    "/",
    route_handlers=[due_soon, read_window, set_window],
    dependencies={"feed": Provide(provide_due_soon)},
    tags=["tasks"],
)
