"""Helpers for the lesson 12 tests: a clock that only moves when read, and a store snapshot."""

from datetime import UTC, datetime, timedelta

from lessons.l12_task_api.models import Task
from lessons.l12_task_api.store import STORE

START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


class TickingClock:
    """Reads 09:00:00Z on 27 Nov 2026 first, then one minute later on every reading."""

    def __init__(self) -> None:
        self.next = START

    def __call__(self) -> datetime:
        now, self.next = self.next, self.next + timedelta(minutes=1)
        return now


def snapshot() -> tuple[dict[int, Task], int]:
    """Everything a request could change: the tasks (frozen, so a copy of the dict is enough)
    and the id counter."""
    return dict(STORE.tasks), STORE.last_id
