"""Validate the import: a bulk endpoint that refuses what it cannot store.

A typed body is decoded and validated by msgspec before the handler runs: any wrong value is
a 400 that names it, and the handler only ever sees valid Tasks.
"""

import dataclasses
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import msgspec
from litestar import Litestar, get, post
from litestar.params import JSONBody


class Priority(StrEnum):
    LOW = "low"
    HIGH = "high"


# tz=True: a time without an offset is refused, not guessed.
Aware = Annotated[datetime, msgspec.Meta(tz=True)]


@dataclasses.dataclass(kw_only=True)
class Task:
    id: int
    title: str
    priority: Priority
    due: Aware


STORED: list[Task] = []


@post("/tasks/import")
async def import_tasks(data: JSONBody[list[Task]]) -> dict[str, int]:
    STORED.extend(data)  # all of them or, when one is wrong, none: the 400 came first
    return {"imported": len(data)}


@get("/tasks")
async def list_tasks() -> list[Task]:
    return STORED


app = Litestar(route_handlers=[import_tasks, list_tasks])
