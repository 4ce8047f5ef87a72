"""Validate the import: a bulk endpoint that refuses what it cannot store.

Your task (the whole contract is in task.md, or on the lesson page): POST /tasks/import is
fast because it checks nothing. A priority nobody knows, a string for an id or a time with
no offset is stored as it came. Make every such body a 400, and store nothing from it.
"""

import dataclasses
import json
from datetime import datetime
from enum import StrEnum
from typing import Any

from litestar import Litestar, Request, get, post


class Priority(StrEnum):
    LOW = "low"
    HIGH = "high"


@dataclasses.dataclass(kw_only=True)
class Task:
    id: int
    title: str
    priority: Priority
    due: datetime  # must carry its offset: "2026-03-01T09:00:00+01:00"


STORED: list[Task] = []


# TODO: decode the body into validated Tasks: a wrong type, an unknown priority or a naive
# time must be a 400 (and nothing stored), never a 201 and never a 500.
@post("/tasks/import")
async def import_tasks(request: Request[Any, Any, Any]) -> dict[str, int]:
    tasks = [Task(**item) for item in json.loads(await request.body())]
    STORED.extend(tasks)
    return {"imported": len(tasks)}


@get("/tasks")
async def list_tasks() -> list[Task]:
    return STORED


app = Litestar(route_handlers=[import_tasks, list_tasks])
