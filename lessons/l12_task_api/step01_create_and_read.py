"""Create a task and read it back: msgspec models, an id counter, aware timestamps."""

# --8<-- [start:app]
from litestar import Litestar, get, post
from litestar.params import FromPath, JSONBody

from lessons.l12_task_api.body_errors import TaskRequest
from lessons.l12_task_api.models import NewTask, Task
from lessons.l12_task_api.store import STORE


@post("/tasks")  # 201 Created is POST's default: no status_code needed
async def create_task(data: JSONBody[NewTask]) -> Task:
    # `data` is already a valid NewTask: a bad body never gets this far.
    return STORE.add(data)


@get("/tasks/{task_id:int}")
async def get_task(task_id: FromPath[int]) -> Task:
    return STORE.get(task_id)


app = Litestar(route_handlers=[create_task, get_task], request_class=TaskRequest)
# --8<-- [end:app]
