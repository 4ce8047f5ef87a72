"""The task resource and the two bodies clients send, as msgspec Structs."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

import msgspec


# --8<-- [start:enums]
# A StrEnum member is a str, so it encodes as "high" and a query or body
# value outside the list is a 400 that quotes it.
class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Status(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    DONE = "done"


# --8<-- [end:enums]


# --8<-- [start:task]
# What the API answers with. frozen: a stored task is never edited in place;
# PATCH stores a changed copy.
class Task(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    title: str
    description: str
    priority: Priority
    status: Status
    created_at: datetime
    completed_at: datetime | None = None


# --8<-- [end:task]


# --8<-- [start:new-task]
# Written once, used by both bodies: 1 to 200 characters.
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


# What POST /tasks accepts. The server owns id, status and the timestamps, and
# forbid_unknown_fields turns a typo such as "priorty" into a 400 instead of
# a task quietly created with the default priority.
class NewTask(msgspec.Struct, forbid_unknown_fields=True):
    title: Title
    description: str = ""
    priority: Priority = Priority.MEDIUM


# --8<-- [end:new-task]


# --8<-- [start:task-changes]
# What PATCH /tasks/{id} accepts: every field optional. UNSET means "not in the
# body", which is different from a value; null is not a title, so it is a 400.
class TaskChanges(msgspec.Struct, forbid_unknown_fields=True):
    title: Title | msgspec.UnsetType = msgspec.UNSET
    description: str | msgspec.UnsetType = msgspec.UNSET
    priority: Priority | msgspec.UnsetType = msgspec.UNSET
    status: Status | msgspec.UnsetType = msgspec.UNSET

    def sent(self) -> dict[str, object]:
        """Only the fields the client sent, ready for msgspec.structs.replace."""
        return {
            name: value
            for name in self.__struct_fields__
            if (value := getattr(self, name)) is not msgspec.UNSET
        }


# --8<-- [end:task-changes]
