"""Provide a value by name, and ask for it with NamedDependency."""

# --8<-- [start:app]
from dataclasses import dataclass
from typing import Annotated

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, QueryParameter

from lessons.l06_dependency_injection.tasks import LIVE, Task, TaskStore


# --8<-- [start:providers]
async def provide_store() -> TaskStore:
    """A provider is any callable; what it returns is what the handler gets."""
    return LIVE


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


# A provider declares what it needs exactly as a handler does: these two query
# parameters are read, validated and documented once, for every handler that pages.
async def provide_page(
    limit: Annotated[int, QueryParameter(ge=1, le=50)] = 10,
    offset: Annotated[int, QueryParameter(ge=0)] = 0,
) -> Page:
    return Page(limit=limit, offset=offset)


# --8<-- [end:providers]


# --8<-- [start:handlers]
# `NamedDependency[T]` says "inject the dependency whose key is this argument's name".
@get("/tasks")
async def list_tasks(store: NamedDependency[TaskStore], page: NamedDependency[Page]) -> list[Task]:
    tasks = await store.list(limit=page.offset + page.limit)
    return tasks[page.offset :]


@get("/tasks/{task_id:int}")
async def get_task(task_id: FromPath[int], store: NamedDependency[TaskStore]) -> Task:
    return await store.get(task_id)


# --8<-- [end:handlers]
# The keys of this dict are the names handlers ask for.
app = Litestar(
    route_handlers=[list_tasks, get_task],
    dependencies={"store": Provide(provide_store), "page": Provide(provide_page)},
)
# --8<-- [end:app]
