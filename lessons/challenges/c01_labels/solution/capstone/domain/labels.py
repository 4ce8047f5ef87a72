"""The rules for labels: a task's labels are a set, and only the task's owner sees or sets them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.domain.tasks import Task, TaskService
from capstone.storage.models import TaskLabel

__all__ = ["MAX_LABELS", "LabelService", "TooManyLabelsError"]

MAX_LABELS = 10  # labels on one task, once a name given twice counts once


class TooManyLabelsError(ValueError):
    """More labels than a task may have."""


class LabelService:
    """One owner's labels, for one request."""

    def __init__(self, session: AsyncSession, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id
        # The task rules decide whose task it is: another owner's task is "not found" here too.
        self.tasks = TaskService(session=session, owner_id=owner_id)

    async def set_labels(self, task_id: int, names: Iterable[str]) -> list[str]:
        """Replace the task's labels; a name given twice is one label. Sorted, as stored."""
        await self.tasks.get(task_id)
        wanted = sorted(set(names))
        if len(wanted) > MAX_LABELS:
            raise TooManyLabelsError(f"A task has at most {MAX_LABELS} labels, not {len(wanted)}")
        await self.session.execute(delete(TaskLabel).where(TaskLabel.task_id == task_id))
        self.session.add_all(TaskLabel(task_id=task_id, name=name) for name in wanted)
        await self.session.flush()
        return wanted

    async def labels_of(self, task_id: int) -> list[str]:
        await self.tasks.get(task_id)
        names = await self.session.scalars(
            select(TaskLabel.name).where(TaskLabel.task_id == task_id).order_by(TaskLabel.name)
        )
        return list(names)

    async def tasks_with(self, name: str) -> list[Task]:
        """The owner's tasks with this label, oldest first."""
        found = await self.session.scalars(
            select(Task)
            .join(TaskLabel, TaskLabel.task_id == Task.id)
            .where(Task.owner_id == self.owner_id, TaskLabel.name == name)
            .order_by(Task.id)
        )
        return list(found)
