"""Read a text/event-stream body the way the HTML standard tells a browser to."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Event:
    """One block of the stream: the lines up to a blank line."""

    event: str | None = None
    data: str | None = None  # data: lines joined with "\n"; None when there was none
    id: str | None = None
    retry: int | None = None
    comments: tuple[str, ...] = ()


def parse_events(body: str) -> list[Event]:
    """Every block in the stream, comment-only blocks included."""
    events: list[Event] = []
    fields: dict[str, str] = {}
    data: list[str] = []
    comments: list[str] = []
    for line in _LINE_BREAK.split(body):
        if line == "":
            if fields or data or comments:
                events.append(_event(fields, data, comments))
            fields, data, comments = {}, [], []
        elif line.startswith(":"):
            comments.append(line[1:].removeprefix(" "))
        else:
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data":
                data.append(value)
            else:
                fields[name] = value
    unfinished = fields or data or comments
    assert not unfinished, "the stream must end with a blank line"
    return events


def _event(fields: dict[str, str], data: list[str], comments: list[str]) -> Event:
    return Event(
        event=fields.get("event"),
        data="\n".join(data) if data else None,
        id=fields.get("id"),
        retry=int(fields["retry"]) if "retry" in fields else None,
        comments=tuple(comments),
    )


def fired_in_a_browser(events: list[Event]) -> list[tuple[str, str]]:
    """(type, data) of the events EventSource dispatches: a block with no data: line fires none."""
    return [(event.event or "message", event.data) for event in events if event.data is not None]
