"""An in-memory task store: a dict, an id counter and a clock tests can replace."""

# --8<-- [start:store]
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from litestar.exceptions import NotFoundException

from lessons.l12_task_api.models import NewTask, Status, Task


def utc_now() -> datetime:
    # Aware: it carries its offset, and msgspec writes it with a trailing "Z".
    # (datetime.UTC is datetime.timezone.utc under a shorter name.)
    return datetime.now(UTC)


class TaskStore:
    def __init__(self, clock: Callable[[], datetime] = utc_now) -> None:
        self.clock = clock  # a parameter, so a test can stop time
        self.tasks: dict[int, Task] = {}
        self.last_id = 0

    def add(self, new: NewTask) -> Task:
        # No await between reading and bumping the counter: two requests
        # served by one event loop can never get the same id.
        self.last_id += 1
        task = Task(
            id=self.last_id,
            title=new.title,
            description=new.description,
            priority=new.priority,
            status=Status.PENDING,
            created_at=self.clock(),
        )
        self.tasks[task.id] = task
        return task

    def get(self, task_id: int) -> Task:
        try:
            return self.tasks[task_id]
        except KeyError:  # would be a 500; a missing task is the client's 404
            raise NotFoundException(f"Task {task_id} not found") from None

    def save(self, task: Task) -> Task:
        self.tasks[task.id] = task
        return task

    def remove(self, task_id: int) -> None:
        self.get(task_id)  # 404 if there is nothing to remove
        del self.tasks[task_id]

    def reset(self, tasks: Iterable[Task] = ()) -> None:
        """Replace everything; the next new task gets the id after the highest."""
        self.tasks = {task.id: task for task in tasks}
        self.last_id = max(self.tasks, default=0)


# One store for the whole process, shared by every step of the lesson.
STORE = TaskStore()
# --8<-- [end:store]
