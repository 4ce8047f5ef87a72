"""The due-soon feed: the owner's open tasks due within their window, overdue ones included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from capstone.domain.tasks import Task
from capstone.domain.values import Status
from capstone.storage.models import User

__all__ = ["DueSoon"]


class DueSoon:
    """One owner's feed and window, for one request."""

    def __init__(
        self,
        session: AsyncSession,
        owner_id: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session = session
        self.owner_id = owner_id
        self.clock = clock

    async def window(self) -> int:
        days = await self.session.scalar(select(User.due_soon_days).where(User.id == self.owner_id))
        return int(days or 0)

    async def set_window(self, days: int) -> int:
        await self.session.execute(
            update(User).where(User.id == self.owner_id).values(due_soon_days=days)
        )
        return days

    async def tasks(self) -> list[Task]:
        """Not done, with a due date no later than the window's last day; soonest first."""
        last_day = self.clock().date() + timedelta(days=await self.window())
        found = await self.session.scalars(
            select(Task)
            .where(
                Task.owner_id == self.owner_id,
                Task.status != Status.DONE,
                Task.due_date.is_not(None),
                Task.due_date <= last_day,  # overdue tasks are due soonest of all
            )
            .order_by(Task.due_date, Task.id)
        )
        return list(found)
