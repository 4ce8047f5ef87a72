"""PATCH changes part of a task, DELETE removes it: the full contract."""

# --8<-- [start:app]
from datetime import UTC, datetime, timedelta

import msgspec
from litestar import Litestar, delete, patch
from litestar.params import FromPath, JSONBody

from lessons.l12_task_api.body_errors import TaskRequest
from lessons.l12_task_api.models import Priority, Status, Task, TaskChanges
from lessons.l12_task_api.step01_create_and_read import create_task, get_task
from lessons.l12_task_api.step02_filters import list_tasks
from lessons.l12_task_api.store import STORE


# --8<-- [start:patch]
@patch("/tasks/{task_id:int}")
async def update_task(task_id: FromPath[int], data: JSONBody[TaskChanges]) -> Task:
    task = STORE.get(task_id)
    changed = msgspec.structs.replace(task, **data.sent())  # absent fields stay as they were
    # completed_at follows status: set when a task becomes done, cleared when it
    # leaves done, untouched otherwise (marking a done task done again keeps it).
    if changed.status is not task.status:
        completed_at = STORE.clock() if changed.status is Status.DONE else None
        changed = msgspec.structs.replace(changed, completed_at=completed_at)
    return STORE.save(changed)


# --8<-- [end:patch]


@delete("/tasks/{task_id:int}")  # 204 No Content is DELETE's default
async def delete_task(task_id: FromPath[int]) -> None:
    STORE.remove(task_id)


app = Litestar(
    route_handlers=[list_tasks, create_task, get_task, update_task, delete_task],
    request_class=TaskRequest,  # see body_errors.py
)
# --8<-- [end:app]


# --8<-- [start:seed]
SEED_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def seed(n: int) -> list[Task]:
    """Replace the store with tasks 1..n, the same on every call (demos, benchmarks)."""
    if n < 0:
        raise ValueError(f"cannot seed {n} tasks")
    tasks = []
    for number in range(1, n + 1):
        status = list(Status)[(number - 1) % 3]
        created_at = SEED_EPOCH + timedelta(minutes=number)
        tasks.append(
            Task(
                id=number,
                title=f"Task {number}",
                description=f"Seeded task number {number}",
                priority=list(Priority)[(number - 1) // 3 % 3],
                status=status,
                created_at=created_at,
                completed_at=created_at + timedelta(hours=1) if status is Status.DONE else None,
            )
        )
    STORE.reset(tasks)
    return tasks


# --8<-- [end:seed]
