"""GET /tasks answered with pydantic models."""

# --8<-- [start:app]
from typing import Annotated

from litestar import Litestar, get
from litestar.params import QueryParameter

from lessons.l20_performance.models import PydanticTask, task_rows

# Built once at import: the benchmark times serving, not building the data.
TASKS = tuple(PydanticTask(**row) for row in task_rows(1000))


@get("/tasks")
async def list_tasks(
    limit: Annotated[int, QueryParameter(ge=1, le=1000)] = 100,
) -> list[PydanticTask]:
    return list(TASKS[:limit])


# No plugin to register: Litestar adds its pydantic plugin whenever pydantic is installed.
app = Litestar(route_handlers=[list_tasks])
# --8<-- [end:app]
