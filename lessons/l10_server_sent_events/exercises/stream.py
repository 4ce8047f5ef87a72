"""Read an event stream in a check the way a browser's EventSource does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lessons.kit import Reply

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Fired:
    """One event a browser would dispatch: blocks without a ``data:`` line fire nothing."""

    type: str
    data: str
    id: str | None


def fired_events(reply: Reply) -> list[Fired]:
    """The events ``EventSource`` would fire for this response, in order."""
    if not reply.headers.get("content-type", "").startswith("text/event-stream"):
        raise reply.failure(
            "Content-Type: text/event-stream",
            nudge="a stream is a response of its own kind: what does the handler return?",
        )
    fired: list[Fired] = []
    fields: dict[str, str] = {}
    data: list[str] = []
    for line in [*_LINE_BREAK.split(reply.text), ""]:
        if line == "":
            if data:
                fired.append(
                    Fired(fields.get("event", "message"), "\n".join(data), fields.get("id"))
                )
            fields, data = {}, []
        elif not line.startswith(":"):
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data":
                data.append(value)
            else:
                fields[name] = value
    return fired
