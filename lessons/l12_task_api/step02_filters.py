"""List tasks, filtered by status and priority."""

# --8<-- [start:app]
from litestar import Litestar, get
from litestar.params import FromQuery

from lessons.l12_task_api.body_errors import TaskRequest
from lessons.l12_task_api.models import Priority, Status, Task
from lessons.l12_task_api.step01_create_and_read import create_task, get_task
from lessons.l12_task_api.store import STORE


@get("/tasks")
async def list_tasks(
    # An enum as the type: ?status=finished is a 400 naming the bad value.
    status: FromQuery[Status | None] = None,
    priority: FromQuery[Priority | None] = None,
) -> list[Task]:
    # Oldest first, by id. Ids only go up; two timestamps can be equal.
    return [
        task
        for task in STORE.tasks.values()
        if (status is None or task.status is status)
        and (priority is None or task.priority is priority)
    ]


app = Litestar(route_handlers=[list_tasks, create_task, get_task], request_class=TaskRequest)
# --8<-- [end:app]
