"""The same endpoint answered with msgspec Structs."""

# --8<-- [start:app]
from typing import Annotated

from litestar import Litestar, get
from litestar.params import QueryParameter

from lessons.l20_performance.models import StructTask, task_rows

TASKS = tuple(StructTask(**row) for row in task_rows(1000))


# Only the return type differs from step 1: Litestar encodes Structs with msgspec
# directly, with no conversion to a dict first.
@get("/tasks")
async def list_tasks(
    limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
) -> list[StructTask]:
    return list(TASKS[:limit])


app = Litestar(route_handlers=[list_tasks])
# --8<-- [end:app]
