"""The tasks every step works with, and a small in-memory store standing in for a database."""

# --8<-- [start:tasks]
from dataclasses import dataclass

from litestar.exceptions import NotFoundException


@dataclass(frozen=True)
class Task:
    id: int
    title: str
    done: bool = False


class TaskStore:
    """Holds tasks in a dict; a real app would talk to a database here."""

    def __init__(self, name: str, tasks: tuple[Task, ...]) -> None:
        self.name = name
        self._tasks = {task.id: task for task in tasks}

    async def list(self, limit: int) -> list[Task]:
        return list(self._tasks.values())[:limit]

    async def get(self, task_id: int) -> Task:
        try:
            return self._tasks[task_id]
        except KeyError:
            raise NotFoundException(f"Task {task_id} not found") from None


LIVE = TaskStore(
    "live",
    (Task(1, "Write the lesson"), Task(2, "Test every claim"), Task(3, "Ship it")),
)
ARCHIVE = TaskStore("archive", (Task(100, "Plan the first sprint", done=True),))
# --8<-- [end:tasks]
