"""One task shape written four times: pydantic, msgspec, attrs and a dataclass."""

import dataclasses
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

import attrs
import msgspec
import pydantic


# --8<-- [start:enums]
class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Status(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"


# --8<-- [end:enums]


# --8<-- [start:models]
# msgspec's way to refuse a naive datetime, as pydantic.AwareDatetime does; msgspec
# reads it on Structs, attrs classes and dataclasses alike.
Aware = Annotated[datetime, msgspec.Meta(tz=True)]


class PydanticTask(pydantic.BaseModel):
    id: int
    title: str
    description: str
    priority: Priority
    status: Status
    created_at: pydantic.AwareDatetime  # a naive datetime is refused
    completed_at: pydantic.AwareDatetime | None = None


class StructTask(msgspec.Struct, kw_only=True):
    id: int
    title: str
    description: str
    priority: Priority
    status: Status
    created_at: Aware
    completed_at: Aware | None = None


@attrs.define(kw_only=True)
class AttrsTask:
    id: int
    title: str
    description: str
    priority: Priority
    status: Status
    created_at: Aware
    completed_at: Aware | None = None


@dataclasses.dataclass(kw_only=True)
class DataclassTask:
    id: int
    title: str
    description: str
    priority: Priority
    status: Status
    created_at: Aware
    completed_at: Aware | None = None


# --8<-- [end:models]


# --8<-- [start:rows]
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def task_rows(count: int) -> list[dict[str, Any]]:
    """`count` deterministic tasks as plain values: every model is built from the same data."""
    priorities, statuses = list(Priority), list(Status)
    rows = []
    for number in range(1, count + 1):
        status = statuses[number % len(statuses)]
        created_at = START + timedelta(minutes=17 * number, microseconds=number)
        rows.append(
            {
                "id": number,
                "title": f"Task {number}",
                "description": f"Step {number} of the release checklist",
                "priority": priorities[number % len(priorities)],
                "status": status,
                "created_at": created_at,
                "completed_at": created_at + timedelta(hours=3) if status is Status.DONE else None,
            }
        )
    return rows


# --8<-- [end:rows]
