"""Four layers: app, router, controller, handler; the lowest one that provides a key wins."""

# --8<-- [start:app]
from dataclasses import dataclass

from litestar import Controller, Litestar, Router, get
from litestar.di import NamedDependency, Provide

from lessons.l06_dependency_injection.tasks import ARCHIVE, LIVE, Task, TaskStore


@dataclass(frozen=True)
class Listing:
    store: str
    page_size: int
    tasks: list[Task]


async def listing(store: TaskStore, page_size: int) -> Listing:
    return Listing(store=store.name, page_size=page_size, tasks=await store.list(page_size))


# --8<-- [start:providers]
async def provide_live_store() -> TaskStore:
    return LIVE


async def provide_archive_store() -> TaskStore:
    return ARCHIVE


async def provide_page_size() -> int:
    return 2


async def provide_export_page_size() -> int:
    return 1000


# --8<-- [end:providers]


# --8<-- [start:layers]
class TaskController(Controller):
    path = "/tasks"

    @get()  # sees `store` from the app and `page_size` from the router
    async def list_tasks(
        self, store: NamedDependency[TaskStore], page_size: NamedDependency[int]
    ) -> Listing:
        return await listing(store, page_size)

    # Handler layer: an export wants everything, so it overrides `page_size`.
    @get("/export", dependencies={"page_size": Provide(provide_export_page_size)})
    async def export_tasks(
        self, store: NamedDependency[TaskStore], page_size: NamedDependency[int]
    ) -> Listing:
        return await listing(store, page_size)


class ArchiveController(Controller):
    path = "/archive"
    # Controller layer: every handler here reads the archive instead of the live store.
    # (Controller declares this attribute; ruff cannot know Litestar only reads it.)
    dependencies = {"store": Provide(provide_archive_store)}  # noqa: RUF012

    @get()
    async def list_archived(
        self, store: NamedDependency[TaskStore], page_size: NamedDependency[int]
    ) -> Listing:
        return await listing(store, page_size)


# Router layer: `page_size` exists only for handlers under /api.
api = Router(
    path="/api",
    route_handlers=[TaskController, ArchiveController],
    dependencies={"page_size": Provide(provide_page_size)},
)

# App layer: every handler in the app can ask for `store`.
app = Litestar(route_handlers=[api], dependencies={"store": Provide(provide_live_store)})
# --8<-- [end:layers]
# --8<-- [end:app]
