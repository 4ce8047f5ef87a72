"""Generator dependencies: set up, yield the value, tear down after the handler."""

# --8<-- [start:app]
from collections.abc import AsyncIterator

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath

from lessons.l06_dependency_injection.tasks import LIVE, Task, TaskStore

# A list stands in for a log, so you (and the tests) can see what ran when.
EVENTS: list[str] = []


# --8<-- [start:generator]
async def provide_session() -> AsyncIterator[TaskStore]:
    EVENTS.append("open session")  # setup: before the handler runs
    try:
        yield LIVE  # the handler gets this value
    except Exception as error:
        # The handler's exception is thrown in here, at the `yield`.
        EVENTS.append(f"roll back ({type(error).__name__})")
        raise  # re-raise: Litestar turns it into the response either way
    else:
        EVENTS.append("commit")  # only when the handler succeeded
    finally:
        EVENTS.append("close session")  # runs on success and on failure


# --8<-- [end:generator]


@get("/tasks/{task_id:int}")
async def get_task(task_id: FromPath[int], session: NamedDependency[TaskStore]) -> Task:
    EVENTS.append(f"handler reads task {task_id}")
    return await session.get(task_id)  # a missing task raises NotFoundException


@get("/events")
async def list_events() -> list[str]:
    return EVENTS


# A generator needs no special flag: Litestar sees the `yield` and adds the teardown.
app = Litestar(
    route_handlers=[get_task, list_events],
    dependencies={"session": Provide(provide_session)},
)
# --8<-- [end:app]
